#pragma once
// Partial calendar dates: a reader often knows the day but not the month.
#include <optional>
#include <string>

namespace crosscheck::core {

struct PartialDate {
  int year = 0;   // 0 = unknown
  int month = 0;
  int day = 0;

  bool empty() const { return year == 0 && month == 0 && day == 0; }
  bool complete() const { return year && month && day; }
  // Same where both know a field; unknown fields never make two dates differ.
  bool compatible(const PartialDate& other) const;
  std::string to_string() const;  // "2025-01-27", "2025-01", "----01-27"-style partials as "?-01-27"
};

std::optional<PartialDate> parse_iso_date(const std::string& text);  // "2025-01-31T14:43:00+09:00"
int days_from_civil(int y, int m, int d);
int weekday(int y, int m, int d);  // 0 = Monday .. 6 = Sunday
// Weekdays strictly after `from` up to and including `to`: the trading days between two closes.
int weekdays_between(const PartialDate& from, const PartialDate& to);
PartialDate add_months(PartialDate date, int months);
PartialDate date_from_days(int days);  // inverse of days_from_civil

}  // namespace crosscheck::core

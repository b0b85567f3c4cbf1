#pragma once
// Partial calendar dates: a reader often knows the day but not the month.
#include <optional>
#include <string>
#include <string_view>

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
// A period or date written as the report writes them ("2025", "2025-Q1", "2025-09", "2025-09-14",
// "2025-09-01/2025-09-20") moved by whole months: "2025-Q1" less 12 months is "2024-Q1", less 3
// "2024-Q4". Empty when the text is no such period or the shift does not fit it (a year by 3 months).
std::string shift_period(std::string_view period, int months);
// The period a figure over `window` takes from a neighbour's: a year's figure (연간 매출, window
// "1 year") in an article about 2024-Q4 is of 2024, not of the quarter; otherwise `period` itself.
std::string period_for_window(std::string_view period, std::string_view window);
// The months a span names: "1 year" 12, "2 quarter" 6, "1 month" 1; 0 for anything else
// ("one year", "01 year").
int span_months(std::string_view span);

}  // namespace crosscheck::core

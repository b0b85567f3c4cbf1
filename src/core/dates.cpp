#include "core/dates.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace crosscheck::core {

bool PartialDate::compatible(const PartialDate& o) const {
  if (year && o.year && year != o.year) return false;
  if (month && o.month && month != o.month) return false;
  if (day && o.day && day != o.day) return false;
  return true;
}

std::string PartialDate::to_string() const {
  if (empty()) return "";
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  std::string out = year ? std::to_string(year) : "?";
  if (!month && !day) return out;
  out += "-" + (month ? two(month) : std::string("?"));
  if (day) out += "-" + two(day);
  return out;
}

std::optional<PartialDate> parse_iso_date(const std::string& text) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
    return PartialDate{y, m, d};
  return std::nullopt;
}

int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

int weekday(int y, int m, int d) {
  int days = days_from_civil(y, m, d);  // 1970-01-01 was a Thursday (3)
  int w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

int weekdays_between(const PartialDate& from, const PartialDate& to) {
  if (!from.complete() || !to.complete()) return -1;
  int a = days_from_civil(from.year, from.month, from.day);
  int b = days_from_civil(to.year, to.month, to.day);
  if (b < a) return -1;
  int count = 0;
  for (int day = a + 1; day <= b; ++day) {
    int w = ((day + 3) % 7 + 7) % 7;
    if (w < 5) ++count;
  }
  return count;
}

PartialDate date_from_days(int days) {
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

std::string shift_period(std::string_view period, int months) {
  if (auto slash = period.find('/'); slash != std::string_view::npos) {
    std::string from = shift_period(period.substr(0, slash), months), to = shift_period(period.substr(slash + 1), months);
    return from.empty() || to.empty() ? std::string() : from + '/' + to;
  }
  auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    if (at + n > period.size()) return -1;
    for (std::size_t i = at; i < at + n; ++i) {
      if (period[i] < '0' || period[i] > '9') return -1;
      v = v * 10 + (period[i] - '0');
    }
    return v;
  };
  int year = digits(0, 4);
  if (year < 0) return {};
  char buf[16];
  if (period.size() == 4) {
    if (months % 12) return {};
    return std::to_string(year + months / 12);
  }
  if (period.size() == 7 && period.substr(4, 2) == "-Q") {
    int q = digits(6, 1);
    if (q < 1 || q > 4 || months % 3) return {};
    PartialDate d = add_months({year, (q - 1) * 3 + 1, 1}, months);
    std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
    return buf;
  }
  int month = period.size() >= 7 && period[4] == '-' ? digits(5, 2) : -1;
  if (month < 1 || month > 12) return {};
  PartialDate d = add_months({year, month, 1}, months);
  if (period.size() == 7) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    return buf;
  }
  int day = period.size() == 10 && period[7] == '-' ? digits(8, 2) : -1;
  if (day < 1 || day > 31) return {};
  PartialDate next = add_months({d.year, d.month, 1}, 1);
  day = std::min(day, days_from_civil(next.year, next.month, 1) - days_from_civil(d.year, d.month, 1));  // 29 Feb a year on
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, day);
  return buf;
}

int span_months(std::string_view span) {
  std::size_t i = 0;
  int n = 0;
  while (i < span.size() && span[i] >= '0' && span[i] <= '9' && n < 1000) n = n * 10 + (span[i++] - '0');
  if (i == 0 || span[0] == '0' || i >= span.size() || span[i] != ' ') return 0;
  std::string_view unit = span.substr(i + 1);
  if (unit == "year") return n * 12;
  if (unit == "quarter") return n * 3;
  if (unit == "month") return n;
  return 0;
}

std::string period_for_window(std::string_view period, std::string_view window) {
  bool within_year = period.size() > 5 && period[4] == '-' && period.find('/') == std::string_view::npos &&
                     std::all_of(period.begin(), period.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  if (window == "1 year" && within_year) return std::string(period.substr(0, 4));
  return std::string(period);
}

PartialDate add_months(PartialDate date, int months) {
  if (!date.year || !date.month) return date;
  int total = date.year * 12 + (date.month - 1) + months;
  date.year = total / 12;
  date.month = total % 12 + 1;
  return date;
}

}  // namespace crosscheck::core

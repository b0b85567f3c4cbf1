// Forensics: the marks a real error leaves on a figure. Two figures of one measure whose
// significant digits are the same digits in another order, or the same digits a power of ten
// apart, are very unlikely to be two true figures of different scopes; they are one figure
// copied wrongly. When the only reasons to set such a pair apart are inferred ones (a period
// the article names elsewhere, a time nobody stated, a qualifier on one side only), the marks
// outweigh them.
#include <algorithm>
#include <cmath>
#include <charconv>

#include "check/check.hpp"

namespace crosscheck::check {

std::string significant_digits(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::general, 10);
  if (error != std::errc()) return "";
  std::string digits;
  for (const char* p = buffer; p < end && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9') digits += *p;
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return digits;
}

ErrorMark mark_of(bool same_order, std::size_t digits, double ratio) {
  double exponent = std::log10(ratio);
  // 1462억 against 1조4620억: the same digits, ten times apart. Two digits or more, or a
  // single digit moves by chance (5% against 50%).
  if (same_order) return digits >= 2 && exponent >= 0.97 && std::fabs(exponent - std::round(exponent)) < 0.03 ? ErrorMark::scale : ErrorMark::none;
  // 48,720 against 48,270: three digits or more, or the swap is often a coincidence (2.3 / 3.2).
  return digits >= 3 && exponent < 1 ? ErrorMark::digits : ErrorMark::none;
}

constexpr std::string_view kPerHour = "/hour";

bool per_hour(const core::Quantity& q) {
  std::string_view unit = q.unit.view();
  return q.dimension == core::Dimension::measure && unit.size() > kPerHour.size() && unit.ends_with(kPerHour);
}

std::string_view compared_unit(const core::Quantity& q) {
  std::string_view unit = q.unit.view();
  if (per_hour(q)) unit.remove_suffix(kPerHour.size());
  return unit;
}

bool source_stated(std::string_view source) { return source.empty() || source == "restated" || source == "relative"; }

ErrorMark error_mark(const core::Quantity& a, const core::Quantity& b) {
  if (!std::isfinite(a.point) || !std::isfinite(b.point) || a.point == 0 || b.point == 0) return ErrorMark::none;
  // A copying error keeps the unit: 1,020 feet and 310 m share no digits by error.
  if (compared_unit(a) != compared_unit(b)) return ErrorMark::none;
  std::string x = significant_digits(a.point), y = significant_digits(b.point);
  if (x.size() != y.size()) return ErrorMark::none;
  std::string sx = x, sy = y;
  std::sort(sx.begin(), sx.end());
  std::sort(sy.begin(), sy.end());
  if (sx != sy) return ErrorMark::none;
  double ratio = std::max(std::fabs(a.point), std::fabs(b.point)) / std::min(std::fabs(a.point), std::fabs(b.point));
  return mark_of(x == y, x.size(), ratio);
}

bool moment_stated(const core::Claim& c) {
  const auto& source = c.scope.as_of_source;
  return source == "clause" || source == "sentence" || source == "paragraph" || source == "restated";
}

bool only_inferred_reasons(const ScopeComparison& cmp, const core::Claim& a, const core::Claim& b) {
  const auto& x = a.scope;
  const auto& y = b.scope;
  for (const auto& r : cmp.reasons) {
    bool weak = false;
    if (r == "date-unknown") weak = true;  // nothing was said, which sets nothing apart
    else if (r == "period") weak = !source_stated(x.period_source) || !source_stated(y.period_source);
    else if (r == "date") weak = !source_stated(x.date_source) || !source_stated(y.date_source);
    else if (r == "as-of") weak = !moment_stated(a) || !moment_stated(b);
    // A qualifier, a kind, a basis or a direction on one side only is a reading, not a contrast.
    else if (r == "subject") weak = x.qualifier.empty() || y.qualifier.empty();
    else if (r == "kind") weak = x.kind.empty() || y.kind.empty();
    else if (r == "basis") weak = x.basis.empty() || y.basis.empty();
    else if (r == "direction") weak = x.direction.empty() || y.direction.empty();
    if (!weak) return false;
  }
  return !cmp.reasons.empty();
}

}  // namespace crosscheck::check

#include <algorithm>
#include <cmath>

#include "check/check.hpp"
#include "core/text.hpp"

namespace crosscheck::check {

std::string render(const rules::RuleSet& rules, const std::string& language, const std::string& key,
                   const std::vector<std::pair<std::string, std::string>>& values) {
  std::string text = rules.message(language, key);
  for (const auto& [name, value] : values) {
    std::string slot = "{" + name + "}";
    for (std::size_t pos = text.find(slot); pos != std::string::npos; pos = text.find(slot, pos + value.size()))
      text.replace(pos, slot.size(), value);
  }
  return text;
}

std::string format_value(double value, const std::string& unit) {
  double a = std::fabs(value);
  std::string number;
  if (a >= 1e12) number = core::format_number(std::round(value / 1e9) / 1e3) + "T";
  else if (a >= 1e9) number = core::format_number(std::round(value / 1e6) / 1e3) + "B";
  else if (a >= 1e6) number = core::format_number(std::round(value / 1e3) / 1e3) + "M";
  else number = core::format_number(std::round(value * 100) / 100);
  if (unit == "%") return number + "%";
  if (unit == "pp") return number + "pp";
  if (unit == "times") return number + "x";
  if (unit == "count" || unit.empty()) return number;
  return number + " " + unit;
}

std::vector<std::string> agreement_reasons(const std::vector<const core::Claim*>& claims) {
  std::vector<std::string> reasons;
  auto add = [&](const std::string& r) {
    if (std::find(reasons.begin(), reasons.end(), r) == reasons.end()) reasons.push_back(r);
  };
  bool same_point = std::all_of(claims.begin(), claims.end(), [&](const core::Claim* c) {
    return std::fabs(c->quantity.point - claims.front()->quantity.point) <= 1e-9 * std::max(1.0, std::fabs(c->quantity.point));
  });
  for (const auto* c : claims)
    for (const auto& m : c->quantity.modifiers) {
      if (m.rfind("hedge:", 0) == 0) add("hedge");
      else if (m.rfind("bound:", 0) == 0) add("bound");
      else if (m == "range") add("range");
      else if (m == "vague") add("vague");
    }
  if (same_point) reasons.insert(reasons.begin(), "same-figure");
  else if (std::any_of(claims.begin(), claims.end(), [](const core::Claim* c) {
             return std::find(c->quantity.modifiers.begin(), c->quantity.modifiers.end(), "precision") != c->quantity.modifiers.end();
           }))
    reasons.insert(reasons.begin(), "rounding");
  return reasons;
}

std::vector<std::vector<std::size_t>> agreeing_sides(const std::vector<core::Interval>& intervals) {
  // Greedy stabbing: the interval that ends first fixes a side; every remaining interval that
  // meets it (and the others already on the side) shares a value with all of them.
  std::vector<std::size_t> order(intervals.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return intervals[a].hi != intervals[b].hi ? intervals[a].hi < intervals[b].hi : a < b;
  });
  std::vector<bool> taken(intervals.size(), false);
  std::vector<std::vector<std::size_t>> sides;
  for (std::size_t i : order) {
    if (taken[i]) continue;
    std::vector<std::size_t> side{i};
    for (std::size_t j : order) {
      if (taken[j] || j == i) continue;
      if (std::all_of(side.begin(), side.end(), [&](std::size_t k) { return intervals[k].meets(intervals[j]); })) side.push_back(j);
    }
    for (std::size_t j : side) taken[j] = true;
    std::sort(side.begin(), side.end());
    sides.push_back(side);
  }
  return sides;
}

ScopeComparison compare_scopes(const core::Claim& a, const core::Claim& b, bool time_varying) {
  ScopeComparison out;
  const auto& x = a.scope;
  const auto& y = b.scope;
  auto differ = [](const std::string& p, const std::string& q) { return !p.empty() && !q.empty() && p != q; };
  if (differ(x.qualifier, y.qualifier)) out.reasons.push_back("subject");
  if (differ(x.direction, y.direction)) out.reasons.push_back("direction");
  if (differ(x.window, y.window)) out.reasons.push_back("window");
  if (differ(x.basis, y.basis)) out.reasons.push_back("basis");
  if (differ(x.kind, y.kind)) out.reasons.push_back("kind");
  if (differ(x.period, y.period)) out.reasons.push_back("period");
  if (!x.date.empty() && !y.date.empty() && !x.date.compatible(y.date)) out.reasons.push_back("date");
  if (out.reasons.empty() && time_varying) {
    // A figure that changes over time conflicts only when both say the same day or period.
    bool same_date = x.date.complete() && y.date.complete() && x.date.compatible(y.date);
    bool same_day_partial = !x.date.empty() && !y.date.empty() && x.date.day && y.date.day && x.date.compatible(y.date);
    bool same_period = !x.period.empty() && x.period == y.period;
    if (!same_date && !same_day_partial && !same_period) out.reasons.push_back("date-unknown");
  }
  out.comparable = out.reasons.empty();
  return out;
}

}  // namespace crosscheck::check

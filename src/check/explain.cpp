#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "check/check.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace crosscheck::check {

std::string date_words(const rules::RuleSet& rules, const std::string& language, const core::PartialDate& date) {
  if (date.empty() || date.year) return date.to_string();
  const char* key = date.month && date.day ? "date.month-day" : date.day ? "date.day" : "date.month";
  return render(rules, language, key, {{"month", std::to_string(date.month)}, {"day", std::to_string(date.day)}});
}

namespace {

// Whether a text read aloud in Korean ends in a final consonant (받침), which decides a particle
// after it: 은/는, 이/가, 을/를, 과/와, 이라고/라고. A Hangul syllable says so itself; a digit,
// a Latin letter or a sign is looked up in `closed`, the messages' "sound.closed" (the characters
// whose Korean reading ends in one: 1 일, 3 삼, M 엠). Trailing brackets and spaces are not read.
bool ends_in_consonant(std::string_view text, std::string_view closed) {
  char32_t last = 0;
  for (std::size_t pos = 0, length = 1; pos < text.size(); pos += length) {
    char32_t cp = core::decode_at(text, pos, length);
    bool ascii_sound = cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '%');
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || ascii_sound) last = cp;
  }
  if (last >= 0xAC00) return (last - 0xAC00) % 28 != 0;
  return last && closed.find(static_cast<char>(last)) != std::string_view::npos;
}

}  // namespace

std::string render(const rules::RuleSet& rules, const std::string& language, const std::string& key,
                   const std::vector<std::pair<std::string, std::string>>& values) {
  // Slots are "{name}", or "{name|A|B}" for a particle that follows the sound of the value: A
  // after a final consonant, B after a vowel ("{main|은|는}"). One pass over the template, so a
  // value that itself holds braces is never read as a slot.
  const std::string text = rules.message(language, key);
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    std::size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string_view slot(text.data() + open + 1, close - open - 1);
    std::string_view name = slot.substr(0, slot.find('|'));
    auto value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
    if (value == values.end()) {
      out.append(text, open, close + 1 - open);  // not a slot of this message: left as written
    } else {
      out += value->second;
      if (name.size() < slot.size()) {
        std::string_view forms = slot.substr(name.size() + 1);
        std::size_t bar = forms.find('|');
        std::string_view after_consonant = forms.substr(0, bar);
        std::string_view after_vowel = bar == std::string_view::npos ? after_consonant : forms.substr(bar + 1);
        const std::string* closed = rules.find_message(language, "sound.closed");
        out += ends_in_consonant(value->second, closed ? std::string_view(*closed) : std::string_view()) ? after_consonant : after_vowel;
      }
    }
    pos = close + 1;
  }
  out.append(text, std::min(pos, text.size()), std::string::npos);
  return out;
}

std::string format_value(const rules::RuleSet& rules, const std::string& language, double value, const std::string& unit) {
  if (unit == "score") return core::score_text(value);
  const rules::NumberScale& scale = rules.number_scale(language, value);
  // Three decimals of a scale word (199.751T, 199.751조), two of a plain number.
  std::string number = scale.write(core::format_number(scale.power > 1 ? std::round(value / (scale.power / 1e3)) / 1e3 : std::round(value * 100) / 100));
  if (unit == "%") return number + "%";
  if (unit == "pp") return number + "pp";
  if (unit == "times") return number + "x";
  if (unit == "count" || unit.empty()) return number;
  return number + " " + rules.unit_name(language, unit);
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

namespace {

// Interval indices by end, ties by index: the order in which sides are fixed.
std::vector<std::size_t> by_end(const std::vector<core::Interval>& intervals) {
  std::vector<std::size_t> order(intervals.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return intervals[a].hi != intervals[b].hi ? intervals[a].hi < intervals[b].hi : a < b;
  });
  return order;
}

}  // namespace

std::vector<std::vector<std::size_t>> agreeing_sides_by_full_scan(const std::vector<core::Interval>& intervals) {
  // The interval that ends first fixes a side; every remaining interval that meets it (and the
  // others already on the side) shares a value with all of them. Intervals on a line meet
  // pairwise exactly when they share a point, so it is enough to keep the side's common part and
  // test each candidate against it.
  const std::vector<std::size_t> order = by_end(intervals);
  std::vector<bool> taken(intervals.size(), false);
  std::vector<std::vector<std::size_t>> sides;
  for (std::size_t i : order) {
    if (taken[i]) continue;
    std::vector<std::size_t> side{i};
    core::Interval common = intervals[i];
    for (std::size_t j : order) {
      if (taken[j] || j == i || !intervals[j].meets(common)) continue;
      side.push_back(j);
      common = common.narrowed_to(intervals[j]);
    }
    for (std::size_t j : side) taken[j] = true;
    std::sort(side.begin(), side.end());
    sides.push_back(std::move(side));
  }
  return sides;
}

std::vector<std::vector<std::size_t>> agreeing_sides(const std::vector<core::Interval>& intervals) {
  // NaN breaks the ordering below and infinite bounds pointing the wrong way break the
  // tolerance in Interval::meets; neither comes out of the reader, but neither may go wrong.
  bool ordinary = std::all_of(intervals.begin(), intervals.end(), [](const core::Interval& v) {
    return !std::isnan(v.lo) && !std::isnan(v.hi) && v.lo != core::Interval::infinity() && v.hi != -core::Interval::infinity();
  });
  if (!ordinary) return agreeing_sides_by_full_scan(intervals);
  const std::vector<std::size_t> order = by_end(intervals);

  // The same sides without visiting every interval for each side. A side's first interval ends
  // no later than any interval still free, so the side's common part ends where it does, and an
  // interval can only join if it starts before that end (the first test in Interval::meets).
  // Free intervals are kept in a list by start, and a side looks only at the list's front part
  // that passes that test, in the order the full scan would visit them.
  std::vector<std::size_t> rank(intervals.size());
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  std::vector<std::size_t> by_start = order;
  std::stable_sort(by_start.begin(), by_start.end(), [&](std::size_t a, std::size_t b) { return intervals[a].lo < intervals[b].lo; });
  // A doubly linked list over by_start positions; position n is the end.
  const std::size_t n = intervals.size();
  std::vector<std::size_t> next(n + 1), prev(n + 1);
  for (std::size_t p = 0; p <= n; ++p) next[p] = p + 1, prev[p] = p == 0 ? n : p - 1;
  std::size_t head = n == 0 ? n : 0;
  std::vector<std::size_t> position(n);
  for (std::size_t p = 0; p < n; ++p) position[by_start[p]] = p;
  auto unlink = [&](std::size_t p) {
    if (p == head) head = next[p];
    else next[prev[p]] = next[p];
    if (next[p] < n) prev[next[p]] = prev[p];
  };
  std::vector<bool> taken(n, false);
  std::vector<std::vector<std::size_t>> sides;
  std::vector<std::size_t> candidates;
  for (std::size_t i : order) {
    if (taken[i]) continue;
    const double end = intervals[i].hi;
    candidates.clear();
    for (std::size_t p = head; p < n; p = next[p]) {
      double start = intervals[by_start[p]].lo;
      if (end < start - 1e-9 * std::max({1.0, std::fabs(end), std::fabs(start)})) break;
      if (by_start[p] != i) candidates.push_back(by_start[p]);
    }
    std::sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
    std::vector<std::size_t> side{i};
    core::Interval common = intervals[i];
    for (std::size_t j : candidates) {
      if (!intervals[j].meets(common)) continue;
      side.push_back(j);
      common = common.narrowed_to(intervals[j]);
    }
    for (std::size_t j : side) taken[j] = true, unlink(position[j]);
    std::sort(side.begin(), side.end());
    sides.push_back(std::move(side));
  }
  return sides;
}

bool periods_compatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  // Some days of a month (the interval 2025-09-01/2025-09-20) are not the whole month.
  if (a.find('/') != std::string::npos || b.find('/') != std::string::npos) return a == b;
  auto parts = [](const std::string& p) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t dash = p.find('-'); ; dash = p.find('-', start)) {
      out.push_back(p.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
      if (dash == std::string::npos) break;
      start = dash + 1;
    }
    return out;
  };
  auto x = parts(a), y = parts(b);
  for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
    if (x[i] != "?" && y[i] != "?" && x[i] != y[i]) return false;
  // A whole year against one of its quarters or months (연간 매출 300조원, 4분기 매출 75조원) is
  // two periods, when both years are known.
  if (x.size() != y.size() && (x.size() == 1 || y.size() == 1) && x[0] != "?" && y[0] != "?") return false;
  return true;
}

core::Interval tolerant_interval(const core::Quantity& q) {
  core::Interval v = q.value;
  if (q.point < 0) v = {-v.hi, -v.lo, v.hi_closed, v.lo_closed};
  bool plain = std::find(q.modifiers.begin(), q.modifiers.end(), "precision") != q.modifiers.end();
  if (plain && v.bounded()) v.hi += (v.hi - v.lo) / 2;
  return v;
}

ScopeComparison compare_scopes(const core::Claim& a, const core::Claim& b, bool time_varying, int year_a, int year_b) {
  ScopeComparison out;
  const auto& x = a.scope;
  const auto& y = b.scope;
  // One article that gives two figures of one measure is setting them side by side (this year and
  // last, a region and the nation), not contradicting itself.
  if (a.article == b.article) out.reasons.push_back("same-article");
  auto differ = [](const std::string& p, const std::string& q) { return !p.empty() && !q.empty() && p != q; };
  auto segment = [](const std::string& q) { return q.rfind("segment:", 0) == 0; };
  // A business segment is never the company as a whole; another model of the same company, or
  // another place (place:), or a narrower noun (narrow:, 취소된 열차 and 지연된 열차), is another
  // subject only when both are named.
  if (differ(x.qualifier, y.qualifier) || (x.qualifier.empty() != y.qualifier.empty() && (segment(x.qualifier) || segment(y.qualifier))))
    out.reasons.push_back("subject");
  if (differ(x.direction, y.direction)) out.reasons.push_back("direction");
  // "28만2천명 늘었다" is a change of the measure; "2,896만명" its level.
  if ((x.role == "change") != (y.role == "change")) out.reasons.push_back("change");
  // "142 of the 300 seats": the whole is not a part of it.
  if ((x.role == "whole") != (y.role == "whole")) out.reasons.push_back("whole");
  // "부상자 가운데 2명은 중상": a part of a kind its sentence tells, comparable with no other figure.
  if (x.role == "part" || y.role == "part") out.reasons.push_back("part");
  // An hour's figure (시간당 72.5mm) is compared with a plain one of its unit only as the same hour's:
  // against a figure of no stated hour (a storm's 740mm) it is another window.
  bool hour_apart = per_hour(a.quantity) != per_hour(b.quantity) && (per_hour(a.quantity) ? y.window : x.window) != "1 hour";
  if (differ(x.window, y.window) || hour_apart) out.reasons.push_back("window");
  // A live (intraday) figure is not a final one, even when the other side does not say "final".
  // Two moments of a running tally say when they hold; "현재" before a tally is its moment, not a trading session.
  bool timed = !x.as_of.empty() && !y.as_of.empty();
  // A usual level ("평시 하루 평균 12,400TEU", "normally handles") is not one day's figure either.
  // A figure with something taken out ("excluding the credit") is not the whole one either.
  auto one_sided = [](const std::string& b) { return b == "intraday" || b == "usual" || b == "excluding"; };
  // Of a measure that does not vary in time, the moment a figure was read (intraday) says nothing.
  bool live = time_varying || (x.basis != "intraday" && y.basis != "intraday");
  if (!timed && live && (differ(x.basis, y.basis) || (x.basis.empty() != y.basis.empty() && (one_sided(x.basis) || one_sided(y.basis)))))
    out.reasons.push_back("basis");
  // A figure not yet true (a forecast, a target, one side's demand or offer) is set apart from one
  // that says nothing of its kind; an estimate of a present amount (추산) is not: a report that
  // leaves the word out gives the same estimate.
  auto projected = [](const std::string& k) { return k == "forecast" || k == "target" || k == "proposal"; };
  // Nor from a count of it: "잠정 집계한 피해액" and "피해액은 … 추산된다" give one amount.
  bool reckoned = (x.kind == "estimate" && !projected(y.kind)) || (y.kind == "estimate" && !projected(x.kind));
  // A preliminary count ("with 96% counted, … preliminary figures showed") is set apart from a
  // report that does not say it is one: the count may have moved since.
  auto provisional = [&](const std::string& k) { return projected(k) || k == "preliminary"; };
  if ((differ(x.kind, y.kind) && !reckoned) || (x.kind.empty() != y.kind.empty() && (provisional(x.kind) || provisional(y.kind))))
    out.reasons.push_back("kind");
  // Two sides of a negotiation ask for different things: a union's demand and an employer's offer.
  else if (x.kind == "proposal" && y.kind == "proposal")
    out.reasons.push_back("proposals");
  std::string px = x.period, py = y.period;
  if (px.empty() && x.date.empty() && year_a && !py.empty()) px = std::to_string(year_a) + "|";
  if (py.empty() && y.date.empty() && year_b && !px.empty()) py = std::to_string(year_b) + "|";
  auto year_of = [](const std::string& p) { return p.substr(0, p.find_first_of("-|")); };
  bool implied = px.find('|') != std::string::npos || py.find('|') != std::string::npos;
  if (implied) {
    // Only the year can be implied by the publication date; a year named in the text wins.
    std::string ya = year_of(px), yb = year_of(py);
    if (ya != "?" && yb != "?" && ya != yb && std::abs(std::atoi(ya.c_str()) - std::atoi(yb.c_str())) > 1) out.reasons.push_back("period");
  } else if (!periods_compatible(px, py)) {
    out.reasons.push_back("period");
  }
  if (!x.date.empty() && !y.date.empty() && !x.date.compatible(y.date)) out.reasons.push_back("date");
  // A running figure at two moments (a toll at 13:20 and at 18:00, a turnout at 1 p.m. and the
  // final one) is two readings of one tally, not a disagreement.
  bool both_as_of = !x.as_of.empty() && !y.as_of.empty();
  // A report that gives no time of its own, set against the final tally, may well be quoting it.
  bool final_vs_unstated = (x.as_of == "final" && y.as_of_source == "published") || (y.as_of == "final" && x.as_of_source == "published");
  if (both_as_of && x.as_of != y.as_of && !final_vs_unstated) out.reasons.push_back("as-of");
  if (out.reasons.empty() && time_varying) {
    // A figure that changes over time conflicts only when both say the same day, period or moment.
    // A running figure's moment names its day too ("2025-08-28T11:00").
    auto day_of = [](const core::Scope& s) {
      if (s.date.day) return s.date;
      auto d = s.as_of.size() >= 10 ? core::parse_iso_date(std::string(s.as_of.view()).substr(0, 10)) : std::nullopt;
      return d ? *d : core::PartialDate{};
    };
    core::PartialDate dx = day_of(x), dy = day_of(y);
    bool same_day = dx.day && dy.day && dx.compatible(dy);
    bool same_period = !x.period.empty() && periods_compatible(x.period, y.period) && !y.period.empty();
    bool same_moment = both_as_of && (x.as_of == y.as_of || final_vs_unstated);
    if (!same_day && !same_period && !same_moment) out.reasons.push_back("date-unknown");
  }
  out.comparable = out.reasons.empty();
  return out;
}

}  // namespace crosscheck::check

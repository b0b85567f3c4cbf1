// A change and the two levels it runs between, told in one sentence: "평시 12,400TEU보다 60% 감소한
// 4,960TEU", "212 cases to 131, a 62% fall", "실업률은 2.5%에서 2.3%로 0.4%p 내렸다". The writer
// computed the change from the levels beside it, so the arithmetic can be redone: a change that
// fits neither order of the levels contradicts them. Only a change the sentence marks as one
// (a direction, or a percentage-point figure against two percents) is tested; a share (영업이익률
// 6.5%) is no change.
#include <algorithm>
#include <cmath>
#include <map>

#include "check/derived.hpp"

namespace crosscheck::check {

namespace {

// The change from `from` to `to` over the intervals: in percent, or in points for two percents.
core::Interval change_between(const core::Interval& from, const core::Interval& to, bool points) {
  if (points) return {to.lo - from.hi, to.hi - from.lo, true, true};
  if (from.lo <= 0 || from.hi <= 0) return {NAN, NAN, true, true};
  return {(to.lo / from.hi - 1) * 100, (to.hi / from.lo - 1) * 100, true, true};
}

// "up 12 percent from 1.09 million", "전년 동기 6조6480억원보다", "2.5%에서 2.3%로": the level the
// change is measured from, marked so by the words around it.
bool marked_as_base(std::string_view sentence_text, std::size_t sentence_start, const core::Claim& c, const rules::RuleSet& rules) {
  if (c.quantity.span.start < sentence_start || c.quantity.span.end > sentence_start + sentence_text.size()) return false;
  std::string_view before = sentence_text.substr(0, c.quantity.span.start - sentence_start);
  std::string_view after = sentence_text.substr(c.quantity.span.end - sentence_start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  for (std::string_view word : rules.change_base_before)
    if (!word.empty() && before.size() >= word.size() && before.substr(before.size() - word.size()) == word &&
        (before.size() == word.size() || before[before.size() - word.size() - 1] == ' '))
      return true;
  if (!after.empty() && after.front() == ')') after.remove_prefix(1);
  for (std::string_view particle : rules.change_base_after)
    if (!particle.empty() && after.substr(0, particle.size()) == particle) return true;
  return false;
}

bool noun_phrase_measure(const core::Claim& c) { return c.attribute.empty() || c.attribute.view().rfind("np:", 0) == 0; }

core::Interval magnitude_of(core::Interval v) {
  if (v.hi < 0) return {-v.hi, -v.lo, true, true};
  if (v.lo < 0) return {0, std::max(-v.lo, v.hi), true, true};
  return v;
}

}  // namespace

void check_stated_changes(const CheckInput& in, std::vector<core::Finding>& out) {
  // The figures of each sentence, in text order.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_sentence;
  for (std::size_t i = 0; i < in.claims.size(); ++i) {
    const auto& c = in.claims[i];
    if (c.quantity.dimension == core::Dimension::entity) continue;
    by_sentence[{c.article, c.sentence_start}].push_back(i);
  }
  auto is_points = [&](const core::Claim& c) { return c.quantity.dimension == core::Dimension::percentage_points; };
  auto is_percent_change = [&](const core::Claim& c) {
    return c.quantity.dimension == core::Dimension::percent && !c.scope.direction.empty();
  };
  for (auto& [where, members] : by_sentence) {
    if (members.size() < 3) continue;
    // Text order, whatever order the claims came in (check --claims reads them sorted by key).
    std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
      return in.claims[x].quantity.span.start < in.claims[y].quantity.span.start;
    });
    // Two changes in one sentence ("전분기보다 7%, 전년 동기보다 12% 늘었다") may run from levels it does
    // not give: the sentence is left alone.
    // A change in points runs between two percents ("rose to 4.12% from 3.98%, 0.41 points"), which
    // may carry the sentence's direction too; without one, a percent with a direction is the change.
    auto points_count = std::count_if(members.begin(), members.end(), [&](std::size_t i) { return is_points(in.claims[i]); });
    auto percent_count = std::count_if(members.begin(), members.end(), [&](std::size_t i) { return is_percent_change(in.claims[i]); });
    if (points_count > 1 || (points_count == 0 && percent_count != 1)) continue;
    bool points = points_count == 1;
    auto is_change = [&](const core::Claim& c) { return points ? is_points(c) : is_percent_change(c); };
    // A ticker line ("PSEi 6,412.30 -1.8% | PHP/USD 56.92") lists items; it states no change.
    // The sentence as read back with claims (check --claims) when the article carries no text.
    const core::Claim& any = in.claims[members.front()];
    if (core::sentence_of(any, in.articles[where.first]).find('|') != std::string_view::npos) continue;
    for (std::size_t ci : members) {
      const core::Claim& change = in.claims[ci];
      if (!is_change(change)) continue;
      // The levels: the other figures of one unit (percents for a change in points), exactly two.
      std::vector<std::size_t> levels;
      for (std::size_t li : members) {
        const auto& q = in.claims[li].quantity;
        if (li == ci || in.claims[li].scope.role == "change") continue;
        // A bracketed conversion or an unbounded figure still counts against "exactly two", below.
        bool fits_kind = points ? q.dimension == core::Dimension::percent
                                : q.dimension != core::Dimension::percent && q.dimension != core::Dimension::percentage_points;
        // The change's own measure, when it names one: "the 4.35% seen a year earlier" of another.
        if (points && !change.attribute.empty() && change.attribute.view().rfind("np:", 0) != 0 && in.claims[li].attribute != change.attribute)
          fits_kind = false;
        if (fits_kind) levels.push_back(li);
      }
      // Exactly two of one unit ("twenty-foot" beside 12,400 TEU and 4,960 TEU is no level of theirs).
      std::map<std::string_view, std::vector<std::size_t>> by_unit;
      for (std::size_t li : levels) by_unit[in.claims[li].quantity.unit.view()].push_back(li);
      std::vector<std::size_t> pair;
      for (const auto& [unit, of_unit] : by_unit)
        if (of_unit.size() == 2) {
          if (!pair.empty()) pair.clear();  // two such pairs: which one is meant is unknown
          else pair = of_unit;
        }
      if (pair.size() != 2) continue;
      const core::Claim& a = in.claims[pair[0]];
      const core::Claim& b = in.claims[pair[1]];
      if (a.linked_to >= 0 || b.linked_to >= 0 || !a.quantity.value.bounded() || !b.quantity.value.bounded()) continue;
      if (a.quantity.point == b.quantity.point) continue;
      // An estimate beside a result ("rose 18% to $4.21 billion … the $4.05 billion analysts had
      // expected") is no level the change ran from.
      if (a.scope.kind != b.scope.kind) continue;
      // Levels of one measure ("매출 3789억원 … 영업이익 412억원에서 151%" are two), and a percent change
      // of that measure; a margin in points may have a word of its own (a gap, a lead).
      // A level marked as the base ("from 1.09 million") is of the measure of the other, whatever
      // noun the framer read beside it, unless both name measures of the lexicon that differ.
      std::string_view sentence_text = core::sentence_of(a, in.articles[where.first]);
      // ...and the change stands right beside its base ("up 12 percent from 1.09 million", "6조6480억원보다
      // 18.4% 감소"), not elsewhere in the sentence ("with 20% down … compared with about $2,219").
      bool a_base = marked_as_base(sentence_text, where.second, a, in.rules),
           b_base = marked_as_base(sentence_text, where.second, b, in.rules);
      const core::Claim& base = a_base ? a : b;
      std::size_t gap = change.quantity.span.end <= base.quantity.span.start ? base.quantity.span.start - change.quantity.span.end
                                                                              : change.quantity.span.start - std::min(change.quantity.span.start, base.quantity.span.end);
      bool based = a_base != b_base && gap <= 24;
      bool one_measure = !a.attribute.empty() && a.attribute == b.attribute;
      if (!one_measure && !(based && (noun_phrase_measure(a) || noun_phrase_measure(b)))) continue;
      // "56 cents per $1,000": levels ten times apart or more are a rate and its base, not the two
      // ends of a change.
      double ratio = std::fabs(a.quantity.point) / std::max(1e-300, std::fabs(b.quantity.point));
      if (ratio >= 10 || ratio <= 0.1) continue;
      // A change of a known measure beside levels the framer read only nouns for ("가격은 6,790원으로,
      // 일주일 전 6,480원에서 14.8% 올랐다") is theirs where it stands by its base.
      if (!points && !change.attribute.empty() && change.attribute != a.attribute && change.attribute != b.attribute &&
          !(based && (noun_phrase_measure(change) || (noun_phrase_measure(a) && noun_phrase_measure(b)))))
        continue;
      core::Interval stated = magnitude_of(tolerant_interval(change.quantity));
      // Rounding of the change the writer printed: half a unit of its last digit, and a little more.
      stated = {stated.lo * 0.98 - 0.05, stated.hi * 1.02 + 0.05, true, true};
      core::Interval ab = magnitude_of(change_between(tolerant_interval(a.quantity), tolerant_interval(b.quantity), points));
      core::Interval ba = magnitude_of(change_between(tolerant_interval(b.quantity), tolerant_interval(a.quantity), points));
      // A stated direction fixes the order: a fall runs from the larger level to the smaller, so
      // "fell 62%, to 131 from 212" is tested as 212 → 131 (-38%) only, never as 131 → 212 (+62%).
      std::string_view direction = change.scope.direction;
      if ((direction == "down" && b.quantity.point > a.quantity.point) || (direction == "up" && b.quantity.point < a.quantity.point))
        ab = {NAN, NAN, true, true};
      if ((direction == "down" && a.quantity.point > b.quantity.point) || (direction == "up" && a.quantity.point < b.quantity.point))
        ba = {NAN, NAN, true, true};
      bool fits = (!std::isnan(ab.lo) && stated.meets(ab)) || (!std::isnan(ba.lo) && stated.meets(ba));
      if (std::isnan(ab.lo) && std::isnan(ba.lo)) continue;
      // The order the writer most likely meant: from the level marked as the base ("from 1.09
      // million", "6조6480억원보다"), else text order.
      bool b_first = std::isnan(ab.lo) ? true : std::isnan(ba.lo) ? false : (a_base != b_base) && b_base;
      const core::Claim& from = b_first ? b : a;
      const core::Claim& to = b_first ? a : b;
      double computed = points ? to.quantity.point - from.quantity.point : (to.quantity.point / from.quantity.point - 1) * 100;
      core::Finding f;
      f.verdict = fits ? "supported" : "conflict";
      f.check = "stated-change";
      f.subject = change.subject_root;
      f.attribute = change.attribute;
      f.sides = {{change.id}, {from.id, to.id}};
      f.reasons = {fits ? "derived-change" : "derived-change-mismatch"};
      char text[32];
      std::snprintf(text, sizeof text, points ? "%+.2fp" : "%+.2f%%", computed);
      f.evidence = {{"from", from.quantity.surface}, {"to", to.quantity.surface}, {"change", std::round(computed * 100) / 100},
                    {"points", points}};
      f.explanation = render(in.rules, in.language, fits ? "explain.percent-supported" : "explain.percent-unsupported",
                             {{"from", from.quantity.surface}, {"to", to.quantity.surface}, {"change", text}, {"claim", change.quantity.surface}});
      out.push_back(std::move(f));
    }
  }
}

}  // namespace crosscheck::check

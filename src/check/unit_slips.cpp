// Unit slips across the story: one outlet gives a length, a mass or a speed in one unit, another
// gives the number of another unit of the same family under the first one's name ("ran 310
// metres" against "ran 1,020 metres": 310 m is 1,017 ft). The two figures stand the factor
// between two units of one family apart (rules/common/conversions.toml), not a power of ten (a
// slipped scale is the copy check's), and, as for copy errors, the sentences around them share
// content words and nothing either side states sets them apart.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "check/check.hpp"
#include "check/derived.hpp"
#include "core/text.hpp"

namespace crosscheck::check {

namespace {

constexpr std::size_t kMinSharedWords = 2;
constexpr std::size_t kMaxFigures = 200;  // figures of one unit and measure: more is a table
constexpr double kTolerance = 0.02;       // the writer rounds the converted figure

struct Slip {
  double factor = 0;
  std::string other;  // the unit whose number the figure seems to be
};

// The ratio of two units' factors in the written unit's family that `ratio` (larger over
// smaller) matches, other than a power of ten.
Slip slip_between(const rules::RuleSet& rules, const std::string& unit, double ratio) {
  auto [base, own] = rules.in_base(unit);
  std::vector<std::pair<std::string, double>> family = {{base, 1.0}};
  for (const auto& [name, c] : rules.conversions)
    if (c.base == base) family.push_back({name, c.factor});
  for (const auto& [name, factor] : family) {
    if (name == unit) continue;
    double f = std::max(own, factor) / std::min(own, factor);
    double exponent = std::log10(f);
    if (std::fabs(exponent - std::round(exponent)) < 1e-6) continue;
    if (std::fabs(ratio - f) <= kTolerance * f) return {f, name};
  }
  return {};
}

bool in_one_conflict(const std::vector<core::Finding>& findings, const std::string& a, const std::string& b) {
  for (const auto& f : findings) {
    if (f.verdict != "conflict" && f.verdict != "possible-conflict") continue;
    bool has_a = false, has_b = false;
    for (const auto& side : f.sides)
      for (const auto& id : side) has_a |= id == a, has_b |= id == b;
    if (has_a && has_b) return true;
  }
  return false;
}

}  // namespace

void check_unit_slips(const CheckInput& input, std::vector<core::Finding>& findings) {
  // Figures of a physical measure, by unit and measure, in the order of their ids.
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < input.claims.size(); ++i) {
    const core::Claim& c = input.claims[i];
    if (c.quantity.dimension != core::Dimension::measure || c.linked_to >= 0 || c.quantity.point == 0 || c.attribute.empty()) continue;
    groups[{std::string(c.quantity.unit.view()), std::string(c.attribute.view())}].push_back(i);
  }
  std::vector<core::Finding> found;
  for (auto& [key, members] : groups) {
    if (members.size() < 2 || members.size() > kMaxFigures) continue;
    std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) { return input.claims[x].id < input.claims[y].id; });
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const core::Claim& a = input.claims[members[x]];
        const core::Claim& b = input.claims[members[y]];
        if (a.article == b.article) continue;
        double pa = std::fabs(a.quantity.point), pb = std::fabs(b.quantity.point);
        Slip slip = slip_between(input.rules, key.first, std::max(pa, pb) / std::min(pa, pb));
        if (slip.factor == 0) continue;
        bool named_apart = !a.subject_root.empty() && !b.subject_root.empty() && a.subject_root != "event" &&
                           b.subject_root != "event" && a.subject_root != b.subject_root;
        if (named_apart || in_one_conflict(findings, a.id, b.id)) continue;
        ScopeComparison cmp = compare_scopes(a, b, true);
        if (!cmp.comparable && !only_inferred_reasons(cmp, a, b)) continue;
        auto words_of = [&](const core::Claim& c) {
          const core::Article& article = input.articles[c.article];
          std::size_t start = c.quantity.span.start >= c.sentence_start ? c.quantity.span.start - c.sentence_start : 0;
          return content_words(core::sentence_of(c, article), {start, start + (c.quantity.span.end - c.quantity.span.start)}, input.rules);
        };
        std::vector<std::string> shared;
        auto wa = words_of(a), wb = words_of(b);
        std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(shared));
        if (shared.size() < kMinSharedWords) continue;
        const core::Claim& larger = pa >= pb ? a : b;
        const core::Claim& smaller = &larger == &a ? b : a;
        core::Finding f;
        f.verdict = "conflict";
        f.check = "copy";
        f.subject = !a.subject_root.empty() && a.subject_root != "event" ? a.subject_root : b.subject_root;
        f.attribute = a.attribute;
        f.sides = {{larger.id}, {smaller.id}};
        f.reasons = {"unit-slip", "same-words"};
        f.evidence["shared_words"] = shared;
        f.evidence["unit"] = key.first;
        f.evidence["other_unit"] = slip.other;
        f.evidence["factor"] = std::round(slip.factor * 10000) / 10000;
        std::string shown;
        for (std::size_t k = 0; k < shared.size() && k < 6; ++k) shown += (k ? ", " : "") + shared[k];
        f.explanation = render(input.rules, input.language, "explain.copy-unit",
                               {{"a", larger.quantity.surface}, {"b", smaller.quantity.surface},
                                {"factor", core::format_number(std::round(slip.factor * 100) / 100)}, {"unit", key.first},
                                {"other", slip.other}, {"words", shown}});
        found.push_back(std::move(f));
      }
  }
  std::move(found.begin(), found.end(), std::back_inserter(findings));
}

}  // namespace crosscheck::check

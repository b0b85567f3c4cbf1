// A bracketed restatement in another unit of one family: "about 22 miles (14 km)" says the same
// distance twice, and 22 miles is 35 km. The units' factors are data (units.toml [[conversion]]);
// the check needs no rate table and no date, so it is exact up to the rounding of both figures.
#include <cmath>

#include "check/derived.hpp"

namespace crosscheck::check {

core::Finding conversion_finding(const core::Claim& main, const core::Claim& converted, bool fits) {
  core::Finding f;
  f.verdict = fits ? "supported" : "conflict";
  f.check = "conversion";
  f.subject = main.subject_root;
  f.attribute = main.attribute;
  f.sides = {{main.id}, {converted.id}};
  f.reasons = {fits ? "conversion" : "conversion-mismatch"};
  return f;
}

void check_unit_restatements(const CheckInput& in, std::vector<core::Finding>& out) {
  for (const auto& c : in.claims) {
    if (c.linked_to < 0 || c.quantity.link != "unit-conversion") continue;
    const core::Claim& main = in.claims[static_cast<std::size_t>(c.linked_to)];
    auto [base, main_factor] = in.rules.in_base(std::string(main.quantity.unit.view()));
    auto [inner_base, inner_factor] = in.rules.in_base(std::string(c.quantity.unit.view()));
    if (base != inner_base) continue;
    // The figures as written, not widened by their hedges: a restatement is "about" by nature,
    // and "134㎡(약 36.5평)" must not fit 40.5평 because of its 약. A writer rounds the factor and
    // the converted figure: 4% either way is the same figure.
    double from = std::fabs(main.quantity.point) * main_factor, to = std::fabs(c.quantity.point) * inner_factor;
    bool fits = from > 0 && std::fabs(to - from) <= 0.04 * from;
    double expected = main.quantity.point * main_factor / inner_factor;
    core::Finding f = conversion_finding(main, c, fits);
    f.evidence = {{"from", std::string(main.quantity.unit.view())}, {"to", std::string(c.quantity.unit.view())},
                  {"factor", main_factor / inner_factor}, {"expected", std::round(expected * 100) / 100}};
    f.explanation = render(in.rules, in.language, fits ? "explain.unit-conversion-ok" : "explain.unit-conversion-bad",
                           {{"main", main.quantity.surface}, {"converted", c.quantity.surface},
                            {"expected", format_value(in.rules, in.language, expected, std::string(c.quantity.unit.view()))}});
    out.push_back(std::move(f));
  }
}

}  // namespace crosscheck::check

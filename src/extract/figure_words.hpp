#pragma once
// The words around a figure that change what it says: hedges and bounds (약, about, 이상, 미만)
// applied to its value, the band word (9%대), the words a prefix unit needs after the figure
// (초속 … m), rate words (주당 920원, £95,000 a week) and the words that make a range or a change
// of "to" and "and".
#include <cstddef>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "extract/scanner.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::extract {

// A modifier found around a figure, and where it stands.
struct Applied {
  const rules::Modifier* modifier;
  std::size_t start, end;
};

// Widens or bounds `q.value` (the figure `v`, written to `precision`) by the modifiers, and names
// each in `q.modifiers`; `range`: the figure is a range, which a hedge only widens.
void apply_modifiers(core::Quantity& q, const std::vector<Applied>& applied, double v, double precision, bool range);
// Where a band word right after a unit ends ("9%대로"), or 0.
std::size_t band_after(const Sentence& s, std::size_t pos, const rules::RuleSet& rules);
// The place of a figure's last non-zero digit: 1 for 9, 10 for 70, 100 for 1,200, 0.1 for 2.5.
double band_step(double v);
// Where a prefix unit's required word after the figure ends, or 0 when none follows.
std::size_t required_after(const Sentence& s, const rules::UnitWord& unit, std::size_t pos);
// Whether one of `words` stands right before `pos` (a space between allowed).
bool word_before(const Sentence& s, std::size_t pos, const std::vector<std::string>& words);
// The divisor a rate word gives the figure spanning [start, stop), or ""; a rate word after the
// figure moves `stop` past it.
std::string rate_of(const Sentence& s, std::size_t start, std::size_t& stop, const rules::RuleSet& rules);

}  // namespace crosscheck::extract

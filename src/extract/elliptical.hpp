#pragma once
// English figures that stand bare because the sentence already said what they count: "the
// alliance had 140 seats and the National Renewal Party 119", "131 cases, down 38% from 212",
// "142 of the Assembly's 300 seats", "police put the crowd at around 38,000". Each reads as a
// count of the noun the words around it name, or takes the unit of an earlier figure of the
// sentence; a bare number no such words frame stays no claim.
#include <optional>
#include <span>
#include <string>

#include "core/model.hpp"
#include "extract/number_reader.hpp"
#include "extract/scanner.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::extract {

struct EllipticalCount {
  std::string counted;                      // the noun it counts ("" when `carried` gives the unit)
  const core::Quantity* carried = nullptr;  // the earlier figure whose unit and noun it takes
};

// A count that names what it counts ("34 ships"): what a bare figure after it may continue.
inline bool counts_a_noun(const core::Quantity& q) { return q.dimension == core::Dimension::count && !q.counted.empty(); }

// A level in a unit of measure, a percentage or index points ("132 µg/m³", "4.1%"): what a bare
// figure after a verb of level ("peaked at 171") may take the unit of.
inline bool carries_level_unit(const core::Quantity& q) {
  return q.dimension == core::Dimension::measure || q.dimension == core::Dimension::percent || q.unit == "point";
}

// `phrase_start` is where the figure's hedge or bound begins ("around 38,000"), `earlier` the
// figures read before it in this sentence, `recent_count` the last count with a noun in the
// article's sentences before (what "59 of them" refers to), or nullptr; `recent_level` the last
// figure of the two sentences before when it is a level in a unit (carries_level_unit), or nullptr.
std::optional<EllipticalCount> read_elliptical_count(const Sentence& s, std::size_t phrase_start, const NumberReading& n,
                                                     std::span<const core::Quantity> earlier, const core::Quantity* recent_count,
                                                     const core::Quantity* recent_level, const rules::RuleSet& rules);

}  // namespace crosscheck::extract

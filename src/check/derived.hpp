#pragma once
// Derived checks: arithmetic that tests a figure against others it implies.
#include <vector>

#include "check/check.hpp"

namespace crosscheck::check {

// A stated percent change against two dated prices of the same subject
// (142.62 → 118.42 is −16.97%, which supports "17%").
void check_percent_changes(const CheckInput& in, graph::ClaimGraph& graph, std::vector<core::Finding>& out);

// A stated total against the parts listed beside it in the same sentence ("사망 3명, 부상 10명 등
// 총 13명"): parts that add up to more than the total cannot all be right.
void check_sums(const CheckInput& in, std::vector<core::Finding>& out);

// A bracketed conversion against the dated reference rates (557만달러(약 80억원)).
void check_conversions(const CheckInput& in, std::vector<core::Finding>& out);

// The finding of a bracketed conversion or restatement, before its evidence and explanation:
// supported when it fits, else a conflict, with the main figure and the converted one as sides.
core::Finding conversion_finding(const core::Claim& main, const core::Claim& converted, bool fits);

// A bracketed restatement in another unit of one family ("about 22 miles (14 km)") against the
// units' factors.
void check_unit_restatements(const CheckInput& in, std::vector<core::Finding>& out);

// A change against the two levels told beside it in its sentence ("12,400TEU보다 60% 감소한
// 4,960TEU"; two percents and a change in points).
void check_stated_changes(const CheckInput& in, std::vector<core::Finding>& out);

}  // namespace crosscheck::check

#pragma once
// check: groups of comparable claims → findings. Intervals that meet agree; differences the
// scope explains are explained, not flagged; figures that cannot both be true for the same
// scope are a conflict. Derived checks test a percent change against the prices it implies
// and a bracketed conversion against the dated exchange rates in rules/.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "graph/graph.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::check {

struct CheckInput {
  const std::vector<core::Article>& articles;
  const std::vector<core::Claim>& claims;
  const rules::RuleSet& rules;
  std::string language = "en";  // the report language for explanations
  std::string event_name = "";  // the story's event as its articles name it, for explanations
  // One sentence per place where a cost bound cut the work short (reported as limit.group).
  mutable std::vector<std::string> limit_notes = {};
  // One sentence per bracketed conversion that could not be priced (reported as check.no-rate).
  mutable std::vector<std::string> unchecked_notes = {};
};

std::vector<core::Finding> run_checks(const CheckInput& input, graph::ClaimGraph& graph);

// Building blocks, public for tests.
struct ScopeComparison {
  bool comparable = true;           // could both figures speak of the same thing?
  std::vector<std::string> reasons;  // why not: window, date, period, basis, kind, direction, subject, date-unknown
};
// `year_a`/`year_b`: the publication year of each claim's article (0 when unknown), which
// stands in for a claim that names no period of its own.
ScopeComparison compare_scopes(const core::Claim& a, const core::Claim& b, bool time_varying, int year_a = 0, int year_b = 0);
bool periods_compatible(const std::string& a, const std::string& b);

// forensics.cpp: the marks of a copying error. `scale`: the same significant digits a power of
// ten apart; `digits`: the same three or more digits in another order.
enum class ErrorMark { none, scale, digits };
ErrorMark error_mark(const core::Quantity& a, const core::Quantity& b);
// The unit a figure is compared in as written: "시간당 141.9mm" (mm/hour) is the rain of one
// hour, as "1시간 동안 114.9mm" is, so rain in an hour is rain in mm.
std::string_view compared_unit(const core::Quantity& q);
// Whether a figure is a physical measure per hour ("시간당 72.5mm", mm/hour).
bool per_hour(const core::Quantity& q);
// Whether a period's or date's source is the figure's own words, or the article's where it states
// the same figure again ("restated"): not the article's period or date standing in for one.
bool source_stated(std::string_view source);
// The mark two figures with the same significant digits (sorted) carry: `same_order` whether
// their digits stand in one order, `digits` how many, `ratio` the larger over the smaller.
ErrorMark mark_of(bool same_order, std::size_t digits, double ratio);
// Whether a running figure's moment is stated in its clause or sentence, not inferred.
bool moment_stated(const core::Claim& c);
std::string significant_digits(double value);  // 1462e8 -> "1462"
// Whether every reason a comparison found rests on an inference (a period or time carried from
// elsewhere, a qualifier or kind read on one side only) rather than on both figures' own words.
bool only_inferred_reasons(const ScopeComparison& cmp, const core::Claim& a, const core::Claim& b);
// copy_errors.cpp: figures in different articles with a copying error's mark, told in the same
// words (two content words or more in common), that the grouped checks did not set against
// each other; each pair found is a conflict (check "copy").
void check_copy_errors(const CheckInput& input, std::vector<core::Finding>& findings);
// unit_slips.cpp: figures of one physical measure in different articles that stand the factor
// between two units of one family apart (310 m and "1,020 metres": the number of feet), told in
// the same words; each pair found is a conflict (check "copy", reason "unit-slip").
void check_unit_slips(const CheckInput& input, std::vector<core::Finding>& findings);
// The content words of a sentence outside the figure's span: Latin words of three letters or
// more cut to six, Korean words of two syllables or more without their particle, no function
// words and no clause-final verbs.
std::set<std::string> content_words(std::string_view sentence, core::Span figure, const rules::RuleSet& rules);
// The interval a checker compares: a plainly written figure may also have been cut rather
// than rounded (557만 for 5,576,000), so its upper end reaches one more unit of its last digit.
core::Interval tolerant_interval(const core::Quantity& q);
std::vector<std::string> agreement_reasons(const std::vector<const core::Claim*>& claims);
// Greedy stabbing: sides whose members all share a value, fewest sides first. Each side lists
// its members by index; sides come in the order of the earliest end among them.
std::vector<std::vector<std::size_t>> agreeing_sides(const std::vector<core::Interval>& intervals);
// The same sides found by visiting every free interval for each side: quadratic, used when a
// bound is NaN or points the wrong way, and by the tests as the reference.
std::vector<std::vector<std::size_t>> agreeing_sides_by_full_scan(const std::vector<core::Interval>& intervals);

// Explanation text from a message template: "{a} and {b} ..." with values filled in.
std::string render(const rules::RuleSet& rules, const std::string& language, const std::string& key,
                   const std::vector<std::pair<std::string, std::string>>& values);
// A figure in an explanation, with the report language's scale words and unit names.
std::string format_value(const rules::RuleSet& rules, const std::string& language, double value, const std::string& unit);
// A claim's date as an explanation shows it: in full when its year is known ("2025-01-27",
// "2025-01"); otherwise what is known, in the report language's words from rules/messages
// ("day 29", "29일") instead of the machine form "?-?-29" kept in the JSON.
std::string date_words(const rules::RuleSet& rules, const std::string& language, const core::PartialDate& date);

}  // namespace crosscheck::check

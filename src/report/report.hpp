#pragma once
// report: presentation only. The same run rendered as JSON (the contract in
// docs/report-format.md), a terminal report, or a self-contained HTML page.
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/model.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::report {

struct Run {
  std::vector<core::Article> articles;
  std::vector<core::Claim> claims;
  std::vector<core::Finding> findings;
  std::vector<core::InputStatus> inputs;
  core::Diagnostics diagnostics;
  std::string version;
  std::string event_name;  // the story's event as its articles name it (태풍 '미리내'); "" when none does
};

nlohmann::ordered_json run_json(const Run& run);
void write_run_json(const Run& run, std::ostream& out);  // the same document, streamed
// One claim per line (JSONL), as `crosscheck extract` writes them.
void write_claims_jsonl(const std::vector<core::Claim>& claims, const std::vector<core::Article>& articles, std::ostream& out);

struct TextOptions {
  std::string language = "en";
  bool color = false;
  int width = 100;
};
std::string text_report(const Run& run, const rules::RuleSet& rules, const TextOptions& options);

std::string html_report(const Run& run, const rules::RuleSet& rules, const std::string& language);

// Shared by the text and HTML reports: a window of the sentence around the figure.
struct Excerpt {
  std::string before, figure, after;
};
Excerpt excerpt(const core::Claim& claim, const core::Article& article, std::size_t context_code_points);
struct Counts {
  std::size_t conflicts = 0, possible_conflicts = 0, disputed = 0, explained = 0, agree = 0, supported = 0, skipped_inputs = 0;
};
Counts count(const Run& run);
// Never silent: how many figures were compared with another of their quantity, and why the rest
// were not (no subject, no measure, no other figure of the same quantity).
struct Placement {
  std::size_t compared = 0, no_subject = 0, no_measure = 0, alone = 0;
};
Placement placement(const Run& run);
std::string placement_line(const Run& run, const rules::RuleSet& rules, const std::string& language);
std::string counts_line(const Run& run, const rules::RuleSet& rules, const std::string& language);
// "5.565M–5.575M USD", "< 6M USD", "> 589B USD" (in Korean "556.5만–557.5만 달러"): an interval
// as a reader says it, with the report language's scale words and unit names.
std::string readable_interval(const core::Quantity& q, const rules::RuleSet& rules, const std::string& lang);
// What a claim says, as a report line shows it: its interval, or for an entity claim its value
// and who vouches for it ("H800 (stated, DeepSeek)").
std::string claim_value(const core::Claim& c, const rules::RuleSet& rules, const std::string& lang);
// A finding's subject as a reader says it: the story's own event ("the story's event", "이 사건")
// for "event", "no one subject" for none, else the subject as found.
// A finding's subject as a reader says it: the story's event by the name its pages give it.
std::string subject_label(const std::string& subject, const rules::RuleSet& rules, const std::string& lang, const std::string& event_name);

}  // namespace crosscheck::report

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

namespace {

bool rule_matches(const rules::LineRule& rule, std::string_view line) {
  if (rule.max_length > 0 && core::count_code_points(line, 0, line.size()) > static_cast<std::size_t>(rule.max_length))
    return false;
  if (rule.match == "equals") return line == rule.text;
  if (rule.match == "starts") return line.substr(0, rule.text.size()) == rule.text;
  if (rule.match == "contains") return line.find(rule.text) != std::string_view::npos;
  if (rule.match == "regex" && rule.regex)
    return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *rule.regex);
  return false;
}

bool inside(const std::vector<core::SkippedRegion>& regions, std::size_t pos) {
  return std::any_of(regions.begin(), regions.end(),
                     [&](const core::SkippedRegion& r) { return pos >= r.span.start && pos < r.span.end; });
}

void add_region(std::vector<core::SkippedRegion>& out, core::Span span, const std::string& reason, const std::string& text) {
  // Merge with the previous region when only blank lines separate two lines of the same reason.
  if (!out.empty() && out.back().reason == reason) {
    std::string_view gap(text.data() + out.back().span.end, span.start - out.back().span.end);
    if (core::trim(gap).empty()) {
      out.back().span.end = span.end;
      return;
    }
  }
  out.push_back({span, reason});
}

}  // namespace

Cleaned remove_boilerplate(const std::string& text, const rules::RuleSet& rules,
                           const std::vector<core::SkippedRegion>& pre_skipped) {
  Cleaned cleaned;
  std::vector<core::SkippedRegion> found;
  std::set<std::string> seen_lines;
  std::string tail_reason;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string::npos ? text.size() : nl;
    std::string_view raw(text.data() + start, end - start);
    std::string_view line = core::trim(raw);
    std::size_t line_start = start + static_cast<std::size_t>(line.data() - raw.data());
    core::Span span{line_start, line_start + line.size()};
    start = end + 1;
    if (line.empty() || inside(pre_skipped, line_start)) continue;

    std::string reason = tail_reason;
    if (reason.empty()) {
      for (const auto& rule : rules.line_rules)
        if (rule_matches(rule, line)) {
          reason = rule.reason;
          if (rule.tail) tail_reason = rule.reason;
          break;
        }
    }
    if (reason.empty() && core::count_code_points(line, 0, line.size()) >= 8) {
      // A line seen before is a repeated title or a photo caption repeated as alt text.
      if (!seen_lines.insert(std::string(line)).second) reason = "repeated-line";
    }
    if (!reason.empty()) add_region(found, span, reason, text);
    else cleaned.paragraphs.push_back(span);
  }
  cleaned.skipped = pre_skipped;
  cleaned.skipped.insert(cleaned.skipped.end(), found.begin(), found.end());
  std::sort(cleaned.skipped.begin(), cleaned.skipped.end(),
            [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
  return cleaned;
}

}  // namespace crosscheck::ingest

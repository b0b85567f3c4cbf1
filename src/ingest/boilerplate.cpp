#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"
#include "ingest/page_shape.hpp"

namespace crosscheck::ingest {

namespace {

// One line of text, with what the rules ask of it worked out at most once.
class Line {
 public:
  Line(std::string_view text, const rules::RuleSet& rules)
      : text_(text), regexes_(rules.line_regexes, text), short_line_regexes_(rules.short_line_regexes, text) {}

  bool matches(const rules::LineRule& rule) {
    if (rule.max_length > 0 && code_points() > static_cast<std::size_t>(rule.max_length)) return false;
    using Kind = rules::LineRule::Kind;
    if (rule.kind == Kind::equals) return text_ == rule.text;
    if (rule.kind == Kind::starts) return text_.substr(0, rule.text.size()) == rule.text;
    if (rule.kind == Kind::contains) return text_.find(rule.text) != std::string_view::npos;
    if (rule.kind == Kind::regex && rule.regex) {
      // A rule with a length limit is in the short lines' group, asked only once the limit holds.
      auto& group = rule.max_length > 0 ? short_line_regexes_ : regexes_;
      if (auto known = group.matches(rule.regex_slot)) return *known;
      return RE2::PartialMatch(re2::StringPiece(text_.data(), text_.size()), *rule.regex);
    }
    return false;
  }

  std::size_t code_points() {
    if (code_points_ == kUncounted) code_points_ = core::count_code_points(text_, 0, text_.size());
    return code_points_;
  }

 private:
  static constexpr std::size_t kUncounted = static_cast<std::size_t>(-1);
  std::string_view text_;
  rules::RegexAnswer regexes_, short_line_regexes_;
  std::size_t code_points_ = kUncounted;
};

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

// The length of the headline label that opens `line` ("Title: ", "제목: "), with the spaces after
// it (the whole line when nothing follows it); 0 when no label opens it.
std::size_t headline_label_size(std::string_view line, const rules::RuleSet& rules) {
  for (const auto& label : rules.headline_labels) {
    if (line.size() < label.size() || core::ascii_lower(line.substr(0, label.size())) != core::ascii_lower(label)) continue;
    std::size_t end = label.size();
    while (end < line.size() && line[end] == ' ') ++end;
    return end;
  }
  return 0;
}

// Longer than any headline of a ranking box or a related-links list.
constexpr std::size_t kLongestListItem = 160;

}  // namespace

namespace {

// One pass over the lines. `prose_ends_tail`: a box that runs to the end of the page ends where
// prose starts again (for a box that stands at the top of the page, above the story).
Cleaned clean_lines(const std::string& text, const rules::RuleSet& rules, const std::vector<core::SkippedRegion>& pre_skipped,
                    bool prose_ends_tail, std::size_t& tail_start) {
  std::vector<PageLine> lines;
  std::set<std::string> seen_lines;
  std::string tail_reason;
  tail_start = std::string::npos;
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

    // "Title: …": the label is the page's, the headline after it the article's.
    if (std::size_t label = headline_label_size(line, rules); label > 0) {
      lines.push_back({{line_start, line_start + label}, "page-header"});
      if (label == line.size()) continue;
      std::size_t headline_start = line_start + label;
      lines.push_back({{headline_start, line_start + line.size()}, "", true});
      continue;
    }
    Line read(line, rules);
    // A list item is a headline, never a paragraph of sentences.
    if (prose_ends_tail && !tail_reason.empty() && read.code_points() > kLongestListItem && line.find(". ") != std::string_view::npos)
      tail_reason.clear();
    std::string reason = tail_reason;
    if (reason.empty()) {
      for (const auto& rule : rules.line_rules)
        if (read.matches(rule)) {
          reason = rule.reason;
          if (rule.tail) {
            tail_reason = rule.reason;
            if (tail_start == std::string::npos) tail_start = line_start;
          }
          break;
        }
    }
    if (reason.empty() && read.code_points() >= 8) {
      // A line seen before is a repeated title or a photo caption repeated as alt text.
      if (!seen_lines.insert(std::string(line)).second) reason = "repeated-line";
    }
    lines.push_back({span, std::move(reason)});
  }
  mark_shaped_furniture(text, lines, rules);

  Cleaned cleaned;
  std::vector<core::SkippedRegion> found;
  for (auto& line : lines) {
    if (!line.reason.empty()) add_region(found, line.span, line.reason, text);
    else cleaned.paragraphs.push_back(line.span);
  }
  cleaned.skipped = pre_skipped;
  cleaned.skipped.insert(cleaned.skipped.end(), found.begin(), found.end());
  std::sort(cleaned.skipped.begin(), cleaned.skipped.end(),
            [](const auto& a, const auto& b) { return a.span.start < b.span.start; });
  return cleaned;
}

}  // namespace

Cleaned remove_boilerplate(const std::string& text, const rules::RuleSet& rules,
                           const std::vector<core::SkippedRegion>& pre_skipped) {
  std::size_t tail_start = std::string::npos;
  Cleaned cleaned = clean_lines(text, rules, pre_skipped, false, tail_start);
  // A "most read" box runs to the end of the page when it closes the page; one that stands in
  // the page's first half stands above the story, and must not take the story with it.
  if (tail_start != std::string::npos && tail_start < text.size() / 2) cleaned = clean_lines(text, rules, pre_skipped, true, tail_start);
  return cleaned;
}

}  // namespace crosscheck::ingest

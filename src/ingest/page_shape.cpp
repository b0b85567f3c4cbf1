#include "ingest/page_shape.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace crosscheck::ingest {

namespace {

// A headline in a list is short; a paragraph that opens with a dash is not one.
constexpr std::size_t kLongestItem = 100;
// One field of a strip: a menu entry, a ticker's "Brent $65.41 -0.3%", "댓글 64".
constexpr std::size_t kLongestField = 40;
// A strip repeated line after line with this many fields or more, the same number each time,
// is a table of the article (hourly tolls, results by district), not furniture.
constexpr std::size_t kTableFields = 3;

enum class Shape { prose, item, strip };

// The line without the closing quotes and brackets a sentence may end inside.
std::string_view without_closers(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = core::trim(s);
    for (std::string_view closer : {"\"", "'", ")", "]", "\u201D", "\u2019", "\u300D", "\u300F"})
      if (core::ends_with(s, closer)) {
        s.remove_suffix(closer.size());
        changed = true;
      }
  }
  return s;
}

bool ends_sentence(std::string_view line, const rules::RuleSet& rules) {
  std::string_view s = without_closers(line);
  return std::any_of(rules.sentence_endings.begin(), rules.sentence_endings.end(),
                     [&](const std::string& e) { return core::ends_with(s, e); });
}

// "- …", "▶ …", "① …", "1. …", "2위 …", "3 | …": a line that opens a list item.
bool opens_item(std::string_view line, const rules::RuleSet& rules) {
  for (const auto& marker : rules.item_markers) {
    if (line.size() <= marker.size() || line.substr(0, marker.size()) != marker) continue;
    // An ASCII marker needs a space after it ("-3%" is a figure); a symbol stands alone.
    bool ascii = static_cast<unsigned char>(marker[0]) < 0x80;
    if (!ascii || line[marker.size()] == ' ') return true;
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits == 0 || digits > 2) return false;
  auto item_after = [&](std::size_t after) {
    return after + 1 < line.size() && line[after] == ' ' && !std::isdigit(static_cast<unsigned char>(line[after + 1]));
  };
  if (rules.numbered_items_without_mark && item_after(digits)) return true;
  return std::any_of(rules.item_number_suffixes.begin(), rules.item_number_suffixes.end(), [&](const std::string& suffix) {
    return line.substr(digits, suffix.size()) == suffix && item_after(digits + suffix.size());
  });
}

// The fields between separators, or one field when the line has none. A separator stands
// between spaces ("Home | World", "홈 · 경제"): "원/달러", "노사·정부" and "3|4" are no fields. A
// run of `field_space_run` spaces separates fields too.
std::vector<std::string_view> fields_of(std::string_view line, const rules::RuleSet& rules) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] != ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    std::size_t end = 0;  // where the next field starts, when a separator stands here
    if (rules.field_space_run > 0 && j - i >= static_cast<std::size_t>(rules.field_space_run)) end = j;
    for (const auto& sep : rules.field_separators) {
      if (line.compare(j, sep.size(), sep) == 0 && j + sep.size() < line.size() && line[j + sep.size()] == ' ') {
        std::size_t k = j + sep.size();
        while (k < line.size() && line[k] == ' ') ++k;
        end = std::max(end, k);
      }
    }
    if (end == 0) {
      i = j;
      continue;
    }
    fields.push_back(line.substr(start, i - start));
    start = i = end;
  }
  fields.push_back(core::trim(line.substr(start)));
  return fields;
}

bool is_strip(const std::vector<std::string_view>& fields) {
  return fields.size() >= 2 && std::all_of(fields.begin(), fields.end(), [](std::string_view f) {
           return !f.empty() && core::count_code_points(f, 0, f.size()) <= kLongestField;
         });
}

std::string_view line_at(const std::string& text, const PageLine& line) {
  return std::string_view(text.data() + line.span.start, line.span.end - line.span.start);
}

bool introduces_list(std::string_view line) { return core::ends_with(core::trim(line), ":"); }

}  // namespace

void mark_shaped_furniture(const std::string& text, std::vector<PageLine>& lines, const rules::RuleSet& rules) {
  std::vector<Shape> shapes(lines.size(), Shape::prose);
  std::vector<std::size_t> field_counts(lines.size(), 0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].reason.empty() || lines[i].headline) continue;
    std::string_view line = line_at(text, lines[i]);
    if (ends_sentence(line, rules)) continue;
    if (opens_item(line, rules) && core::count_code_points(line, 0, line.size()) <= kLongestItem) {
      shapes[i] = Shape::item;
      continue;
    }
    auto fields = fields_of(line, rules);
    if (is_strip(fields)) {
      shapes[i] = Shape::strip;
      field_counts[i] = fields.size();
    }
  }
  auto dropped = [&](std::size_t i) { return i < lines.size() && !lines[i].reason.empty(); };
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t end = i;
    if (shapes[i] == Shape::item) {
      // A run of items is a list; a lone item is one when furniture stands beside it.
      while (end < lines.size() && shapes[end] == Shape::item) ++end;
      bool list = end - i >= 2 || (i > 0 && dropped(i - 1)) || dropped(end);
      // A list the article introduces ("The plan in brief:", "주요 내용은 다음과 같다:") is the article's.
      if (i > 0 && !dropped(i - 1) && introduces_list(line_at(text, lines[i - 1]))) list = false;
      for (std::size_t k = i; k < end; ++k)
        if (list) lines[k].reason = "headline-list";
    } else if (shapes[i] == Shape::strip) {
      while (end < lines.size() && shapes[end] == Shape::strip && field_counts[end] == field_counts[i]) ++end;
      bool table = end - i >= 2 && field_counts[i] >= kTableFields;
      for (std::size_t k = i; k < end; ++k)
        if (!table) lines[k].reason = "strip";
    } else {
      end = i + 1;
    }
    i = end;
  }
}

}  // namespace crosscheck::ingest

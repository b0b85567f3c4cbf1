#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

namespace {

std::string two(const std::string& s) { return s.size() == 1 ? "0" + s : s; }

// What a list's RegexGroup says about each line, read once per line for the whole list and only
// when first asked; a pattern's captures are then taken only from lines it matches (or, when the
// group cannot tell, from every line).
std::vector<rules::RegexAnswer> answers(const std::vector<std::string>& lines, const rules::RegexGroup& group) {
  std::vector<rules::RegexAnswer> out;
  out.reserve(lines.size());
  for (const auto& line : lines) out.emplace_back(group, line);
  return out;
}

// The captures of one dateline in the line: by name where the pattern names its groups, else
// year, month, day, hour and minute in order. False when the line does not match.
bool dateline_parts(const std::string& line, const re2::RE2& re, std::map<std::string, std::string>& parts) {
  const auto& names = re.NamedCapturingGroups();
  if (names.empty()) {
    std::string y, m, d, hh, mm;
    if (!RE2::PartialMatch(line, re, &y, &m, &d, &hh, &mm)) return false;
    parts = {{"year", y}, {"month", m}, {"day", d}, {"hour", hh}, {"minute", mm}};
    return true;
  }
  int n = re.NumberOfCapturingGroups();
  std::vector<std::string> values(static_cast<std::size_t>(n));
  std::vector<RE2::Arg> args(static_cast<std::size_t>(n));
  std::vector<const RE2::Arg*> pointers(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) args[i] = &values[i], pointers[i] = &args[i];
  if (!RE2::PartialMatchN(line, re, pointers.data(), n)) return false;
  for (const auto& [name, index] : names) parts[name] = values[static_cast<std::size_t>(index - 1)];
  return true;
}

// A month as a number or a name the time rules know ("Aug.", "August").
int month_of(std::string text, const rules::RuleSet& rules) {
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') return std::atoi(text.c_str());
  while (!text.empty() && text.back() == '.') text.pop_back();
  auto it = rules.time.month_names.find(core::ascii_lower(text));
  return it == rules.time.month_names.end() ? 0 : it->second;
}

bool find_dateline(const std::vector<std::string>& lines, const rules::RuleSet& rules, core::Article& article) {
  auto hits = answers(lines, rules.dateline_regexes);
  for (std::size_t slot = 0; slot < rules.datelines.size(); ++slot) {
    const auto& pattern = rules.datelines[slot];
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& line = lines[i];
      std::map<std::string, std::string> parts;
      if (!hits[i].matches(static_cast<int>(slot)).value_or(true) || !dateline_parts(line, *pattern.regex, parts)) continue;
      const std::string& y = parts["year"];
      int month = month_of(parts["month"], rules), day = std::atoi(parts["day"].c_str());
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      // "SEOUL, July 11 (Meridian) -": a wire dateline gives no year; the story's other articles
      // may (complete_dates_from_story).
      if (y.empty()) {
        article.published_date = {0, month, day};
        article.metadata_notes.push_back("day from dateline '" + std::string(core::trim(line)) + "' (" + pattern.name + "), year unknown");
        return true;
      }
      if (y.size() != 4) continue;
      char date[16];
      std::snprintf(date, sizeof date, "%s-%02d-%02d", y.c_str(), month, day);
      article.published = date;
      const std::string& hh = parts["hour"];
      const std::string& mm = parts["minute"];
      if (!hh.empty() && !mm.empty()) {
        int hour = std::atoi(hh.c_str());
        // "9:10 p.m.", "12:05 a.m.": the half of the day the page names.
        std::string half = core::ascii_lower(parts["ampm"]);
        if (!half.empty() && half[0] == 'p' && hour < 12) hour += 12;
        if (!half.empty() && half[0] == 'a' && hour == 12) hour = 0;
        if (hour > 23) continue;
        char clock[8];
        std::snprintf(clock, sizeof clock, "T%02d:%s", hour, two(mm).c_str());
        article.published += clock;
      }
      article.published_date = {std::atoi(y.c_str()), month, day};
      article.metadata_notes.push_back("published from dateline '" + std::string(core::trim(line)) + "' (" + pattern.name + ")");
      return true;
    }
  }
  return false;
}

std::string first_capture(const std::vector<std::string>& lines, const std::vector<rules::PatternRule>& patterns,
                          const rules::RegexGroup& group, std::string& matched_line) {
  auto hits = answers(lines, group);
  for (std::size_t slot = 0; slot < patterns.size(); ++slot)
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& line = lines[i];
      std::string value;
      if (hits[i].matches(static_cast<int>(slot)).value_or(true) && RE2::PartialMatch(line, *patterns[slot].regex, &value) && !value.empty()) {
        matched_line = line;
        return value;
      }
    }
  return "";
}

std::string outlet_by_alias(const std::vector<std::string>& lines, const rules::RuleSet& rules) {
  for (const auto& outlet : rules.outlets)
    for (const auto& line : lines) {
      auto trimmed = core::trim(line);
      if (trimmed == outlet.name) return outlet.name;
      for (const auto& alias : outlet.aliases)
        if (trimmed.find(alias) != std::string_view::npos) return outlet.name;
    }
  return "";
}

}  // namespace

void complete_dates_from_story(std::vector<core::Article>& articles) {
  std::vector<int> known;
  for (const auto& a : articles)
    if (a.published_date.complete()) known.push_back(core::days_from_civil(a.published_date.year, a.published_date.month, a.published_date.day));
  if (known.empty()) return;
  std::sort(known.begin(), known.end());
  const int middle = known[known.size() / 2];
  const int middle_year = core::date_from_days(middle).year;
  for (auto& a : articles) {
    const auto& d = a.published_date;
    if (d.year || !d.month || !d.day || !a.published.empty()) continue;
    // The year that puts the day nearest the story's middle date, within half a year of it.
    int best_year = 0, best_gap = 184;
    for (int y = middle_year - 1; y <= middle_year + 1; ++y) {
      int gap = std::abs(core::days_from_civil(y, d.month, d.day) - middle);
      if (gap < best_gap) best_gap = gap, best_year = y;
    }
    if (!best_year) continue;
    a.published_date.year = best_year;
    a.published = a.published_date.to_string();
    a.metadata_notes.push_back("year " + std::to_string(best_year) + " of the dateline's day from the story's other articles");
  }
}

void infer_metadata(core::Article& article, const std::string& clean_text, const rules::RuleSet& rules) {
  auto lines = core::split_lines(clean_text);
  if (article.published.empty()) find_dateline(lines, rules, article);
  if (article.byline.empty()) {
    std::string line;
    article.byline = first_capture(lines, rules.bylines, rules.byline_regexes, line);
    if (!article.byline.empty()) article.metadata_notes.push_back("byline from '" + std::string(core::trim(line)) + "'");
  }
  if (article.outlet.empty()) {
    std::string line;
    std::string outlet = first_capture(lines, rules.outlet_patterns, rules.outlet_regexes, line);
    if (!outlet.empty()) {
      article.outlet = outlet;
      article.metadata_notes.push_back("outlet from '" + std::string(core::trim(line)) + "'");
    } else if (!(outlet = outlet_by_alias(lines, rules)).empty()) {
      article.outlet = outlet;
      article.metadata_notes.push_back("outlet from a known outlet name or domain");
    }
  }
  if (article.title.empty()) {
    // "Title: …", "제목: …": a pasted page's header names its headline (the label is page
    // furniture; the headline is read as the article's first paragraph).
    for (std::size_t i = 0; i < lines.size() && i < 8 && article.title.empty(); ++i) {
      std::string_view line = core::trim(lines[i]);
      for (std::string_view label : rules.headline_labels)
        if (core::ascii_lower(line.substr(0, label.size())) == core::ascii_lower(label) && line.size() > label.size() + 1) {
          article.title = std::string(core::trim(line.substr(label.size())));
          article.metadata_notes.push_back("title from the page's '" + std::string(label) + "' line");
        }
    }
  }
  if (article.title.empty()) {
    // The first short kept line before the first long paragraph reads as the headline.
    for (const auto& p : article.paragraphs) {
      std::string_view line(article.text.data() + p.start, p.end - p.start);
      std::size_t cps = core::count_code_points(line, 0, line.size());
      if (cps > 150) break;
      if (cps >= 8 && cps <= 120) {
        article.title = std::string(line);
        article.metadata_notes.push_back("title from the first headline-like line");
        break;
      }
    }
  }
}

}  // namespace crosscheck::ingest

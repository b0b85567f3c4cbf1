#pragma once
// ingest: files, folders, JSONL lines and HTML pages → Article (clean text, paragraphs,
// sentences, skipped regions, metadata). Nothing read is dropped silently.
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/model.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::ingest {

// Documented in docs/limits.md; each limit reached gives a clear message, never a crash.
struct Limits {
  std::size_t max_file_bytes = std::size_t{1} << 30;      // a JSONL export may be large
  std::size_t max_article_bytes = std::size_t{64} << 20;  // one article's text
  std::size_t max_line_bytes = std::size_t{64} << 20;     // one JSONL line
  std::size_t max_sentence_code_points = 2000;            // longer runs are cut at a space
  // How deeply a JSONL line's arrays and objects may nest: copying and writing a JSON tree recurse
  // once a level, and a line nested a hundred thousand deep ran the stack out.
  std::size_t max_json_depth = 256;
};

// What a reader knows of an article before its text is cleaned.
struct ArticleMeta {
  std::string id, outlet, url, published, title, path;
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
};

struct ReadResult {
  std::vector<core::Article> articles;
  std::vector<core::InputStatus> inputs;
  core::Diagnostics diagnostics;
};

// `stdin_stream` is read as JSONL when a path is "-".
ReadResult read_inputs(const std::vector<std::string>& paths, const rules::RuleSet& rules,
                       std::istream* stdin_stream, const Limits& limits = {});

// The same reading, with the articles handed to `sink` a batch at a time in input order instead
// of collected (the returned articles stay empty): memory stays bounded by a batch.
using ArticleSink = std::function<void(std::vector<core::Article>&& batch)>;
ReadResult read_inputs(const std::vector<std::string>& paths, const rules::RuleSet& rules,
                       std::istream* stdin_stream, const Limits& limits, const ArticleSink& sink);

// Text → Article: UTF-8 repair, normalization, boilerplate removal, sentences, metadata.
// `pre_skipped` marks regions already known to be page furniture (from HTML structure).
core::Article build_article(std::string_view raw, ArticleMeta meta, const rules::RuleSet& rules,
                            core::Diagnostics& diagnostics, const Limits& limits = {},
                            const std::vector<core::SkippedRegion>& pre_skipped = {});

// A JSONL line that is one object of string values with distinct keys, the shape of nearly
// every article line, read without building a JSON tree: its members in order. Anything else
// (other values, repeated keys, a byte-order mark, any error) gives nothing, and the line is read
// by nlohmann, which also words the error. Expects valid UTF-8.
using FlatObject = std::vector<std::pair<std::string, std::string>>;
std::optional<FlatObject> read_flat_object(std::string_view text);
// The JSON text with each number no double holds (1e999) turned into a string of its digits and
// each lone UTF-16 surrogate escape into \ufffd, for a strict parser to read; `changed` says
// whether anything was.
std::string lenient_json(std::string_view text, bool& changed);

// NFC, full-width ASCII folded to ASCII, odd spaces to ' ', CRLF to '\n', minus signs to '-'.
std::string normalize_text(std::string_view valid_utf8);

struct Cleaned {
  std::vector<core::Span> paragraphs;
  std::vector<core::SkippedRegion> skipped;
};
Cleaned remove_boilerplate(const std::string& text, const rules::RuleSet& rules,
                           const std::vector<core::SkippedRegion>& pre_skipped = {});

// With rules, a clock's half-day before a day's name ("at 10 p.m. Thursday") ends no sentence.
std::vector<core::Span> split_sentences(const std::string& text, core::Span paragraph,
                                        std::size_t max_code_points, const rules::RuleSet* rules = nullptr);

// Fills what the reader did not know: dateline, byline, outlet, title.
void infer_metadata(core::Article& article, const std::string& raw_clean_text, const rules::RuleSet& rules);
// A wire dateline gives a day without its year ("SEOUL, July 11 (Meridian) -"): the year that puts
// that day nearest the middle of the story's other publication dates, within half a year, with a
// note saying so. Articles keep no date when no other article has one. A streamed extract applies
// it per batch of articles read.
void complete_dates_from_story(std::vector<core::Article>& articles);

struct HtmlPage {
  std::string title, published, url, outlet, description;
  std::string text;  // block elements on their own lines
  std::vector<core::SkippedRegion> skipped;  // navigation, asides, forms, comment widgets
  std::vector<std::string> notes;
};
HtmlPage read_html(std::string_view html, const rules::RuleSet& rules);

}  // namespace crosscheck::ingest

#pragma once
// The small value types passed from stage to stage.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dates.hpp"
#include "core/interval.hpp"
#include "core/word.hpp"

namespace crosscheck::core {

struct Span {
  std::size_t start = 0;  // byte offsets into Article::text
  std::size_t end = 0;
};

struct SkippedRegion {
  Span span;
  std::string reason;  // "menu", "ranking-list", "repeated-line", ...
};

// An input that could not be read, or was read with a warning.
struct InputStatus {
  std::string path;
  std::string status;  // "ok" | "skipped" | "warning"
  std::string reason;
};

struct Article {
  std::string id;
  std::string outlet;
  std::string url;
  std::string published;       // ISO 8601 as given or inferred; "" when unknown
  PartialDate published_date;  // parsed form of `published`
  std::string title;
  std::string byline;
  std::string path;
  std::string text;            // clean text: NFC, full-width folded; all offsets refer to it
  std::vector<Span> paragraphs;  // kept paragraphs, in order
  std::vector<Span> sentences;   // within kept paragraphs, in order
  std::vector<SkippedRegion> skipped;
  std::vector<std::string> metadata_notes;  // where inferred metadata came from
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();  // JSONL fields passed through
};

// score: a result of two sides written as one figure ("3-1", "7-4", "3대1"), its value
// encoded as first × 1000 + second (score_value) so two results compare as one number.
enum class Dimension { money, percent, percentage_points, multiple, count, duration, measure, score, entity };
inline double score_value(int first, int second) { return first * 1000.0 + second; }
// A score's value as people write it: "3–1".
std::string score_text(double value);
const char* dimension_name(Dimension d);

// A figure as written: value interval, unit, and the modifiers that shaped the interval.
struct Quantity {
  Span span;                  // surface, including hedge/bound words that belong to it
  std::string surface;
  std::size_t sentence = 0;   // index into Article::sentences
  double point = 0;           // the figure as written, in base units
  Interval value;
  Dimension dimension = Dimension::count;
  Word unit;                  // ISO 4217, "%", "pp", "times", "count", "month", "mm", ...
  Word counted;               // the counter or counted noun for counts ("개", "chips")
  std::vector<std::string> modifiers;  // "precision", "hedge:약", "bound:below:미만", "range", "vague", "emphasis:불과"
  int linked_to = -1;         // index of the main figure within the article's quantities
  Word link;                  // "conversion" | "absolute-change"
};

struct TimeExpression {
  Span span;
  std::string surface;
  std::size_t sentence = 0;
  PartialDate date;           // resolved as far as the text allows
  std::string kind;           // "date", "year", "month", "quarter", "clock", "decade", "weekday"
  int quarter = 0;
  int month_to = 0;           // for month ranges such as 11~12월
  int day_to = 0;             // for day ranges within a month such as 9월 1~20일
  int relative_year = 0;      // 지난해 = -1 before resolution against the publication date
  int relative_month = 0;
  int relative_day = 0;       // 어제 오후 6시 = -1: the day before the publication date
  bool has_relative_day = false;
  bool relative = false;
  std::string timezone_note;  // "local" for 현지시간/현지시각
};

struct Scope {
  PartialDate date;
  Word period;              // "2024", "2024-Q4", "2025-01", annual ...
  Word window;              // "1d", "4 trading-day", ...
  Word basis;               // "close", "intraday", ...
  Word kind;                // "actual", "preliminary", "estimate", "forecast", "target", "proposal"
  Word direction;           // "up", "down"
  Word attribution;         // "stated", "reported", "claimed", "alleged"
  Word qualifier;           // a narrower subject (a specific model of the company)
  Word role;                // "total" when the figure is stated as a total (총, in total)
  Word as_of;               // the moment a running figure holds at: "2025-03-14T13:20", or a day "2025-03-14"
  Word as_of_source;        // where it came from: "clause", "sentence", "published" (the article's own time)
  Word period_source;       // "article" when the period is the one the article names for its other figures
  Word date_source;         // "published" when the date is the article's own (a price "closed at" that day)
  // "1 year", "1 quarter": the figure is of the period that long before the one it would take
  // (전년 동기 6조6480억원, "$3.57 billion a year earlier"); the framer shifts its period once known.
  Word earlier;
};

struct Claim {
  std::string id;
  std::size_t article = 0;
  Quantity quantity;
  // The sentence as read back with a claim line (check --claims), whose article carries no text;
  // empty when the article's text is at hand. Read it through sentence_of().
  Word sentence_text;
  std::size_t sentence_start = 0;
  Word subject;                 // canonical entity id, "" when unknown
  Word subject_root;            // the owning entity used for grouping (DeepSeek for DeepSeek-V3)
  Word subject_source;          // "cue", "sentence", "topic", "article", ""
  Word attribute;               // attribute id, or "np:<noun>" from the nearest noun phrase
  Word attribute_source;        // "cue" | "noun-phrase" | ""
  // The article's own word for the measure, as written without its particle ("최대전력수요",
  // "revenue"): what a reader sees the figure called, whatever concept it maps onto; "" when none.
  Word measure_word;
  Scope scope;
  Word key;                     // comparison key: subject_root|attribute|dimension
  int linked_to = -1;           // claim index of the main figure (conversion / absolute change)
  // Entity claims (dimension entity): the attribute is a relation id and the value is a thing.
  Word relation_value;          // entity id or year ("H800", "2023")
  Word attributed_to;           // who says so ("DeepSeek", "US-government"), "" when unknown
};

struct Finding {
  std::string id;
  std::string verdict;  // "conflict", "explained", "agree", "supported"
  std::string check;    // "values", "conversion", "percent-change"
  std::string subject;
  std::string attribute;
  std::vector<std::vector<std::string>> sides;  // claim ids
  std::vector<std::string> reasons;             // machine-readable: "rounding", "bound", "window", ...
  std::string explanation;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::object();
};

// The claim's sentence: from its article's text, or as read back with the claim when the article
// has no text (claims from JSONL). Keeping one copy of each sentence is most of a claim's memory.
std::string_view sentence_of(const Claim& claim, const Article& article);

// Makes the claim's repeated text fields (subject, attribute, key, unit, scope, ...) share the
// pool's copy of each value, so a run holds each distinct value once, not once per claim.
void share_words(Claim& claim, WordPool& pool);
// The same for the quantity's and the scope's words, the relation value and attributed_to only:
// for a claim whose subject, attribute and key came from the pool already (the framer's).
void share_scope_words(Claim& claim, WordPool& pool);

// Each article's place when the articles are ordered by id: comparing two ranks is comparing two
// ids, without the string comparisons (ids of one export share long prefixes).
std::vector<std::size_t> article_ranks_by_id(const std::vector<Article>& articles);

}  // namespace crosscheck::core

#pragma once
// Everything crosscheck knows about language and the world, loaded once from rules/ and
// passed by const reference. Nothing here is a C++ literal of language knowledge.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/model.hpp"
#include "core/phrase_table.hpp"
#include "rules/fx_rates.hpp"
#include "rules/lexicon.hpp"
#include "rules/regex_group.hpp"

namespace re2 { class RE2; }

namespace crosscheck::rules {

// An example a rule file carries: text and the expected reading, checked by `rules lint`.
struct Example {
  std::string file;
  int line = 0;
  std::string kind;       // the kind of the file it came from
  bool negative = false;  // text that must not be read
  nlohmann::json fields;  // everything the example says (text, surface, value, unit, ...)
};

struct Scale {
  std::string word;
  double factor = 1;
};

// A word that stands for a count before a unit (두 명, two million).
struct NumberWord {
  std::string word;
  double value = 0;
  bool needs_unit = true;  // native Korean counts are numbers only before a counter
};

// 수십억, tens of billions: a multiplier range applied to the scale that follows.
struct VagueWord {
  std::string word;
  double lo = 0;
  double hi = 0;
};

struct UnitWord {
  std::string word;
  std::string unit;          // ISO 4217, %, pp, times, count, month, trading-day, mm, ...
  core::Dimension dimension;
  bool prefix = false;       // "$5", "US$ 5", "USD 5"
  bool spaced = true;        // may stand after a space ("10억 달러")
  double factor = 1;         // base-unit multiplier (천원 = 1000 KRW)
  std::string counted;       // for counters: the canonical counted thing
  // For a word before the figure: words that must follow the figure for it to hold, and belong
  // to it ("초속 43.7m" is m/s; "시간당 50mm" is mm/hour, "시간당 1만원" is not).
  std::vector<std::string> after = {};
};

// A word that is a number and its unit at once: 사흘 (three days), 보름 (fifteen days). `after`
// lists what may be glued to it (사흘째, 사흘간); anything else glued makes it part of another word.
struct AmountWord {
  std::string word;
  double value = 0;
  std::string unit;
  core::Dimension dimension = core::Dimension::count;
  std::vector<std::string> after;
};

enum class ModifierEffect { hedge, nearly, below, at_most, above, at_least, plus, emphasis };
const char* modifier_effect_name(ModifierEffect e);

struct Modifier {
  std::string word;
  ModifierEffect effect = ModifierEffect::hedge;
  enum class Position { prefix, suffix, infix } position = Position::prefix;
  double widen = 0.1;  // hedges: relative half-width
  std::string lowered = {};  // the word with ASCII lower-cased, filled by build_tables
};

struct LineRule {
  enum class Kind : unsigned char { equals, starts, contains, regex, html_class };
  std::string reason;
  std::string match;      // equals | starts | contains | regex
  std::string text;
  int max_length = 0;     // only lines up to this many code points (0 = any)
  bool tail = false;      // drops this line and everything after it
  std::shared_ptr<re2::RE2> regex;
  int regex_slot = -1;    // its place in RuleSet::line_regexes, or short_line_regexes when max_length is set
  Kind kind = Kind::equals;  // `match` read once by the loader: lines are many, rules few
};

struct PatternRule {
  std::string name;
  std::shared_ptr<re2::RE2> regex;
};

struct Outlet {
  std::string name;
  std::vector<std::string> aliases;  // e-mail domains, romanized names
};

struct Entity {
  std::string id;
  std::string type;     // company, model, chip, person, place, index, organization
  std::string part_of;  // grouping parent (DeepSeek-V3 → DeepSeek)
  std::vector<std::string> aliases;
  std::map<std::string, std::string> labels;  // report language → the name a reader knows ("" keys absent)
};

struct Attribute {
  std::string id;
  std::map<std::string, std::string> labels;  // ui language → label
  std::vector<core::Dimension> dimensions;
  bool time_varying = false;
  int priority = 0;
  std::vector<std::string> subject_types;  // whose figure it can be (turnout: an election); empty = any
  bool cumulative = false;  // a running tally (deaths, ballots counted): it can rise, never fall, within a story
  bool event = false;       // a measure of the story's event (a toll, a magnitude) when no subject is named
  bool jurisdiction = false;  // a national statistic (exports, consumer prices): a country's figure
  bool between_countries = false;  // traded with another country: a bare one before it is the partner (중국 수출)
  bool flow = false;        // a flow over a period (a quarter's revenue), not a level at a moment
  bool change = false;      // a change over a window (a share price's fall): it has no date without one
  std::string bare_unit;    // the unit of a bare figure right after it ("closed at 5,592.14": point); "" for none
  // The count class of what it counts (a toll counts "person"): a count whose counter or counted
  // noun is of another class ("교통사고 47건", "63 accidents") is no figure of it. "" for any.
  std::string counts;
};

struct AttributeCue {
  std::string attribute;
  std::string word;
  bool requires_other = false;  // a "requires" word: only counts when a main cue is also present
  // The [[cue]] block it came from, and whether that block has "requires" words: a main cue of
  // such a block counts only beside one of them ("shares" with "fell"), while the same attribute's
  // cues in another block or language stand alone.
  int block = -1;
  bool needs_required = false;
  int attribute_index = -1;     // its attribute in RuleSet::attributes, -1 if none; filled by build_tables
};

struct Relation {
  std::string id;
  std::map<std::string, std::string> labels;
  std::vector<std::string> subject_types;
  std::vector<std::string> value_types;  // entity types, or "year"
  bool functional = true;
};

struct RelationCue {
  std::string relation;
  std::string word;
};

// The scope fields a cue can set, in the order the framer fills them; "total" cues are read apart.
inline constexpr std::array<std::string_view, 7> kScopeCueFields = {"window", "basis", "kind", "direction", "attribution", "period", "as_of"};
// A field's place in kScopeCueFields; -1 for any other ("total").
constexpr int scope_cue_field_slot(std::string_view field) {
  for (std::size_t i = 0; i < kScopeCueFields.size(); ++i)
    if (kScopeCueFields[i] == field) return static_cast<int>(i);
  return -1;
}

struct ScopeCue {
  std::string field;  // window | basis | kind | direction | attribution | period | as_of | total
  std::string value;
  std::string word;
  std::string lowered = {};  // the word with ASCII lower-cased, filled by build_tables
  int field_slot = -1;       // the field's place in kScopeCueFields, -1 for others; filled by build_tables
};

// What a Korean particle after a word says of that word's role in its clause.
enum class Role : unsigned char { none, topic, subject, object, owner, adverbial, comparison, list, copula };
Role parse_role(std::string_view name);  // Role::none for an unknown name

struct ParticleRole {
  std::string word;
  Role role = Role::none;
};

// The shallow grammar the clause framer reads (rules/*/grammar.toml): particles and their roles,
// verb endings stripped to a stem, list words, and the shapes of names.
struct Grammar {
  std::vector<ParticleRole> particles;       // longest first after build_tables
  std::vector<std::string> endings;          // verb and adjective endings, longest first
  std::vector<std::string> list_words;       // 각각, respectively
  std::vector<std::string> org_suffixes;     // 전자, 은행, Inc, FC: a word ending so is a name
  std::vector<std::string> name_stop_words;  // capitalised or suffixed words that are not names
  std::vector<std::string> event_words;      // words that name the story's event (지진, crash)
  std::vector<std::string> function_words;   // words passed over when looking for a figure's noun (of, the, 약)
  std::vector<std::string> change_words;     // verbs of change (rose, 하락): a measure only when the clause names no other
  // Words that make a name the source of a report, not its subject: "X에 따르면" (two words
  // after at most), "according to X" (right before).
  std::vector<std::string> source_words;
  // Words after a reporter's name in a byline (정다은 기자): the name before them is no subject.
  std::vector<std::string> byline_words;
  // Words of office after a person's name (박정우 후보, 이 감독): the name before one is a person,
  // and a lone syllable before one (박 후보) is a surname standing for the full name the article
  // gave before. `not_surnames` are syllables that stand there without being one (전 대표, 현 시장).
  std::vector<std::string> person_titles;
  std::vector<std::string> not_surnames;
  // Nouns that make a place of the name before them (고산 지역에서, 청비항 인근에서): the place is
  // the name.
  std::vector<std::string> place_heads;
  // Nouns after which 에서 names an occasion or a source (브리핑에서, 조사에서), not a place.
  std::vector<std::string> occasion_words;
  std::vector<std::string> whole_words;  // 전국, nationwide: before a measure they qualify nothing
  // Verbs of reporting that end a sentence (밝혔다, 추산했다): the topic opening it is who reports.
  std::vector<std::string> report_verbs;
  // Stems of verbs of observing or recording (관측, 집계): as a modifier (관측된 최대순간풍속) they
  // narrow no measure, where another verb does (취소된 열차 against 지연된 열차).
  std::vector<std::string> record_verbs;
  // English words that bound a noun phrase: determiners (the, every) open one, prepositions (in,
  // of) end it, linking_verbs (was, hit, reached) link a subject phrase to its figure, and
  // predicate_verbs (cost, spent, paid) are themselves what their figure measures.
  std::vector<std::string> determiners, prepositions, linking_verbs, predicate_verbs;
  // Words that set a figure against another (밑돈, 웃돌, 보다, beat, above): a kind cue (전망치,
  // consensus) across one of them is the kind of the other figure, not of this one. Lower-case.
  std::vector<std::string> comparison_predicates;
  // Words that open a sentence on a part of the last one's figures (이 가운데, of them), lower-cased.
  std::vector<std::string> part_openers;
  // Words that make the figure after them the size of a change, not a level (취업자 증가 폭은 약
  // 28만 명, the increase of 282,000).
  std::vector<std::string> change_size_words;
  // Per language of a sentence ("ko"), the country a national statistic is of when the sentence
  // names none: an entity id of type country.
  std::map<std::string, std::string> home_jurisdiction;
  // Words right beside a figure that make it a running tally whatever it measures (누적 1,380명,
  // "a cumulative 412", "27 so far"): two of them at stated moments cannot fall. Lower-cased.
  std::vector<std::string> tally_words;
  // Endings of a Korean place name (해솔군, 솔내면): a bare one right before a figure says where,
  // and the clause's topic or subject what is counted (확진 농가가 해솔군 11곳).
  std::vector<std::string> place_suffixes;
  // Filled by build_tables: the lists above ASCII-lowered, found by a view without a copy.
  std::set<std::string, std::less<>> stop_lower, function_lower;
  std::vector<std::string> change_lower, change_size_lower;
  bool is_stop(std::string_view lowered) const { return stop_lower.find(lowered) != stop_lower.end(); }
  bool is_whole_word(std::string_view w) const { return std::find(whole_words.begin(), whole_words.end(), w) != whole_words.end(); }
  bool is_function(std::string_view lowered) const { return function_lower.find(lowered) != function_lower.end(); }
  // The same for a word as written: lower-cased only when it holds an ASCII capital.
  static bool has_capital(std::string_view w) {
    for (char c : w)
      if (c >= 'A' && c <= 'Z') return true;
    return false;
  }
  bool is_stop_word(std::string_view w) const { return has_capital(w) ? is_stop(lower_copy(w)) : is_stop(w); }
  bool is_function_word(std::string_view w) const { return has_capital(w) ? is_function(lower_copy(w)) : is_function(w); }
  static std::string lower_copy(std::string_view w) {
    std::string out(w);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  bool starts_with_change(std::string_view lowered) const {
    for (const auto& w : change_lower)
      if (lowered.compare(0, w.size(), w) == 0) return true;
    return false;
  }
};

struct RelativeTime {
  std::string word;
  int years = 0;
  int months = 0;
  int days = 0;  // 어제, yesterday = -1: a day counted from the publication date
  bool has_years = false;
  bool has_months = false;
  bool has_days = false;
  std::string lowered = {};  // the word with ASCII lower-cased, filled by build_tables
};

struct TimeWords {
  std::vector<std::string> year_suffix, month_suffix, day_suffix, quarter_suffix, decade_suffix,
      century_suffix, hour_suffix, minute_suffix, am, pm, local_time, duration_after_day;
  // Words that make a clock the moment of a briefing's figures: "오후 1시 기준", "as of 6 p.m.".
  std::vector<std::string> as_of_after, as_of_before;
  // Words that make a time the start of a span, right after it (부터) or before it (since).
  std::vector<std::string> span_start_after, span_start_before;
  // Around a relative year, words that make it the base of a comparison (지난해보다, from last year).
  std::vector<std::string> comparison_after, comparison_before;
  std::vector<std::string> year_lead_words;  // english: a bare four-digit number after one is a year ("in 2024")
  std::map<std::string, int> month_names;    // english
  std::map<std::string, int> weekday_names;  // english + korean
  std::map<std::string, int> quarter_names;  // "first quarter" = 1, "fourth-quarter" = 4
};

// A scale word of a report language: 1e12 written "{n}T" in English, 1e8 "{n}억" in Korean.
struct NumberScale {
  double power = 1;
  std::string before, after;  // the message's text around {n}
  std::string write(std::string_view digits) const { return before + std::string(digits) + after; }
};

struct RuleSet {
  std::vector<std::string> sources;  // the folders loaded, bundled first
  std::vector<Example> examples;

  // numbers
  std::vector<std::pair<std::string, int>> sino_digits;
  std::vector<Scale> small_scales;   // 십 백 천
  std::vector<Scale> big_scales;     // 만 억 조
  std::vector<Scale> english_scales; // thousand, million, bn, K, M
  bool is_scale_word(std::string_view lowered) const {
    for (const auto& s : english_scales)
      if (s.word.size() == lowered.size() && std::equal(s.word.begin(), s.word.end(), lowered.begin(), [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
          }))
        return true;
    return false;
  }
  std::vector<Scale> currency_scales; // after a currency sign only: €65m, $3.1b (a bare "m" is metres)
  std::vector<NumberWord> number_words;
  std::vector<VagueWord> vague_words;
  std::vector<std::string> range_separators;  // ~, -, 에서 ... 까지 handled by "to"/"and"
  std::vector<std::string> range_words;       // "to", "and" (between X and Y), "에서"
  std::vector<std::string> between_words;     // "between"
  // Words between a measure of counts and a bare figure that make it that measure's count
  // ("the death toll at 6", "the toll rose to 11"), lower-cased.
  std::vector<std::string> measure_links;
  // Verbs of a level ("peaked", "stood", "read"): a bare figure they govern takes the unit of the
  // last level before it (extract/elliptical.cpp), lower-cased.
  std::vector<std::string> level_verbs;
  // Bare English figures a sentence has already framed (extract/elliptical.hpp): words after
  // which a bare figure takes an earlier figure's unit ("up from 27"), pronouns that stand for
  // the last count ("59 of them") and capitalised words that number things rather than name a
  // list item ("Pier 3"), all lower-cased.
  std::vector<std::string> ellipsis_links, referent_pronouns, numbered_labels, noun_determiners;
  // Plurals whose level is a price, not a count ("shares fell 3%, to 41 from 44"): a bare figure
  // after an ellipsis link never counts them. Lower-cased.
  std::vector<std::string> priced_plurals;
  // Nouns of a rate a bare whole figure of thousands is the level of ("an annual pace of
  // 403,000"), as a figure with a scale word is ("a rate of 4.03 million"). Lower-cased.
  std::vector<std::string> rate_nouns;
  // Words that make "3-1", "7-4" or "3대1" a result: standing shortly before it as whole words
  // (beat, voted; lower-cased) or right after it (win, 로 이겼).
  std::vector<std::string> score_before, score_after;
  // units
  std::vector<UnitWord> units;
  std::vector<AmountWord> amount_words;
  std::vector<std::string> counted_nouns_en;  // English nouns a count may name
  // Plural words right after a number that count nothing ("5 points higher" is read elsewhere):
  // any other plural noun there is what the number counts (31 vessels, 4,300 branches).
  std::vector<std::string> not_counted_en;
  // Counters and counted nouns of one kind of thing (명, people, passengers → person): counts
  // of different kinds (340명, 7곳) are never compared.
  std::map<std::string, std::string> count_classes;
  // Words that make a figure a rate: "주당 920원" is KRW/share, "£95,000 a week" GBP/week.
  struct Rate {
    std::string word;
    std::string per;
    bool before = false;  // written before the figure (주당), else after it (a week)
    std::vector<std::string> unless_followed_by = {};  // "$3.57 billion a year earlier" is no rate
  };
  std::vector<Rate> rates;
  // Units of one family measured in a base unit (mi, ft and km in metres): figures in either
  // are compared in the base, and a bracketed restatement in the other is checked.
  struct Conversion {
    std::string base;
    double factor = 1;  // base units per one unit
  };
  std::map<std::string, Conversion> conversions;
  // The unit a figure is compared in and the factor to it: the unit itself and 1 when it has no base.
  std::pair<std::string, double> in_base(const std::string& unit) const {
    auto it = conversions.find(unit);
    return it == conversions.end() ? std::make_pair(unit, 1.0) : std::make_pair(it->second.base, it->second.factor);
  }
  // The kind of thing a count counts: its class, else the word itself.
  std::string count_class(std::string_view counted) const;
  // modifiers
  std::vector<Modifier> modifiers;
  // not amounts
  std::vector<std::string> not_amount_terms;
  std::vector<std::string> attached_prefixes;  // words that may touch a number (약10억)
  std::vector<std::string> particles;          // Korean particles stripped for matching
  std::vector<std::string> band_words;         // 대 of 9%대: the band a figure opens
  std::vector<std::string> change_from_words;  // "from" of "from 5% to 7%": no range
  // The words that mark a level as the base a stated change runs from: before it ("from 1.09
  // million") or after it ("6조6480억원보다").
  std::vector<std::string> change_base_before, change_base_after;
  std::vector<std::string> conversion_joiners; // "comes to", "우리 돈": a money figure after them converts the one before
  // boilerplate and metadata
  std::vector<LineRule> line_rules;
  // Page furniture told by its shape (src/ingest/page_shape.cpp), from every boilerplate file:
  // what opens a list item, what ends a sentence, what separates the fields of a strip.
  std::vector<std::string> item_markers, item_number_suffixes, sentence_endings, field_separators;
  bool numbered_items_without_mark = false;  // "1 Headline": a number and a space open an item
  int field_space_run = 0;                   // this many spaces in a row separate fields (0: never)
  // "Title:", "제목:": the label of a pasted page's headline line. The label is page furniture;
  // the headline after it is the article's, and its figures are claims.
  std::vector<std::string> headline_labels;
  // Every regex line rule, to read a line once for all of them. The rules for short lines only
  // (max_length) are a group of their own: a paragraph longer than their limit never asks them,
  // and most of them look at the end of a line, which an automaton reads the whole line to reach.
  RegexGroup line_regexes, short_line_regexes;
  std::vector<PatternRule> datelines;
  std::vector<PatternRule> bylines;
  std::vector<PatternRule> outlet_patterns;
  // Each list above as one automaton, slot i for pattern i: which patterns a line can match.
  RegexGroup dateline_regexes, byline_regexes, outlet_regexes;
  std::vector<Outlet> outlets;
  // entities and attributes
  std::vector<Entity> entities;
  std::vector<std::string> anaphors;
  std::vector<std::string> clause_breaks;  // where a clause ends, for finding a figure's own subject
  std::vector<Attribute> attributes;
  std::vector<AttributeCue> attribute_cues;
  int cue_blocks = 0;  // [[cue]] blocks read so far: each cue's `block` numbers them
  std::vector<ScopeCue> scope_cues;
  std::vector<Relation> relations;
  std::vector<RelationCue> relation_cues;
  std::vector<RelativeTime> relative_times;
  TimeWords time;
  Grammar grammar;
  Lexicon lexicon;  // the common words of Korean (rules/ko/grammar.toml `lexicon`): what no name is
  // messages per ui language: key → template
  std::map<std::string, std::map<std::string, std::string>> messages;
  // built from messages by build_tables: per language, its scales, largest first
  std::map<std::string, std::vector<NumberScale>> scales;
  FxRates fx;

  // Lookup tables built once after loading.
  core::PhraseTable clause_break_table;  // clause_breaks as written, matched against lower-cased text
  core::PhraseTable unit_table, modifier_table, entity_table, jurisdiction_table, anaphor_table, cue_table,
      scope_table, relative_table, term_table, scale_table, number_word_table, vague_table,
      counted_table, particle_table, relation_cue_table, sino_digit_table, small_scale_table, big_scale_table;
  // The units written before a figure ($, US$, ₩), lower-cased: the extractor asks it only
  // whether a position can start one, before the longest match in unit_table.
  core::PhraseTable prefix_unit_table;
  // The lower-cased scope words that make a figure a total ("총", "in total"): read right before
  // every figure, so kept apart from the other scope cues.
  std::vector<std::string> total_words;
  // "142 of the 300 seats", "300석 중 142석": the figure these stand by is the whole, not a part.
  std::vector<std::string> whole_before_words, whole_after_words;
  // Cues of a figure of an earlier period, next to it ("전년 동기 6조원", "$3.57 billion a year
  // earlier"), with the shift they name ("1 year").
  std::vector<std::pair<std::string, std::string>> earlier_before_words, earlier_after_words;
  // The lower-case ASCII letters an English time expression can start with (month and weekday
  // names, Q for quarters): the time reader turns away a letter not among them.
  std::array<bool, 128> time_english_start{};
  // time.month_names and time.weekday_names by first letter; a match's id is the month (1-12)
  // or the weekday number.
  core::PhraseTable month_table, weekday_table, quarter_table;

  const Attribute* attribute(const std::string& id) const;
  const Entity* entity(const std::string& id) const;
  const Relation* relation(const std::string& id) const;
  // The message for `key` in `lang`, else in English; null when neither has one.
  const std::string* find_message(const std::string& lang, const std::string& key) const;
  // The same, or the key itself when there is none.
  std::string message(const std::string& lang, const std::string& key) const;
  // The label for a count of n: "<key>.one" when n is 1 and the language has that form ("1
  // conflict"), else the key's own message. A language without a singular form (Korean) is never
  // given English's.
  std::string message_for_count(const std::string& lang, const std::string& key, std::size_t n) const;
  // A scope value as a reader of the report sees it, from the messages: "window.<unit>" with {n}
  // for a window ("4 trading-day" → "4-trading-day", "4거래일간"), "<field>.<value>" for the
  // rest ("direction.down" → "하락"). The value itself when no message names it.
  std::string scope_label(const std::string& lang, std::string_view field, std::string_view value) const;
  // A listed entity's label in `lang` ("미국 정부" for US-government); any other name as it is.
  std::string entity_label(const std::string& lang, const std::string& name) const {
    if (const Entity* e = entity(name))
      if (auto it = e->labels.find(lang); it != e->labels.end()) return it->second;
    return name;
  }
  // How a report writes a large figure: the largest scale word of `lang` (messages
  // "scale.<power of ten>", English when the language names none) that |value| reaches
  // (1e12 "{n}T"; 1e8 "{n}억"); power 1 and nothing around the number below them all.
  const NumberScale& number_scale(const std::string& lang, double value) const;
  // A unit's name in `lang` from the message "unit.<code>" (KRW → 원), or the code itself.
  std::string unit_name(const std::string& lang, std::string_view unit) const;
  void build_tables();
};

struct LoadResult {
  std::shared_ptr<const RuleSet> rules;  // null when errors were found
  core::Diagnostics diagnostics;
};

// The folder with the bundled rules: $CROSSCHECK_RULES, then beside the binary, then the source tree.
std::string bundled_rules_dir(const std::string& argv0);
// Loads the bundled folder, then each user folder layered over it (entries added, later first).
LoadResult load_rules(const std::vector<std::string>& folders);

}  // namespace crosscheck::rules

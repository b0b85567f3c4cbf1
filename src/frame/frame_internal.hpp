#pragma once
// Helpers shared by the frame stage's files; not part of its public interface.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "frame/clauses.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::frame {

struct Mention {
  int entity = -1;      // index into RuleSet::entities; -1 for an anaphor ("업체", "the company")
  std::size_t start = 0;
  std::size_t end = 0;  // end of the alias (before any bracket or particle)
  std::string particle; // the Korean particle right after it, "" if none
};

struct SentenceView {
  std::string_view text;   // the article text
  std::string_view lower;  // its ASCII-lowered twin
  core::Span span;
};

std::vector<Mention> find_mentions(const SentenceView& s, const rules::RuleSet& rules);
// Where the sentence's clauses break (rules' clause_breaks), found once per sentence.
std::vector<core::Span> clause_breaks_in(const SentenceView& s, const rules::RuleSet& rules);
// The clause holding a figure: between the nearest breaks before and after it.
core::Span clause_around(const SentenceView& s, core::Span figure, const std::vector<core::Span>& breaks);

struct CueHit {
  int cue = -1;  // index into RuleSet::attribute_cues
  std::size_t start = 0, end = 0;
};
std::vector<CueHit> find_cues(const SentenceView& s, const rules::RuleSet& rules);
// The attribute id for a quantity, or "np:<word>" from its nearest noun, or "".
std::string choose_attribute(const SentenceView& s, const core::Quantity& q, core::Span clause, const std::vector<CueHit>& cues,
                             const rules::RuleSet& rules, std::string_view& source, CueHit& chosen);
std::string nearest_noun(const SentenceView& s, const core::Quantity& q, const rules::RuleSet& rules);

// A scope cue found in a sentence: every cue at each position, longest first, leaving out those
// that can count for no figure (inside a Latin word; total words, which count only right before
// a figure). Found once per sentence; each figure then picks from them.
struct ScopeHit {
  std::size_t start = 0, end = 0;
  int cue = -1;  // index into RuleSet::scope_cues
};
std::vector<ScopeHit> find_scope_cues(const SentenceView& s, const rules::RuleSet& rules);
void apply_scope_cues(const SentenceView& s, const std::vector<ScopeHit>& hits, core::Span clause, const core::Quantity& q,
                      const rules::RuleSet& rules, core::Scope& scope);
// "GARAM, March 15 (Eastgate Wire) - …": a wire dateline's date is the report's, not its figures'.
bool in_dateline(const SentenceView& s, const core::TimeExpression& t);
void apply_time(const std::vector<core::TimeExpression>& times, const SentenceView& s, core::Span clause,
                const core::Quantity& q, const core::PartialDate& published, const rules::RuleSet& rules, core::Scope& scope);
// The date or period (and a quarter's window) one time expression names, resolved against the
// publication date: "27일" in an article of 31 January is 27 January, "4분기" in January last year's.
void resolve_time(const core::TimeExpression& time, const core::PartialDate& published, core::Scope& scope);

// "이 가운데 수리가오델수르주에서만 71명이 숨졌다", "Of them, 12 were children": the sentence opens on a
// part of the last one's figures (grammar part_openers).
bool opens_on_part(const SentenceView& s, const core::Quantity& q, const rules::RuleSet& rules);

// Whether a time opens a span the figure runs over ("24일 0시부터 25일 정오까지", "since the holiday
// began on Thursday"): the span's start, never the moment or day the figure holds at.
bool starts_a_span(const SentenceView& s, const core::TimeExpression& t, const rules::RuleSet& rules);
void apply_window_from_durations(const std::vector<core::Quantity>& quantities, const SentenceView& s, core::Span clause,
                                 const core::Quantity& q, core::Scope& scope);

// The clause framer's measure: the attribute a figure's governing word maps onto, and where it
// came from ("clause": the figure's own clause; "sentence": the sentence's topic).
struct Governed {
  std::string attribute;
  std::string_view source;
  int word = -1;  // the governing word in the parsed sentence
  CueHit cue;     // the cue it starts
  // "응답자의 58.4%가": a share of the noun that owns it, which no concept names; the governing noun
  // says what it is, not the nearest cue of the sentence.
  bool owned_share = false;
};
// The cue hits a word starts that fit the figure (and every required word of the sentence).
std::vector<CueHit> concept_cues_at(const Token& t, const core::Quantity& q, const std::vector<CueHit>& cues, const rules::RuleSet& rules);
// `paired_word` is the noun a list word (각각, respectively) pairs the figure with, or -1.
Governed govern_measure(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const std::vector<CueHit>& cues,
                        const rules::RuleSet& rules, int paired_word);
// The article's word for the measure it governs: the governing noun as written without its
// particle when the cue is part of it, else the cue as written.
std::string measure_word_of(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q,
                            const rules::RuleSet& rules);
// A narrower quantity the governing word is qualified by: the bare noun right before it in its
// clause (반도체 수출, 서울 투표율, chip exports), or a bare Korean noun between the measure and
// the figure (수출 … 반도체 161억 달러), normalised; "" when none.
std::string qualifier_of(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q,
                         const rules::RuleSet& rules);
// "3,000t급 경비함", "6,800t급 여객선": a measure written onto the figure (t급) is of the noun after
// it, which makes it a different quantity from the same measure of another noun; "" otherwise.
// "전국 재보궐선거 평균(7.9%)": a figure that is a bracket's content is of the noun the bracket
// hangs on (an average), when that noun is not its measure's own word.
std::string aside_qualifier(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q,
                            const rules::RuleSet& rules);
std::string attached_qualifier(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q);
// "미국에서는 112만4000대가", "유럽에서도 2만7300대": the place a locative particle (에서) names in
// the figure's clause before it, nearest first; "" when none does.
std::string place_of(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules);
// "취업자 증가 폭은 약 28만 명": a word of the grammar's change_size_words before the figure in its
// clause makes it the size of a change.
bool sized_change(const SentenceView& s, core::Span clause, const core::Quantity& q, const rules::RuleSet& rules);
// Whether a verb of change follows the figure right after it (28만2천명 늘었다): the figure is a
// change of the measure, not its level.
bool is_change_figure(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules);
// For each figure of the sentence (by its place in `in_sentence`), the noun a list word pairs it with.
std::vector<int> list_pairing(const SentenceView& s, const ParsedSentence& p, const std::vector<core::Quantity>& quantities,
                              const std::vector<std::size_t>& in_sentence, const std::vector<CueHit>& cues, const rules::RuleSet& rules);
// The noun that governs a figure when no concept is known, normalised (particles and endings
// stripped); "" when none can be told. `narrowing` is the word right before a Korean noun that
// makes it a narrower quantity (취소된 열차 → 취소), "" when none.
// The English reading of the same: the noun phrase governing the figure, read from its shape
// (english_noun.cpp), lower-cased, a plural's s dropped; "" when none.
std::string english_governing_noun(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules);
struct GoverningNoun {
  std::string noun;
  std::string narrowing;
  std::string place;  // a place named right before the figure, past which the noun was found (해솔군 11곳)
};
GoverningNoun governing_noun(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules);

// The moment a running figure holds at: a clock time in its clause or sentence, on the date the
// sentence names or the article's date; for a cumulative tally with none, the article's own time.
void apply_as_of(const std::vector<core::TimeExpression>& times, const SentenceView& s, core::Span clause, const core::Quantity& q,
                 const core::Article& article, const rules::Attribute* attribute, const rules::RuleSet& rules, core::Scope& scope);

// What the article itself supplies to figures that name no time: a flow (revenue) without a
// period takes the period the article names in its headline and lead, or else for its other
// flows (period_source "article"); a
// level that changes from day to day (a price) without a date takes the article's date
// (date_source "published").
// A figure the article states again with no time of its own (a headline restating the body's
// figure: one measure, subject, unit and value) holds at the time the other statement gives, when
// only one time is given for it (as_of_source / period_source "restated").
void inherit_restated_scope(std::vector<core::Claim>& claims, core::WordPool& words);
// A whole ("of the 300 seats", "선거인 N명 가운데") none of whose sentence's figures of its unit can
// be of its measure is a plain figure of that measure: its role is dropped (frame/wholes.cpp).
void drop_wholes_without_parts(std::vector<core::Claim>& claims);

// The claim's comparison key (subject_root|attribute|dimension, "?" for no subject) after a pass
// over the framed claims gave it another measure or subject.
void rekey(core::Claim& c, core::WordPool& words);

// A percent change whose sentence names no measure, right after a sentence of the same paragraph
// with exactly one measured level, is that level's change ("매출 5조4250억원을 기록했다. 전년 동기
// 대비 14.8% 감소한 수치다."): it takes the level's measure, subject and period (source
// "previous-sentence", an inference).
// A figure whose only measure is its word of change (np:down) counts as one with none.
void carry_measure_to_changes(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                              core::WordPool& words);

// A figure in brackets between its time and a particle of comparison ("지난해 9월(21일)보다") is
// a base the level before it in its sentence is compared with: it takes that level's measure
// and subject (source "comparison-base", read from the sentence's structure).
void carry_measure_to_bases(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                            core::WordPool& words);

// "영업이익 전망치는 9조원, 7조원으로", "9조원과 7조원": a figure joined to the one before it by a comma
// or a list word, of the same unit, takes that figure's kind and its clause's measure when its
// own clause (cut by the comma) gives it none or only a weaker one (coordinated.cpp).
void share_with_coordinated(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                            core::WordPool& words);

void apply_article_defaults(std::vector<core::Claim>& claims, const core::Article& article,
                            const std::vector<core::TimeExpression>& times, const rules::RuleSet& rules, core::WordPool& words);

// Whose a national statistic is (an attribute marked `jurisdiction`): the country the figure's
// clause or sentence names as owner (source "clause", "sentence"), else the home country of the
// sentence's language (source "home"), else none; and the partner country its clause names
// ("중국 수출", "exports to China"), as written, "" when none.
struct Jurisdiction {
  std::string owner;
  std::string_view source;  // a literal: it outlives the framer's step that reads it
  std::string partner;
};
Jurisdiction jurisdiction_of(const SentenceView& s, core::Span clause, const core::Quantity& q, const rules::Attribute& attribute,
                             const rules::RuleSet& rules);

}  // namespace crosscheck::frame

#pragma once
// Helpers shared by the frame stage's files; not part of its public interface.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
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
void apply_time(const std::vector<core::TimeExpression>& times, const SentenceView& s, core::Span clause,
                const core::Quantity& q, const core::PartialDate& published, core::Scope& scope);
void apply_window_from_durations(const std::vector<core::Quantity>& quantities, const SentenceView& s, core::Span clause,
                                 const core::Quantity& q, core::Scope& scope);

}  // namespace crosscheck::frame

// The English noun phrase that governs a figure no concept is known for. English has no
// particles to mark a role, so the phrase is read from its shape: "an intraday high of $86.12"
// (the phrase before "of"), "the median existing-home price in May was $422,800" (the subject
// before a verb, past a prepositional phrase of time or place), "daily throughput sank to nearly
// 5,000 TEU", "the 3,300-metre runway" (a figure written as an adjective measures the noun after
// it). The word lists come from rules/en/grammar.toml (determiners, prepositions, linking_verbs,
// predicate_verbs, function_words, change_words); three shapes are still written here: "of" before
// the figure, the regular past ending -ed (not -eed) and the possessive 's. A phrase of names is
// a subject, not a measure.
#include <algorithm>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

struct Reader {
  const SentenceView& s;
  const ParsedSentence& p;
  const rules::RuleSet& rules;
  std::size_t clause;

  bool in_clause(int i) const { return i >= 0 && static_cast<std::size_t>(i) < p.words.size() && p.words[static_cast<std::size_t>(i)].clause == clause; }
  const Token& at(int i) const { return p.words[static_cast<std::size_t>(i)]; }
  std::string lower(int i) const { return core::ascii_lower(s.text.substr(at(i).span.start, at(i).span.end - at(i).span.start)); }
  static bool listed(const std::vector<std::string>& list, std::string_view w) { return std::find(list.begin(), list.end(), w) != list.end(); }
  bool determiner(int i) const { return listed(rules.grammar.determiners, lower(i)); }
  bool preposition(int i) const { return listed(rules.grammar.prepositions, lower(i)); }
  bool function(int i) const { return rules.grammar.is_function(lower(i)); }
  // A verb that links a subject phrase to its figure (was, hit, reached) or a verb of change
  // (sank, rises): the phrase before it is what the figure measures.
  bool linking(int i) const { return listed(rules.grammar.linking_verbs, lower(i)) || rules.grammar.starts_with_change(lower(i)); }
  // A verb that is itself what its figure measures (cost, spent, paid; a regular past form,
  // such as raised, but not speed or need).
  bool predicate(int i) const {
    std::string w = lower(i);
    if (listed(rules.grammar.predicate_verbs, w)) return true;
    return !at(i).capital && w.size() >= 5 && core::ends_with(w, "ed") && !core::ends_with(w, "eed");
  }
  bool verb(int i) const { return linking(i) || predicate(i); }
  bool latin_word(int i) const {
    std::string_view w = s.text.substr(at(i).span.start, at(i).span.end - at(i).span.start);
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\'';
    });
  }
  bool possessive(int i) const {
    std::string w = lower(i);
    return core::ends_with(w, "'s") || core::ends_with(w, "s'");
  }
  // A word of the phrase: a lower-case word that is none of the small words and no verb.
  bool phrase_word(int i) const {
    return in_clause(i) && latin_word(i) && !at(i).capital && !at(i).digit && !determiner(i) && !preposition(i) && !function(i) &&
           !possessive(i);
  }

  // The phrase that ends at word `end`: up to three words, back to a determiner, a name, a
  // possessive or a small word; "" when `end` is no phrase word.
  std::string phrase_ending(int end) const {
    if (!phrase_word(end) || verb(end)) return "";
    int start = end;
    while (start - 1 > end - 3 && phrase_word(start - 1) && !verb(start - 1) && !at(start - 1).comma_after) --start;
    std::string out;
    for (int i = start; i <= end; ++i) out += (out.empty() ? "" : " ") + lower(i);
    if (out.size() > 3 && out.back() == 's' && !core::ends_with(out, "ss")) out.pop_back();  // stores → store
    return out;
  }

  // From word `i` back, past a prepositional phrase of time or place ("in May", "in the United
  // States", "on Tuesday"): the word before its preposition, or `i` when none is there.
  int past_prepositional(int i) const {
    for (int k = i; in_clause(k) && k > i - 5; --k) {
      if (preposition(k)) return k - 1;
      bool small = at(k).capital || at(k).digit || determiner(k);
      if (!small) return i;
    }
    return i;
  }
};

}  // namespace

std::string english_governing_noun(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules) {
  int fig = word_at(p, q.span.start);
  if (fig < 0) return "";
  Reader r{s, p, rules, p.words[static_cast<std::size_t>(fig)].clause};
  // "the 3,300-metre runway": a figure written as an adjective is the size of the noun after it.
  std::string_view surface = s.text.substr(q.span.start, q.span.end - q.span.start);
  int last = word_at(p, q.span.end > 0 ? q.span.end - 1 : q.span.end);
  if (surface.find('-') != std::string_view::npos && last >= 0 && r.phrase_word(last + 1) && !r.verb(last + 1))
    return r.phrase_ending(last + 1);
  // Back from the figure past the small words (to, nearly, the): "a high of $86.12" is governed
  // by the phrase before "of"; "sank to nearly 5,000 TEU", "was $422,800" by the subject before
  // the linking verb; "who cost £38m" by the verb itself; else the phrase right before the
  // figure ("every passenger $1,500").
  for (int i = fig - 1; r.in_clause(i); --i) {
    if (r.lower(i) == "of") return r.phrase_ending(i - 1);
    if (r.linking(i)) {
      int end = i - 1;
      while (r.in_clause(end) && (r.function(end) || r.linking(end)) && !r.preposition(end)) --end;  // "had been", "has risen"
      std::string phrase = r.in_clause(end) ? r.phrase_ending(r.past_prepositional(end)) : "";
      // No phrase ("tickets for the holiday, up 12 percent"): the verb says at least how the
      // figure stands (np:up, which a change in the next sentence may be carried onto), but a
      // copula (was) says nothing.
      if (phrase.empty() && !r.function(i) && r.phrase_word(i)) return r.lower(i);
      return phrase;
    }
    if (r.function(i) || r.determiner(i)) continue;
    if (r.predicate(i)) return r.phrase_word(i) ? r.lower(i) : "";
    return r.phrase_ending(i);
  }
  return "";
}

}  // namespace crosscheck::frame

#pragma once
// The shallow clause parser: a sentence as words (eojeol in Korean), each with the role its
// particle gives it (topic 은/는, subject 이/가, object 을/를, owner 의, adverbial 에/에서/로,
// comparison 보다/대비, list 와/과), and the clauses they fall into. Particles, endings and list
// words come from rules/*/grammar.toml; nothing here is a word of a language.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::frame {

struct Token {
  core::Span span;      // the word as written, without the punctuation around it
  core::Span stem;      // the word without its particle (the whole word when it has none)
  rules::Role role = rules::Role::none;
  bool hangul = false;      // starts with a Hangul syllable
  bool capital = false;     // starts with a Latin capital letter
  bool digit = false;       // holds a digit
  bool comma_after = false; // a comma (or a list mark) follows it
  bool quoted = false;      // stood in quotes ('라온마켓'이)
  // Inside a bracketed aside that runs over several words ("환산액(주 40시간 근무, … 기준)은"): the
  // word that opens it takes the particle after the bracket, and the aside's words are passed over
  // by a figure outside it looking for its noun.
  bool aside = false;
  bool opens_aside = false;  // the word whose bracket opens an aside ("환산액(주"): its start is outside
  // An acronym in brackets right after the word, the name it is known by: GCT of
  // 가람포컨테이너터미널(GCT)에 (one word with its particle) or of "Terminal (GCT)" (the next word).
  core::Span acronym;
  std::size_t clause = 0;   // the clause it belongs to, counted from 0
};

struct ParsedSentence {
  std::vector<Token> words;
  std::vector<core::Span> clauses;  // in text order
  bool has_list_word = false;       // 각각, respectively
  int list_word = -1;               // the last word that is a list word as written, -1 if none
};

// Two to eight Latin capitals and digits, at least two of them capitals (GCT, KISA, S&P, 3M is
// not one): the form of an acronym a text defines in brackets after a name.
bool is_acronym(std::string_view word);

// `breaks` are the clause breaks found in the sentence (clause_breaks_in).
ParsedSentence parse_sentence(std::string_view text, core::Span sentence, const std::vector<core::Span>& breaks,
                              const rules::RuleSet& rules);

// The word that holds the byte offset `pos`, or -1.
int word_at(const ParsedSentence& s, std::size_t pos);

// The role a particle written right after a figure gives it ("64명이" → subject); none if none.
rules::Role role_after(std::string_view text, std::size_t end, std::size_t limit, const rules::RuleSet& rules);

// A word with its verb or adjective ending stripped (숨졌다 → 숨, 집계했다 → 집계), lower-cased;
// the word itself when no ending fits.
std::string normalize_word(std::string_view word, const rules::RuleSet& rules);

}  // namespace crosscheck::frame

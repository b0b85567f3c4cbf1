#pragma once
// Shared cursor helpers for the readers: code points, word boundaries and phrase lookups on
// one sentence, with a lower-cased twin for English words (same byte offsets).
#include <string>
#include <string_view>

#include "core/phrase_table.hpp"
#include "core/utf8.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::extract {

struct Sentence {
  std::string_view text;   // the whole article text
  std::string_view lower;  // ASCII-lowered copy of the whole text (same offsets)
  std::size_t begin = 0;   // sentence span
  std::size_t end = 0;

  char32_t at(std::size_t pos) const;
  char32_t before(std::size_t pos) const;  // code point ending at pos, 0 at the sentence start
  std::size_t next(std::size_t pos) const;
  std::size_t prev(std::size_t pos) const;
  std::size_t skip_spaces(std::size_t pos, std::size_t max_spaces = 1) const;
  bool starts_with(std::size_t pos, std::string_view word) const;       // case-insensitive for ASCII
  bool ends_with(std::size_t pos, std::string_view word) const;         // text[..pos) ends with word
  bool word_boundary_after(std::size_t pos) const;                      // no Latin letter/digit follows
  bool word_boundary_before(std::size_t pos) const;                     // no Latin letter/digit precedes
  core::PhraseMatch lookup(const core::PhraseTable& table, std::size_t pos) const;  // on the lowered text
};

bool is_digit_at(const Sentence& s, std::size_t pos);

}  // namespace crosscheck::extract

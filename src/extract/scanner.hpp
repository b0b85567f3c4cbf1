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

  char32_t at(std::size_t pos) const {
    if (pos >= end) return 0;
    std::size_t length = 1;
    return core::decode_at(text, pos, length);
  }
  // The code point at pos in the lower-cased twin (ASCII letters lowered, others as they are).
  char32_t lower_at(std::size_t pos) const {
    if (pos >= end) return 0;
    std::size_t length = 1;
    return core::decode_at(lower, pos, length);
  }
  // The code point ending at pos, 0 at the sentence start.
  char32_t before(std::size_t pos) const { return pos <= begin ? 0 : at(prev(pos)); }
  std::size_t next(std::size_t pos) const {
    std::size_t length = 1;
    core::decode_at(text, pos, length);
    return pos + length;
  }
  std::size_t prev(std::size_t pos) const {
    if (pos <= begin) return begin;
    std::size_t p = pos - 1;
    while (p > begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    return p;
  }
  std::size_t skip_spaces(std::size_t pos, std::size_t max_spaces = 1) const;
  bool starts_with(std::size_t pos, std::string_view word) const;       // case-insensitive for ASCII
  bool ends_with(std::size_t pos, std::string_view word) const;         // text[..pos) ends with word
  // No Latin letter or digit follows / precedes.
  bool word_boundary_after(std::size_t pos) const {
    char32_t c = at(pos);
    return !(core::is_latin_letter(c) || core::is_ascii_digit(c));
  }
  bool word_boundary_before(std::size_t pos) const {
    char32_t c = before(pos);
    return !(core::is_latin_letter(c) || core::is_ascii_digit(c));
  }
  core::PhraseMatch lookup(const core::PhraseTable& table, std::size_t pos) const;  // on the lowered text
};

inline bool is_digit_at(const Sentence& s, std::size_t pos) { return pos < s.end && s.text[pos] >= '0' && s.text[pos] <= '9'; }

}  // namespace crosscheck::extract

#include "extract/scanner.hpp"

namespace crosscheck::extract {

char32_t Sentence::at(std::size_t pos) const {
  if (pos >= end) return 0;
  std::size_t length = 1;
  return core::decode_at(text, pos, length);
}

char32_t Sentence::before(std::size_t pos) const {
  if (pos <= begin) return 0;
  return at(prev(pos));
}

std::size_t Sentence::next(std::size_t pos) const {
  std::size_t length = 1;
  core::decode_at(text, pos, length);
  return pos + length;
}

std::size_t Sentence::prev(std::size_t pos) const {
  if (pos <= begin) return begin;
  std::size_t p = pos - 1;
  while (p > begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

std::size_t Sentence::skip_spaces(std::size_t pos, std::size_t max_spaces) const {
  std::size_t n = 0;
  while (pos < end && text[pos] == ' ' && n < max_spaces) {
    ++pos;
    ++n;
  }
  return pos;
}

bool Sentence::starts_with(std::size_t pos, std::string_view word) const {
  // The first byte rejects almost every candidate without a call to compare.
  return pos + word.size() <= end && (word.empty() || lower[pos] == word[0]) && lower.compare(pos, word.size(), word) == 0;
}

bool Sentence::ends_with(std::size_t pos, std::string_view word) const {
  return pos >= begin + word.size() && (word.empty() || lower[pos - 1] == word.back()) &&
         lower.compare(pos - word.size(), word.size(), word) == 0;
}

bool Sentence::word_boundary_after(std::size_t pos) const {
  char32_t c = at(pos);
  return !(core::is_latin_letter(c) || core::is_ascii_digit(c));
}

bool Sentence::word_boundary_before(std::size_t pos) const {
  char32_t c = before(pos);
  return !(core::is_latin_letter(c) || core::is_ascii_digit(c));
}

core::PhraseMatch Sentence::lookup(const core::PhraseTable& table, std::size_t pos) const {
  auto m = table.longest_at(lower.substr(0, end), pos);
  return m;
}

bool is_digit_at(const Sentence& s, std::size_t pos) { return pos < s.end && s.text[pos] >= '0' && s.text[pos] <= '9'; }

}  // namespace crosscheck::extract

#include "extract/scanner.hpp"

namespace crosscheck::extract {

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

core::PhraseMatch Sentence::lookup(const core::PhraseTable& table, std::size_t pos) const {
  auto m = table.longest_at(lower.substr(0, end), pos);
  return m;
}

}  // namespace crosscheck::extract

#pragma once
// Reads the number part of an amount: Arabic digits with separators, Korean scale chains
// (846조6천875억), Sino-Korean numerals (삼천오백), English scale words and suffixes ($5.6 million,
// 2788K, $3.5bn), native counts before counters (두 명) and vague amounts (수십억, tens of billions).
#include <optional>

#include "extract/scanner.hpp"

namespace crosscheck::extract {

struct NumberReading {
  std::size_t start = 0;
  std::size_t end = 0;
  double value = 0;
  double precision = 1;   // the place of the last written digit, in base units
  bool scaled = false;    // a scale unit or word was written (만, 억, million, K)
  double last_big = 0;    // the last Korean big scale used (for 3조~4조 and "5억 6000만")
  bool words = false;     // written in words: needs a unit to count as an amount
  bool vague = false;     // 수십억, tens of billions: [vague_lo, vague_hi)
  double vague_lo = 0;
  double vague_hi = 0;
};

class NumberReader {
 public:
  explicit NumberReader(const rules::RuleSet& rules);
  // Reads a number starting exactly at `pos`, or nothing.
  // `after_currency`: the figure follows a currency sign, so a lower-case m or b is a scale.
  std::optional<NumberReading> read(const Sentence& s, std::size_t pos, bool after_currency = false) const;
  // Plain digits with separators and decimals only.
  std::optional<NumberReading> read_digits(const Sentence& s, std::size_t pos) const;

 private:
  const rules::RuleSet& rules_;

  std::optional<NumberReading> read_sino(const Sentence& s, std::size_t pos) const;
  std::optional<NumberReading> read_vague(const Sentence& s, std::size_t pos) const;
  std::optional<NumberReading> read_number_word(const Sentence& s, std::size_t pos) const;
  void read_korean_scales(const Sentence& s, NumberReading& r) const;
  bool group_before_smaller_scale(const Sentence& s, std::size_t pos, double scale) const;
  void read_currency_scale(const Sentence& s, NumberReading& r) const;
  double smallest_big_scale() const;  // 만
  void read_english_scale(const Sentence& s, NumberReading& r) const;
};

}  // namespace crosscheck::extract

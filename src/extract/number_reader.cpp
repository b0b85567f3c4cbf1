#include "extract/number_reader.hpp"

#include <cmath>
#include <cstdlib>

namespace crosscheck::extract {

NumberReader::NumberReader(const rules::RuleSet& rules) : rules_(rules) {}

std::optional<NumberReading> NumberReader::read_digits(const Sentence& s, std::size_t pos) const {
  if (!is_digit_at(s, pos)) return std::nullopt;
  std::string digits;
  std::size_t p = pos;
  while (p < s.end) {
    char c = s.text[p];
    if (c >= '0' && c <= '9') {
      digits += c;
      ++p;
    } else if (c == ',' && p + 3 < s.end + 1 && is_digit_at(s, p + 1) && is_digit_at(s, p + 2) && is_digit_at(s, p + 3) &&
               !is_digit_at(s, p + 4)) {
      ++p;  // thousands separator: exactly three digits follow
    } else {
      break;
    }
  }
  int decimals = 0;
  if (p + 1 < s.end && s.text[p] == '.' && is_digit_at(s, p + 1)) {
    digits += '.';
    ++p;
    while (is_digit_at(s, p)) {
      digits += s.text[p++];
      ++decimals;
    }
  }
  if (digits.size() > 30) return std::nullopt;  // not a quantity anyone writes
  NumberReading r;
  r.start = pos;
  r.end = p;
  r.value = std::strtod(digits.c_str(), nullptr);
  if (decimals > 0) {
    r.precision = std::pow(10.0, -decimals);
  } else {
    // Integer trailing zeros are not significant: 560 is "to the nearest ten".
    int zeros = 0;
    for (std::size_t i = digits.size(); i > 1 && digits[i - 1] == '0'; --i) ++zeros;
    r.precision = r.value == 0 ? 1 : std::pow(10.0, zeros);
  }
  return r;
}

std::optional<NumberReading> NumberReader::read_sino(const Sentence& s, std::size_t pos) const {
  // Only a run that starts a word: 이 and 사 are also particles and nouns.
  char32_t before = s.before(pos);
  if (core::is_hangul_syllable(before)) return std::nullopt;
  NumberReading r;
  r.start = pos;
  r.words = true;
  double total = 0, group = 0, digit = 0;
  bool any_digit = false, any_scale = false;
  std::size_t p = pos;
  int symbols = 0;
  double last_unit = 1;
  while (p < s.end) {
    if (auto m = rules_.sino_digit_table.longest_at(s.text.substr(0, s.end), p)) {
      digit = rules_.sino_digits[static_cast<std::size_t>(m.id)].second;
      any_digit = true;
      p += m.length;
      ++symbols;
      last_unit = 1;
      continue;
    }
    if (auto m = rules_.small_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      double f = rules_.small_scales[static_cast<std::size_t>(m.id)].factor;
      group += (digit == 0 ? 1 : digit) * f;
      last_unit = f;
      digit = 0;
      any_scale = true;
      p += m.length;
      ++symbols;
      continue;
    }
    if (auto m = rules_.big_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      double f = rules_.big_scales[static_cast<std::size_t>(m.id)].factor;
      group += digit;
      total += (group == 0 ? 1 : group) * f;
      last_unit *= f;
      r.last_big = f;
      group = digit = 0;
      any_scale = true;
      p += m.length;
      ++symbols;
      continue;
    }
    break;
  }
  if (symbols < 2 || !any_scale || (!any_digit && symbols < 2)) return std::nullopt;
  r.value = total + group + digit;
  r.precision = last_unit;
  r.end = p;
  r.scaled = true;
  return r;
}

std::optional<NumberReading> NumberReader::read_vague(const Sentence& s, std::size_t pos) const {
  if (!s.word_boundary_before(pos) || core::is_hangul_syllable(s.before(pos))) return std::nullopt;
  auto m = s.lookup(rules_.vague_table, pos);
  if (!m) return std::nullopt;
  const auto& word = rules_.vague_words[static_cast<std::size_t>(m.id)];
  std::size_t p = pos + m.length;
  std::size_t after_word = p;
  p = s.skip_spaces(p);
  double factor = 1;
  bool any = false;
  while (p < s.end) {
    if (auto sm = rules_.small_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      factor *= rules_.small_scales[static_cast<std::size_t>(sm.id)].factor;
      p += sm.length;
      any = true;
      continue;
    }
    if (auto bm = rules_.big_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      factor *= rules_.big_scales[static_cast<std::size_t>(bm.id)].factor;
      p += bm.length;
      any = true;
      continue;
    }
    if (auto em = s.lookup(rules_.scale_table, p); em && s.word_boundary_after(p + em.length)) {
      factor *= rules_.english_scales[static_cast<std::size_t>(em.id)].factor;
      p += em.length;
      any = true;
      std::size_t q = s.skip_spaces(p);
      if (s.starts_with(q, "of ")) p = q + 2;  // "tens of billions of dollars"
      continue;
    }
    break;
  }
  NumberReading r;
  r.start = pos;
  r.vague = true;
  r.words = true;
  r.scaled = any;
  if (!any) {
    // "billions of": a complete vague amount by itself; "수" alone is not an amount.
    if (word.lo < 1000) return std::nullopt;
    p = after_word;
  }
  r.vague_lo = word.lo * factor;
  r.vague_hi = word.hi * factor;
  r.value = (r.vague_lo + r.vague_hi) / 2;
  r.precision = factor;
  r.end = p;
  return r;
}

std::optional<NumberReading> NumberReader::read_number_word(const Sentence& s, std::size_t pos) const {
  if (!s.word_boundary_before(pos) || core::is_hangul_syllable(s.before(pos))) return std::nullopt;
  auto m = s.lookup(rules_.number_word_table, pos);
  if (!m) return std::nullopt;
  const auto& word = rules_.number_words[static_cast<std::size_t>(m.id)];
  std::size_t end = pos + m.length;
  // An English word must end at a word boundary ("one" in "money" is no number).
  if (core::is_latin_letter(s.at(pos)) && !s.word_boundary_after(end)) return std::nullopt;
  NumberReading r;
  r.start = pos;
  r.end = end;
  r.value = word.value;
  r.precision = 1;
  r.words = true;
  // "twenty five", "twenty-five"
  std::size_t q = end;
  if (q < s.end && (s.text[q] == '-' || s.text[q] == ' ')) {
    auto m2 = s.lookup(rules_.number_word_table, q + 1);
    if (m2 && word.value >= 20 && word.value < 100 && static_cast<int>(word.value) % 10 == 0) {
      const auto& unit_word = rules_.number_words[static_cast<std::size_t>(m2.id)];
      if (unit_word.value < 10 && s.word_boundary_after(q + 1 + m2.length)) {
        r.value += unit_word.value;
        r.end = q + 1 + m2.length;
      }
    }
  }
  return r;
}

bool NumberReader::group_before_smaller_scale(const Sentence& s, std::size_t pos, double scale) const {
  // digits, then any of 천/백/십 with more digits, ending in a big scale below `scale`
  std::size_t p = pos;
  for (int part = 0; part < 4; ++part) {
    auto digits = read_digits(s, p);
    if (!digits) return false;
    p = digits->end;
    if (auto small = rules_.small_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      p += small.length;
      if (p + 1 < s.end && s.text[p] == ' ' && is_digit_at(s, p + 1)) ++p;  // 1천 590만
      if (!is_digit_at(s, p)) break;
      continue;
    }
    break;
  }
  auto big = rules_.big_scale_table.longest_at(s.text.substr(0, s.end), p);
  return big && rules_.big_scales[static_cast<std::size_t>(big.id)].factor < scale;
}

double NumberReader::smallest_big_scale() const {
  double smallest = 0;
  for (const auto& b : rules_.big_scales)
    if (smallest == 0 || b.factor < smallest) smallest = b.factor;
  return smallest;
}

void NumberReader::read_korean_scales(const Sentence& s, NumberReading& r) const {
  // total: finished 만/억/조 groups; group: the part below the next big scale.
  double total = 0, group = 0, current = r.value, unit = r.precision;
  double last_big = 0;
  std::size_t p = r.end;
  bool any = false;
  while (p < s.end) {
    if (auto m = rules_.small_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      double f = rules_.small_scales[static_cast<std::size_t>(m.id)].factor;
      group += current * f;
      unit = unit * f;
      current = 0;
      p += m.length;
      any = true;
      // 7천 5백만, 4억 1천 590만: the rest of the amount after a space, ending in a big scale.
      if (p < s.end && s.text[p] == ' ' && group_before_smaller_scale(s, p + 1, last_big ? last_big : 1e300)) ++p;
      if (auto next = read_digits(s, p)) {  // 6천875억
        current = next->value;
        unit = next->precision;
        p = next->end;
        continue;
      }
      continue;
    }
    if (auto m = rules_.big_scale_table.longest_at(s.text.substr(0, s.end), p)) {
      double f = rules_.big_scales[static_cast<std::size_t>(m.id)].factor;
      if (last_big && f >= last_big) break;  // scales only fall within one amount
      group += current;
      total += group * f;
      unit = unit * f;
      last_big = f;
      group = current = 0;
      p += m.length;
      any = true;
      // The next part follows directly (846조6875억) or after one space when it ends in a
      // smaller scale (5억 6000만, 2조 7천775억).
      std::size_t q = p;
      if (q < s.end && s.text[q] == ' ' && group_before_smaller_scale(s, q + 1, f)) ++q;
      // Below the smallest big scale the rest may follow a space too: 2만 4천명, 9만 4천 달러,
      // 2625만 9770명, 2만 1,540명 (at least three digits, or a 천/백/십 after them).
      else if (q < s.end && s.text[q] == ' ' && !rules_.big_scales.empty() && f <= smallest_big_scale())
        if (auto rest = read_digits(s, q + 1); rest && rest->value < f &&
            (rest->value >= 100 || rules_.small_scale_table.longest_at(s.text.substr(0, s.end), rest->end)))
          ++q;
      if (auto next = read_digits(s, q)) {
        if (next->value >= f) break;
        current = next->value;
        unit = next->precision;
        p = next->end;
      }
      continue;
    }
    break;
  }
  if (!any) return;
  r.value = total + group + current;
  r.precision = unit;
  r.end = p;
  r.scaled = true;
  r.last_big = last_big;
}

void NumberReader::read_currency_scale(const Sentence& s, NumberReading& r) const {
  for (const auto& scale : rules_.currency_scales)
    if (s.starts_with(r.end, scale.word) && s.word_boundary_after(r.end + scale.word.size())) {
      r.value *= scale.factor;
      r.precision *= scale.factor;
      r.end += scale.word.size();
      r.scaled = true;
      r.last_big = scale.factor;  // "$5-$6m": the first figure shares it
      return;
    }
}

void NumberReader::read_english_scale(const Sentence& s, NumberReading& r) const {
  auto apply = [&](const rules::Scale& scale, std::size_t end) {
    r.value *= scale.factor;
    r.precision *= scale.factor;
    r.end = end;
    r.scaled = true;
    r.last_big = scale.factor;  // "$5 to $6 million": the first figure shares it
  };
  std::size_t p = r.end;
  // Suffixes touch the digits and keep their case (2788K, $3.5bn; a lower-case "m" is metres)...
  for (const auto& m : rules_.scale_table.all_at(s.text.substr(0, s.end), p)) {
    const auto& scale = rules_.english_scales[static_cast<std::size_t>(m.id)];
    if (scale.word.size() <= 2 && s.word_boundary_after(p + m.length)) return apply(scale, p + m.length);
  }
  // ...words follow one space, or none ($5.6 million, 5.6 Million, £45million), in any case.
  for (const auto& m : rules_.scale_table.all_at(s.lower.substr(0, s.end), p)) {
    const auto& scale = rules_.english_scales[static_cast<std::size_t>(m.id)];
    if (scale.word.size() > 2 && s.word_boundary_after(p + m.length)) return apply(scale, p + m.length);
  }
  if (p >= s.end || s.text[p] != ' ') return;
  for (const auto& m : rules_.scale_table.all_at(s.lower.substr(0, s.end), p + 1)) {
    const auto& scale = rules_.english_scales[static_cast<std::size_t>(m.id)];
    if (scale.word.size() > 2 && s.word_boundary_after(p + 1 + m.length)) return apply(scale, p + 1 + m.length);
  }
}

std::optional<NumberReading> NumberReader::read(const Sentence& s, std::size_t pos, bool after_currency) const {
  // Most positions start no number: one look at the tables' first letters turns them away.
  if (pos >= s.end) return std::nullopt;
  std::size_t length = 1;
  char32_t c = core::decode_at(s.text, pos, length);
  if (!core::is_ascii_digit(c)) {
    // The readers of numerals and number words all refuse a start inside a Korean word, and
    // the English words a start inside a Latin one.
    char32_t before = s.before(pos);
    if (core::is_hangul_syllable(before)) return std::nullopt;
    bool korean_numeral = rules_.sino_digit_table.may_start(c) || rules_.small_scale_table.may_start(c) || rules_.big_scale_table.may_start(c);
    if (!korean_numeral) {
      if (core::is_latin_letter(before) || core::is_ascii_digit(before)) return std::nullopt;
      char32_t lowered = s.lower_at(pos);
      if (!rules_.vague_table.may_start(lowered) && !rules_.number_word_table.may_start(lowered)) return std::nullopt;
    }
  }
  if (auto r = read_digits(s, pos)) {
    read_korean_scales(s, *r);
    if (!r->scaled && after_currency) read_currency_scale(s, *r);
    if (!r->scaled) read_english_scale(s, *r);
    return r;
  }
  if (auto r = read_vague(s, pos)) return r;
  if (auto r = read_sino(s, pos)) return r;
  if (auto r = read_number_word(s, pos)) {
    read_english_scale(s, *r);
    return r;
  }
  return std::nullopt;
}

}  // namespace crosscheck::extract

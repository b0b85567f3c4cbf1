#include "extract/forms.hpp"
#include <algorithm>

namespace crosscheck::extract {

double duration_in_base(std::string_view unit, std::string_view& base) {
  if (unit == "hour") return base = "second", 3600;
  if (unit == "minute") return base = "second", 60;
  if (unit == "second") return base = "second", 1;
  if (unit == "year") return base = "month", 12;
  if (unit == "month") return base = "month", 1;
  return 0;
}

std::optional<double> read_colon_duration(const Sentence& s, std::size_t pos, std::size_t& end) {
  if (!is_digit_at(s, pos) || (pos > s.begin && (is_digit_at(s, pos - 1) || s.text[pos - 1] == ':' || s.text[pos - 1] == '.')))
    return std::nullopt;
  int parts[3] = {0, 0, 0};
  std::size_t p = pos;
  for (int i = 0; i < 3; ++i) {
    int digits = 0, value = 0;
    while (is_digit_at(s, p) && digits < 3) value = value * 10 + (s.text[p++] - '0'), ++digits;
    if (digits == 0 || (i > 0 && digits != 2) || (i == 0 && digits > 2)) return std::nullopt;
    parts[i] = value;
    if (i < 2) {
      if (p >= s.end || s.text[p] != ':') return std::nullopt;
      ++p;
    }
  }
  if (is_digit_at(s, p) || (p < s.end && (s.text[p] == ':' || (s.text[p] == '.' && is_digit_at(s, p + 1))))) return std::nullopt;
  if (parts[1] >= 60 || parts[2] >= 60) return std::nullopt;
  // "10:15:30 a.m." is a clock after all.
  std::size_t q = s.skip_spaces(p);
  if (s.starts_with(q, "a.m") || s.starts_with(q, "p.m") || s.starts_with(q, "am ") || s.starts_with(q, "pm ")) return std::nullopt;
  end = p;
  return parts[0] * 3600.0 + parts[1] * 60.0 + parts[2];
}

namespace {

// Digits at `pos` (no grouping): the value, with `end` past them; -1 when there are none.
long digits_at(const Sentence& s, std::size_t pos, std::size_t& end) {
  long value = 0;
  int count = 0;
  std::size_t p = pos;
  while (is_digit_at(s, p) && count < 7) value = value * 10 + (s.text[p++] - '0'), ++count;
  if (count == 0 || is_digit_at(s, p)) return -1;
  end = p;
  return value;
}

}  // namespace

std::optional<double> read_ratio(const Sentence& s, std::size_t pos, std::size_t& end) {
  if (!is_digit_at(s, pos) || (pos > s.begin && (is_digit_at(s, pos - 1) || s.text[pos - 1] == '.' || s.text[pos - 1] == ','))) return std::nullopt;
  // Digits with their thousands commas and a decimal part, as written.
  double value = 0, scale = 0;
  std::size_t p = pos;
  int digits = 0;
  while (p < s.end) {
    char c = s.text[p];
    // A ratio of more digits than a double holds exactly is no ratio a reader writes.
    if (c >= '0' && c <= '9' && ++digits > 15) return std::nullopt;
    if (c >= '0' && c <= '9') {
      if (scale > 0) value += (c - '0') * scale, scale /= 10;
      else value = value * 10 + (c - '0');
    } else if (c == ',' && is_digit_at(s, p + 1) && scale == 0) {
    } else if (c == '.' && is_digit_at(s, p + 1) && scale == 0) {
      scale = 0.1;
    } else {
      break;
    }
    ++p;
  }
  std::size_t q = s.skip_spaces(p);
  if (!s.starts_with(q, "대")) return std::nullopt;
  q = s.skip_spaces(q + std::string_view("대").size());
  // "1,250대 1." ends a sentence; "1,250대 1.5" is no ratio to one.
  if (q >= s.end || s.text[q] != '1' || is_digit_at(s, q + 1) || (q + 1 < s.end && s.text[q + 1] == '.' && is_digit_at(s, q + 2)))
    return std::nullopt;
  end = q + 1;
  return value;
}

std::optional<double> read_fraction(const Sentence& s, std::size_t pos, std::size_t& end) {
  if (pos > s.begin && (is_digit_at(s, pos - 1) || s.text[pos - 1] == '.' || s.text[pos - 1] == ',')) return std::nullopt;
  std::size_t p = 0;
  long first = digits_at(s, pos, p);
  if (first <= 0) return std::nullopt;
  std::size_t q = 0;
  // 3분의 1: the denominator first.
  if (s.starts_with(p, "분의")) {
    std::size_t r = s.skip_spaces(p + std::string_view("분의").size());
    long part = digits_at(s, r, q);
    if (part <= 0 || part > first) return std::nullopt;
    end = q;
    return 100.0 * static_cast<double>(part) / static_cast<double>(first);
  }
  // 3 out of 4, 7 in 10: the numerator first.
  for (std::string_view joint : {" out of ", " in "}) {
    if (!s.starts_with(p, joint)) continue;
    long whole = digits_at(s, p + joint.size(), q);
    if (whole <= 0 || whole < first || (joint == " in " && whole != 10 && whole != 100 && whole != 5 && whole != 4 && whole != 3)) continue;
    // "7 in 10 voters": the counted noun after is the reader's; the share is the figure.
    end = q;
    return 100.0 * static_cast<double>(first) / static_cast<double>(whole);
  }
  return std::nullopt;
}

const rules::AmountWord* read_amount_word(const Sentence& s, std::size_t pos, const rules::RuleSet& rules, std::size_t& end) {
  if (rules.amount_words.empty() || !core::is_hangul_syllable(s.at(pos)) || core::is_hangul_syllable(s.before(pos))) return nullptr;
  for (const auto& w : rules.amount_words) {
    if (!s.starts_with(pos, w.word)) continue;
    std::size_t stop = pos + w.word.size();
    if (core::is_hangul_syllable(s.at(stop))) {
      auto glued = std::find_if(w.after.begin(), w.after.end(), [&](const std::string& a) { return s.starts_with(stop, a); });
      if (glued == w.after.end()) continue;
    }
    end = stop;
    return &w;
  }
  return nullptr;
}

}  // namespace crosscheck::extract

#include "extract/forms.hpp"
#include <algorithm>

#include "core/text.hpp"

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

std::optional<std::pair<int, int>> read_score(const Sentence& s, std::size_t pos, const rules::RuleSet& rules, std::size_t& end) {
  if (rules.score_before.empty() && rules.score_after.empty()) return std::nullopt;
  if (!is_digit_at(s, pos) || (pos > s.begin && (is_digit_at(s, pos - 1) || std::string_view(".,-–$€£¥₩#").find(s.text[pos - 1]) != std::string_view::npos)))
    return std::nullopt;
  std::size_t p = 0;
  long first = digits_at(s, pos, p);
  if (first < 0 || p - pos > 3) return std::nullopt;
  // The mark between the sides: a hyphen or an en dash, close up, or 대 with a space either side.
  std::size_t q = p;
  if (s.starts_with(q, "-")) q += 1;
  else if (s.starts_with(q, "–")) q += std::string_view("–").size();
  else {
    q = s.skip_spaces(q);
    if (!s.starts_with(q, "대")) return std::nullopt;
    q = s.skip_spaces(q + std::string_view("대").size());
  }
  std::size_t r = 0;
  long second = digits_at(s, q, r);
  if (second < 0 || r - q > 3) return std::nullopt;
  // "3-1-2", "7-4.5", "3-4%", "10-15km": no result.
  if (r < s.end && (s.text[r] == '-' || s.text[r] == '%' || (s.text[r] == '.' && is_digit_at(s, r + 1)) || core::is_latin_letter(s.at(r))))
    return std::nullopt;
  // A word of the result right after ("a 2-0 win", "3-1로 이겼다", "7대 4로 가결") or shortly before
  // ("beat Ashcombe Town 3-1", "after voting 7-4"), as a whole word.
  std::size_t after = s.skip_spaces(r);
  bool result = std::any_of(rules.score_after.begin(), rules.score_after.end(), [&](const std::string& w) {
    if (!s.starts_with(after, w)) return false;
    std::size_t stop = after + w.size();
    return stop >= s.end || !core::is_latin_letter(s.at(stop));
  });
  // "10-15명", "3-4 games": a counter or a counted noun after it makes it a range.
  if (!result && core::is_hangul_syllable(s.at(r))) return std::nullopt;
  if (!result) {
    std::size_t word_end = after;
    while (word_end < s.end && core::is_latin_letter(s.at(word_end))) ++word_end;
    std::string next = core::ascii_lower(s.text.substr(after, word_end - after));
    bool plural = next.size() >= 4 && next.back() == 's' && next == std::string(s.text.substr(after, word_end - after));
    if (plural || (!next.empty() && std::find(rules.counted_nouns_en.begin(), rules.counted_nouns_en.end(), next) != rules.counted_nouns_en.end()))
      return std::nullopt;
  }
  if (!result) {
    constexpr std::size_t kReach = 48;
    std::size_t from = pos > s.begin + kReach ? pos - kReach : s.begin;
    std::string_view before = s.lower.substr(from, pos - from);
    result = std::any_of(rules.score_before.begin(), rules.score_before.end(), [&](const std::string& w) {
      for (std::size_t at = before.find(w); at != std::string_view::npos; at = before.find(w, at + 1)) {
        bool starts = at == 0 ? from == s.begin || s.text[from - 1] == ' ' : before[at - 1] == ' ';
        bool ends = at + w.size() == before.size() || before[at + w.size()] == ' ';
        if (starts && ends) return true;
      }
      return false;
    });
  }
  if (!result) return std::nullopt;
  end = r;
  return std::pair<int, int>{static_cast<int>(first), static_cast<int>(second)};
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

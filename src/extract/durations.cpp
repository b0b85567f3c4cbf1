#include "extract/durations.hpp"

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

}  // namespace crosscheck::extract

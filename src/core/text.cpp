#include "core/text.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crosscheck::core {

std::string_view trim(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n' || t.front() == '\r')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view prefix) {
  return pos <= text.size() && text.substr(pos, prefix.size()) == prefix;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string format_number(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  std::string s = buf;
  if (s.find('e') != std::string::npos && std::fabs(value) < 1e21) {
    std::snprintf(buf, sizeof buf, "%.6f", value);
    s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace crosscheck::core

namespace crosscheck::core {

std::size_t count_hangul_syllables(std::string_view text) {
  std::size_t n = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t length = 1;
    if (is_hangul_syllable(decode_at(text, pos, length))) ++n;
    pos += length;
  }
  return n;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::size_t figure_start(std::string_view text, std::size_t pos, std::size_t end) {
  end = std::min(end, text.size());
  while (pos < end && text[pos] == ' ') ++pos;
  for (std::string_view sign : {"$", "£", "€", "₩", "¥"})
    if (starts_with_at(text, pos, sign)) {
      pos += sign.size();
      break;
    }
  return pos < end && text[pos] >= '0' && text[pos] <= '9' ? pos : std::string_view::npos;
}

}  // namespace crosscheck::core

#include "core/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/bytes8.hpp"

namespace crosscheck::core {

char32_t decode_multibyte_at(std::string_view s, std::size_t pos, std::size_t& length) {
  length = 1;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(pos);
  std::size_t need = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) { need = 1; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { need = 2; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { need = 3; cp = c & 0x07; }
  else return 0xFFFD;
  if (pos + need >= s.size()) return 0xFFFD;
  for (std::size_t i = 1; i <= need; ++i) {
    unsigned char cc = byte(pos + i);
    if ((cc & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0xFFFD;
  length = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string repair_utf8(std::string_view input, std::vector<InvalidByte>& invalid) {
  // Valid stretches are copied whole; almost every input is one stretch. ASCII is skipped eight
  // bytes at a time.
  std::string out;
  out.reserve(input.size());
  std::size_t pos = 0, stretch = 0;
  while (pos < input.size()) {
    if (pos + 8 <= input.size()) {
      if (!bytes8::any_high(bytes8::load(input.data() + pos))) {
        pos += 8;
        continue;
      }
    }
    std::size_t length = 1;
    char32_t cp = decode_at(input, pos, length);
    if (cp == 0xFFFD && length == 1 && static_cast<unsigned char>(input[pos]) >= 0x80) {
      out.append(input.substr(stretch, pos - stretch));
      invalid.push_back({pos});
      append_utf8(out, 0xFFFD);
      stretch = pos + 1;
    }
    pos += length;
  }
  out.append(input.substr(stretch));
  return out;
}

std::size_t count_code_points(std::string_view text, std::size_t begin, std::size_t end) {
  end = std::min(end, text.size());
  if (begin >= end) return 0;
  // Every byte but a continuation byte (10xxxxxx) starts a code point. Eight bytes at a time: a
  // byte is a continuation byte when its top bit is set and the bit below it is clear. The JSON
  // report counts the code points before every claim, so this runs over each article many times.
  // Each byte lane of `lanes` counts its continuation bytes, emptied before a lane can pass 255.
  std::size_t i = begin, continuation = 0;
  while (i + 8 <= end) {
    std::uint64_t lanes = 0;
    for (int round = 0; round < 255 && i + 8 <= end; ++round, i += 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      lanes += (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
    }
    // Byte lanes to four 16-bit lanes (at most 510 each), then their sum.
    std::uint64_t pairs = (lanes & 0x00FF00FF00FF00FFULL) + ((lanes >> 8) & 0x00FF00FF00FF00FFULL);
    continuation += static_cast<std::size_t>((pairs * 0x0001000100010001ULL) >> 48);
  }
  for (; i < end; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++continuation;
  return (end - begin) - continuation;
}

static bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

int display_width(std::string_view text) {
  int width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 1;
    char32_t cp = decode_at(text, pos, length);
    pos += length;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B) continue;
    width += is_wide(cp) ? 2 : 1;
  }
  return width;
}

std::string visible_code_point(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "[U+%04X]", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace crosscheck::core

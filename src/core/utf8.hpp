#pragma once
// Minimal UTF-8 helpers: the pipeline keeps text as UTF-8 std::string and byte offsets.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::core {

// The multi-byte part of decode_at, kept out of line.
char32_t decode_multibyte_at(std::string_view text, std::size_t pos, std::size_t& length);

// Decodes the code point at `pos`; sets `length` to its byte length (1 for an invalid byte).
// Inline because the readers call it at nearly every position of every sentence, and most of
// those positions hold an ASCII byte.
inline char32_t decode_at(std::string_view text, std::size_t pos, std::size_t& length) {
  length = 1;
  if (pos >= text.size()) return 0;
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c;
  // Three bytes well formed, the shape of every Hangul syllable: decoded here too.
  if ((c & 0xF0) == 0xE0 && pos + 2 < text.size()) {
    auto c1 = static_cast<unsigned char>(text[pos + 1]), c2 = static_cast<unsigned char>(text[pos + 2]);
    if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
      char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(c1 & 0x3F) << 6) | (c2 & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        length = 3;
        return cp;
      }
    }
  }
  return decode_multibyte_at(text, pos, length);
}
void append_utf8(std::string& out, char32_t cp);

struct InvalidByte { std::size_t offset; };

// Returns valid UTF-8, invalid sequences replaced by U+FFFD; the offsets (in the input) are reported.
std::string repair_utf8(std::string_view input, std::vector<InvalidByte>& invalid);

std::size_t count_code_points(std::string_view text, std::size_t begin, std::size_t end);

inline bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
// A C0 or C1 control character or DEL: what a report must never pass on from an article as is.
inline bool is_control_char(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }
// Embeddings, overrides, isolates and marks of bidirectional text (U+202E turns what follows it
// around): from an article they are shown, never obeyed.
inline bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}
// A character shown instead of obeyed: "[U+202E]".
std::string visible_code_point(char32_t cp);
inline bool is_latin_letter(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'); }
inline bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
// After normalization only ' ', '\n', '\t' remain.
inline bool is_space(char32_t cp) { return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r'; }

// Display width in terminal columns (East Asian wide characters count two).
int display_width(std::string_view text);

}  // namespace crosscheck::core

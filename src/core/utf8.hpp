#pragma once
// Minimal UTF-8 helpers: the pipeline keeps text as UTF-8 std::string and byte offsets.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::core {

// Decodes the code point at `pos`; sets `length` to its byte length (1 for an invalid byte).
char32_t decode_at(std::string_view text, std::size_t pos, std::size_t& length);
void append_utf8(std::string& out, char32_t cp);

struct InvalidByte { std::size_t offset; };

// Returns valid UTF-8, invalid sequences replaced by U+FFFD; the offsets (in the input) are reported.
std::string repair_utf8(std::string_view input, std::vector<InvalidByte>& invalid);

std::size_t count_code_points(std::string_view text, std::size_t begin, std::size_t end);

bool is_hangul_syllable(char32_t cp);
bool is_latin_letter(char32_t cp);
bool is_ascii_digit(char32_t cp);
bool is_space(char32_t cp);  // after normalization only ' ', '\n', '\t' remain

// Display width in terminal columns (East Asian wide characters count two).
int display_width(std::string_view text);

}  // namespace crosscheck::core

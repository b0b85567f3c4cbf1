#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::core {

std::string_view trim(std::string_view text);
bool starts_with_at(std::string_view text, std::size_t pos, std::string_view prefix);
std::string ascii_lower(std::string_view text);
// How many Hangul syllables a text holds (a name's length, a stem's, in Korean terms).
std::size_t count_hangul_syllables(std::string_view text);
bool ends_with(std::string_view text, std::string_view suffix);
std::vector<std::string> split_lines(std::string_view text);
std::string format_number(double value);  // shortest faithful decimal, no exponent below 1e21
// Where a figure starts at `pos` in text[..end), past spaces and a currency sign ("10,320 won",
// "$4.2 billion", "€60m"): the position of its first digit, or npos when no figure starts there.
std::size_t figure_start(std::string_view text, std::size_t pos, std::size_t end);

}  // namespace crosscheck::core

#include "core/romanize.hpp"

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace crosscheck::core {

namespace {

// Initial consonants, vowels and final consonants in the order of the Unicode Hangul block.
constexpr const char* kInitials[19] = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"};
constexpr const char* kVowels[21] = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
                                     "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"};
constexpr const char* kFinals[28] = {"",  "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
                                     "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};
// A final consonant before a syllable that starts with a vowel (ㅇ) is read as that syllable's
// initial: 한울 → "hanul", 길음 → "gireum".
constexpr const char* kLinked[28] = {"",  "g", "kk", "ks", "n", "nj", "nh", "d", "r", "lg", "lm", "lb", "ls", "lt",
                                     "lp", "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"};

}  // namespace

std::string romanize(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 1;
    char32_t c = decode_at(text, pos, length);
    if (is_hangul_syllable(c)) {
      unsigned index = static_cast<unsigned>(c - 0xAC00);
      unsigned initial = index / 588, vowel = (index % 588) / 28, final = index % 28;
      out += kInitials[initial];
      out += kVowels[vowel];
      if (final) {
        std::size_t next_length = 1;
        char32_t next = pos + length < text.size() ? decode_at(text, pos + length, next_length) : 0;
        bool vowel_next = is_hangul_syllable(next) && (static_cast<unsigned>(next - 0xAC00) / 588) == 11;
        out += vowel_next ? kLinked[final] : kFinals[final];
      }
    } else {
      out += ascii_lower(std::string(text.substr(pos, length)));
    }
    pos += length;
  }
  return out;
}

}  // namespace crosscheck::core

namespace crosscheck::core {

std::string sound_skeleton(std::string_view latin) {
  // Korean writes a foreign name by its sounds (Robotics → 로보틱스 → "robotikseu", Mirchem → 미르켐
  // → "mireukem"): the vowels, the added "eu", and the letters Korean has no sound of differ. Kept:
  // the consonants, with the ones Korean merges written as one (r/l, c/k/g/q, b/p/f/v, d/t,
  // s/z/j), h and w/y dropped, runs of one letter written once.
  std::string out;
  for (char raw : latin) {
    char c = raw >= 'A' && raw <= 'Z' ? static_cast<char>(raw - 'A' + 'a') : raw;
    if (c < 'a' || c > 'z') continue;
    switch (c) {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': case 'h': continue;
      case 'r': c = 'l'; break;
      case 'c': case 'g': case 'q': c = 'k'; break;
      case 'b': case 'f': case 'v': c = 'p'; break;
      case 'd': c = 't'; break;
      case 'z': case 'j': c = 's'; break;
      case 'x': out += 'k'; c = 's'; break;
      default: break;
    }
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

}  // namespace crosscheck::core

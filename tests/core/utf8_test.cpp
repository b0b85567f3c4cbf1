#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/bytes8.hpp"
#include "core/utf8.hpp"

namespace {

std::size_t count_one_by_one(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t n = 0;
  for (std::size_t i = begin; i < end && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

TEST_CASE("code points are counted over Korean, English and broken text, at any start and end") {
  CHECK(crosscheck::core::count_code_points("엔비디아 17%", 0, 100) == 8);
  CHECK(crosscheck::core::count_code_points("엔비디아 17%", 3, 12) == 3);
  CHECK(crosscheck::core::count_code_points("abc", 2, 1) == 0);
  // Long runs of three-byte syllables pass the counter's 255-word batches and its lane sums.
  std::string korean;
  for (int i = 0; i < 3000; ++i) korean += "딥시크 ";
  CHECK(crosscheck::core::count_code_points(korean, 0, korean.size()) == 12000);

  std::mt19937 random(7);
  const std::string pieces[] = {"a", " ", "달", "러", "€", "😀", "\x80", "\xE2\x82", "\xFF", "5", "\n"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    std::size_t pieces_wanted = random() % 900;
    for (std::size_t k = 0; k < pieces_wanted; ++k) text += pieces[random() % std::size(pieces)];
    std::size_t begin = text.empty() ? 0 : random() % (text.size() + 1);
    std::size_t end = begin + random() % (text.size() + 16);
    CHECK(crosscheck::core::count_code_points(text, begin, end) == count_one_by_one(text, begin, end));
  }
}

TEST_CASE("the inline three-byte decoding reads every sequence as the full decoder does") {
  // Every lead byte of a three-byte form with every pair of following bytes: well formed,
  // overlong, surrogate or broken.
  std::size_t differences = 0;
  std::string text(3, '\0');
  for (int lead = 0xE0; lead <= 0xEF; ++lead)
    for (int second = 0; second < 256; ++second)
      for (int third = 0; third < 256; ++third) {
        text[0] = static_cast<char>(lead), text[1] = static_cast<char>(second), text[2] = static_cast<char>(third);
        std::size_t fast_length = 0, full_length = 0;
        char32_t fast = crosscheck::core::decode_at(text, 0, fast_length);
        char32_t full = crosscheck::core::decode_multibyte_at(text, 0, full_length);
        differences += fast != full || fast_length != full_length;
      }
  CHECK(differences == 0);
  std::size_t length = 0;
  CHECK(crosscheck::core::decode_at("딥", 0, length) == U'딥');
  CHECK(length == 3);
  CHECK(crosscheck::core::decode_at("\xEB\x94", 0, length) == 0xFFFD);  // cut short by the end of the text
  CHECK(length == 1);
}

TEST_CASE("repair keeps every valid stretch and replaces each invalid byte, wherever it falls") {
  // Pieces whose repaired form is known: valid ones stay, each invalid byte becomes U+FFFD. Long
  // ASCII pieces exercise the eight-byte skip, and pieces of odd length move everything else off
  // an eight-byte boundary.
  struct Piece {
    std::string in, out;
    int invalid;
  };
  const std::string replacement = "\xEF\xBF\xBD";
  const std::vector<Piece> pieces = {
      {"a", "a", 0},           {"abcdefghijk", "abcdefghijk", 0}, {"달러", "달러", 0},        {"€", "€", 0},
      {"😀", "😀", 0},         {"\x80", replacement, 1},          {"\xFF", replacement, 1},    {"\xC3", replacement, 1},
      {"\xED\xA0\x80", replacement + replacement + replacement, 3},  // a surrogate, not a character
      {"\xEF\xBF\xBD", "\xEF\xBF\xBD", 0},                                // U+FFFD itself is valid
      {" ", " ", 0},           {"\n", "\n", 0}};
  std::mt19937 random(5);
  for (int round = 0; round < 300; ++round) {
    std::string in, expected;
    int invalid_expected = 0;
    std::size_t wanted = random() % 60;
    for (std::size_t k = 0; k < wanted; ++k) {
      const auto& piece = pieces[random() % pieces.size()];
      // A lone lead byte takes the next piece's first byte with it when that byte continues it.
      if (!in.empty() && (static_cast<unsigned char>(piece.in[0]) & 0xC0) == 0x80 &&
          static_cast<unsigned char>(in.back()) >= 0xC0)
        continue;
      in += piece.in;
      expected += piece.out;
      invalid_expected += piece.invalid;
    }
    std::vector<crosscheck::core::InvalidByte> invalid;
    CHECK(crosscheck::core::repair_utf8(in, invalid) == expected);
    CHECK(static_cast<int>(invalid.size()) == invalid_expected);
  }
  std::vector<crosscheck::core::InvalidByte> invalid;
  CHECK(crosscheck::core::repair_utf8("ab\x80" "cdefghij\xFF", invalid) == "ab" + replacement + "cdefghij" + replacement);
  REQUIRE(invalid.size() == 2);
  CHECK(invalid[0].offset == 2);
  CHECK(invalid[1].offset == 11);
}

TEST_CASE("eight-byte tests agree with testing each byte, for every byte value in every place") {
  namespace b8 = crosscheck::core::bytes8;
  auto one_by_one = [](const char* p, auto test) {
    for (int i = 0; i < 8; ++i)
      if (test(static_cast<unsigned char>(p[i]))) return true;
    return false;
  };
  std::size_t differences = 0;
  auto compare = [&](const char* p) {
    std::uint64_t w = b8::load(p);
    differences += b8::any_high(w) != one_by_one(p, [](unsigned char c) { return c >= 0x80; });
    differences += b8::any_below(w, 0x20) != one_by_one(p, [](unsigned char c) { return c < 0x20; });
    differences += b8::any_equal(w, '"') != one_by_one(p, [](unsigned char c) { return c == '"'; });
    differences += b8::any_equal(w, '\\') != one_by_one(p, [](unsigned char c) { return c == '\\'; });
  };
  char bytes[8];
  for (int place = 0; place < 8; ++place)
    for (int value = 0; value < 256; ++value) {
      std::memset(bytes, 'a', sizeof bytes);
      bytes[place] = static_cast<char>(value);
      compare(bytes);
    }
  // Mixed words, where a borrow from one byte could reach the next.
  std::mt19937 random(19);
  const unsigned char chosen[] = {0x00, 0x01, 0x1f, 0x20, 0x21, '"', '\\', 0x7f, 0x80, 0x9f, 0xa0, 0xeb, 0xff, 'a'};
  for (int round = 0; round < 20000; ++round) {
    for (char& c : bytes) c = static_cast<char>(chosen[random() % std::size(chosen)]);
    compare(bytes);
  }
  CHECK(differences == 0);
}

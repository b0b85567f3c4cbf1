#include <doctest/doctest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "core/phrase_table.hpp"

using crosscheck::core::PhraseTable;

TEST_CASE("the longest phrase at a position wins, whatever its length and wherever the text ends") {
  PhraseTable table;
  table.add("억", 1);                 // 3 bytes
  table.add("억원", 2);               // 6 bytes
  table.add("억달러", 3);             // 9 bytes: past the eight compared at once
  table.add("market value", 4);      // 12 bytes
  table.add("market", 5);            // 6 bytes
  table.add("marketcap", 6);         // 9 bytes
  table.add("12345678", 7);          // exactly 8 bytes
  std::string text = "5억달러 and 3억원 market value, 12345678 억";
  auto at = [&](std::string_view what) { return text.find(what); };
  CHECK(table.longest_at(text, at("억달러")).id == 3);
  CHECK(table.longest_at(text, at("억원")).id == 2);
  CHECK(table.longest_at(text, at("market")).id == 4);
  CHECK(table.longest_at(text, at("market")).length == 12);
  CHECK(table.longest_at(text, at("12345678")).id == 7);
  CHECK(table.longest_at(text, text.size() - 3).id == 1);  // the last three bytes: no full word left to read
  CHECK_FALSE(table.longest_at(text, at("and")));
  CHECK_FALSE(table.longest_at(text, text.size()));
  // A phrase cut short by the end of the text does not match.
  CHECK_FALSE(table.longest_at(std::string_view("marke"), 0));
  CHECK(table.longest_at(std::string_view("marketca"), 0).id == 5);

  auto all = table.all_at(text, at("market"));
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == 4);
  CHECK(all[1].id == 5);
  // for_each_at visits the same phrases in the same order, at every position.
  for (std::size_t pos = 0; pos <= text.size(); ++pos) {
    std::vector<int> visited, listed;
    table.for_each_at(text, pos, [&](const crosscheck::core::PhraseMatch& m) { visited.push_back(m.id); });
    for (const auto& m : table.all_at(text, pos)) listed.push_back(m.id);
    CHECK(visited == listed);
  }
}

TEST_CASE("the shortest phrase a test accepts is found, or none") {
  PhraseTable table;
  table.add("jan", 1);
  table.add("jan.", 2);
  table.add("january", 3);
  table.add("june", 4);
  std::string text = "january 27 and jan. 5 and janitor";
  auto ends_word = [&](std::size_t pos) {
    return [&text, pos](const crosscheck::core::PhraseMatch& m) {
      return pos + m.length >= text.size() || !std::isalpha(static_cast<unsigned char>(text[pos + m.length]));
    };
  };
  std::size_t january = text.find("january"), jan = text.find("jan."), janitor = text.find("janitor");
  CHECK(table.shortest_at(text, january, ends_word(january)).id == 3);  // "jan" runs on into "uary"
  CHECK(table.shortest_at(text, jan, ends_word(jan)).id == 1);          // "jan" ends at the period
  CHECK(table.shortest_at(text, jan, ends_word(jan)).length == 3);
  CHECK_FALSE(table.shortest_at(text, janitor, ends_word(janitor)));    // no name ends a word there
  CHECK(table.shortest_at(text, janitor, [](const auto&) { return true; }).id == 1);
  CHECK_FALSE(table.shortest_at(text, text.find("27"), [](const auto&) { return true; }));
}

TEST_CASE("matching agrees with comparing the phrase byte by byte at every position") {
  PhraseTable table;
  std::vector<std::string> phrases = {"a", "ab", "abcdefgh", "abcdefghi", "abcdefghij", "b", "bca", "매출", "매출액", "영업이익률", "ㄱ"};
  for (std::size_t i = 0; i < phrases.size(); ++i) table.add(phrases[i], static_cast<int>(i));
  std::mt19937 random(5);
  const std::string pieces[] = {"a", "b", "c", "abcdefgh", "매출", "액", "영업이익", "률", " "};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = static_cast<int>(random() % 12); k > 0; --k) text += pieces[random() % std::size(pieces)];
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      int expected = -1;
      std::size_t best = 0;
      for (std::size_t i = 0; i < phrases.size(); ++i)
        if (text.compare(pos, phrases[i].size(), phrases[i]) == 0 && phrases[i].size() > best)
          expected = static_cast<int>(i), best = phrases[i].size();
      CHECK(table.longest_at(text, pos).id == expected);
    }
  }
}

TEST_CASE("thousands of different first letters are all found after the table grows") {
  PhraseTable table;
  auto syllable = [](int i) {
    char32_t cp = 0xAC00 + static_cast<char32_t>(i);  // Hangul syllables, three bytes each
    std::string s;
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  };
  for (int i = 0; i < 3000; ++i) table.add(syllable(i) + "원", i);
  for (int i = 0; i < 3000; ++i) CHECK(table.longest_at(syllable(i) + "원", 0).id == i);
  CHECK_FALSE(table.longest_at(syllable(3001) + "원", 0));
  CHECK_FALSE(table.longest_at(syllable(5) + "달", 0));
}

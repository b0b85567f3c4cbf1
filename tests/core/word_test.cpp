#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "core/model.hpp"
#include "core/word.hpp"

using crosscheck::core::Word;

TEST_CASE("a word is one pointer wide and empty until written") {
  static_assert(sizeof(Word) == sizeof(void*));
  Word w;
  CHECK(w.empty());
  CHECK(w.size() == 0);
  CHECK(std::string(w.c_str()).empty());
  CHECK(w == "");
}

TEST_CASE("a word keeps Korean and English text and compares like a string") {
  Word w = std::string("4 trading-day");
  CHECK(w == "4 trading-day");
  CHECK(w == std::string("4 trading-day"));
  CHECK_FALSE(w == "4 trading-days");
  CHECK(w.size() == 13);
  CHECK(std::string(w.c_str()) == "4 trading-day");

  Word k = "현지시간";
  CHECK(k.view() == "현지시간");
  CHECK(k.size() == std::string("현지시간").size());
  CHECK(Word("a") < Word("b"));
  CHECK("window:" + k == "window:현지시간");
  CHECK(k + "!" == "현지시간!");
}

TEST_CASE("copies are deep, moves empty the source, clearing empties") {
  Word a = "estimate";
  Word b = a;
  a = "actual";
  CHECK(b == "estimate");
  CHECK(a == "actual");
  Word& same = a;
  a = same;  // self-assignment keeps the text
  CHECK(a == "actual");
  a = std::string_view(a).substr(0, 3);  // assigning a view of itself
  CHECK(a == "act");
  Word c = std::move(b);
  CHECK(c == "estimate");
  c.clear();
  CHECK(c.empty());
  c = "";
  CHECK(c.empty());
}

TEST_CASE("a word is written to JSON as a string") {
  nlohmann::ordered_json j;
  j["kind"] = Word("preliminary");
  CHECK(j.dump() == R"({"kind":"preliminary"})");
  nlohmann::json k = Word("up");
  CHECK(k == "up");
}

TEST_CASE("a claim's scope fields are words and a claim stays small") {
  crosscheck::core::Claim c;
  c.scope.window = "1d";
  std::string window = c.scope.window;
  CHECK(window == "1d");
  // Fifteen mostly empty text fields as words instead of strings: well under the 840 bytes a
  // claim took with strings.
  CHECK(sizeof(crosscheck::core::Claim) < 600);
}

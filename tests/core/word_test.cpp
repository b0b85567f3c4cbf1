#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <thread>
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

TEST_CASE("copies share the text, and writing one word leaves its copies as they were") {
  Word a = "estimate";
  Word b = a;
  CHECK(b.shares_with(a));
  a = "actual";
  CHECK_FALSE(b.shares_with(a));
  CHECK(b == "estimate");
  CHECK(a == "actual");
  Word& same = a;
  a = same;  // self-assignment keeps the text
  CHECK(a == "actual");
  a = std::string_view(a).substr(0, 3);  // assigning a view of itself
  CHECK(a == "act");
  Word c = std::move(b);
  CHECK(c == "estimate");
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move): a moved-from word is empty
  Word d = c;
  c.clear();
  CHECK(c.empty());
  CHECK(d == "estimate");  // the block lives while any copy does
  c = "";
  CHECK(c.empty());
}

TEST_CASE("a pool gives equal texts one shared block, and its words outlive it") {
  Word kept;
  {
    crosscheck::core::WordPool pool;
    Word x = "삼성전자";
    Word y = std::string("삼성전자");
    CHECK_FALSE(x.shares_with(y));
    pool.share(x);
    pool.share(y);
    CHECK(x.shares_with(y));
    CHECK(pool.get("삼성전자").shares_with(x));
    Word empty;
    pool.share(empty);
    CHECK(empty.empty());
    CHECK(pool.get("").empty());
    CHECK(pool.size() == 1);
    kept = pool.get("Samsung|revenue|money");
    CHECK(pool.size() == 2);
  }
  CHECK(kept == "Samsung|revenue|money");
}

TEST_CASE("threads may copy and drop one shared word at once") {
  Word shared = "Nvidia|market-value-change|money";
  auto churn = [&] {
    for (int i = 0; i < 20000; ++i) {
      Word copy = shared;
      Word moved = std::move(copy);
      CHECK_FALSE(moved.empty());
    }
  };
  std::thread other(churn);
  churn();
  other.join();
  CHECK(shared == "Nvidia|market-value-change|money");
}

TEST_CASE("a word is written to JSON as a string") {
  nlohmann::ordered_json j;
  j["kind"] = Word("preliminary");
  CHECK(j.dump() == R"({"kind":"preliminary"})");
  nlohmann::json k = Word("up");
  CHECK(k == "up");
}

TEST_CASE("a claim's text fields are words and a claim stays small") {
  crosscheck::core::Claim c;
  c.scope.window = "1d";
  std::string window = c.scope.window;
  CHECK(window == "1d");
  // Twenty-two text fields, mostly empty or repeated, as words instead of strings: well under the
  // 880 bytes a claim would take with strings.
  CHECK(sizeof(crosscheck::core::Claim) <= 408);
}

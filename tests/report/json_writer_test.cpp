// The JSON writer must write what nlohmann's dump writes for the same values: reports are compared
// byte for byte across versions, and pipelines read both.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"

using crosscheck::report::JsonWriter;
using ordered = nlohmann::ordered_json;
using namespace std::string_literals;

namespace {

std::string dumped(const ordered& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string written_string(const std::string& s) {
  std::string out;
  JsonWriter(out).string(s);
  return out;
}

std::string written_number(double v) {
  std::string out;
  JsonWriter(out).number(v);
  return out;
}

}  // namespace

TEST_CASE("strings are escaped as nlohmann escapes them, invalid UTF-8 replaced the same way") {
  const std::string cases[] = {"",
                               "plain",
                               "엔비디아 주가는 17% 떨어졌다",
                               "quote \" and backslash \\ and slash /",
                               "tab\tnewline\nreturn\rformfeed\fbackspace\b",
                               "nul \0 and \x01 \x1f \x7f"s,  // the NUL kept: a std::string literal
                               "emoji 😀 and euro €",
                               "broken \xFF byte",
                               "cut \xEB\x94 syllable",
                               "overlong \xC0\xAF and surrogate \xED\xA0\x80",
                               "past U+10FFFF \xF4\x90\x80\x80"};
  for (const auto& s : cases) CHECK(written_string(s) == dumped(ordered(s)));
  // Every kind of byte at every offset of the eight bytes the writer tests at once.
  const std::string pieces[] = {"a", "plain text ", "\"", "\\", "/", "\n", "\x01"s, "\x1f", " ", "\x7f", "~", "!",
                                "딥", "€", "😀", "\xFF", std::string(1, '\0'),
                                // Three-byte edges: U+0800, U+D7A3, U+E000, U+FFFD, an overlong form, a
                                // surrogate, a cut sequence, a lone continuation byte; two bytes; four bytes.
                                "\xE0\xA0\x80", "\xED\x9E\xA3", "\xEE\x80\x80", "\xEF\xBF\xBD", "\xE0\x80\x80",
                                "\xED\xA0\x80", "\xEA\xB0", "\x80", "\xC3\xA9", "\xF0\x9F\x98"};
  std::mt19937 random(13);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    std::size_t wanted = random() % 40;
    for (std::size_t k = 0; k < wanted; ++k) s += pieces[random() % std::size(pieces)];
    CHECK(written_string(s) == dumped(ordered(s)));
  }
}

TEST_CASE("numbers are written as nlohmann writes them; what is not finite is null") {
  const double cases[] = {0.0,     -0.0,   1.0,     5600000.0, 135.17, 135.17499999999998, 0.126, -17.0,    1e15,
                          1e16,    1e21,   1.5e-5,  1e-7,      0.1,    2.0 / 3.0,          5.57e6, 123456789012345678.0,
                          -2.5e-300, std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min()};
  for (double v : cases) CHECK(written_number(v) == dumped(ordered(v)));
  std::mt19937_64 random(11);
  for (int i = 0; i < 2000; ++i) {
    double v = std::ldexp(static_cast<double>(random() % 1000000007) / 1000.0, static_cast<int>(random() % 80) - 40);
    CHECK(written_number(v) == dumped(ordered(v)));
  }
  CHECK(written_number(std::numeric_limits<double>::infinity()) == "null");
  CHECK(written_number(-std::numeric_limits<double>::infinity()) == "null");
  CHECK(written_number(std::nan("")) == "null");
}

TEST_CASE("objects and arrays are separated and nested as in a dump") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("id").string("bench-1:0");
  w.key("value").begin_object();
  w.key("lo").number(1.5);
  w.key("hi").null();
  w.key("closed").boolean(true);
  w.end_object();
  w.key("modifiers").begin_array().end_array();
  w.key("sides").begin_array();
  w.begin_array().string("a").string("b").end_array();
  w.begin_array().end_array();
  w.end_array();
  w.key("count").number(std::uint64_t{42});
  w.key("line").number(std::int64_t{-3});
  w.key("evidence").json(ordered{{"parts", "3 + 4"}, {"sum", 7}});
  w.key("empty").string_or_null("");
  w.end_object();
  ordered expected{{"id", "bench-1:0"},
                   {"value", {{"lo", 1.5}, {"hi", nullptr}, {"closed", true}}},
                   {"modifiers", ordered::array()},
                   {"sides", {{"a", "b"}, ordered::array()}},
                   {"count", 42},
                   {"line", -3},
                   {"evidence", {{"parts", "3 + 4"}, {"sum", 7}}},
                   {"empty", nullptr}};
  CHECK(out == dumped(expected));
}

TEST_CASE("a tree already built is written as nlohmann dumps it") {
  // Member names from the input may need escaping; numbers of every kind; nesting.
  const ordered cases[] = {
      ordered::object(),
      ordered::array(),
      ordered{{"from", "142.62달러"}, {"to", "118.42달러"}, {"change_percent", -16.97}, {"sessions", 1}},
      ordered{{"quote \" and \\ slash", {{"tab\tkey", nullptr}}}, {"섹션", {1, -2, 3.5, true, false, "x"}}},
      ordered{{"big", std::numeric_limits<std::uint64_t>::max()}, {"small", std::numeric_limits<std::int64_t>::min()}, {"whole", 7.0}},
      ordered{{"broken \xFF name", "broken \xEB\x94 value"}, {"control\x01", ordered::array({ordered::object()})}},
      ordered("just a string"),
      ordered(nullptr),
  };
  for (const auto& tree : cases) {
    std::string out;
    JsonWriter(out).json(tree);
    CHECK(out == dumped(tree));
  }
  // Inside an object, after other members.
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("a").number(std::uint64_t{1}).key("tree").json(cases[3]).key("b").json(cases[0]).end_object();
  CHECK(out == dumped(ordered{{"a", 1}, {"tree", cases[3]}, {"b", cases[0]}}));
}

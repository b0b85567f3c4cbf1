// The flat reader is a shortcut past nlohmann for the usual article line: where it answers, it
// must answer exactly as nlohmann's parse would, and it must decline everything else.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/ingest.hpp"

using namespace crosscheck;

namespace {

// nlohmann's reading of a line as members, when it is an object of strings.
std::optional<ingest::FlatObject> by_nlohmann(const std::string& line) {
  nlohmann::ordered_json j;
  try {
    j = nlohmann::ordered_json::parse(line);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  if (!j.is_object()) return std::nullopt;
  ingest::FlatObject out;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.value().is_string()) return std::nullopt;
    out.emplace_back(it.key(), it.value().get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("a flat article line is read as nlohmann reads it") {
  const std::string lines[] = {
      R"({"id":"a1","text":"엔비디아 주가가 17% 떨어졌다."})",
      R"(  {"id" : "b" ,"outlet":"Example Wire",	"text" : "Nvidia fell 17%" }  )",
      R"({"text":"quote \" backslash \\ slash \/ controls \b\f\n\r\t"})",
      R"({"text":"\u00e9 \uD83D\uDE00 \u0000 \u001f end","id":""})",
      R"({"a":"","b":"x","text":"long text that runs past many eight-byte words without any escape at all"})"};
  for (const auto& line : lines) {
    CAPTURE(line);
    auto flat = ingest::read_flat_object(line);
    REQUIRE(flat);
    CHECK(*flat == *by_nlohmann(line));
  }
}

TEST_CASE("lines that are not an object of distinct string members are left to nlohmann") {
  const std::string lines[] = {
      R"({"id":"a","n":1})",               R"({"id":"a","tags":["x"]})",   R"({"id":"a","o":{"k":"v"}})",
      R"({"id":"a","x":null})",            R"({"id":"a","x":true})",       R"({"text":"a","text":"b"})",
      "\xEF\xBB\xBF{\"text\":\"bom\"}",    R"({})",                        R"([1,2])",
      R"({"text":"a"} trailing)",          R"({"text":"unterminated)",      R"({"text":"bad \x escape"})",
      R"({"text":"short \u12"})",          R"({"text":"lone \ud800 high"})", R"({"text":"lone \udc00 low"})",
      "{\"text\":\"raw\ttab\"}",           R"({"text" "missing colon"})",  R"({"text":"a",})",
      R"({'text':'single quotes'})",       R"()",                          R"({"text":"a"}{"text":"b"})"};
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK_FALSE(ingest::read_flat_object(line));
  }
}

TEST_CASE("random flat lines, whole and cut short, never read differently from nlohmann") {
  // Strings of every kind of character, written by nlohmann's dump (which escapes what it must),
  // then cut at every length: the flat reader answers as nlohmann does or declines.
  const std::string pieces[] = {"a", "plain words ", "\"", "\\", "/", "\n", "\t", std::string(1, '\0'), "\x1f",
                                "딥시크", "€", "😀", "557만달러", "{", "}", ":", ","};
  std::mt19937 random(17);
  std::size_t declined = 0, read = 0;
  for (int round = 0; round < 300; ++round) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    std::size_t members = 1 + random() % 4;
    for (std::size_t m = 0; m < members; ++m) {
      std::string key = "k" + std::to_string(m), value;
      for (std::size_t k = random() % 12; k > 0; --k) value += pieces[random() % std::size(pieces)];
      object[key] = value;
    }
    // Some lines spell characters as \u escapes, as other JSON writers do.
    std::string line = object.dump(-1, ' ', round % 2 == 0);
    auto flat = ingest::read_flat_object(line);
    REQUIRE(flat);
    CHECK(*flat == *by_nlohmann(line));
    for (std::size_t cut = 0; cut < line.size(); cut += 1 + random() % 7) {
      std::string part = line.substr(0, cut);
      auto short_flat = ingest::read_flat_object(part);
      if (!short_flat) {
        ++declined;
        continue;
      }
      ++read;
      auto expected = by_nlohmann(part);
      REQUIRE(expected);
      CHECK(*short_flat == *expected);
    }
  }
  CHECK(declined > 0);
}

// The map/reduce shape run locally: extract (map) | sort by comparison key | check --claims (reduce)
// gives the same findings as one check run.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "cli/claims_input.hpp"
#include "cli/commands.hpp"
#include "test_support.hpp"

namespace {

std::string call(std::vector<std::string> args, const std::string& input, int& status) {
  std::istringstream in(input);
  std::ostringstream out, err;
  crosscheck::cli::Io io{in, out, err};
  setenv("CROSSCHECK_RULES", (test::source_dir() + "/rules").c_str(), 1);
  status = crosscheck::cli::main_command(args, io);
  return out.str();
}

}  // namespace

TEST_CASE("extract | sort | check --claims - finds what one check finds") {
  std::string stories = test::source_dir() + "/fixtures/stories";
  int status = 0;
  std::string claims = call({"extract", "--quiet", stories}, "", status);
  REQUIRE(status == 0);
  std::vector<std::string> lines;
  std::istringstream in(claims);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() > 50);
  // The shuffle stands for the order in which mappers finish; the sort is the shuffle phase.
  std::shuffle(lines.begin(), lines.end(), std::mt19937(11));
  std::stable_sort(lines.begin(), lines.end(), [](const std::string& a, const std::string& b) {
    return nlohmann::json::parse(a)["key"].get<std::string>() < nlohmann::json::parse(b)["key"].get<std::string>();
  });
  std::string sorted;
  for (const auto& l : lines) sorted += l + "\n";

  int reduce_status = 0, single_status = 0;
  auto reduced = nlohmann::json::parse(call({"check", "--quiet", "--format", "json", "--claims", "-"}, sorted, reduce_status));
  auto single = nlohmann::json::parse(call({"check", "--quiet", "--format", "json", stories}, "", single_status));
  CHECK(reduce_status == single_status);
  CHECK(reduced["findings"].size() == single["findings"].size());
  CHECK(reduced["findings"] == single["findings"]);
  CHECK(reduced["summary"]["conflicts"] == single["summary"]["conflicts"]);
}

TEST_CASE("check --claims reports a line that is not a claim and goes on") {
  int status = 0;
  std::string good = call({"extract", "--quiet", "-"}, "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n", status);
  std::string wrong_types = "{\"id\":\"y\",\"article\":\"b\",\"start\":\"7\",\"value\":{\"point\":\"x\",\"lo_closed\":1}}\n";
  std::string overflow = "{\"id\":\"o\",\"article\":\"b\",\"value\":{\"point\":1e999}}\n";
  auto out = call({"check", "--quiet", "--format", "json", "--claims", "-"},
                  "{broken\n" + good + "{\"id\":\"x\"}\n{\"id\":3,\"article\":\"a\",\"value\":{}}\n" + wrong_types + overflow,
                  status);
  CHECK(status == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["claims"].size() == 2);  // the well-formed claim and the one with wrongly typed fields
  std::size_t skipped = 0;
  for (const auto& i : j["inputs"]) skipped += i["status"] == "skipped";
  CHECK(skipped == 4);  // the broken line, two lines that are no claims, and the number past a double
}

TEST_CASE("check --claims skips a line past the line limit without reading it whole, and keeps the rest") {
  int status = 0;
  std::string good = call({"extract", "--quiet", "-"}, "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n", status);
  REQUIRE(!good.empty());
  std::string runaway = "{\"id\":\"z\",\"article\":\"b\",\"sentence\":\"" + std::string(5000, 'x') + "\"}\n";
  std::istringstream in(runaway + good);
  auto read = crosscheck::cli::read_claims(in, "claims.jsonl", 1000);
  REQUIRE(read.claims.size() == 1);
  CHECK(read.claims[0].subject == "Nvidia");
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].file == "claims.jsonl:1");
  CHECK(read.diagnostics[0].message.find("limit of 1000 bytes") != std::string::npos);
}

TEST_CASE("claims read back share one copy of each repeated subject, attribute and key") {
  int status = 0;
  std::string lines = call({"extract", "--quiet", "-"},
                           "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n"
                           "{\"id\":\"b\",\"text\":\"엔비디아 주가는 27일 16.9% 떨어졌다.\"}\n",
                           status);
  std::istringstream in(lines);
  auto read = crosscheck::cli::read_claims(in, "claims.jsonl");
  REQUIRE(read.claims.size() == 2);
  const auto& a = read.claims[0];
  const auto& b = read.claims[1];
  CHECK(a.key == b.key);
  CHECK(a.key.shares_with(b.key));
  CHECK(a.subject.shares_with(b.subject));
  CHECK(a.quantity.unit.shares_with(b.quantity.unit));
  CHECK_FALSE(a.sentence_text.shares_with(b.sentence_text));
}

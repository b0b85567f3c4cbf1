// The map/reduce shape run locally: extract (map) | sort by comparison key | check --claims (reduce)
// gives the same findings as one check run.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

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
  auto out = call({"check", "--quiet", "--format", "json", "--claims", "-"},
                  "{broken\n" + good + "{\"id\":\"x\"}\n{\"id\":3,\"article\":\"a\",\"value\":{}}\n" + wrong_types, status);
  CHECK(status == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["claims"].size() == 2);  // the well-formed claim and the one with wrongly typed fields
  std::size_t skipped = 0;
  for (const auto& i : j["inputs"]) skipped += i["status"] == "skipped";
  CHECK(skipped == 3);
}

// Never silent: every figure is either compared with another of its quantity or counted with the
// reason it was not, and a run with figures and no comparison says so on standard error.
#include <doctest/doctest.h>


#include "report/report.hpp"
#include "test_support.hpp"

using namespace crosscheck;

TEST_CASE("every figure is compared or counted with its reason") {
  auto r = test::run(test::showcase_stories());
  auto p = report::placement(r.run);
  std::size_t main_claims = 0;
  for (const auto& c : r.run.claims) main_claims += c.linked_to < 0;
  CHECK(p.compared + p.no_subject + p.no_measure + p.alone == main_claims);
  CHECK(p.compared > 0);
  auto text = report::text_report(r.run, test::rules(), {"en", false, 100});
  CHECK(text.find("Figures compared with another of their quantity: " + std::to_string(p.compared)) != std::string::npos);
}

TEST_CASE("a story with figures and no comparison says so") {
  auto r = test::run({"-"}, nlohmann::json{{"id", "a"}, {"text", "라온마켓은 매출 31조원을 기록했다."}}.dump() + "\n");
  auto p = report::placement(r.run);
  CHECK(p.compared == 0);
  CHECK(p.alone + p.no_subject + p.no_measure >= 1);
}

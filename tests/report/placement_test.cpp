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

TEST_CASE("the story's own event is named as a reader says it, in the explanation, the heading and the HTML report") {
  std::string in;
  for (const auto& [id, text] : std::vector<std::pair<std::string, std::string>>{
           {"a", "당국은 오후 6시 기준 이번 사고로 7명이 숨졌다고 밝혔다."}, {"b", "당국은 오후 6시 기준 이번 사고로 8명이 숨졌다고 밝혔다."}})
    in += nlohmann::json{{"id", id}, {"published", "2026-05-14T20:00:00+09:00"}, {"text", text}}.dump() + "\n";
  auto r = test::run({"-"}, in);
  const core::Finding* conflict = nullptr;
  for (const auto& f : r.run.findings)
    if (f.verdict == "conflict") conflict = &f;
  REQUIRE(conflict);
  CHECK(conflict->subject == "event");  // the data keeps the id
  CHECK(conflict->explanation.find("of the story's event") != std::string::npos);
  auto text = report::text_report(r.run, test::rules(), {"en", false, 100});
  CHECK(text.find("the story's event · death toll") != std::string::npos);
  auto html = report::html_report(r.run, test::rules(), "en");
  bool named = html.find("the story&#39;s event") != std::string::npos || html.find("the story's event") != std::string::npos;
  CHECK(named);
}

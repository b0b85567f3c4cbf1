// The article's own word for a figure's measure: what a reader sees the figure called, kept
// beside the concept it maps onto (and written to JSON as "measure").
#include <doctest/doctest.h>

#include "report/report.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::string measure_word(const report::Run& run, const std::string& surface) {
  const core::Claim* c = test::claim_written(run, surface);
  return c ? std::string(c->measure_word.view()) : "(no such figure)";
}

}  // namespace

TEST_CASE("a figure keeps the noun that governs it as written, beside its concept") {
  auto r = test::run({"-"}, test::jsonl_articles({{"a", "한국전력수급원은 20일 최대전력수요가 9684만kW로 집계됐다고 밝혔다."},
                                                  {"b", "Harbor Lines said revenues rose to $4.2 billion in the quarter."},
                                                  {"c", "화재로 주민 3명이 숨졌다."}},
                                                 "2024-08-20T18:00:00+09:00"));
  // The concept's cue (전력수요) is part of the noun the article writes; the noun says more.
  const core::Claim* demand = test::claim_written(r.run, "9684만kW");
  REQUIRE(demand);
  CHECK(demand->attribute == "power-demand");
  CHECK(measure_word(r.run, "9684만kW") == "최대전력수요");
  CHECK(measure_word(r.run, "$4.2 billion") == "revenues");
  // An inflected verb governs the count: the cue it starts is the word, not "숨졌다".
  CHECK(measure_word(r.run, "3명") != "숨졌다");
  CHECK(measure_word(r.run, "3명") == "숨졌");
}

TEST_CASE("a figure whose measure is carried from its list neighbour carries its word too") {
  auto r = test::run({"-"}, test::jsonl_articles({{"a", "라온마켓은 매출 31조원, 영업이익 2조4000억원을 기록했다."}}, "2025-06-17T23:00:00+09:00"));
  CHECK(measure_word(r.run, "31조원") == "매출");
  CHECK(measure_word(r.run, "2조4000억원") == "영업이익");
}

// A whole a sentence names its parts of ("of the 300 seats", "선거인 N명 가운데") stays apart from
// the figures of its measure only while one of its parts can be of that measure.
#include <doctest/doctest.h>

#include "report/report.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::string role_of(const report::Run& run, const std::string& surface) {
  const core::Claim* c = test::claim_written(run, surface);
  return c ? std::string(c->scope.role.view()) : "(no such figure)";
}

bool conflict_between(const report::Run& run, const std::string& x, const std::string& y) {
  const core::Claim* a = test::claim_written(run, x);
  const core::Claim* b = test::claim_written(run, y);
  if (!a || !b) return false;
  for (const auto& f : run.findings) {
    if (f.verdict != "conflict" && f.verdict != "possible-conflict") continue;
    bool has_a = false, has_b = false;
    for (const auto& side : f.sides)
      for (const auto& id : side) has_a = has_a || id == a->id, has_b = has_b || id == b->id;
    if (has_a && has_b) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a whole whose parts are of another measure is a plain figure of its own") {
  auto r = test::run({"-"}, test::jsonl_articles({{"a", "오후 1시 현재 선거인 17만 8,412명 가운데 4만 4천여 명이 투표했다."},
                                                  {"b", "이번 선거의 선거인은 178만 4,120명이었다."}},
                                                 "2025-04-02T15:00:00+09:00"));
  // Those who voted are a measure of their own: the registered voters are no whole of it.
  CHECK(test::claim_written(r.run, "4만 4천여 명")->attribute == "ballots-cast");
  CHECK(role_of(r.run, "4만 4천여 명") == "");
  CHECK(role_of(r.run, "17만 8,412명") == "");
  // The electorate does not vary in the day: read at 1 p.m. or not, one quantity.
  CHECK(conflict_between(r.run, "17만 8,412명", "178만 4,120명"));
}

TEST_CASE("a whole with a part of its own measure stays apart from that measure's figures") {
  auto r = test::run({"-"}, test::jsonl_articles({{"a", "The Civic Alliance won 142 of the Assembly's 300 seats on Sunday."},
                                                  {"b", "The Civic Alliance won 142 seats."}},
                                                 "2025-05-19T12:00:00+09:00"));
  CHECK(role_of(r.run, "300 seats") == "whole");
  CHECK_FALSE(conflict_between(r.run, "300 seats", "142 seats"));
}

// A change against the two levels its sentence gives: redone, and set apart when it fits neither
// order of them; left alone where the sentence does not say which levels the change ran between.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::vector<const core::Finding*> stated(const std::string& text, const std::string& verdict) {
  std::string in = nlohmann::json{{"id", "a"}, {"published", "2026-09-05T21:00:00+09:00"}, {"text", text}}.dump() + "\n";
  static std::vector<report::Run> keep;  // the findings point into the run
  keep.push_back(test::run({"-"}, in).run);
  std::vector<const core::Finding*> out;
  for (const auto& f : keep.back().findings)
    if (f.check == "stated-change" && f.verdict == verdict) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("a change that fits neither order of its levels is a conflict; one that fits is supported") {
  CHECK(stated("Garam Port handled 4,960 TEU on Wednesday against a normal 12,400 TEU, a 48% drop.", "conflict").size() == 1);
  CHECK(stated("Garam Port handled 4,960 TEU on Wednesday against a normal 12,400 TEU, a 60% drop.", "supported").size() == 1);
  CHECK(stated("가람포항의 처리량은 4,960TEU로, 평시 하루 평균인 12,400TEU보다 48% 감소했다.", "conflict").size() == 1);
  // Two percents and a change in points.
  CHECK(stated("The Civic Alliance took 36.4% of the vote and the National Renewal Party 31.9%, a margin of 5.4 percentage points.",
               "conflict").size() == 1);
  CHECK(stated("The Civic Alliance took 36.4% of the vote and the National Renewal Party 31.9%, a margin of 4.5 percentage points.",
               "supported").size() == 1);
}

TEST_CASE("a sentence that does not say which levels a change ran between is left alone") {
  // Two changes: the year-on-year one runs from a level not given.
  CHECK(stated("한빛전자의 3분기 매출은 31조원으로 전분기 29조원보다 7% 늘었고 전년 동기보다 12% 증가했다.", "conflict").empty());
  // An estimate is not the level the change ran from.
  CHECK(stated("Brightwell said revenue rose 18% to $4.21 billion, beating the $4.05 billion analysts had expected.", "conflict").empty());
  // A rate and its base.
  CHECK(stated("Larkfield's council cut the increase to 5.0%, or 56 cents per $1,000 of assessed value.", "conflict").empty());
  // A share is no change.
  CHECK(stated("Hanbit's revenue was 31 trillion won and its operating profit 2 trillion won, a margin of 6.5%.", "conflict").empty());
}

TEST_CASE("a change in points between two rates of its measure, though the rates carry the sentence's direction") {
  CHECK(stated("The average mortgage rate rose to 4.12% in September from 3.98% in August, an increase of 0.41 percentage points, "
               "though it is still below the 4.35% seen a year earlier.",
               "conflict").size() == 1);
  CHECK(stated("The average mortgage rate rose to 4.12% in September from 3.98% in August, an increase of 0.14 percentage points.",
               "supported").size() == 1);
}

TEST_CASE("the level a change runs from is marked as its base, whatever noun stands beside it") {
  // "from 1.09 million" is the base of "up 12 percent", though the framer reads another noun there.
  auto wrong = stated("Hanbit Rail said it had sold 1.18 million train tickets for the holiday, up 12 percent from 1.09 million a "
                      "year earlier.", "conflict");
  REQUIRE(wrong.size() == 1);
  // The explanation runs from the base to the new level.
  CHECK(wrong.front()->explanation.find("1.09 million → 1.18 million") != std::string::npos);
  CHECK(stated("Hanbit Rail said it had sold 1.18 million train tickets for the holiday, up 8.3 percent from 1.09 million a "
               "year earlier.", "supported").size() == 1);
  // A percent elsewhere in the sentence ("20% down") is no change between the levels.
  CHECK(stated("For a median-priced home, the monthly payment with 20% down works out to $2,198, compared with about $2,219 a "
               "year ago.", "conflict").empty());
}

TEST_CASE("a stated direction fixes which level a change runs from") {
  // A fall runs from the larger level: 212 → 131 is -38%, so a 62% fall contradicts its own levels,
  // though 131 → 212 would be +62%.
  CHECK(stated("The board said new confirmed cases fell 62% last week, to 131 from 212.", "conflict").size() == 1);
  CHECK(stated("The board said new confirmed cases fell 38% last week, to 131 from 212.", "supported").size() == 1);
  // A rise runs from the smaller one.
  CHECK(stated("The board said new confirmed cases rose 62% last week, to 212 from 131.", "supported").size() == 1);
}

TEST_CASE("a change of a known measure is tested against levels the framer read only nouns for") {
  // 6,480원 → 6,790원 is +4.8%: the 14.8% beside its base contradicts them.
  CHECK(stated("19일 기준 특란 30개 소매 평균 가격은 6,790원으로, 일주일 전 6,480원에서 14.8% 올랐다.", "conflict").size() == 1);
  CHECK(stated("19일 기준 특란 30개 소매 평균 가격은 6,790원으로, 일주일 전 6,480원에서 4.8% 올랐다.", "supported").size() == 1);
}

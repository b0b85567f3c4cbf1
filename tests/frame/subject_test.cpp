#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace crosscheck;

namespace {

const core::Claim* claim_with(const report::Run& run, const std::string& surface) {
  for (const auto& c : run.claims)
    if (c.quantity.surface.find(surface) != std::string::npos) return &c;
  return nullptr;
}

std::string article(const std::string& text) {
  return nlohmann::json{{"id", "a"}, {"published", "2025-01-30"}, {"text", text}}.dump() + "\n";
}

// The claim read from "10억 달러" in a one-article run of `text`.
core::Claim valuation_in(const std::string& text) {
  auto r = test::run({"-"}, article(text));
  const auto* valuation = claim_with(r.run, "10억 달러");
  REQUIRE(valuation);
  return *valuation;
}

}  // namespace

TEST_CASE("a company's figure in a sentence that names none goes to the company the paragraph last named") {
  // The paragraph's topic is a person; the most named company of the article is another one.
  auto valuation = valuation_in("엔비디아 주가가 급락했다. 엔비디아는 반도체 기업이다. 엔비디아의 매출은 늘었다.\n\n"
                                "2023년 량원펑은 인공지능 기업 딥시크를 세웠다. 초기에는 자금이 부족했다. "
                                "불과 1년 만에 기업 가치 10억 달러를 돌파했다.");
  CHECK(valuation.attribute == "valuation");
  CHECK(valuation.subject == "DeepSeek");
}

TEST_CASE("the look back stops at the paragraph: another paragraph's company is not taken") {
  auto valuation = valuation_in("엔비디아 주가가 급락했다. 엔비디아는 반도체 기업이다.\n\n"
                                "딥시크는 중국 기업이다.\n\n"
                                "량원펑은 젊은 창업자다. 불과 1년 만에 기업 가치 10억 달러를 돌파했다.");
  // No company in its paragraph: the article's most named company, as before.
  CHECK(valuation.subject == "Nvidia");
}

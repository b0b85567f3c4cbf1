#include <doctest/doctest.h>

#include <string>

#include "ingest/ingest.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {
std::string kept(const std::string& text, const ingest::Cleaned& cleaned) {
  std::string out;
  for (const auto& p : cleaned.paragraphs) out += text.substr(p.start, p.end - p.start) + "\n";
  return out;
}
}  // namespace

TEST_CASE("a pasted page's headline is the article's: the label goes, the headline and its figures stay") {
  std::string text = "Title: 3 killed as bus leaves road\nOutlet: Harbor Ledger\n\nThree people died on Monday.";
  auto cleaned = ingest::remove_boilerplate(text, test::rules());
  CHECK(kept(text, cleaned) == "3 killed as bus leaves road\nThree people died on Monday.\n");
  REQUIRE(!cleaned.skipped.empty());
  CHECK(cleaned.skipped.front().reason == "page-header");
  CHECK(text.substr(cleaned.skipped.front().span.start, cleaned.skipped.front().span.end - cleaned.skipped.front().span.start) == "Title: ");

  std::string ko = "제목: 가람포항 파업 닷새째…대기 선박 27척\n매체: 도담경제\n\n파업이 닷새째 이어졌다.";
  auto cleaned_ko = ingest::remove_boilerplate(ko, test::rules());
  CHECK(kept(ko, cleaned_ko) == "가람포항 파업 닷새째…대기 선박 27척\n파업이 닷새째 이어졌다.\n");
}

TEST_CASE("a headline label with nothing after it is no headline") {
  std::string text = "Title:\nBody line that stays here.";
  auto cleaned = ingest::remove_boilerplate(text, test::rules());
  CHECK(kept(text, cleaned).find("Title:") == std::string::npos);
}

#include <doctest/doctest.h>

#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/regex_group.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

// The slots whose pattern matches the line on its own, as RE2::PartialMatch says.
std::vector<int> one_by_one(const std::vector<const re2::RE2*>& patterns, const std::string& line) {
  std::vector<int> out;
  for (std::size_t i = 0; i < patterns.size(); ++i)
    if (RE2::PartialMatch(line, *patterns[i])) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace

TEST_CASE("a regex group answers for every bundled line and metadata pattern as the patterns do one by one") {
  const auto& rules = test::rules();
  // Lines of page furniture and of article text, Korean and English.
  const std::vector<std::string> lines = {
      "메뉴 건너뛰기", "조회수 1,234", "입력 2025.01.28 08:10", "최종수정 2025-01-29 11:02", "▶ 구독하기",
      "홍길동 기자 hong@example.co.kr", "김철수 기자", "댓글 3", "[뉴스] 랭킹 뉴스", "많이 본 뉴스",
      "번호 제목 글쓴이 날짜", "12345 엔비디아 급락 2025.01.28", "저작권자 © 테스트일보 무단전재 및 재배포 금지",
      "[서울=테스트뉴스] 홍길동 기자", "[테스트뉴스=홍길동 기자]", "Skip to main content", "Most read",
      "Sign up for our daily newsletter", "12 comments", "엔비디아 주가가 하루 17% 떨어졌다.",
      "Nvidia fell 17% on Monday, its worst day since 2020.", "", "기자"};
  auto check_group = [&](const rules::RegexGroup& group, const std::vector<const re2::RE2*>& patterns) {
    std::vector<int> slots;
    for (const auto& line : lines) {
      CAPTURE(line);
      REQUIRE(group.matches(line, slots));
      CHECK(slots == one_by_one(patterns, line));
    }
  };
  // Line rules with a length limit are a group of their own, each group's slots counted in rule order.
  std::vector<const re2::RE2*> line_patterns, short_line_patterns;
  for (const auto& rule : rules.line_rules)
    if (rule.regex) {
      auto& patterns = rule.max_length > 0 ? short_line_patterns : line_patterns;
      CHECK(rule.regex_slot == static_cast<int>(patterns.size()));
      patterns.push_back(rule.regex.get());
    }
  REQUIRE(line_patterns.size() >= 5);
  REQUIRE(short_line_patterns.size() >= 5);
  check_group(rules.line_regexes, line_patterns);
  check_group(rules.short_line_regexes, short_line_patterns);
  auto patterns_of = [](const std::vector<rules::PatternRule>& list) {
    std::vector<const re2::RE2*> out;
    for (const auto& p : list) out.push_back(p.regex.get());
    return out;
  };
  check_group(rules.dateline_regexes, patterns_of(rules.datelines));
  check_group(rules.byline_regexes, patterns_of(rules.bylines));
  check_group(rules.outlet_regexes, patterns_of(rules.outlet_patterns));
}

TEST_CASE("a regex group that was never built says it cannot answer") {
  rules::RegexGroup group;
  group.add("^a");
  std::vector<int> slots = {7};
  CHECK_FALSE(group.matches("abc", slots));  // not compiled
  CHECK(slots.empty());
  group.compile();
  CHECK(group.matches("abc", slots));
  CHECK(slots == std::vector<int>{0});
  rules::RegexGroup refused;
  refused.add("(unclosed");
  refused.compile();
  CHECK_FALSE(refused.matches("(unclosed", slots));
  // An answer reads its group once and says "cannot tell" rather than guess.
  rules::RegexAnswer answer(group, "abc");
  CHECK(answer.matches(0) == std::optional<bool>(true));
  CHECK(answer.matches(1) == std::optional<bool>(false));
  CHECK_FALSE(answer.matches(-1).has_value());
  rules::RegexAnswer unknown(refused, "(unclosed");
  CHECK_FALSE(unknown.matches(0).has_value());
}

#include <doctest/doctest.h>

#include "extract/extract.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

const core::Quantity* figure(const extract::Extraction& e, const std::string& surface) {
  for (const auto& q : e.quantities)
    if (q.surface == surface) return &q;
  return nullptr;
}

}  // namespace

TEST_CASE("a duration in several units is one figure in its family's base unit") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
    const char* unit;
  } cases[] = {
      {"그는 2시간05분12초에 들어왔다", "2시간05분12초", 7512, "second"},
      {"복구에 4시간 12분 걸렸다", "4시간 12분", 15120, "second"},
      {"착공 1년 3개월 만이다", "1년 3개월", 15, "month"},
      {"the flight took 2 hours and 11 minutes", "2 hours and 11 minutes", 7860, "second"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto e = extract::extract_snippet(c.text, test::rules());
    const auto* q = figure(e, c.surface);
    REQUIRE(q);
    CHECK(q->point == c.value);
    CHECK(q->unit == c.unit);
  }
  // A larger unit after a smaller one is a figure of its own ("3분 2시간" is no duration).
  auto e = extract::extract_snippet("12분, 2시간 뒤", test::rules());
  CHECK(figure(e, "12분"));
  CHECK(figure(e, "2시간"));
}

TEST_CASE("a race clock with seconds is a duration; a clock of the day and a ratio are not") {
  auto e = extract::extract_snippet("He won in 2:05:12, and the second man in 2:05:48.", test::rules());
  REQUIRE(figure(e, "2:05:12"));
  CHECK(figure(e, "2:05:12")->point == 7512);
  CHECK(figure(e, "2:05:12")->unit == "second");
  CHECK(figure(e, "2:05:48"));
  for (const char* text : {"The alarm sounded at 10:15:30 a.m. local time.", "The polls closed at 18:00.", "They won 2:1 at home."}) {
    INFO(text);
    auto other = extract::extract_snippet(text, test::rules());
    for (const auto& q : other.quantities) CHECK(q.unit != "second");
  }
}

TEST_CASE("a share written as a fraction is read in percent, a competition ratio in times") {
  auto e = extract::extract_snippet("응답자의 3분의 1이 찬성했고, 3 out of 4 voters agreed; 경쟁률은 1,186.4대 1이었다.", test::rules());
  REQUIRE(figure(e, "3분의 1"));
  CHECK(figure(e, "3분의 1")->point == doctest::Approx(100.0 / 3));
  CHECK(figure(e, "3분의 1")->unit == "%");
  REQUIRE(figure(e, "3 out of 4"));
  CHECK(figure(e, "3 out of 4")->point == 75);
  REQUIRE(figure(e, "1,186.4대 1"));
  CHECK(figure(e, "1,186.4대 1")->point == doctest::Approx(1186.4));
  CHECK(figure(e, "1,186.4대 1")->unit == "times");
  // Three minutes of something, and three buses, are no fraction and no ratio.
  auto other = extract::extract_snippet("3분의 시간이 걸렸고 버스 3대 10명이 탔다.", test::rules());
  CHECK(figure(other, "3분"));
  CHECK(figure(other, "3대"));
}

TEST_CASE("a competition ratio of absurd length is no ratio") {
  // Past 15 digits a double no longer holds the figure; 400 digits read as infinity before.
  std::string text = "경쟁률은 " + std::string(400, '7') + "대 1이었다.";
  auto e = extract::extract_snippet(text, test::rules());
  for (const auto& q : e.quantities) CHECK(q.unit != "times");
}

TEST_CASE("a competition ratio at the end of a sentence is read; one to 1.5 is not a ratio to one") {
  auto e = extract::extract_snippet("경쟁률은 1,250대 1. 다음 기록은 3대 1.5였다.", test::rules());
  REQUIRE(figure(e, "1,250대 1"));
  CHECK(figure(e, "1,250대 1")->unit == "times");
  for (const auto& q : e.quantities) CHECK(q.surface != "3대 1");
}

TEST_CASE("a bare figure with an English scale word is a count; an index's bare close is in points") {
  auto e = extract::extract_snippet("Sales ran at a seasonally adjusted annual rate of 4.03 million in May.", test::rules());
  const auto* sales = figure(e, "4.03 million");
  REQUIRE(sales);
  CHECK(sales->point == doctest::Approx(4030000));
  CHECK(sales->unit == "count");
  auto index = extract::extract_snippet("The S&P 500 closed at 5,592.14, down 2.1%.", test::rules());
  const auto* close = figure(index, "5,592.14");
  REQUIRE(close);
  CHECK(close->unit == "point");
  // A bare number with no measure before it and no scale word stays no figure.
  auto plain = extract::extract_snippet("It was filed as entry 5,592.14 in the register.", test::rules());
  CHECK(plain.quantities.empty());
}

TEST_CASE("a rate the rules name is read before any two words after per") {
  struct Case {
    const char* text;
    const char* surface;
    const char* unit;
  } cases[] = {
      {"the rate rises to 10,760 won per hour next year", "10,760 won per hour", "KRW/hour"},
      {"at an exchange rate of 1,380 won per dollar", "1,380 won per dollar", "KRW/USD"},
      {"the group will pay 920 won a share and buy back stock", "920 won a share", "KRW/share"},
      {"renting costs $2 per GPU hour", "$2 per GPU hour", "USD/gpu hour"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto e = extract::extract_snippet(c.text, test::rules());
    const auto* q = figure(e, c.surface);
    REQUIRE(q);
    CHECK(q->unit == c.unit);
  }
}

TEST_CASE("a result of two sides is one figure beside a word of winning or voting, and a range elsewhere") {
  struct Case {
    const char* text;
    const char* surface;
    double value;
  } scores[] = {
      {"Kingsmere beat Ashcombe Town 3-1 at home.", "3-1", 3001},
      {"after voting 7-4 to adopt the plan", "7-4", 7004},
      {"a 2–0 win for the visitors", "2–0", 2000},
      {"한빛FC는 3-1로 이겼다.", "3-1", 3001},
      {"조례안은 7대 4로 가결됐다.", "7대 4", 7004},
  };
  for (const auto& c : scores) {
    INFO(c.text);
    auto e = extract::extract_snippet(c.text, test::rules());
    const auto* q = figure(e, c.surface);
    REQUIRE(q);
    CHECK(q->dimension == core::Dimension::score);
    CHECK(q->point == c.value);
  }
  CHECK(core::score_text(3001) == "3–1");
  // No word of a result: a range, a season, a count range after a result word.
  for (const char* text : {"Between 10-15 people were hurt.", "the 2024-25 season", "He won the title and scored in 3-4 games.",
                           "참가자는 10-15명이다."}) {
    INFO(text);
    auto e = extract::extract_snippet(text, test::rules());
    for (const auto& q : e.quantities) CHECK(q.dimension != core::Dimension::score);
  }
}

// The period a figure is of: the one its headline and lead name, a year earlier for a figure
// marked so (전년 동기 6조원, "$3.57 billion a year earlier"), the whole year for a year's figure in
// an article about a quarter; and what the checker makes of a year against one of its quarters.
#include <doctest/doctest.h>

#include "check/check.hpp"
#include "core/dates.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::string jsonl(const std::vector<std::pair<std::string, std::string>>& articles, const std::string& published) {
  return test::jsonl_articles(articles, published);
}

const core::Claim* claim(const report::Run& run, const std::string& surface) { return test::claim_written(run, surface); }

std::string period_of(const report::Run& run, const std::string& surface) {
  const core::Claim* c = claim(run, surface);
  return c ? std::string(c->scope.period.view()) : "(no such figure)";
}

}  // namespace

TEST_CASE("periods move by whole months, in the form they were written") {
  CHECK(core::shift_period("2025-Q1", -12) == "2024-Q1");
  CHECK(core::shift_period("2025-Q1", -3) == "2024-Q4");
  CHECK(core::shift_period("2025-09", -1) == "2025-08");
  CHECK(core::shift_period("2025", -12) == "2024");
  CHECK(core::shift_period("2024-02-29", -12) == "2023-02-28");
  CHECK(core::shift_period("2025-09-01/2025-09-20", -12) == "2024-09-01/2024-09-20");
  // A shift the period cannot take, or no period at all.
  CHECK(core::shift_period("2025", -3).empty());
  CHECK(core::shift_period("?-Q1", -12).empty());
  CHECK(core::shift_period("annual", -12).empty());
  CHECK(core::span_months("1 year") == 12);
  CHECK(core::span_months("2 quarter") == 6);
  CHECK(core::span_months("1 month") == 1);
  CHECK(core::span_months("one year") == 0);
  CHECK(core::span_months("01 year") == 0);
  CHECK(core::span_months("1  year") == 0);
  CHECK(core::span_months("1 week") == 0);
  CHECK(core::period_for_window("2024-Q4", "1 year") == "2024");
  CHECK(core::period_for_window("2024-Q4", "1 quarter") == "2024-Q4");
  CHECK(core::period_for_window("2025-09-01/2025-09-20", "1 year") == "2025-09-01/2025-09-20");
}

TEST_CASE("the quarter the headline and lead name is the article's, over a later sentence's quarter before") {
  // The figures' own sentences name no quarter; the last one names the quarter before.
  auto r = test::run({"-"}, jsonl({{"a", "한결배터리 1분기 영업손실 1462억원\n한결배터리는 29일 1분기 실적을 발표했다. "
                                         "매출은 5조4250억원이었고 영업손실은 1462억원이었다. "
                                         "직전 분기인 지난해 4분기 영업손실은 2255억원이었다."}},
                                  "2025-04-29T15:10:00+09:00"));
  CHECK(period_of(r.run, "5조4250억원") == "2025-Q1");
  CHECK(period_of(r.run, "2255억원") == "2024-Q4");
}

TEST_CASE("a figure of the same period a year before takes that period; a change against it does not") {
  auto r = test::run({"-"}, jsonl({{"a", "한결배터리의 1분기 매출은 5조4250억원으로 전년 동기 6조6480억원보다 18.4% 감소했다. "
                                         "영업이익은 전년 동기 대비 12% 줄었다."},
                                   {"b", "Hangyeol Battery said first-quarter revenue fell 18% to $3.8 billion from $4.6 billion a year "
                                         "earlier."}},
                                  "2025-04-29T15:10:00+09:00"));
  CHECK(period_of(r.run, "5조4250억원") == "2025-Q1");
  CHECK(period_of(r.run, "6조6480억원") == "2024-Q1");
  CHECK(period_of(r.run, "12%") == "2025-Q1");
  CHECK(period_of(r.run, "$3.8 billion") == "2025-Q1");
  CHECK(period_of(r.run, "$4.6 billion") == "2024-Q1");
  // "a year earlier" after a figure is no rate per year.
  const core::Claim* earlier = claim(r.run, "$4.6 billion");
  REQUIRE(earlier);
  CHECK(earlier->quantity.unit.view() == "USD");
}

TEST_CASE("a year's figure in an article about a quarter is of the year, and never set against the quarter's") {
  auto r = test::run({"-"}, jsonl({{"a", "한결전자는 4분기 매출이 75조원으로 집계됐다고 밝혔다. 연간 매출은 300조8709억원이었다."}},
                                  "2025-01-31T09:00:00+09:00"));
  CHECK(period_of(r.run, "75조원") == "2024-Q4");
  CHECK(period_of(r.run, "300조8709억원") == "2024");
  CHECK_FALSE(check::periods_compatible("2024", "2024-Q4"));
  CHECK(check::periods_compatible("2024-Q4", "?-Q4"));
  CHECK(check::periods_compatible("2024", "2024"));
}

TEST_CASE("a headline that restates the body's figure holds at the body's moment") {
  // The headline gives no time; the body gives the briefing's. Another outlet's figure of the
  // same briefing, with the digits transposed, is then a conflict both sides state the time of.
  auto r = test::run({"-"}, jsonl({{"a", "해솔 산불 진화율 62%\n산림청은 19일 오후 1시 브리핑에서 해솔 산불의 진화율이 62%라고 밝혔다."},
                                   {"b", "산림청이 19일 오후 1시 발표한 해솔 산불 진화율은 26%다."}},
                                  "2025-04-19T14:00:00+09:00"));
  int headline = 0;
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "62%") {
      CHECK(c.scope.as_of.view() == "2025-04-19T13:00");
      if (c.scope.as_of_source == "restated") ++headline;
      // Neither the event's name nor the briefing narrows the measure.
      CHECK(c.scope.qualifier.empty());
    }
  CHECK(headline == 1);
  bool conflict = false;
  for (const auto& f : r.run.findings)
    if (f.verdict == "conflict" && f.attribute == "containment") conflict = true;
  CHECK(conflict);
}

TEST_CASE("a day in the coming week is this month's; one well after the publication day is last month's") {
  auto soon = test::run({"-"}, jsonl({{"a", "도로공사는 26일 하루 교통량이 500만 대에 이를 것으로 내다봤다."}}, "2026-09-25T14:00:00+09:00"));
  const core::Claim* c = claim(soon.run, "500만 대");
  REQUIRE(c);
  CHECK(c->scope.date.to_string() == "2026-09-26");
  auto past = test::run({"-"}, jsonl({{"a", "도로공사는 29일 하루 교통량이 500만 대였다고 밝혔다."}}, "2026-02-03T14:00:00+09:00"));
  c = claim(past.run, "500만 대");
  REQUIRE(c);
  CHECK(c->scope.date.to_string() == "2026-01-29");
}

TEST_CASE("the start of a span a tally runs over is not the moment it holds at") {
  auto r = test::run({"-"}, jsonl({{"a", "24일 0시부터 25일 오후 9시까지 전국 고속도로에서 교통사고 58건이 발생했다."},
                                   {"b", "Officials counted 63 accidents on expressways since the holiday began on Thursday, as of 6 p.m."}},
                                  "2026-09-25T22:00:00+09:00"));
  const core::Claim* ko = claim(r.run, "58건");
  const core::Claim* en = claim(r.run, "63 accidents");
  REQUIRE(ko);
  REQUIRE(en);
  CHECK(ko->attribute.view() == "accidents");
  CHECK(ko->scope.as_of.view() == "2026-09-25T21:00");
  CHECK(en->scope.as_of.view() == "2026-09-25T18:00");
  // 63 at 6 p.m., 58 at 9 p.m.: a tally cannot fall.
  bool fell = false;
  for (const auto& f : r.run.findings)
    if (f.verdict == "conflict" && f.attribute == "accidents") fell = true;
  CHECK(fell);
}

TEST_CASE("a year named by a relative word is resolved against the publication date, unless it is a comparison's base") {
  auto r = test::run({"-"}, test::jsonl_articles(
                                {{"a", "농업통계청에 따르면 쌀 생산량은 지난해 376만4천t에서 올해 368만5천t으로 줄었다."},
                                 {"b", "올해 생산량은 지난해보다 2.1% 감소한 368만t이다."},
                                 {"c", "Output totaled 3.685 million tonnes, down 2.1 percent from 3.764 million tonnes last year."}},
                                "2026-11-12T10:00:00+09:00"));
  CHECK(period_of(r.run, "376만4천t") == "2025");
  CHECK(period_of(r.run, "368만5천t") == "2026");
  // 지난해보다: last year is what the figure is compared with; the figure is this year's.
  CHECK(period_of(r.run, "368만t") == "2026");
  // After a figure, across the "from" that starts the change's base: the base's year.
  CHECK(period_of(r.run, "3.764 million tonnes") == "2025");
  // A comparison's year is not what the article reports on: no article period for this year's figure.
  CHECK(period_of(r.run, "3.685 million tonnes") != "2025");
}

TEST_CASE("next year is read in English too; a relative year in an article of unknown date names no year") {
  auto dated = test::run({"-"}, test::jsonl_articles({{"a", "South Korea will raise its minimum wage by 4.3% next year to 10,760 won."}},
                                                     "2026-07-11T10:00:00+09:00"));
  CHECK(period_of(dated.run, "10,760 won") == "2027");
  test::TempDir dir;
  auto undated = test::run({dir.file("a.txt", "South Korea will raise its minimum wage by 4.3% next year to 10,760 won.\n")});
  // No "0": the year is unknown, so is the period.
  CHECK(period_of(undated.run, "10,760 won") == "");
}

TEST_CASE("a relative year right before a figure is that figure's year, even after \"from\", and no other's") {
  auto r = test::run({"-"}, test::jsonl_articles({{"a", "The minimum wage will rise next year, up 4.8 percent from this year's 10,320 won."},
                                                  {"b", "It rises from this year's 10,320 won."}},
                                                 "2026-07-11T10:00:00+09:00"));
  int bases = 0;
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "10,320 won") {
      CHECK(c.scope.period == "2026");
      ++bases;
    }
  CHECK(bases == 2);
  // The change runs to next year's level; this year's belongs to the base.
  CHECK(period_of(r.run, "4.8 percent") != "2026");
}

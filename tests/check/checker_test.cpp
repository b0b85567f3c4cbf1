#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "check/check.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::vector<const core::Finding*> with_verdict(const report::Run& run, const std::string& verdict) {
  std::vector<const core::Finding*> out;
  for (const auto& f : run.findings)
    if (f.verdict == verdict) out.push_back(&f);
  return out;
}

std::string jsonl(const std::vector<std::pair<std::string, std::string>>& articles) {
  std::string out;
  for (const auto& [id, text] : articles)
    out += nlohmann::json{{"id", id}, {"published", "2025-01-30T09:00:00+09:00"}, {"text", text}}.dump() + "\n";
  return out;
}

}  // namespace

TEST_CASE("a slipped scale unit is a conflict, and says so") {
  auto r = test::run({"-"}, jsonl({{"a", "딥시크는 브이3 훈련 비용이 557만달러라고 밝혔다."},
                                    {"b", "딥시크는 브이3 훈련 비용이 5억6000만 달러라고 밝혔다."}}));
  auto conflicts = with_verdict(r.run, "conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->attribute == "training-cost");
  CHECK(conflicts[0]->reasons == std::vector<std::string>{"scale"});
  CHECK(conflicts[0]->explanation.find("100 times") != std::string::npos);
}

TEST_CASE("transposed digits are a conflict") {
  auto r = test::run({"-"}, jsonl({{"a", "V3 모델은 6710억개 파라미터를 갖는다."}, {"b", "V3 모델은 7610억개 파라미터를 갖는다."}}));
  auto conflicts = with_verdict(r.run, "conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->reasons == std::vector<std::string>{"digits"});
}

TEST_CASE("different windows, directions and dates explain a difference") {
  auto r = test::run({"-"}, jsonl({{"a", "엔비디아 주가는 27일 하루 17% 떨어졌다."},
                                    {"b", "엔비디아 주가는 최근 4거래일 사이 12.6% 떨어졌다."},
                                    {"c", "엔비디아 주가는 28일 8.93% 반등했다."}}));
  CHECK(with_verdict(r.run, "conflict").empty());
  auto explained = with_verdict(r.run, "explained");
  REQUIRE(explained.size() == 1);
  const auto& reasons = explained[0]->reasons;
  CHECK(std::find(reasons.begin(), reasons.end(), "window") != reasons.end());
  CHECK(std::find(reasons.begin(), reasons.end(), "direction") != reasons.end());
}

TEST_CASE("a changing figure without dates is never a conflict") {
  auto r = test::run({"-"}, jsonl({{"a", "엔비디아 주가가 17% 떨어졌다."}, {"b", "엔비디아 주가가 4.1% 떨어졌다."}}));
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("the same day's closing price stated twice differently is a conflict") {
  auto r = test::run({"-"}, jsonl({{"a", "엔비디아 주가는 1월27일 118.42달러에 거래를 마쳤다."},
                                    {"b", "엔비디아 주가는 1월27일 128.42달러에 거래를 마쳤다."}}));
  REQUIRE(with_verdict(r.run, "conflict").size() == 1);
}

TEST_CASE("a percent change is tested against the prices it implies") {
  auto r = test::run({"-"}, jsonl({{"a", "엔비디아 주가는 1월24일 142.62달러에서 1월27일 118.42달러로 내렸다. 엔비디아 주가는 하루 17% 폭락했다."}}));
  auto supported = with_verdict(r.run, "supported");
  REQUIRE(supported.size() == 1);
  CHECK(supported[0]->check == "percent-change");
  auto wrong = test::run({"-"}, jsonl({{"a", "엔비디아 주가는 1월24일 142.62달러에서 1월27일 128.42달러로 내렸다. 엔비디아 주가는 하루 17% 폭락했다."}}));
  auto conflicts = with_verdict(wrong.run, "conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->check == "percent-change");
}

TEST_CASE("a change with a window finds its prices in other articles, in the week up to its report") {
  auto articles = [](const std::string& published) {
    std::string out;
    out += nlohmann::json{{"id", "a"}, {"published", "2025-01-25"}, {"text", "엔비디아 주가는 1월24일 142.62달러에 마감했다."}}.dump() + "\n";
    out += nlohmann::json{{"id", "b"}, {"published", "2025-01-28"}, {"text", "엔비디아 주가는 1월27일 118.42달러에 거래를 마쳤다."}}.dump() + "\n";
    out += nlohmann::json{{"id", "c"}, {"published", published}, {"text", "엔비디아 주가는 하루 17% 폭락했다."}}.dump() + "\n";
    return out;
  };
  auto recent = test::run({"-"}, articles("2025-01-29"));
  auto supported = with_verdict(recent.run, "supported");
  REQUIRE(supported.size() == 1);
  CHECK(supported[0]->check == "percent-change");
  CHECK(supported[0]->evidence["sessions"] == 1);
  // Reported two months later without a date, the same words are not about those two prices.
  auto later = test::run({"-"}, articles("2025-03-28"));
  CHECK(with_verdict(later.run, "supported").empty());
  CHECK(with_verdict(later.run, "conflict").empty());
}

TEST_CASE("a day with more share prices than are tried says so instead of costing quadratic time") {
  std::string text;
  for (int i = 0; i < 70; ++i) text += "엔비디아 주가는 1월27일 " + std::to_string(100 + i) + ".5달러에 거래를 마쳤다. ";
  auto r = test::run({"-"}, jsonl({{"a", text}}));
  // The day and the article each held more than are tried: each is named once.
  auto notes_about = [&](const std::string& what) {
    return std::count_if(r.run.diagnostics.begin(), r.run.diagnostics.end(), [&](const core::Diagnostic& d) {
      return d.code == "limit.group" && d.message.find(what) != std::string::npos;
    });
  };
  CHECK(notes_about("share prices on 2025-01-27") == 1);
  CHECK(notes_about("share prices in a") == 1);
}

TEST_CASE("a bracketed conversion is tested against the rate of its date") {
  auto ok = test::run({"-"}, jsonl({{"a", "엔비디아는 하루 만에 시총 5890억달러(846조6875억원)를 날렸다."}}));
  REQUIRE(with_verdict(ok.run, "supported").size() == 1);
  CHECK(with_verdict(ok.run, "supported")[0]->check == "conversion");
  auto bad = test::run({"-"}, jsonl({{"a", "엔비디아는 하루 만에 시총 5890억달러(646조6875억원)를 날렸다."}}));
  REQUIRE(with_verdict(bad.run, "conflict").size() == 1);
}

TEST_CASE("figures about different subjects are not compared") {
  auto r = test::run({"-"}, jsonl({{"a", "오픈AI가 훈련에 약 10억달러를 투자한 반면에 딥시크가 투자한 자금은 600만달러에도 못 미쳤다."}}));
  CHECK(with_verdict(r.run, "conflict").empty());
  std::vector<std::string> subjects;
  for (const auto& c : r.run.claims) subjects.push_back(c.subject);
  CHECK(subjects == std::vector<std::string>{"OpenAI", "DeepSeek"});
}

TEST_CASE("property: shuffling the order of articles does not change the findings") {
  std::vector<std::pair<std::string, std::string>> articles = {
      {"a", "딥시크는 브이3 훈련 비용이 557만달러라고 밝혔다."},     {"b", "딥시크는 브이3 훈련 비용이 5억6000만 달러라고 밝혔다."},
      {"c", "엔비디아 주가는 27일 하루 17% 떨어졌다."},             {"d", "엔비디아 주가는 최근 4거래일 사이 12.6% 떨어졌다."},
      {"e", "엔비디아의 시가총액은 27일 6000억달러 증발했다."},     {"f", "엔비디아는 27일 시총 약 6000억달러(863조원)을 날렸다."},
  };
  auto summary = [](const report::Run& run) {
    std::vector<std::string> out;
    for (const auto& f : run.findings) {
      std::string line = f.id + " " + f.verdict + " " + f.check + " " + f.subject + " " + f.attribute + " :";
      for (const auto& side : f.sides)
        for (const auto& id : side) line += " " + id;
      out.push_back(line + " | " + f.explanation);
    }
    return out;
  };
  auto reference = summary(test::run({"-"}, jsonl(articles)).run);
  CHECK(reference.size() >= 3);
  std::mt19937 rng(3);
  for (int i = 0; i < 5; ++i) {
    std::shuffle(articles.begin(), articles.end(), rng);
    CHECK(summary(test::run({"-"}, jsonl(articles)).run) == reference);
  }
}

TEST_CASE("sides: every member of a side shares a value") {
  std::vector<core::Interval> intervals = {{1, 3, true, true}, {2.5, 5, true, true}, {4, 6, true, true}, {10, 11, true, true}};
  auto sides = check::agreeing_sides(intervals);
  for (const auto& side : sides)
    for (auto a : side)
      for (auto b : side) CHECK(intervals[a].meets(intervals[b]));
  CHECK(sides.size() == 3);
}

TEST_CASE("sides: the list-by-start search finds exactly the sides of the full scan") {
  // Bounds drawn from a few values so that ties, touching ends, open ends, near-equal values
  // (inside Interval::meets' tolerance), negatives and unbounded ends all occur.
  const std::vector<double> values = {-3, -1, 0, 1e-12, 1, 1 + 1e-10, 2, 2.5, 3, 5e6, 5.0000001e6, 1e300};
  std::mt19937 rng(11);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (int round = 0; round < 2000; ++round) {
    std::vector<core::Interval> intervals(1 + pick(40));
    for (auto& v : intervals) {
      double a = values[pick(values.size())], b = values[pick(values.size())];
      v = {std::min(a, b), std::max(a, b), pick(3) != 0, pick(3) != 0};
      if (pick(10) == 0) v.lo = -core::Interval::infinity();
      if (pick(10) == 0) v.hi = core::Interval::infinity();
    }
    auto sides = check::agreeing_sides(intervals);
    REQUIRE(sides == check::agreeing_sides_by_full_scan(intervals));
  }
  // A NaN bound takes the full scan instead of breaking the ordering.
  std::vector<core::Interval> odd = {{1, 2, true, true}, {std::nan(""), 3, true, true}, {1.5, 4, true, true}};
  CHECK(check::agreeing_sides(odd) == check::agreeing_sides_by_full_scan(odd));
}

TEST_CASE("a stated total is tested against its parts in the same sentence") {
  auto ok = test::run({"-"}, jsonl({{"a", "태풍으로 사망 3명, 부상 10명 등 총 13명의 사상자가 나왔다."}}));
  auto supported = with_verdict(ok.run, "supported");
  REQUIRE(supported.size() == 1);
  CHECK(supported[0]->check == "sum");
  auto bad = test::run({"-"}, jsonl({{"a", "태풍으로 사망 3명, 부상 12명 등 총 13명의 사상자가 나왔다."}}));
  auto conflicts = with_verdict(bad.run, "conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->check == "sum");
  // Parts short of the total may be an incomplete list: no finding either way.
  auto partial = test::run({"-"}, jsonl({{"a", "민주당 175석, 국민의힘 108석 등 모두 300석이다."}}));
  for (const auto& f : partial.run.findings) CHECK(f.check != "sum");
}

TEST_CASE("a conversion with no reference rate for its date is reported as unchecked, not judged") {
  auto article = [](const std::string& id, const std::string& published, const std::string& text) {
    return nlohmann::json{{"id", id}, {"published", published}, {"text", text}}.dump() + "\n";
  };
  // The bundled table ends in late October 2025: December has no rate within a week.
  auto late = test::run({"-"}, article("late", "2025-12-10T09:00:00+09:00", "중국은 AI 산업 규모를 1조 위안(약 200조 원)으로 키운다는 목표다."));
  CHECK(with_verdict(late.run, "conflict").empty());
  int unchecked = 0;
  for (const auto& d : late.run.diagnostics)
    if (d.code == "check.no-rate") {
      ++unchecked;
      CHECK(d.message.find("약 200조 원 (late)") != std::string::npos);
      CHECK(d.message.find("CNY/KRW") != std::string::npos);
    }
  CHECK(unchecked == 1);
  // In June 2025 the same sentence is priced (about 190 KRW per CNY), and 200조 원 fits.
  auto priced = test::run({"-"}, article("june", "2025-06-10T09:00:00+09:00", "중국은 AI 산업 규모를 1조 위안(약 200조 원)으로 키운다는 목표다."));
  for (const auto& d : priced.run.diagnostics) CHECK(d.code != "check.no-rate");
  bool conversion_checked = false;
  for (const auto& f : priced.run.findings) conversion_checked = conversion_checked || f.check == "conversion";
  CHECK(conversion_checked);
}

TEST_CASE("past the table's end, a conversion is checked against the story's other conversions") {
  auto article = [](const std::string& id, const std::string& text) {
    return nlohmann::json{{"id", id}, {"published", "2026-09-05T09:00:00+09:00"}, {"text", text}}.dump() + "\n";
  };
  // Three writers convert at about 1,380 won to the dollar; the fourth at 1,000.
  auto r = test::run({"-"}, article("a", "The terminal put its losses at 124 billion won ($90 million).") +
                                article("b", "Cargo owners' damage could reach 210 billion won ($152 million).") +
                                article("c", "A trucking firm said it lost 9.6 billion won ($7 million).") +
                                article("d", "The operator put its losses at 124 billion won, or roughly $124 million."));
  std::vector<const core::Finding*> conversions;
  for (const auto& f : r.run.findings)
    if (f.check == "conversion") conversions.push_back(&f);
  REQUIRE(conversions.size() == 4);
  int conflicts = 0;
  for (const auto* f : conversions) {
    if (f->verdict != "conflict") continue;
    ++conflicts;
    CHECK(f->explanation.find("roughly $124 million") != std::string::npos);
    CHECK(f->explanation.find("other conversions") != std::string::npos);
    CHECK(f->explanation.find("1 USD = 1,000 KRW") != std::string::npos);
  }
  CHECK(conflicts == 1);
}

TEST_CASE("past the table's end, two other conversions that disagree give no story rate") {
  auto article = [](const std::string& id, const std::string& text) {
    return nlohmann::json{{"id", id}, {"published", "2026-11-12T09:00:00+09:00"}, {"text", text}}.dump() + "\n";
  };
  // One conversion is tenfold off; the other two are right. Judged against the other two, a right
  // one would seem wrong (their middle is neither rate): only the slip may be flagged.
  auto r = test::run({"-"}, article("a", "A 20-kilogram bag fetched 52,340 won ($37) on Nov. 5.") +
                                article("b", "The bag sold for an average of 52,340 won (about $370) that week.") +
                                article("c", "At retail a bag cost 61,800 won (about $44) on Nov. 11."));
  int conflicts = 0;
  for (const auto& f : r.run.findings)
    if (f.check == "conversion" && f.verdict == "conflict") {
      ++conflicts;
      CHECK(f.explanation.find("about $370") != std::string::npos);
    }
  CHECK(conflicts == 1);
}

TEST_CASE("past the table's end, a lone conversion is judged by the table's latest rate only when it is grossly off") {
  auto article = [](const std::string& id, const std::string& text) {
    return nlohmann::json{{"id", id}, {"published", "2026-03-10T09:00:00+09:00"}, {"text", text}}.dump() + "\n";
  };
  // A tenfold slip: 1조 위안 is about 200조 원 at any rate of recent years, never 20조 원.
  auto slipped = test::run({"-"}, article("a", "중국은 AI 산업 규모를 1조 위안(약 20조 원)으로 키운다는 목표다."));
  auto conflicts = with_verdict(slipped.run, "conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->check == "conversion");
  CHECK(conflicts[0]->explanation.find("latest") != std::string::npos);
  // A plausible conversion is neither confirmed nor refuted by a months-old rate: still unchecked.
  auto plausible = test::run({"-"}, article("b", "중국은 AI 산업 규모를 1조 위안(약 210조 원)으로 키운다는 목표다."));
  CHECK(plausible.run.findings.empty());
  bool noted = false;
  for (const auto& d : plausible.run.diagnostics)
    noted = noted || (d.code == "check.no-rate" && d.message.find("too old for a close check") != std::string::npos);
  CHECK(noted);
}

TEST_CASE("a date without its year is explained in words, not in the machine form") {
  const auto& r = test::rules();
  CHECK(check::date_words(r, "en", {2025, 1, 27}) == "2025-01-27");
  CHECK(check::date_words(r, "en", {2025, 1, 0}) == "2025-01");
  CHECK(check::date_words(r, "en", {0, 0, 29}) == "day 29");
  CHECK(check::date_words(r, "ko", {0, 0, 29}) == "29일");
  CHECK(check::date_words(r, "en", {0, 1, 24}) == "month 1, day 24");
  CHECK(check::date_words(r, "ko", {0, 1, 24}) == "1월 24일");
  CHECK(check::date_words(r, "ko", {0, 3, 0}) == "3월");
  CHECK(check::date_words(r, "en", {}).empty());

  // Articles without a publication date: "28일" and "29일" cannot be placed in a month.
  std::string lines;
  for (const auto& [id, text] : std::vector<std::pair<std::string, std::string>>{
           {"a", "엔비디아 주가는 28일 8.93% 올랐다."}, {"b", "엔비디아 주가는 29일 4.1% 올랐다."}})
    lines += nlohmann::json{{"id", id}, {"text", text}}.dump() + "\n";
  auto run = test::run({"-"}, lines);
  auto explained = with_verdict(run.run, "explained");
  REQUIRE(explained.size() == 1);
  const std::string& why = explained[0]->explanation;
  CHECK((why.find("different dates (day 29 / day 28)") != std::string::npos || why.find("different dates (day 28 / day 29)") != std::string::npos));
  CHECK(why.find("?-") == std::string::npos);
}

TEST_CASE("a Korean report explains windows and directions in Korean") {
  std::istringstream in(jsonl({{"a", "엔비디아 주가는 27일 하루 17% 떨어졌다."},
                               {"b", "엔비디아 주가는 최근 4거래일 사이 12.6% 떨어졌다."},
                               {"c", "엔비디아 주가는 28일 8.93% 반등했다."}}));
  auto r = cli::run_pipeline({"-"}, test::rules(), &in, "ko");
  auto explained = with_verdict(r.run, "explained");
  REQUIRE(explained.size() == 1);
  const std::string& why = explained[0]->explanation;
  CHECK(why.find("4거래일간") != std::string::npos);
  CHECK(why.find("1일간") != std::string::npos);
  CHECK(why.find("하락") != std::string::npos);
  CHECK(why.find("상승") != std::string::npos);
  CHECK(why.find("trading-day") == std::string::npos);
  CHECK(why.find("down") == std::string::npos);

  // A conversion in an undated article is priced at the other articles' dates, and says so in
  // the report language; the evidence keeps its own form.
  std::istringstream undated(R"({"id":"c","text":"딥시크는 557만달러(약 80억원)를 썼다."}
{"id":"d","published":"2025-01-30","text":"엔비디아 주가가 17% 떨어졌다."}
)");
  auto conversion = cli::run_pipeline({"-"}, test::rules(), &undated, "ko");
  auto supported = with_verdict(conversion.run, "supported");
  REQUIRE(supported.size() == 1);
  CHECK(supported[0]->explanation.find("2025-01-30(기사 날짜 기준)") != std::string::npos);
  CHECK(supported[0]->explanation.find("story dates") == std::string::npos);
  CHECK(supported[0]->evidence["date"] == "2025-01-30 (story dates)");
}

TEST_CASE("a Korean particle after a figure follows the figure's last sound") {
  const auto& r = test::rules();
  auto supported = [&](const std::string& to, const std::string& claim) {
    return check::render(r, "ko", "explain.percent-supported", {{"from", "142.62달러"}, {"to", to}, {"change", "-16.97%"}, {"claim", claim}});
  };
  CHECK(supported("118.42달러", "17%") == "142.62달러 → 118.42달러는 -16.97% 변동으로, 17%를 뒷받침한다.");
  CHECK(supported("100원", "3명") == "142.62달러 → 100원은 -16.97% 변동으로, 3명을 뒷받침한다.");
  CHECK(supported("(약 80억원)", "13") == "142.62달러 → (약 80억원)은 -16.97% 변동으로, 13을 뒷받침한다.");  // 삼
  CHECK(supported("12", "5M") == "142.62달러 → 12는 -16.97% 변동으로, 5M을 뒷받침한다.");  // 이, 엠
  CHECK(check::render(r, "ko", "explain.conversion-bad", {{"converted", "약 170조 원"}}).find("약 170조 원이라고 썼다") != std::string::npos);
  CHECK(check::render(r, "ko", "explain.conversion-bad", {{"converted", "557만달러"}}).find("557만달러라고 썼다") != std::string::npos);
  // English templates have no particles; a slot without a value stays as written, and a value
  // that holds braces is not read as a slot.
  CHECK(check::render(r, "en", "explain.percent-supported", {{"from", "{to}"}, {"to", "118.42"}}) ==
        "{to} → 118.42 is a change of {change}, which supports {claim}.");
}

TEST_CASE("the marks of a copying error: the same digits a power of ten apart, or three digits reordered") {
  auto q = [](double v) {
    core::Quantity out;
    out.point = v;
    return out;
  };
  CHECK(check::significant_digits(1462e8) == "1462");
  CHECK(check::significant_digits(0.0525) == "525");
  CHECK(check::error_mark(q(1462e8), q(14620e8)) == check::ErrorMark::scale);
  CHECK(check::error_mark(q(48720), q(48270)) == check::ErrorMark::digits);
  CHECK(check::error_mark(q(114.9), q(141.9)) == check::ErrorMark::digits);
  // Two digits swap by chance too often (2.3% and 3.2% are both ordinary rates), and one digit
  // ten times apart (5% and 50%) says nothing.
  CHECK(check::error_mark(q(2.3), q(3.2)) == check::ErrorMark::none);
  CHECK(check::error_mark(q(5), q(50)) == check::ErrorMark::none);
  CHECK(check::error_mark(q(1462), q(1463)) == check::ErrorMark::none);
  CHECK(check::error_mark(q(1462), q(2146)) == check::ErrorMark::digits);
}

TEST_CASE("a copying error's mark outweighs a period each article only implies, not one both state") {
  // Each loss sentence names no quarter; each article's other figure does, and they differ.
  auto implied = test::run({"-"}, jsonl({{"a", "금강배터리는 1분기 매출이 5조원이라고 밝혔다. 영업손실은 1462억원이었다."},
                                         {"b", "금강배터리는 4분기 매출이 6조원이라고 밝혔다. 영업손실은 1조4620억원이었다."}}));
  auto conflicts = with_verdict(implied.run, "conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->reasons.front() == "scale");
  CHECK(std::find(conflicts[0]->reasons.begin(), conflicts[0]->reasons.end(), "marks-outweigh-scope") != conflicts[0]->reasons.end());
  // Both sentences name their own quarter: two quarters, whatever the digits.
  auto stated = test::run({"-"}, jsonl({{"a", "금강배터리의 1분기 영업손실은 1462억원이었다."}, {"b", "금강배터리의 4분기 영업손실은 1조4620억원이었다."}}));
  CHECK(with_verdict(stated.run, "conflict").empty());
  CHECK(with_verdict(stated.run, "explained").size() == 1);
}

TEST_CASE("some days of a month are a period of their own, not the month") {
  CHECK(check::periods_compatible("2025-09-01/2025-09-20", "2025-09-01/2025-09-20"));
  CHECK_FALSE(check::periods_compatible("2025-09-01/2025-09-20", "2025-09"));
  CHECK(check::periods_compatible("2025-09", "?-09"));
  auto r = test::run({"-"}, jsonl({{"a", "관세청에 따르면 9월 1~20일 수출은 402억 달러였다."}}));
  const core::Claim* exports = nullptr;
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "402억 달러") exports = &c;
  REQUIRE(exports);
  CHECK(exports->scope.period == "2024-09-01/2024-09-20");  // the test articles are dated January 2025: last September
  for (const auto& c : r.run.claims) CHECK(c.quantity.surface != "1~20일");  // a run of days, not a duration
}

TEST_CASE("a figure copied wrongly is found by the words it is told in, when the framing gives the two no one key") {
  auto r = test::run({"-"}, jsonl({{"a", "소방청 집계로 올여름 벌쏘임 환자는 19일까지 누적 2,813명이다."},
                                    {"b", "소방청에 따르면 벌쏘임 환자가 19일까지 2,183명에 이르렀다."},
                                    {"c", "이날 행사에는 시민 1,328명이 참가했다."}}));
  std::vector<const core::Finding*> copies;
  for (const auto* f : with_verdict(r.run, "conflict"))
    if (f->check == "copy") copies.push_back(f);
  REQUIRE(copies.size() == 1);
  CHECK(copies[0]->reasons.front() == "digits");
  CHECK(copies[0]->sides == std::vector<std::vector<std::string>>{{"a:0"}, {"b:0"}});  // the same digits in c's 1,328 are told otherwise
  CHECK(copies[0]->explanation.find("벌쏘임") != std::string::npos);
}

TEST_CASE("content words leave out the figure, particles, function words and the clause-final verb") {
  const auto& rules = test::rules();
  std::string sentence = "19일까지 누적 온열질환자는 2,813명으로 집계됐다.";
  std::size_t at = sentence.find("2,813명");
  auto words = check::content_words(sentence, {at, at + std::string("2,813명").size()}, rules);
  CHECK(words == std::set<std::string>{"온열질환자"});  // 누적 is a function word of rules/ko/grammar.toml
  std::string english = "Quorrel Systems lost $419 billion of market value on Tuesday.";
  auto en = check::content_words(english, {english.find("$419"), english.find(" of")}, rules);
  CHECK(en.count("quorre"));
  CHECK(en.count("market"));
  CHECK_FALSE(en.count("of"));
}

TEST_CASE("an hour's rainfall is never set against a storm's total") {
  auto r = test::run({"-"}, jsonl({{"a", "태풍이 지나간 제주 한라산에는 28일 오후 6시까지 누적 740mm의 비가 내렸다."},
                                   {"b", "제주 서귀포에서는 28일 시간당 72.5mm의 폭우가 쏟아졌다."}}));
  CHECK(with_verdict(r.run, "conflict").empty());
  CHECK(with_verdict(r.run, "possible-conflict").empty());
}

TEST_CASE("a measure the rules do not know, reported on one day with no time, is compared as of that day") {
  auto on = [](const std::string& id, const std::string& published, const std::string& text) {
    return nlohmann::json{{"id", id}, {"published", published}, {"text", text}}.dump() + "\n";
  };
  std::string a = "화물열차 탈선 사고로 경부선 운행이 멈췄다. 사고 열차는 32량 편성으로, 이 가운데 8량이 탈선했다.";
  std::string b = "화물열차 탈선 사고로 경부선 운행이 멈췄다. 이 열차는 23량 편성으로, 이 가운데 8량이 선로를 벗어났다.";
  auto same_day = test::run({"-"}, on("a", "2025-08-27T10:00:00+09:00", a) + on("b", "2025-08-27T15:40:00+09:00", b));
  const core::Finding* flagged = nullptr;
  for (const auto& f : same_day.run.findings)
    if (f.verdict == "possible-conflict" || f.verdict == "conflict") flagged = &f;
  REQUIRE(flagged);
  CHECK(flagged->verdict == "possible-conflict");  // the day is inferred, so not a certain conflict
  // A week apart, the train may be another: nothing says they are one figure.
  auto apart = test::run({"-"}, on("a", "2025-08-20T10:00:00+09:00", a) + on("b", "2025-08-27T15:40:00+09:00", b));
  for (const auto& f : apart.run.findings) CHECK(f.verdict != "possible-conflict");
  for (const auto& f : apart.run.findings) CHECK(f.verdict != "conflict");
}

TEST_CASE("an explained difference reads one line a reason, at most five, naming at most three pairs each") {
  auto r = test::run({test::source_dir() + "/fixtures/stories/air-quality-alert"});
  bool counted = false;
  std::size_t explained = 0;
  for (const auto& f : r.run.findings) {
    if (f.verdict != "explained") continue;
    ++explained;
    std::size_t groups = 1, pos = 0;
    while ((pos = f.explanation.find("; ", pos)) != std::string::npos) ++groups, pos += 2;
    CHECK(groups <= 6);  // five reasons and the count of the rest
    if (f.explanation.find(" more") != std::string::npos) counted = true;
  }
  CHECK(explained > 0);
  CHECK(counted);
}

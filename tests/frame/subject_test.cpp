#include <doctest/doctest.h>

#include <algorithm>

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

TEST_CASE("claims framed by one worker share one copy of every repeated word") {
  // Two articles telling the same figures: each text field of a claim in the second must share
  // the first one's block, whether the framer took it from the pool or the scope readers set it.
  const std::string text =
      "엔비디아 주가는 27일(현지시간) 하루 만에 17% 떨어졌다. 엔비디아의 4분기 잠정 매출은 393억달러(약 56조원)였다. "
      "엔비디아 주가는 27일 종가 기준 118.42달러로 거래를 마쳤다. 삼성전자 DS부문 영업이익은 2조9000억원이었다. "
      "사망 3명, 부상 10명 등 총 13명이다. DeepSeek used 2,048 Nvidia H800 chips, the company said.";
  core::Diagnostics diagnostics;
  core::WordPool pool;
  std::vector<std::vector<core::Claim>> framed;
  for (std::size_t i = 0; i < 2; ++i) {
    ingest::ArticleMeta meta{"a" + std::to_string(i), "", "", "2025-01-28", "", "a.txt"};
    core::Article article = ingest::build_article(text, meta, test::rules(), diagnostics);
    framed.push_back(cli::claims_of(article, i, test::rules(), diagnostics, pool));
  }
  REQUIRE(framed[0].size() == framed[1].size());
  REQUIRE(framed[0].size() >= 4);
  auto fields = [](core::Claim& c) {
    return std::vector<core::Word*>{&c.quantity.unit, &c.quantity.counted, &c.quantity.link, &c.subject, &c.subject_root,
                                    &c.subject_source, &c.attribute, &c.attribute_source, &c.key, &c.scope.period,
                                    &c.scope.window, &c.scope.basis, &c.scope.kind, &c.scope.direction,
                                    &c.scope.attribution, &c.scope.qualifier, &c.scope.role, &c.relation_value,
                                    &c.attributed_to};
  };
  std::size_t compared = 0;
  for (std::size_t k = 0; k < framed[0].size(); ++k) {
    auto first = fields(framed[0][k]), second = fields(framed[1][k]);
    for (std::size_t f = 0; f < first.size(); ++f) {
      REQUIRE(*first[f] == *second[f]);
      if (first[f]->empty()) continue;
      CAPTURE(k);
      CAPTURE(f);
      CHECK(first[f]->shares_with(*second[f]));
      ++compared;
    }
  }
  CHECK(compared >= 40);
  // Every kind of field was compared somewhere: a window, a basis, a kind, a qualifier, a role, a
  // link, an attribution, a relation value and who it is attributed to.
  auto any = [&](auto field) {
    return std::any_of(framed[0].begin(), framed[0].end(), [&](const core::Claim& c) { return !field(c).empty(); });
  };
  CHECK(any([](const core::Claim& c) { return c.scope.window; }));
  CHECK(any([](const core::Claim& c) { return c.scope.basis; }));
  CHECK(any([](const core::Claim& c) { return c.scope.kind; }));
  CHECK(any([](const core::Claim& c) { return c.scope.qualifier; }));
  CHECK(any([](const core::Claim& c) { return c.scope.role; }));
  CHECK(any([](const core::Claim& c) { return c.quantity.link; }));
  CHECK(any([](const core::Claim& c) { return c.scope.attribution; }));
  CHECK(any([](const core::Claim& c) { return c.relation_value; }));
  CHECK(any([](const core::Claim& c) { return c.attributed_to; }));
}

TEST_CASE("a title in title brackets names a work; a report's source is not its figures' subject") {
  auto r = test::run({"-"}, article("영화진흥위원회 통합전산망에 따르면 《철새의 항로》는 사흘간 누적 매출액 121억원을 기록했다. "
                                    "According to the Film Council, 《철새의 항로》의 누적 매출액은 1,210억원이다."));
  for (const auto& c : r.run.claims) {
    if (c.quantity.surface != "121억원" && c.quantity.surface != "1,210억원") continue;
    CHECK(c.subject == "철새의 항로");
  }
}

TEST_CASE("in an article about an event, a figure with no subject near it and no name in the article is the event's") {
  // 최대순간풍속 is no listed measure of an event, and the article names no one: the storm's it is.
  auto r = test::run({"-"}, article("태풍이 제주를 지나며 큰 피해를 남겼다. 최대순간풍속은 초속 43.7m를 기록했다. 태풍은 28일 오후 소멸했다."));
  const auto* gust = claim_with(r.run, "43.7m");
  REQUIRE(gust);
  CHECK(gust->subject == "event");
  CHECK(gust->subject_source == "event");
  // An article with no event word keeps a figure it cannot place without a subject.
  auto plain = test::run({"-"}, article("최대순간풍속은 초속 43.7m를 기록했다. 오후에는 바람이 잦아들었다."));
  const auto* unplaced = claim_with(plain.run, "43.7m");
  REQUIRE(unplaced);
  CHECK(unplaced->subject.empty());
}

TEST_CASE("the story's event goes by the name two of its articles give it") {
  auto jsonl = [](const std::vector<std::string>& texts) {
    std::string out;
    for (std::size_t i = 0; i < texts.size(); ++i)
      out += nlohmann::json{{"id", "a" + std::to_string(i)}, {"published", "2025-08-28"}, {"text", texts[i]}}.dump() + "\n";
    return out;
  };
  // A quoted name after the event word, the particle after the quote left out.
  auto storm = test::run({"-"}, jsonl({"태풍 '미리내'가 제주를 지나 북상했다. 대피 인원은 3,870명이다.",
                                       "태풍 '미리내'로 정전 2만 3천 가구가 발생했다."}));
  CHECK(storm.run.event_name == "태풍 '미리내'");
  // Bare nouns before the event word; a demonstrative (이 사고) is no name.
  auto fire = test::run({"-"}, jsonl({"정선 산불이 사흘째 이어졌다. 이 사고로 12명이 대피했다.", "정선 산불의 영향구역은 1,020ha다. 이 사고는 조사 중이다."}));
  CHECK(fire.run.event_name == "정선 산불");
  // English: capitalised words around the event word.
  auto flood = test::run({"-"}, jsonl({"The Kyushu floods killed 12 people.", "Rescuers searched after the Kyushu floods left 9 missing."}));
  CHECK(flood.run.event_name == "Kyushu floods");
  // A name only one article gives names nothing; the report then says "the story's event".
  auto once = test::run({"-"}, jsonl({"정선 산불이 이어졌다. 주민 12명이 대피했다.", "산불 피해가 늘었다. 주택 3채가 탔다."}));
  CHECK(once.run.event_name.empty());
  // Event figures carry the name in JSON, and the text report heads them with it.
  auto doc = report::run_json(storm.run);
  CHECK(doc["story"]["event"] == "태풍 '미리내'");
  bool labelled = false;
  for (const auto& c : doc["claims"])
    if (c["subject"] == "event") labelled = c.value("subject_label", "") == "태풍 '미리내'";
  CHECK(labelled);
  CHECK(report::run_json(once.run)["story"]["event"].is_null());
}

TEST_CASE("a name before a title of office is a person; a surname with the title stands for the full name given before") {
  auto r = test::run({"-"}, article("보궐선거에서 박정우 미래한빛당 후보가 5만 3,412표를 얻어 당선됐다. 개표 결과 박 후보는 득표율 52.1%를 "
                                    "기록했고, 이수민 후보는 2만 8,904표를 얻었다."));
  const auto* votes = claim_with(r.run, "5만 3,412표");
  REQUIRE(votes);
  CHECK(votes->subject == "박정우");  // the person, not the party between the name and the title
  CHECK(votes->attribute == "votes");
  REQUIRE(claim_with(r.run, "52.1%"));
  CHECK(claim_with(r.run, "52.1%")->subject == "박정우");  // 박 후보: the full name given before
  REQUIRE(claim_with(r.run, "2만 8,904표"));
  CHECK(claim_with(r.run, "2만 8,904표")->subject == "이수민");
  // A surname whose full name the article never gave names no one.
  auto lone = test::run({"-"}, article("개표 결과 김 후보는 득표율 41.2%를 기록했다."));
  REQUIRE(claim_with(lone.run, "41.2%"));
  CHECK(claim_with(lone.run, "41.2%")->subject != "김");
}

TEST_CASE("a figure of a known measure with no subject anywhere is of what the story is about, and says so") {
  std::string lines =
      nlohmann::json{{"id", "a"}, {"published", "2024-08-24T17:00:00+01:00"},
                     // The club is named for its own figure (a fee is the deal's, so it would not do).
                     {"text", "A crowd of 41,287 watched on Saturday. Harwick Rovers pay the striker wages of £95,000 a week "
                              "since July."}}.dump() + "\n" +
      nlohmann::json{{"id", "b"}, {"published", "2024-08-26T08:00:00+01:00"},
                     {"text", "The striker scored twice in front of 41,827 fans on Saturday."}}.dump() + "\n";
  auto r = test::run({"-"}, lines);
  const auto* a = claim_with(r.run, "41,287");
  const auto* b = claim_with(r.run, "41,827");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->attribute == "attendance");
  CHECK(a->subject == "Harwick Rovers");
  CHECK(a->subject_source == "story");
  CHECK(b->subject == "Harwick Rovers");
  // Compared, one figure copied wrongly: the digits are the same in another order.
  bool compared = std::any_of(r.run.findings.begin(), r.run.findings.end(), [&](const core::Finding& f) {
    return f.attribute == "attendance" && (f.verdict == "conflict" || f.verdict == "possible-conflict");
  });
  CHECK(compared);
}

TEST_CASE("a name defined with an acronym in brackets goes by the acronym in both languages") {
  std::string lines = test::jsonl_articles(
      {{"ko", "가람포컨테이너터미널(GCT)에 따르면 파업이 이어졌다. GCT의 컨테이너 처리량은 4,960TEU로 줄었다."},
       {"en", "Garampo Container Terminal (GCT) said the strike went on. GCT handled 4,690 TEU on Wednesday."}},
      "2026-09-03T09:00:00+09:00");
  auto r = test::run({"-"}, lines);
  const auto* ko = test::claim_written(r.run, "4,960TEU");
  const auto* en = test::claim_written(r.run, "4,690 TEU");
  REQUIRE(ko);
  REQUIRE(en);
  // The Korean acronym takes its particle (GCT의), the English one stands alone; one subject.
  CHECK(ko->subject == "GCT");
  CHECK(en->subject == "GCT");
  CHECK(ko->subject_root == en->subject_root);
}

TEST_CASE("a term defined with an acronym is no name, nor is a bracket that is not the name's initials") {
  auto term = test::run({"-"}, test::jsonl_articles({{"a", "다온금융그룹의 순이자마진(NIM)은 1.83%로 낮아졌다. NIM은 1분기 1.87%였다."}},
                                                     "2025-07-24T09:00:00+09:00"));
  for (const auto& c : term.run.claims) CHECK(c.subject != "NIM");
  auto other = test::run({"-"}, test::jsonl_articles({{"a", "Harbor Freight Lines (HTX) said volumes fell 12% in May. HTX shares rose."}},
                                                      "2025-07-24T09:00:00+09:00"));
  for (const auto& c : other.run.claims) CHECK(c.subject != "HTX");
}

TEST_CASE("in a story of an event, an English name a verb of reporting follows reports the figure; the event owns it") {
  std::string text = "The festival drew crowds again. Organizer Padosori Entertainment said 42,300 people entered the festival "
                     "grounds on Saturday. The district estimated the festival's economic effect at about 18.6 billion won.";
  auto r = test::run({"-"}, test::jsonl_articles({{"a", text}}, "2026-08-16T09:00:00+09:00"));
  const auto* crowd = test::claim_written(r.run, "42,300 people");
  REQUIRE(crowd);
  CHECK(crowd->subject != "Padosori Entertainment");
  // The festival's own measure carries no qualifier naming the festival: it is the event's.
  const auto* effect = test::claim_written(r.run, "about 18.6 billion won");
  REQUIRE(effect);
  CHECK(effect->attribute == "economic-effect");
  CHECK(effect->subject == "event");
  CHECK(effect->scope.qualifier.empty());
}

TEST_CASE("a national statistic is its country's: the owner the clause names, else the sentence language's home, else the story's") {
  auto ko = test::run({"-"}, article("9월 수출은 648억 달러로 1년 전보다 11% 늘었다. 미국의 소비자물가 상승률은 3.1%였다. "
                                     "한국은행 집계로 대중국 수출은 120억 달러였다."));
  const auto* exports = claim_with(ko.run, "648억 달러");
  REQUIRE(exports);
  CHECK(exports->subject == "Korea");
  CHECK(exports->subject_source == "home");
  const auto* us = claim_with(ko.run, "3.1%");
  REQUIRE(us);
  CHECK(us->subject == "United-States");
  CHECK(us->subject_source == "clause");
  // 대중국: China is the partner, which makes the figure another quantity; 한국은행 is no country.
  const auto* china = claim_with(ko.run, "120억 달러");
  REQUIRE(china);
  CHECK(china->subject == "Korea");
  CHECK(china->scope.qualifier.view().find("중국") != std::string_view::npos);
  // An English article that names no country takes the one the story's other articles give.
  std::string story = nlohmann::json{{"id", "a"}, {"published", "2025-10-01"}, {"text", "South Korea's exports rose 11% to $64.8 billion in September."}}.dump() +
                      "\n" + nlohmann::json{{"id", "b"}, {"published", "2025-10-01"}, {"text", "Exports rose 11% to $64.8 billion in September, the trade ministry said."}}.dump() + "\n";
  auto en = test::run({"-"}, story);
  int korean = 0;
  for (const auto& c : en.run.claims)
    if (c.quantity.surface.find("64.8") != std::string::npos && c.subject == "Korea") ++korean;
  CHECK(korean == 2);
}

TEST_CASE("a country traded with is a partner, not the owner; a country inside a name is neither") {
  auto en = test::run({"-"}, article("Exports to China rose 4% to $12 billion, Statistics Korea said. Japanese core inflation was 2.1%."));
  const auto* china = claim_with(en.run, "$12 billion");
  REQUIRE(china);
  CHECK(china->subject != "China");
  CHECK(china->scope.qualifier == "place:China");
  const auto* japan = claim_with(en.run, "2.1%");
  REQUIRE(japan);
  CHECK(japan->subject == "Japan");
}

TEST_CASE("a figure that describes the name after it is that name's") {
  auto en = test::run({"-"}, article("The Nuribyeol left Garampo in the morning. The 6,800-tonne Nuribyeol had 281 people on board when it overturned."));
  const auto* tonnage = claim_with(en.run, "6,800-tonne");
  REQUIRE(tonnage);
  CHECK(tonnage->subject == "Nuribyeol");
  CHECK(tonnage->subject_source == "clause");
  // The name a Korean clause ends on, the class noun between them no narrower quantity.
  auto ko = test::run({"-"}, article("누리별호는 어제 출항했다. 사고 선박은 선사 바다온이 운항하는 6만8천t급 여객선 누리별호입니다."));
  const auto* ko_tonnage = claim_with(ko.run, "6만8천t");
  REQUIRE(ko_tonnage);
  CHECK(ko_tonnage->subject == "누리별호");
  CHECK(ko_tonnage->scope.qualifier.empty());
  // A figure not written onto the name does not take it.
  auto apart = test::run({"-"}, article("A ferry carrying 218 people, the Nuribyeol, capsized on Thursday."));
  const auto* aboard = claim_with(apart.run, "218 people");
  REQUIRE(aboard);
  CHECK(aboard->subject_source != "clause");
}

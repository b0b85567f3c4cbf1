// The clause framer and the scope it reads: measures from the governing word, subjects found in
// the text, as-of times, and what the checker makes of them (a tally's moments, a fall, a
// possible conflict). Every subject here is a name no rule file lists.
#include <doctest/doctest.h>

#include <algorithm>

#include "check/check.hpp"
#include "core/romanize.hpp"
#include "frame/subjects.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::string jsonl(const std::vector<std::pair<std::string, std::string>>& articles, const std::string& published = "2025-06-17T23:00:00+09:00") {
  return test::jsonl_articles(articles, published);
}

const core::Claim* claim(const report::Run& run, const std::string& surface) { return test::claim_written(run, surface); }

// The measure of the figure written `surface`, "(no such figure)" when none was read.
std::string measure_of(const report::Run& run, const std::string& surface) {
  const core::Claim* c = claim(run, surface);
  return c ? std::string(c->attribute.view()) : "(no such figure)";
}

std::vector<const core::Finding*> with_verdict(const report::Run& run, const std::string& verdict) {
  std::vector<const core::Finding*> out;
  for (const auto& f : run.findings)
    if (f.verdict == verdict) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("the governing word of the clause is the measure; a name found in the text is the subject") {
  auto r = test::run({"-"}, jsonl({{"a", "한빛전자는 영업이익이 전년 대비 20% 늘어난 2조1000억원이었다고 밝혔다."},
                                   {"b", "라온마켓은 매출 31조원, 영업이익 2조4000억원을 기록했다."},
                                   {"c", "라온마켓의 매출과 영업이익은 각각 30조원, 2조3000억원이었다."}}));
  const auto* profit = claim(r.run, "2조1000억원");
  REQUIRE(profit);
  CHECK(profit->attribute == "operating-profit");
  CHECK(profit->attribute_source == "clause");
  CHECK(profit->subject == "한빛전자");
  CHECK(profit->subject_source == "clause");
  // "20% 늘어난": the verb of change governs nothing while the clause names the measure.
  REQUIRE(claim(r.run, "20%"));
  CHECK(claim(r.run, "20%")->attribute == "operating-profit");
  // A list hands each figure its own measure, with and without 각각.
  CHECK(claim(r.run, "31조원")->attribute == "revenue");
  CHECK(claim(r.run, "2조4000억원")->attribute == "operating-profit");
  CHECK(claim(r.run, "30조원")->attribute == "revenue");
  CHECK(claim(r.run, "2조3000억원")->attribute == "operating-profit");
  CHECK(claim(r.run, "2조3000억원")->subject == "라온마켓");
}

TEST_CASE("a verb before the figure is passed over for the noun the clause is about") {
  // 힘입어 (힘입다 + 어) says how the figure came about; the topic 반도체는 is what it measures.
  auto r = test::run({"-"}, jsonl({{"a", "반도체는 서버용 메모리 수요에 힘입어 26.4% 늘었다."}}));
  CHECK(measure_of(r.run, "26.4%") == "np:반도체");
}

TEST_CASE("a change told in the next sentence takes the measure of the level before it") {
  auto r = test::run({"-"}, jsonl({{"a", "금강에너지솔루션이 1분기 매출 5조4250억원을 기록했다. 전년 동기 대비 14.8% 감소한 수치다."},
                                   {"b", "Raon Market's revenue was $4.2 billion in the third quarter. That was down 14.8% from a year earlier."}}));
  for (const std::string surface : {"14.8%"}) {
    int carried = 0;
    for (const auto& c : r.run.claims)
      if (c.quantity.surface == surface) {
        CHECK(c.attribute == "revenue");
        CHECK(c.attribute_source == "previous-sentence");
        CHECK(c.scope.role == "change");
        ++carried;
      }
    CHECK(carried == 2);
  }
  // Two levels before it: which one changed is not said, so nothing is carried.
  auto two = test::run({"-"}, jsonl({{"a", "1분기 매출은 5조4250억원, 영업손실은 1462억원이었다. 전년 동기 대비 14.8% 감소한 수치다."}}));
  REQUIRE(claim(two.run, "14.8%"));
  CHECK(claim(two.run, "14.8%")->attribute.empty());
}

TEST_CASE("English: a change and a level in one phrase, a counted noun, the event's toll") {
  auto r = test::run({"-"}, jsonl({{"a", "Raon Market said revenue rose 18% to $4.2 billion."},
                                   {"b", "The quake killed at least 64 people, officials said."},
                                   {"c", "Harbor City FC won 12 seats on the council."}}));
  REQUIRE(claim(r.run, "18%"));
  REQUIRE(claim(r.run, "$4.2 billion"));
  CHECK(claim(r.run, "18%")->attribute == "revenue");
  CHECK(claim(r.run, "$4.2 billion")->attribute == "revenue");
  CHECK(claim(r.run, "$4.2 billion")->subject == "Raon Market");
  CHECK(claim(r.run, "at least 64 people")->subject == "event");
  CHECK(claim(r.run, "12 seats")->attribute == "seats");
}

TEST_CASE("a rising toll at two stated moments is explained, the same moment disagreeing is a conflict, a fall is a conflict") {
  auto r = test::run({"-"}, jsonl({{"a", "재난당국은 오후 1시 기준 이번 지진의 사망자가 64명이라고 밝혔다."},
                                   {"b", "As of 1 p.m., the quake had killed 46 people, officials said."},
                                   {"c", "재난당국은 오후 6시 기준 사망자가 88명으로 늘었다고 밝혔다."},
                                   {"d", "By 9 p.m. the death toll stood at 80 people, officials said."}}));
  const auto* at_one = claim(r.run, "64명");
  REQUIRE(at_one);
  CHECK(at_one->scope.as_of == "2025-06-17T13:00");
  CHECK(claim(r.run, "46 people")->scope.as_of == "2025-06-17T13:00");
  auto conflicts = with_verdict(r.run, "conflict");
  auto holds = [&](const std::string& x, const std::string& y) {
    return std::any_of(conflicts.begin(), conflicts.end(), [&](const core::Finding* f) {
      auto side = [&](const std::string& s) {
        for (std::size_t i = 0; i < f->sides.size(); ++i)
          for (const auto& id : f->sides[i])
            if (claim(r.run, s) && id == claim(r.run, s)->id) return static_cast<int>(i);
        return -1;
      };
      return side(x) >= 0 && side(y) >= 0 && side(x) != side(y);
    });
  };
  CHECK(holds("64명", "46 people"));  // the same 1 p.m. briefing
  CHECK(holds("88명", "80 people"));  // 88 at 6 p.m., then 80 at 9 p.m.: a tally cannot fall
  CHECK_FALSE(holds("64명", "88명"));  // a later moment of a rising tally
}

TEST_CASE("a figure whose moment comes only from the article's time is at most a possible conflict") {
  auto r = test::run({"-"}, jsonl({{"a", "이번 지진으로 숨진 사람은 64명이다."}}, "2025-06-17T13:00:00+09:00") +
                                jsonl({{"b", "이번 지진으로 숨진 사람은 46명이다."}}, "2025-06-17T13:00:00+09:00"));
  CHECK(with_verdict(r.run, "conflict").empty());
  REQUIRE(with_verdict(r.run, "possible-conflict").size() == 1);
  CHECK(with_verdict(r.run, "possible-conflict").front()->explanation.find("inferred") != std::string::npos);
}

TEST_CASE("one name's Korean and Latin spellings are one subject across the story") {
  CHECK(core::romanize("라온") == "raon");
  CHECK(core::romanize("한울") == "hanul");
  auto rules = test::rules();
  CHECK(frame::name_key("라온마켓", rules) == frame::name_key("Raon Market", rules));
  CHECK(frame::name_key("한누리반도체", rules) == frame::name_key("Hannuri Semiconductor", rules));
  CHECK(frame::name_key("라온마켓", rules) != frame::name_key("한누리반도체", rules));
  auto r = test::run({"-"}, jsonl({{"a", "라온마켓은 2분기 매출 31조원을 기록했다."}, {"b", "Raon Market posted second-quarter revenue of 13 trillion won."}}));
  REQUIRE(claim(r.run, "31조원"));
  REQUIRE(claim(r.run, "13 trillion won"));
  CHECK(claim(r.run, "13 trillion won")->subject_root == claim(r.run, "31조원")->subject_root);
}

TEST_CASE("an hour's span takes its half-day word on both hours, and the day named before the clock is the moment's day") {
  auto r = test::run({"-"}, jsonl({{"a", "전력당국은 오후 5~6시 평균 최대전력수요가 9684만kW로 집계됐다고 밝혔다."},
                                   {"b", "이날 오후 5시 기준 최대전력수요는 96,840MW로, 지난 13일 세운 기록을 넘어섰다."}}));
  REQUIRE(claim(r.run, "9684만kW"));
  REQUIRE(claim(r.run, "96,840MW"));
  CHECK(claim(r.run, "9684만kW")->scope.as_of == "2025-06-17T17:00");
  CHECK(claim(r.run, "96,840MW")->scope.as_of == "2025-06-17T17:00");  // not the 13th, named after the figure
}

TEST_CASE("a measure that is a percent rises by a percent: the change and the level are told apart, in English too") {
  auto r = test::run({"-"}, jsonl({{"a", "Turnout in the election rose 10% from the previous vote, the commission said."},
                                   {"b", "Final turnout in the election was 71.3%, the commission said."},
                                   {"c", "Turnout in the election rose to 71.3%, the commission said."}}));
  REQUIRE(claim(r.run, "10%"));
  CHECK(claim(r.run, "10%")->scope.role == "change");
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "71.3%") CHECK(c.scope.role.empty());  // "rose to" reaches the level
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("the whole a part is of is not the part: 142 of the 300 seats, 300석 중 142석") {
  auto r = test::run({"-"}, jsonl({{"a", "The Civic Alliance won 142 of the Assembly's 300 seats, the commission said."},
                                   {"b", "The Civic Alliance won 142 seats, the commission said."},
                                   {"c", "시민연합은 전체 300석 중 142석을 얻었다."}}));
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "300 seats" || c.quantity.surface == "300석") CHECK(c.scope.role == "whole");
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("a wire dateline's date is the report's, not its figures'") {
  auto r = test::run({"-"}, jsonl({{"a", "GARAM, March 15 (Eastgate Wire) - The line carried 42,180 passengers on its first day."},
                                   {"b", "The line carried 42,180 passengers on March 15."}}));
  for (const auto& c : r.run.claims)
    if (c.article == 0 && c.quantity.surface == "42,180 passengers") CHECK((c.scope.date.empty() || !c.scope.date_source.empty()));
  for (const auto& c : r.run.claims)
    if (c.article == 1 && c.quantity.surface == "42,180 passengers") CHECK(c.scope.date.day == 15);
}

TEST_CASE("the words between an English count and its noun narrow what it counts") {
  auto r = test::run({"-"}, jsonl({{"a", "Health workers have logged 5,870 suspected cholera cases in the region since January."},
                                   {"b", "Since January the region has recorded 3,412 confirmed cases, officials said."}}));
  REQUIRE(claim(r.run, "5,870 suspected cholera cases"));
  CHECK(claim(r.run, "5,870 suspected cholera cases")->scope.qualifier == "segment:suspected cholera");
  CHECK(claim(r.run, "3,412 confirmed cases")->scope.qualifier == "segment:confirmed");
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("a bare noun between a measure and its figure is the part of the measure the figure is") {
  auto r = test::run({"-"}, jsonl({{"a", "9월 수출 648억 달러로 역대 최대… 반도체 161억 달러"}, {"b", "9월 수출은 648억 달러였다."}}));
  REQUIRE(claim(r.run, "161억 달러"));
  CHECK(claim(r.run, "161억 달러")->scope.qualifier == "segment:반도체");
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("coordinated predicates: each figure takes the verb after it, not the one closing the clause before") {
  // "-고" joins two clauses; the figure after it is not governed by the verb before it.
  auto r = test::run({"-"}, jsonl({{"a", "당국은 오전 5시 기준 3명이 숨지고 4명이 실종됐다고 밝혔다."},
                                   {"b", "산사태로 6명이 다치고 9명이 대피했다."}}));
  CHECK(measure_of(r.run, "3명") == "death-toll");
  CHECK(measure_of(r.run, "4명") == "missing");
  CHECK(measure_of(r.run, "6명") == "injured");
  CHECK(measure_of(r.run, "9명") == "evacuated");
}

TEST_CASE("a base of comparison keeps its own measure; an opening price is not a closing one") {
  auto r = test::run({"-"}, jsonl({{"a", "한빛전자는 공모가 24,000원 대비 197.1% 오른 71,300원에 장을 마감했다."},
                                   {"b", "한빛전자는 공모가 24,000원보다 158.3% 높은 62,000원에 시초가를 형성했다."}}));
  REQUIRE(claim(r.run, "71,300원"));
  CHECK(claim(r.run, "71,300원")->attribute == "share-price");
  CHECK(claim(r.run, "71,300원")->scope.basis == "close");
  REQUIRE(claim(r.run, "62,000원"));
  CHECK(claim(r.run, "62,000원")->scope.basis == "open");
  CHECK(claim(r.run, "24,000원")->attribute == "offer-price");
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("a briefing's moment holds for the next sentence; a tally that falls from it is a conflict; a part is no tally") {
  auto r = test::run({"-"}, jsonl({{"a", "대책본부에 따르면 오후 1시 기준 2,450명이 대피했다. 서산에서 2명이 숨지고, 실종자도 1명 나왔다. "
                                         "사망자 가운데 1명은 어린이다."}},
                                  "2025-07-17T15:40:00+09:00") +
                                jsonl({{"b", "대책본부는 18일 오전 5시 기준 이번 비로 1명이 숨지고 2명이 실종됐다고 밝혔다."}},
                                      "2025-07-18T07:00:00+09:00") +
                                jsonl({{"c", "오후 1시 기준 2,450명이 대피했다. 사망자 가운데 1명은 어린이다."}}, "2025-07-17T15:00:00+09:00"));
  const core::Claim* two = nullptr;
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "2명" && c.article == 0) two = &c;
  REQUIRE(two);
  CHECK(two->attribute == "death-toll");
  CHECK(two->scope.as_of == "2025-07-17T13:00");
  CHECK(two->scope.as_of_source == "paragraph");
  bool fell = false;
  for (const auto* f : with_verdict(r.run, "conflict"))
    if (std::find(f->reasons.begin(), f->reasons.end(), "tally-fell") != f->reasons.end()) fell = true;
  CHECK(fell);
  // "사망자 가운데 1명" is a part of the toll, not another toll: never set against one.
  int parts = 0;
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "1명" && sentence_of(c, r.run.articles[c.article]).find("가운데") != std::string_view::npos) {
      CHECK(c.scope.role == "part");
      ++parts;
    }
  CHECK(parts == 2);
  core::Claim whole, part;
  whole.scope.as_of = part.scope.as_of = core::Word("2025-07-17T13:00");
  part.scope.role = core::Word("part");
  auto cmp = check::compare_scopes(whole, part, true);
  CHECK(std::find(cmp.reasons.begin(), cmp.reasons.end(), "part") != cmp.reasons.end());
}

TEST_CASE("English: a counted noun names its figure before the verb does; a cue past the next figure is that figure's") {
  auto r = test::run({"-"}, jsonl({{"a", "The ferry capsized off the island, killing 8 people and leaving 9 missing."},
                                   {"b", "The ferry was carrying 172 passengers and 9 crew members when it overturned."},
                                   {"c", "In all, 179 people were aboard the ferry."}}));
  CHECK(measure_of(r.run, "8 people") == "death-toll");
  CHECK(measure_of(r.run, "172 passengers") == "passengers");
  CHECK(measure_of(r.run, "9 crew members") == "crew");
  CHECK(measure_of(r.run, "179 people") == "people-aboard");
  // Passengers, crew and all aboard are three counts: none is set against another.
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("two sides' proposals differ without conflict; a usual level is not one day's figure") {
  auto r = test::run({"-"}, jsonl({{"a", "노조는 임금 7.5% 인상을 요구했다."},
                                   {"b", "회사는 임금 3.5% 인상안을 제시했다."},
                                   {"c", "Garam Port handled 4,960 TEU on Wednesday."},
                                   {"d", "Garam Port normally handles 12,400 TEU."}}));
  REQUIRE(claim(r.run, "7.5%"));
  CHECK(claim(r.run, "7.5%")->scope.kind == "proposal");
  CHECK(claim(r.run, "3.5%")->scope.kind == "proposal");
  REQUIRE(claim(r.run, "12,400 TEU"));
  CHECK(claim(r.run, "12,400 TEU")->scope.basis == "usual");
  CHECK(with_verdict(r.run, "conflict").empty());
  CHECK(with_verdict(r.run, "possible-conflict").empty());
}

TEST_CASE("a bare count after its measure is read; a half-day before a day's name ends no sentence; 6 after 7 is a fall") {
  auto r = test::run({"-"}, jsonl({{"a", "As of 6 p.m. Thursday, the coast guard put the death toll at 7."},
                                   {"b", "At a briefing at 10 p.m. Thursday, the coast guard had put the death toll at 6."}},
                                  "2026-05-15T09:30:00+09:00"));
  const core::Claim* six = nullptr;
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "6") six = &c;
  REQUIRE(six);  // "the death toll at 6": a bare figure, a count of the toll
  CHECK(six->attribute == "death-toll");
  CHECK(six->scope.as_of == "2026-05-14T22:00");  // the clock and the day are in its sentence
  bool fell = false;
  for (const auto* f : with_verdict(r.run, "conflict"))
    if (std::find(f->reasons.begin(), f->reasons.end(), "tally-fell") != f->reasons.end()) fell = true;
  CHECK(fell);
  // A bare number with no measure of counts before it stays no claim.
  auto plain = test::run({"-"}, jsonl({{"c", "The meeting was moved to 6 because of the storm."}}));
  CHECK(plain.run.claims.empty());
}

TEST_CASE("a live page whose later update gives a lower tally contradicts itself; one that rises does not") {
  auto fell = [](const std::string& text) {
    auto r = test::run({"-"}, jsonl({{"live", text}}, "2025-06-17T19:20:00+09:00"));
    for (const auto* f : with_verdict(r.run, "conflict"))
      if (std::find(f->reasons.begin(), f->reasons.end(), "tally-fell") != f->reasons.end()) return true;
    return false;
  };
  CHECK(fell("오후 3시 40분 현재 사망자는 93명으로 늘었다. 앞서 당국은 오후 2시 20분 기준 사망자가 97명이라고 발표했다."));
  CHECK_FALSE(fell("오후 3시 40분 현재 사망자는 97명으로 늘었다. 앞서 당국은 오후 2시 20분 기준 사망자가 93명이라고 발표했다."));
}

TEST_CASE("a figure written in spaced groups takes the predicate after its last group") {
  auto r = test::run({"-"}, jsonl({{"a", "한국전력은 오전 11시 현재 누적 2만 3천 가구가 정전 피해를 입었다고 밝혔다."}}));
  const core::Claim* homes = claim(r.run, "2만 3천 가구");
  REQUIRE(homes);
  CHECK(homes->attribute == "outages");
  CHECK(homes->attribute_source == "clause");  // not the sentence-wide fallback
}

TEST_CASE("a share in brackets does not break the cue it interrupts") {
  auto r = test::run({"-"}, jsonl({{"a", "개표 결과 박 후보는 3만 5,412표(52.1%)를 얻어 당선됐다."}}));
  CHECK(measure_of(r.run, "3만 5,412표") == "votes");  // 표를 얻, read past (52.1%)
}

TEST_CASE("a figure after two coordinated nouns counts both: its measure comes from the predicate") {
  auto r = test::run({"-"}, jsonl({{"a", "승객과 승무원 218명을 태운 여객선이 전복됐다. 배에는 승무원 21명이 있었다."}}));
  CHECK(measure_of(r.run, "218명") == "people-aboard");  // not the crew alone
  CHECK(measure_of(r.run, "21명") == "crew");
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("a vessel's weight class is its tonnage, of the noun after it: a patrol ship's is not the ferry's") {
  auto r = test::run({"-"}, jsonl({{"a", "6,800t급 여객선이 전복됐다. 전복 사고 직후 해경은 3,000t급 경비함을 보냈다."},
                                   {"b", "사고 선박은 6만8천t급 여객선이다. 사고 원인은 조사 중이다."},
                                   {"c", "The 6,800-tonne ferry overturned."}}));
  const core::Claim* ferry = claim(r.run, "6,800t");
  REQUIRE(ferry);
  CHECK(ferry->attribute == "tonnage");
  CHECK(ferry->scope.qualifier == "segment:여객선");
  CHECK(measure_of(r.run, "6,800-tonne") == "tonnage");  // a singular unit word written as an adjective
  bool cutter_against_ferry = false, slipped_scale = false;
  for (const auto* f : with_verdict(r.run, "conflict"))
    for (const auto& side : f->sides)
      for (const auto& id : side) {
        const core::Claim* c = nullptr;
        for (const auto& x : r.run.claims)
          if (x.id == id) c = &x;
        if (c && c->quantity.surface == "3,000t") cutter_against_ferry = true;
        if (c && c->quantity.surface == "6만8천t") slipped_scale = true;
      }
  CHECK_FALSE(cutter_against_ferry);
  CHECK(slipped_scale);  // 6만8천t급 against 6,800t급 for the same ferry
}

TEST_CASE("a clock's day counted from the article's: yesterday's 6 p.m. is not today's") {
  auto r = test::run({"-"}, jsonl({{"a", "사망자는 어제 오후 2시 기준 4명, 오후 6시 기준 7명이었다."},
                                   {"b", "The death toll stood at 7 as of 6 p.m. yesterday."},
                                   {"c", "사망자는 전날 오후 6시 기준 7명이었다."}},
                                  "2026-05-15T08:00:00+09:00"));
  for (const auto& c : r.run.claims) {
    CAPTURE(c.quantity.surface);
    if (c.quantity.surface == "4명") CHECK(c.scope.as_of == "2026-05-14T14:00");
    else CHECK(c.scope.as_of == "2026-05-14T18:00");  // 오후 6시 after 어제 오후 2시 is on yesterday too
  }
  CHECK(r.run.claims.size() == 4);
}

TEST_CASE("a place the clause names sets two figures apart only when both name one; a one-syllable cue is a counter") {
  auto r = test::run({"-"}, jsonl({{"a", "태호모터스는 미국에서 11만2400대를 리콜한다. 유럽에서도 2만7300대가 리콜된다."},
                                   {"b", "태호모터스의 리콜 대상은 미국에서는 112만4000대에 이른다."},
                                   {"c", "고산 지역에서는 최대순간풍속이 초속 43.7m였다. 증세로 치료를 받은 관객은 23명이다."}}));
  const core::Claim* us = claim(r.run, "11만2400대");
  const core::Claim* europe = claim(r.run, "2만7300대");
  REQUIRE(us);
  REQUIRE(europe);
  CHECK(us->scope.qualifier == "place:미국");
  CHECK(europe->scope.qualifier == "place:유럽");
  REQUIRE(claim(r.run, "초속 43.7m"));
  CHECK(claim(r.run, "초속 43.7m")->scope.qualifier == "place:고산");  // 고산 지역: the name before the head noun
  CHECK(measure_of(r.run, "23명") != "age");  // 세 of 증세 is no age
  // The two U.S. counts are one quantity (a slipped scale); Europe's is another place's.
  bool us_conflict = false, europe_in_conflict = false;
  for (const auto* f : with_verdict(r.run, "conflict"))
    for (const auto& side : f->sides)
      for (const auto& id : side) {
        us_conflict |= id == us->id;
        europe_in_conflict |= id == europe->id;
      }
  CHECK(us_conflict);
  CHECK_FALSE(europe_in_conflict);
}

TEST_CASE("the size of an increase is a change, not a level") {
  auto r = test::run({"-"}, jsonl({{"a", "9월 취업자는 2,896만4천명이었다."}, {"b", "9월 취업자 증가 폭은 약 28만 명으로 양호하다."},
                                   {"c", "Employers reported an increase of 282,000 jobs."}}));
  const core::Claim* rise = claim(r.run, "약 28만 명");
  REQUIRE(rise);
  CHECK(rise->scope.role == "change");
  REQUIRE(claim(r.run, "282,000 jobs"));
  CHECK(claim(r.run, "282,000 jobs")->scope.role == "change");
  CHECK(with_verdict(r.run, "conflict").empty());  // 28만 is no level against 2,896만
}

TEST_CASE("a count whose counter is of another class is no figure of a measure that counts people") {
  auto r = test::run({"-"}, jsonl({{"a", "연휴 첫날 전국 고속도로에서 교통사고 47건이 발생해 2명이 숨졌다."},
                                   {"b", "Expressways saw 63 accidents on the first day of the holiday, and two people died."}}));
  CHECK(measure_of(r.run, "2명") == "death-toll");
  CHECK(measure_of(r.run, "47건") != "death-toll");
  CHECK(measure_of(r.run, "63 accidents") != "death-toll");
}

TEST_CASE("a sentence that opens on a part of the last one's figures gives parts, unless it names whose") {
  auto r = test::run({"-"}, jsonl({{"a", "지진 사망자는 79명으로 늘었다. 이 가운데 해솔주에서만 71명이 숨졌다. "
                                         "이 가운데 다온은행의 상반기 순이익은 2조1280억원이었다."},
                                   {"b", "Of them, 12 were children."}}));
  const core::Claim* province = claim(r.run, "71명");
  REQUIRE(province);
  CHECK(province->scope.role == "part");
  const core::Claim* bank = claim(r.run, "2조1280억원");
  REQUIRE(bank);
  CHECK(bank->scope.role.empty());
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("a base of comparison in brackets after its time takes the measure it is compared on") {
  auto r = test::run({"-"}, jsonl({{"a", "조업일수는 16.5일로 지난해(15.5일)보다 하루 많았다."},
                                   {"b", "영업이익률은 21.5%로 전년 동기(10.9%)보다 10.6%p 높아졌다."}}));
  REQUIRE(claim(r.run, "15.5일"));
  CHECK(claim(r.run, "15.5일")->attribute == claim(r.run, "16.5일")->attribute);
  CHECK_FALSE(claim(r.run, "15.5일")->attribute.empty());
  // As sure as the level's measure, a governing noun (np:조업일수) here.
  CHECK(claim(r.run, "15.5일")->attribute_source == claim(r.run, "16.5일")->attribute_source);
  REQUIRE(claim(r.run, "10.9%"));
  CHECK(claim(r.run, "10.9%")->attribute == "margin-ratio");
  // A conversion in brackets is no base: nothing before the bracket compares it.
  auto conv = test::run({"-"}, jsonl({{"a", "보너스는 5만 달러(약 7,250만원)다."}}));
  REQUIRE(claim(conv.run, "약 7,250만원"));
  CHECK(claim(conv.run, "약 7,250만원")->attribute_source != "comparison-base");
}

TEST_CASE("a governing noun: whole when the dictionary knows it, past a short word, narrowed by its modifier") {
  auto r = test::run({"-"}, jsonl({{"a", "도로 62곳이 통제됐다."},
                                   {"b", "9월 주택담보대출 평균 금리는 연 4.12%로 집계됐다."},
                                   {"c", "손해보험업계 집계 침수 차량은 1,140대로 늘었다."},
                                   {"d", "지연된 열차는 모두 171편, 운행이 취소된 열차는 15편이다."},
                                   {"e", "고산 지역에서 관측된 최대순간풍속은 초속 53.7m로 집계됐다."}}));
  // 도로 is a road, not 도 with the particle 로.
  CHECK(measure_of(r.run, "62곳") == "np:도로");
  // 연 (a year's) is one syllable: the clause's topic governs.
  CHECK(measure_of(r.run, "4.12%") == "np:금리");

  CHECK(measure_of(r.run, "1,140대") == "np:차량");
  CHECK(claim(r.run, "1,140대")->scope.qualifier.empty());
  // The delayed trains and the cancelled ones are two quantities.
  CHECK(measure_of(r.run, "171편") == "np:열차");
  CHECK(claim(r.run, "171편")->scope.qualifier == "narrow:지연");
  CHECK(claim(r.run, "15편")->scope.qualifier == "narrow:취소");
  // A verb of observing narrows nothing.
  CHECK(measure_of(r.run, "초속 53.7m") == "np:최대순간풍속");
  CHECK(claim(r.run, "초속 53.7m")->scope.qualifier.view().rfind("narrow:", 0) != 0);
}

TEST_CASE("English: the noun phrase that governs a figure, read from its shape") {
  auto r = test::run({"-"}, jsonl({{"a", "The median existing-home price in May was $422,800."},
                                   {"b", "The stock touched an intraday high of $86.12 shortly after the open."},
                                   {"c", "The jet ran past the end of the 3,300-metre runway."},
                                   {"d", "The previous record buy was a midfielder who cost £38m in 2023."},
                                   {"e", "At the worst point of the day they touched $85.10."}}));
  // The subject before a linking verb, past a phrase of time.
  CHECK(measure_of(r.run, "$422,800") == "np:median existing-home price");
  // The phrase before "of".
  CHECK(measure_of(r.run, "$86.12") == "np:intraday high");
  // A figure written as an adjective measures the noun after it.
  CHECK(measure_of(r.run, "3,300-metre") == "np:runway");
  // A verb that is itself the measure.
  CHECK(measure_of(r.run, "£38m") == "np:cost");
  // A pronoun is no measure: the verb stands in for the phrase, rather than "they".
  CHECK(measure_of(r.run, "$85.10") == "np:touched");
}

TEST_CASE("a kind binds to the figures its phrase governs, not to a figure compared with it") {
  auto r = test::run({"-"}, jsonl({{"a", "한빛전자의 3분기 영업이익은 시장 전망치(8조3000억원)를 밑돈 7조2000억원으로 집계됐다."},
                                   {"b", "증권사들의 라온마켓 영업이익 전망치는 9조원, 7조원으로 나뉘었다."}}));
  REQUIRE(claim(r.run, "8조3000억원"));
  CHECK(claim(r.run, "8조3000억원")->scope.kind == "forecast");
  // The result is set against the forecast: it is no forecast itself.
  CHECK(claim(r.run, "7조2000억원")->scope.kind.empty());
  // The comma that joins a list also breaks the clause; the second figure keeps the kind and the
  // measure of the list's phrase.
  CHECK(claim(r.run, "9조원")->scope.kind == "forecast");
  CHECK(claim(r.run, "7조원")->scope.kind == "forecast");
  CHECK(claim(r.run, "7조원")->attribute == "operating-profit");
  CHECK(claim(r.run, "7조원")->attribute_source == "clause");
}

TEST_CASE("an estimate of a present amount is compared with a report that leaves the word out; a forecast is set apart") {
  auto r = test::run({"-"}, jsonl({{"a", "제주도는 이번 태풍의 도내 재산 피해액을 620억원으로 추산했다."},
                                   {"b", "이번 태풍의 도내 재산 피해액은 6200억원이다."},
                                   {"c", "이번 태풍의 도내 재산 피해액은 7000억원에 이를 것으로 내다봤다."}}));
  REQUIRE(claim(r.run, "620억원"));
  CHECK(claim(r.run, "620억원")->scope.kind == "estimate");
  CHECK(claim(r.run, "7000억원")->scope.kind == "forecast");
  bool slip_found = false, forecast_in_conflict = false;
  for (const auto& f : r.run.findings) {
    if (f.verdict != "conflict" && f.verdict != "possible-conflict") continue;
    for (const auto& side : f.sides)
      for (const auto& id : side) {
        if (id == claim(r.run, "620억원")->id) slip_found = true;
        if (id == claim(r.run, "7000억원")->id) forecast_in_conflict = true;
      }
  }
  CHECK(slip_found);
  CHECK_FALSE(forecast_in_conflict);
}

TEST_CASE("an estimate and a preliminary count of one amount are one amount") {
  auto r = test::run({"-"}, jsonl({{"a", "중대본이 잠정 집계한 이번 태풍의 전국 시설 피해액은 1조2400억원이다."},
                                   {"b", "이번 태풍의 전국 시설 피해액은 1240억원으로 추산된다."}}));
  REQUIRE(claim(r.run, "1조2400억원"));
  REQUIRE(claim(r.run, "1240억원"));
  CHECK(claim(r.run, "1조2400억원")->scope.kind == "preliminary");
  CHECK(claim(r.run, "1240억원")->scope.kind == "estimate");
  bool held_apart = false;
  for (const auto& f : r.run.findings)
    if (f.verdict == "conflict" || f.verdict == "possible-conflict") held_apart = true;
  CHECK(held_apart);
}

TEST_CASE("a bracketed aside over several words is passed over; a share owned by a noun is that noun's") {
  auto r = test::run({"-"}, jsonl({{"a", "월 환산액(주 40시간 근무, 유급 주휴 포함 월 209시간 기준)은 224만8,840원이다."},
                                   {"b", "조사에서 응답자의 58.4%가 최저임금이 오르면 채용을 줄이겠다고 답했다."}}));
  // The comma inside the bracket breaks no clause, and the topic before the bracket governs.
  CHECK(measure_of(r.run, "224만8,840원") == "np:환산액");
  // A figure inside the aside does not take the noun outside it.
  CHECK(measure_of(r.run, "40시간") != "np:환산액");
  // 응답자의 58.4%: a share of the respondents, not the wage the sentence goes on to name.
  CHECK(measure_of(r.run, "58.4%") == "np:응답자");
}

TEST_CASE("a cue of another clause yields to the noun that governs the figure in its own") {
  auto r = test::run({"-"}, jsonl({{"a", "미국 AMPC 3420억원이 반영되면서 영업손실 규모가 줄었다."},
                                   {"b", "The average mortgage rate rose to 4.12% in September from 3.98% in August, an increase of 0.41 percentage points."}}));
  CHECK(measure_of(r.run, "3420억원") == "np:ampc");
  CHECK(claim(r.run, "3420억원")->attribute_source == "noun-phrase");
  // A noun of change says nothing of what changed: the sentence's measure stays.
  CHECK(measure_of(r.run, "0.41 percentage points") == "mortgage-rate");
}

TEST_CASE("an adnominal verb of change after a figure and its bracket makes the figure a change") {
  auto r = test::run({"-"}, jsonl({{"a", "내년 최저임금은 올해 최저임금(10,320원)보다 440원(4.3%) 오른 10,760원이다."}}));
  REQUIRE(claim(r.run, "440원"));
  CHECK(claim(r.run, "440원")->scope.role == "change");
  CHECK(claim(r.run, "10,760원")->scope.role != "change");
}

TEST_CASE("a one-syllable bound noun after a noun counts what that noun names") {
  auto r = test::run({"-"}, jsonl({{"a", "25일 오전 7시 기준 누적 관객 수는 352만 1,940명이다."},
                                   {"b", "25일 오전 7시 기준 누적 관객은 325만 명이었다."},
                                   {"c", "기상청은 예상 강수량을 100~200mm, 많은 곳은 250mm 이상으로 예보했다."}}));
  CHECK(measure_of(r.run, "352만 1,940명") == "np:관객");
  CHECK(measure_of(r.run, "325만 명") == "np:관객");
  // An adjective before the bound noun is no measure (많은 곳은: the places with most).
  REQUIRE(claim(r.run, "250mm 이상"));
  CHECK(measure_of(r.run, "250mm 이상") != "np:많은");
}

TEST_CASE("English: a bare figure the sentence has framed is a count of what it continues") {
  auto r = test::run({"-"}, jsonl({{"a", "The Unity Bloc had 131 seats and the Harbour Party 97, up from 88 in the last parliament."},
                                   {"b", "Crews saved 40 people and boats pulled 15 of them from the water."},
                                   {"c", "Marshals put the crowd at about 21,000. The 30 buses waited at Gate 4."}}));
  REQUIRE(claim(r.run, "97"));
  CHECK(claim(r.run, "97")->quantity.counted == "seats");
  CHECK(claim(r.run, "97")->subject == "Harbour Party");
  REQUIRE(claim(r.run, "88"));
  CHECK(claim(r.run, "88")->quantity.counted == "seats");
  REQUIRE(claim(r.run, "15"));
  CHECK(claim(r.run, "15")->quantity.counted == "people");
  REQUIRE(claim(r.run, "about 21,000"));
  CHECK(claim(r.run, "about 21,000")->quantity.counted == "crowd");
  CHECK_FALSE(claim(r.run, "4"));  // a gate's number counts nothing
}

TEST_CASE("a kind told by the clause that reports the figures is theirs; a preliminary count is not set against an unmarked one") {
  auto r = test::run({"-"}, jsonl({{"a", "The Unity Bloc had 131 seats, the commission's preliminary figures showed."},
                                   {"b", "The Unity Bloc won 130 seats in the election."},
                                   {"c", "Shares of Tovana rose 4% on Friday, after the firm raised its annual forecast and said sales held up."}}));
  REQUIRE(claim(r.run, "131 seats"));
  CHECK(claim(r.run, "131 seats")->scope.kind == "preliminary");
  CHECK(claim(r.run, "130 seats")->scope.kind.empty());
  CHECK(claim(r.run, "4%")->scope.kind.empty());  // the forecast is another clause's, not reported
  CHECK(with_verdict(r.run, "conflict").empty());
}

TEST_CASE("a native day word is a number of days; the Nth day of a run is no window") {
  auto r = test::run({"-"}, jsonl({{"a", "파업 나흘째인 2일 하늘항만의 처리량은 4,960TEU였다. 정부는 사흘간 통행료를 면제한다."}}));
  const core::Claim* days = claim(r.run, "나흘");
  REQUIRE(days);
  CHECK(days->quantity.point == 4);
  CHECK(days->quantity.unit == "day");
  REQUIRE(claim(r.run, "사흘"));
  CHECK(claim(r.run, "사흘")->quantity.point == 3);
  REQUIRE(claim(r.run, "4,960TEU"));
  CHECK(claim(r.run, "4,960TEU")->scope.window.empty());
}

TEST_CASE("a figure its words call a running tally cannot fall, whatever it measures; without the word it may") {
  auto flagged = [](const std::string& text) {
    auto r = test::run({"-"}, jsonl({{"live", text}}, "2026-03-09T22:00:00+09:00"));
    for (const char* verdict : {"conflict", "possible-conflict"})
      for (const auto* f : with_verdict(r.run, verdict))
        if (std::find(f->reasons.begin(), f->reasons.end(), "tally-fell") != f->reasons.end()) return true;
    return false;
  };
  CHECK(flagged("오후 3시 현재 가온시의 응급실 환자는 누적 1,460명이다. 오후 9시 현재 가온시의 응급실 환자는 누적 1,380명으로 늘었다."));
  CHECK_FALSE(flagged("오후 3시 현재 가온시의 응급실 환자는 누적 1,380명이다. 오후 9시 현재 가온시의 응급실 환자는 누적 1,460명으로 늘었다."));
  // A count at a moment that is no tally (patients in the wards now) may well fall.
  CHECK_FALSE(flagged("오후 3시 현재 가온시의 응급실 환자는 1,460명이다. 오후 9시 현재 가온시의 응급실 환자는 1,380명이다."));
  CHECK(flagged("As of 3 p.m., Gaon's emergency rooms had seen a cumulative 1,460 patients. As of 9 p.m., Gaon's emergency rooms "
                "had seen a cumulative 1,380 patients."));
}

TEST_CASE("a change in points in the sentence after a rate is that rate's change") {
  auto r = test::run({"-"}, jsonl({{"a", "실업자는 67만명, 실업률은 2.3%로 집계됐다. 1년 전(2.5%)보다 0.2%p 낮다."}}));
  const core::Claim* points = claim(r.run, "0.2%p");
  REQUIRE(points);
  CHECK(points->attribute == "unemployment-rate");
  CHECK(points->attribute_source == "previous-sentence");
  CHECK(points->scope.role.empty());  // points are a change by their unit, as the framer has them
  // A percent change after a sentence of a rate alone is no change of an amount it names.
  auto other = test::run({"-"}, jsonl({{"b", "실업률은 2.3%로 집계됐다. 수출은 12% 늘었다."}}));
  const core::Claim* exports = claim(other.run, "12%");
  REQUIRE(exports);
  CHECK(exports->attribute != "unemployment-rate");
}

TEST_CASE("a place name right before a figure says where; the clause's subject says what is counted") {
  auto r = test::run({"-"}, jsonl({{"a", "도 재대본은 오전 10시 기준 확진 농가가 해솔군 11곳, 가람군 3곳 등 모두 14곳이라고 밝혔다."}}));
  const core::Claim* first = claim(r.run, "11곳");
  const core::Claim* second = claim(r.run, "3곳");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->attribute == "np:농가");
  CHECK(first->scope.qualifier == "place:해솔군");
  CHECK(second->attribute == "np:농가");  // the list's next item, in a clause of its own
  CHECK(second->scope.qualifier == "place:가람군");
}

// Units of one family compared in their base unit, and a bracketed restatement in another unit
// checked against the factor (rules/common/conversions.toml).
#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.hpp"

using namespace crosscheck;

namespace {

report::Run run_articles(const std::vector<std::string>& texts) {
  std::string in;
  int n = 0;
  for (const auto& t : texts)
    in += nlohmann::json{{"id", "a" + std::to_string(n++)}, {"published", "2026-05-14T20:00:00+09:00"}, {"text", t}}.dump() + "\n";
  return test::run({"-"}, in).run;
}

std::vector<const core::Finding*> findings(const report::Run& run, const std::string& verdict, const std::string& check) {
  std::vector<const core::Finding*> out;
  for (const auto& f : run.findings)
    if (f.verdict == verdict && f.check == check) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("a bracketed restatement in another unit is checked against the factor") {
  auto bad = run_articles({"The ferry capsized about 22 miles (14 km) southwest of the harbour."});
  REQUIRE(findings(bad, "conflict", "conversion").size() == 1);
  CHECK(findings(bad, "conflict", "conversion")[0]->reasons == std::vector<std::string>{"conversion-mismatch"});
  auto good = run_articles({"The ferry capsized about 8.7 miles (14 km) southwest of the harbour.",
                            "The jet ran 310 metres (about 1,020 feet) past the end of the runway."});
  CHECK(findings(good, "conflict", "conversion").empty());
  CHECK(findings(good, "supported", "conversion").size() == 2);
  // A hedge on the restatement does not stretch it to fit: 134㎡ is 40.5평, not "약 36.5평".
  auto pyeong = run_articles({"은결마루 전용 134㎡(약 36.5평)가 18억9,000만원에 팔렸다.", "미르숲 전용 84㎡(약 25.4평)는 12억원에 거래됐다."});
  CHECK(findings(pyeong, "conflict", "conversion").size() == 1);
  CHECK(findings(pyeong, "supported", "conversion").size() == 1);
}

TEST_CASE("figures in two units of one family are compared in the base unit") {
  auto same = run_articles({"Typhoon Mirinae's winds reached 90 mph at 6 p.m. on Thursday.", "Typhoon Mirinae's winds reached 145 km/h at 6 p.m. on Thursday."});
  CHECK(findings(same, "conflict", "values").empty());
  auto differ = run_articles({"Typhoon Mirinae's winds reached 90 mph at 6 p.m. on Thursday.", "Typhoon Mirinae's winds reached 190 km/h at 6 p.m. on Thursday."});
  CHECK(findings(differ, "conflict", "values").size() == 1);
}

TEST_CASE("a conversion factor must be positive") {
  test::TempDir dir;
  dir.file("c.toml", "kind = \"units\"\nschema = 1\n[[conversion]]\nunit = \"yd\"\nbase = \"m\"\nfactor = 0\n");
  auto loaded = rules::load_rules({test::source_dir() + "/rules", dir.path()});
  bool reported = std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                              [](const core::Diagnostic& d) { return d.code == "schema.value" && d.line == 6; });
  CHECK(reported);
}

TEST_CASE("a conversion on a day no rate table covers is checked at the rate its article states") {
  // 2026 is past the bundled tables: only the article's own rate can check the dollars.
  auto run = run_articles({"A two-day pass cost 189,000 won (about $157) and a one-day ticket 119,000 won ($86), "
                           "based on an exchange rate of roughly 1,380 won to the dollar."});
  auto bad = findings(run, "conflict", "conversion");
  REQUIRE(bad.size() == 1);
  CHECK(bad.front()->evidence["source"] == "the article");
  CHECK(bad.front()->explanation.find("1,380 won to the dollar") != std::string::npos);
  CHECK(findings(run, "supported", "conversion").size() == 1);  // $86 fits 1,380
  // Without a stated rate the same conversion stays unchecked, and says so.
  auto unstated = run_articles({"A two-day pass cost 189,000 won (about $157)."});
  CHECK(findings(unstated, "conflict", "conversion").empty());
}

TEST_CASE("a length given in feet under the name of metres, told in the same words, is a unit slip") {
  auto slip = run_articles({"The jet ran 310 metres past the end of the runway, the airport said.",
                            "The jet ran 1,020 metres past the end of the runway, airport officials said."});
  auto found = findings(slip, "conflict", "copy");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->reasons.front() == "unit-slip");
  CHECK(found[0]->evidence["other_unit"] == "ft");
  // Two lengths apart by no unit factor, or told in other words, are no slip.
  auto other = run_articles({"The jet ran 310 metres past the end of the runway, the airport said.",
                             "The jet ran 640 metres past the end of the runway, airport officials said."});
  CHECK(findings(other, "conflict", "copy").empty());
  auto unrelated = run_articles({"The jet ran 310 metres past the end of the runway, the airport said.",
                                 "Rescuers laid 1,020 metres of hose along the coast road."});
  CHECK(findings(unrelated, "conflict", "copy").empty());
}

TEST_CASE("the 'about' of a converted figure owns up to its rounding, not to a tenth either way") {
  auto at = [](const std::string& text) {
    std::string in = nlohmann::json{{"id", "x"}, {"published", "2025-10-01T10:00:00+09:00"}, {"text", text}}.dump() + "\n";
    return test::run({"-"}, in).run;
  };
  // $64.83 billion on 1 October 2025 is about 91.5 trillion won.
  CHECK(findings(at("9월 수출액은 648억3천만 달러, 우리 돈 약 81조원으로 집계됐다."), "conflict", "conversion").size() == 1);
  CHECK(findings(at("9월 수출액은 648억3천만 달러, 우리 돈 약 91조원으로 집계됐다."), "supported", "conversion").size() == 1);
  CHECK(findings(at("9월 수출액은 648억3천만 달러, 우리 돈 약 90조원으로 집계됐다."), "supported", "conversion").size() == 1);
  // Converted in the next sentence, after a joiner: still checked.
  CHECK(findings(at("9월 수출액은 648억3천만 달러로 10.9% 늘었다. 우리 돈으로 약 81조원 규모다."), "conflict", "conversion").size() == 1);
}

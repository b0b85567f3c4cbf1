#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "check/check.hpp"
#include "report/report.hpp"
#include "test_support.hpp"

using crosscheck::rules::load_rules;

namespace {

crosscheck::core::Diagnostics load_with(const std::string& name, const std::string& content) {
  test::TempDir dir;
  dir.file(name, content);
  return load_rules({test::source_dir() + "/rules", dir.path()}).diagnostics;
}

bool mentions(const crosscheck::core::Diagnostics& ds, const std::string& code, int line, const std::string& text = "") {
  for (const auto& d : ds)
    if (d.code == code && (line == 0 || d.line == line) && (text.empty() || d.to_string().find(text) != std::string::npos)) return true;
  return false;
}

}  // namespace

TEST_CASE("the bundled rules load without a diagnostic") {
  auto result = load_rules({test::source_dir() + "/rules"});
  REQUIRE(result.rules);
  CHECK(result.diagnostics.empty());
  CHECK(result.rules->units.size() > 50);
  CHECK_FALSE(result.rules->fx.empty());
}

TEST_CASE("a misspelt key is reported with its line and a suggestion") {
  auto ds = load_with("x.toml", "kind = \"units\"\nschema = 1\n[[unit]]\nwords = [\"냥\"]\nunit = \"XXX\"\ndimensoin = \"money\"\n");
  CHECK(mentions(ds, "schema.unknown-key", 6, "did you mean 'dimension'"));
  CHECK(mentions(ds, "schema.missing-key", 0, "dimension"));
}

TEST_CASE("a syntax error names file, line and column") {
  auto ds = load_with("broken.toml", "kind = \"units\"\nschema = 1\nwords = [\"a\",\n");
  REQUIRE_FALSE(ds.empty());
  CHECK(ds.front().code == "syntax.toml");
  CHECK(ds.front().file.find("broken.toml") != std::string::npos);
  CHECK(ds.front().line >= 3);
}

TEST_CASE("an unknown kind, a wrong type and a bad pattern are errors, all reported") {
  auto ds = load_with("a.toml", "kind = \"unitz\"\nschema = 1\n");
  CHECK(mentions(ds, "schema.unknown-kind", 1, "did you mean 'units'"));
  ds = load_with("b.toml", "kind = \"modifiers\"\nschema = 1\n[[modifier]]\nwords = \"약\"\neffect = \"hedge\"\nposition = \"prefix\"\n");
  CHECK(mentions(ds, "schema.type", 4, "array of strings"));
  ds = load_with("c.toml",
                 "kind = \"boilerplate\"\nschema = 1\n[[line]]\nreason = \"x\"\nmatch = \"regex\"\ntext = \"(unclosed\"\n"
                 "[[line]]\nreason = \"y\"\nmatch = \"sometimes\"\ntext = \"z\"\n");
  CHECK(mentions(ds, "pattern.invalid", 6));
  CHECK(mentions(ds, "schema.value", 9, "unknown match"));
}

TEST_CASE("an earlier-period cue must name a span the framer can move a period by") {
  auto ds = load_with("e.toml", "kind = \"scope-cues\"\nschema = 1\n[[cue]]\nfield = \"earlier_after\"\nvalue = \"a year\"\n"
                                "words = [\"a year earlier\"]\n");
  CHECK(mentions(ds, "schema.value", 5, "'1 year'"));
  ds = load_with("f.toml", "kind = \"scope-cues\"\nschema = 1\n[[cue]]\nfield = \"earlier_after\"\nvalue = \"1 year\"\n"
                           "words = [\"a year earlier\"]\n");
  CHECK(ds.empty());
}

TEST_CASE("a dateline must capture month and day, and its year in order or by name") {
  auto ds = load_with("d.toml", "kind = \"metadata\"\nschema = 1\n[[dateline]]\nname = \"x\"\nregex = \"([0-9]{4})-([0-9]{2})\"\n");
  CHECK(mentions(ds, "schema.value", 5, "month and day"));
  ds = load_with("e.toml", "kind = \"metadata\"\nschema = 1\n[[dateline]]\nname = \"x\"\n"
                           "regex = \"(?P<year>[0-9]{4}) (?P<month>[a-z]+) (?P<dia>[0-9]+)\"\n");
  CHECK(mentions(ds, "schema.value", 5, "unknown dateline group 'dia'"));
  ds = load_with("f.toml", "kind = \"metadata\"\nschema = 1\n[[dateline]]\nname = \"x\"\n"
                           "regex = \"(?P<day>[0-9]+) (?P<month>[a-z]+) (?P<year>[0-9]{4})\"\n");
  CHECK(ds.empty());
  // A wire dateline names no year: month and day by name are enough.
  ds = load_with("g.toml", "kind = \"metadata\"\nschema = 1\n[[dateline]]\nname = \"x\"\n"
                           "regex = \"(?P<month>[A-Z][a-z]+) (?P<day>[0-9]+) -\"\n");
  CHECK(ds.empty());
}

TEST_CASE("a user's folder extends the bundled rules") {
  test::TempDir dir;
  dir.file("entities.toml", "kind = \"entities\"\nschema = 1\n[[entity]]\nid = \"Nvidia\"\ntype = \"company\"\naliases = [\"엔비디아코퍼레이션\"]\n");
  auto result = load_rules({test::source_dir() + "/rules", dir.path()});
  REQUIRE(result.rules);
  const auto* nvidia = result.rules->entity("Nvidia");
  REQUIRE(nvidia);
  CHECK(std::find(nvidia->aliases.begin(), nvidia->aliases.end(), "엔비디아코퍼레이션") != nvidia->aliases.end());
  CHECK(std::find(nvidia->aliases.begin(), nvidia->aliases.end(), "엔비디아") != nvidia->aliases.end());
}

TEST_CASE("a rate table with a bad row is reported") {
  auto ds = load_with("rates.csv", "Date,USD,KRW\n2025-01-02,1.03,1500\n2025-13-01,1.0,1400\n2025-01-03,abc,1500\n");
  CHECK(mentions(ds, "schema.fx-date", 3));
  CHECK(mentions(ds, "schema.fx-rate", 4));
}

TEST_CASE("exchange rates: last published date on or before, cross rates by division") {
  crosscheck::rules::FxRates fx;
  CHECK(fx.load("# source: test\nDate,USD,KRW,CNY\n2025-01-24,1.05,1500,7.6\n2025-01-31,1.04,1500,7.5\n", "t.csv").empty());
  auto q = fx.rate("USD", "KRW", {2025, 1, 27});
  REQUIRE(q);
  CHECK(q->date_used == "2025-01-24");
  CHECK(q->rate == doctest::Approx(1500 / 1.05));
  auto c = fx.rate("CNY", "KRW", {2025, 2, 3});
  REQUIRE(c);
  CHECK(c->rate == doctest::Approx(200.0));
  CHECK(c->source == "test");
}

TEST_CASE("exchange rates: a quote more than a week old is no quote") {
  crosscheck::rules::FxRates fx;
  CHECK(fx.load("Date,USD\n2025-01-24,1.05\n", "t.csv").empty());
  CHECK(fx.rate("USD", "EUR", {2025, 1, 31}));
  CHECK_FALSE(fx.rate("USD", "EUR", {2025, 2, 1}));
  CHECK_FALSE(fx.rate("USD", "EUR", {2025, 1, 23}));  // before the table starts
  CHECK(fx.rates_around("USD", "EUR", {2025, 2, 10}, 7).empty());
}

TEST_CASE("exchange rates: tables with different columns merge, the later one winning day by day") {
  crosscheck::rules::FxRates fx;
  CHECK(fx.load("# source: bundled\nDate,USD,KRW\n2025-01-24,1.05,1500\n2025-01-27,1.04,1510\n", "a.csv").empty());
  CHECK(fx.load("# source: official\nDate,JPY,KRW,USD\n2025-01-27,160,1507.97,1.053\n", "b.csv").empty());
  auto early = fx.rate("USD", "KRW", {2025, 1, 24});
  REQUIRE(early);
  CHECK(early->rate == doctest::Approx(1500 / 1.05));
  CHECK(early->source == "bundled");
  auto late = fx.rate("USD", "KRW", {2025, 1, 27});
  REQUIRE(late);
  CHECK(late->rate == doctest::Approx(1507.97 / 1.053));
  CHECK(late->source == "official");
  auto yen = fx.rate("JPY", "KRW", {2025, 1, 27});
  REQUIRE(yen);
  CHECK(yen->rate == doctest::Approx(1507.97 / 160));
  CHECK_FALSE(fx.rate("JPY", "KRW", {2025, 1, 24}));  // no table quotes yen before the 27th
}

TEST_CASE("the bundled rate table is ECB's daily series: every TARGET business day of 2024 to 28 October 2025") {
  auto result = crosscheck::rules::load_rules({test::source_dir() + "/rules"});
  REQUIRE(result.rules);
  const auto& fx = result.rules->fx;
  CHECK(fx.first_date() == "2024-01-02");
  CHECK(fx.last_date() == "2025-10-28");
  // ECB publishes on every weekday except the TARGET closing days.
  const std::set<std::string> closed = {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-12-25", "2024-12-26",
                                        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01"};
  int first = crosscheck::core::days_from_civil(2024, 1, 1), last = crosscheck::core::days_from_civil(2025, 10, 28);
  int missing = 0, published = 0;
  for (int day = first; day <= last; ++day) {
    auto date = crosscheck::core::date_from_days(day);
    bool weekend = (day % 7 + 7 + 3) % 7 >= 5;  // Monday = 0; day 0 (1970-01-01) was a Thursday
    if (weekend || closed.count(date.to_string())) continue;
    auto q = fx.rate("EUR", "KRW", date);
    if (!q || q->date_used != date.to_string()) {
      ++missing;
      MESSAGE("no ECB row for " << date.to_string());
    } else {
      ++published;
    }
  }
  CHECK(missing == 0);
  CHECK(published == 467);
  // Published fixings, one per currency (ECB, units per euro).
  auto on = [&](const char* currency, crosscheck::core::PartialDate date) {
    auto q = fx.rate("EUR", currency, date);
    return q ? q->rate : 0.0;
  };
  CHECK(on("KRW", {2024, 10, 10}) == doctest::Approx(1477.51));
  CHECK(on("CNY", {2024, 10, 10}) == doctest::Approx(7.7376));
  CHECK(on("JPY", {2024, 10, 10}) == doctest::Approx(162.85));
  CHECK(on("GBP", {2024, 10, 10}) == doctest::Approx(0.83686));
  CHECK(on("USD", {2025, 1, 27}) == doctest::Approx(1.053));
  CHECK(on("KRW", {2025, 1, 27}) == doctest::Approx(1507.97));
  // No day's rate moves 4% against the day before (the largest real move here is the yen's 3.3% on
  // 5 August 2024); a slipped decimal point or leading digit would.
  for (const char* currency : {"USD", "JPY", "GBP", "CNY", "KRW"}) {
    double previous = 0;
    for (int day = first; day <= last; ++day) {
      auto date = crosscheck::core::date_from_days(day);
      auto q = fx.rate("EUR", currency, date);
      if (!q || q->date_used != date.to_string()) continue;
      if (previous > 0) CHECK_MESSAGE(std::abs(q->rate / previous - 1) < 0.04, currency << " on " << date.to_string());
      previous = q->rate;
    }
  }
}

TEST_CASE("each attribute cue knows its attribute, and its block whether it needs a required word") {
  // Filled once when the rules are built; the framer reads them for every figure near a cue.
  const auto& rules = test::rules();
  REQUIRE_FALSE(rules.attribute_cues.empty());
  for (const auto& cue : rules.attribute_cues) {
    CAPTURE(cue.word);
    if (cue.attribute_index >= 0) CHECK(rules.attributes[static_cast<std::size_t>(cue.attribute_index)].id == cue.attribute);
    else CHECK(rules.attribute(cue.attribute) == nullptr);
  }
  // A block's main cues need a required word exactly when the block has one; the requirement is
  // the block's, so one attribute may have blocks with and without it (English "shares" with
  // "fell", Korean 주가 alone).
  std::size_t with_required = 0;
  for (const auto& cue : rules.attribute_cues) {
    CAPTURE(cue.word);
    bool expected = std::any_of(rules.attribute_cues.begin(), rules.attribute_cues.end(),
                                [&](const auto& c) { return c.requires_other && c.block == cue.block; });
    CHECK(cue.needs_required == expected);
    with_required += cue.needs_required && !cue.requires_other;
  }
  CHECK(with_required >= 1);  // market-value-change: 시가총액 with 증발, 날렸, ...
}

TEST_CASE("each scope cue knows the place of its field among the fields a cue can set") {
  const auto& rules = test::rules();
  std::set<std::string> fields;
  for (const auto& cue : rules.scope_cues) {
    CAPTURE(cue.word);
    fields.insert(cue.field);
    if (cue.field_slot >= 0) CHECK(crosscheck::rules::kScopeCueFields[static_cast<std::size_t>(cue.field_slot)] == cue.field);
    else CHECK(std::find(crosscheck::rules::kScopeCueFields.begin(), crosscheck::rules::kScopeCueFields.end(), cue.field) ==
               crosscheck::rules::kScopeCueFields.end());
  }
  // Every field the bundled cues set has its place, but totals, wholes and earlier periods, which
  // are read apart, next to the figure.
  CHECK(fields.count("total") == 1);
  CHECK(fields.count("whole_before") == 1);
  CHECK(fields.count("whole_after") == 1);
  CHECK(fields.count("earlier_before") == 1);
  CHECK(fields.count("earlier_after") == 1);
  for (const auto& field : fields)
    if (field != "total" && field.rfind("whole_", 0) != 0 && field.rfind("earlier_", 0) != 0) CHECK(std::find(crosscheck::rules::kScopeCueFields.begin(), crosscheck::rules::kScopeCueFields.end(), field) !=
                                crosscheck::rules::kScopeCueFields.end());
}

TEST_CASE("scope values are labelled in the report language, and shown as they are when no message names them") {
  const auto& r = test::rules();
  CHECK(r.scope_label("en", "window", "4 trading-day") == "4-trading-day");
  CHECK(r.scope_label("ko", "window", "4 trading-day") == "4거래일간");
  CHECK(r.scope_label("ko", "window", "1 day") == "1일간");  // not "1일", which reads as the 1st
  CHECK(r.scope_label("en", "window", "1.5 year") == "1.5-year");
  CHECK(r.scope_label("ko", "direction", "down") == "하락");
  CHECK(r.scope_label("ko", "attribution", "reported") == "보도");
  CHECK(r.scope_label("en", "direction", "down") == "down");  // no English message: the value
  CHECK(r.scope_label("ko", "window", "3 fortnight") == "3 fortnight");
  CHECK(r.scope_label("ko", "window", "fortnightly") == "fortnightly");
  CHECK(r.scope_label("ko", "basis", "").empty());
  // Every window unit the bundled units can produce has a label in both languages.
  for (std::string unit : {"minute", "hour", "day", "trading-day", "week", "month", "quarter", "year"}) {
    CAPTURE(unit);
    CHECK(r.scope_label("en", "window", "2 " + unit) == "2-" + unit);
    std::string korean = r.scope_label("ko", "window", "2 " + unit);
    CHECK(korean.rfind("2", 0) == 0);
    CHECK(korean.find(unit) == std::string::npos);
  }
}

TEST_CASE("large figures are written with the report language's scale words and unit names") {
  const auto& r = test::rules();
  CHECK(r.number_scale("ko", 1.9975e14).write("199.75") == "199.75조");
  CHECK(r.number_scale("ko", 5.565e6).power == 1e4);   // 556.5만: Korean counts in 만, not millions
  CHECK(r.number_scale("ko", -3e8).write("-3") == "-3억");
  CHECK(r.number_scale("en", 5.565e6).write("5.565") == "5.565M");
  CHECK(r.number_scale("en", 9999).power == 1);
  CHECK(r.number_scale("fr", 2e9).write("2") == "2B");  // a language without scale words: English
  CHECK(r.unit_name("ko", "KRW") == "원");
  CHECK(r.unit_name("ko", "XAU") == "XAU");
  CHECK(r.unit_name("en", "KRW") == "KRW");
  CHECK(crosscheck::check::format_value(r, "ko", 1.9975136e14, "KRW") == "199.751조 원");
  CHECK(crosscheck::check::format_value(r, "en", 1.9975136e14, "KRW") == "199.751T KRW");
  CHECK(crosscheck::check::format_value(r, "ko", 12.345, "%") == "12.35%");
  crosscheck::core::Quantity q;
  q.value = {1.53e14, 1.87e14, true, true};
  q.unit = "KRW";
  q.dimension = crosscheck::core::Dimension::money;
  CHECK(crosscheck::report::readable_interval(q, r, "ko") == "153조–187조 원");
  CHECK(crosscheck::report::readable_interval(q, r, "en") == "153T–187T KRW");
}

TEST_CASE("a scale word that is not a power of ten or has no place for the number is an error with its line") {
  auto ds = load_with("m.toml", "kind = \"messages\"\nschema = 1\nlanguage = \"xx\"\n[text]\n\"scale.x\" = \"{n}k\"\n\"scale.3\" = \"k\"\n\"scale.40\" = \"{n}q\"\n");
  CHECK(mentions(ds, "schema.value", 5, "scale.x"));
  CHECK(mentions(ds, "schema.value", 6, "no {n}"));
  CHECK(mentions(ds, "schema.value", 7, "scale.40"));
}

TEST_CASE("an empty word in a word list is an error with its line: it would match everywhere") {
  auto ds = load_with("extra.toml",
                           "kind = \"numbers\"\nschema = 1\nlanguage = \"ko\"\ndescription = \"x\"\nband_words = [\"대\", \"\"]\n"
                           "conversion_joiners = [\" \"]\n");
  CHECK(mentions(ds, "schema.value", 5, "'band_words' holds an empty word"));
  CHECK(mentions(ds, "schema.value", 6, "'conversion_joiners' holds an empty word"));
}

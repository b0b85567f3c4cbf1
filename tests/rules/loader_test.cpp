#include <doctest/doctest.h>

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
  CHECK(fx.source() == "test");
}

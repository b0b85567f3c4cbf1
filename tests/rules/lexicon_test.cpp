// The dictionary of common Korean words, and the names it lets the framer find: a word with a
// particle that the dictionary does not know, nor any compound of its words, is a name.
#include <doctest/doctest.h>

#include "core/romanize.hpp"
#include "rules/lexicon.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

// A small hunspell dictionary, its words decomposed into jamo as hunspell-ko writes them.
std::string tiny_dictionary(const test::TempDir& dir) {
  // 공모 화물 열차 조업 일수 주장하다, in NFD (ᄀ ᅩ ᆼ ...), and 시장 already composed.
  return dir.file("tiny.dic",
                  "7\n\u1100\u1169\u11BC\u1106\u1169/25\n\u1112\u116A\u1106\u116E\u11AF\n\u110B\u1167\u11AF\u110E\u1161\n"
                  "\u110C\u1169\u110B\u1165\u11B8\n\u110B\u1175\u11AF\u1109\u116E\n"
                  "\u110C\u116E\u110C\u1161\u11BC\u1112\u1161\u1103\u1161/3\n시장\n");
}

}  // namespace

TEST_CASE("the lexicon reads a hunspell dictionary in any normalisation and knows its compounds") {
  test::TempDir dir;
  rules::Lexicon lexicon;
  REQUIRE(lexicon.load(tiny_dictionary(dir)) == "");
  CHECK(lexicon.size() == 7);
  CHECK(lexicon.knows("공모"));
  CHECK(lexicon.knows("시장"));
  lexicon.add_compound_endings({"가", "율"});
  CHECK(lexicon.is_common("화물열차"));    // two known words
  CHECK(lexicon.is_common("조업일수"));
  CHECK(lexicon.is_common("공모가"));      // a known word and a compound ending
  CHECK(lexicon.is_common("주장하"));      // a verb's stem before the adnominal 는
  CHECK_FALSE(lexicon.is_common("새별로보틱스"));
  CHECK_FALSE(lexicon.is_common("공모켐"));  // a known word and an unknown syllable is no compound
  CHECK_FALSE(lexicon.is_common("가공모"));  // an ending comes last
  CHECK(lexicon.load(dir.path() + "/none.dic") != "");
  // A folder, or a file with no words, is said to be no dictionary, though words were loaded before.
  CHECK(lexicon.load(dir.path()) != "");
  CHECK(lexicon.load(dir.file("empty.dic", "0\n")) != "");
  CHECK(lexicon.knows("공모"));
}

TEST_CASE("a verb with an ending the dictionary does not list is known for a verb") {
  test::TempDir dir;
  rules::Lexicon lexicon;
  REQUIRE(lexicon.load(dir.file("v.dic", "5\n포함\n진화\n열다\n사고\n힘입다\n")) == "");
  CHECK(lexicon.is_inflected_verb("힘입어"));    // 힘입다 + 어
  CHECK_FALSE(lexicon.is_inflected_verb("고어"));  // 어 after no listed verb
  CHECK(lexicon.is_inflected_verb("포함한"));    // 포함하 + ㄴ
  CHECK(lexicon.is_inflected_verb("포함할"));    // 포함하 + ㄹ
  CHECK(lexicon.is_inflected_verb("확인된"));    // 확인되 + ㄴ: 되 ends a verb the dictionary may not list
  CHECK(lexicon.is_inflected_verb("진화해"));    // 진화 + 해
  CHECK(lexicon.is_inflected_verb("열고"));      // 열다 + 고
  CHECK(lexicon.is_inflected_verb("비교하면"));  // 비교하 + 면
  CHECK_FALSE(lexicon.is_inflected_verb("사고"));    // a noun the dictionary knows
  CHECK_FALSE(lexicon.is_inflected_verb("병원"));    // ㄴ on no verb's stem
  CHECK_FALSE(lexicon.is_inflected_verb("지난해"));  // 해 after no known word
  CHECK_FALSE(lexicon.is_inflected_verb("한"));
  // An adnominal form listed as a word of its own is a verb's form when its verb is listed too.
  rules::Lexicon listed;
  REQUIRE(listed.load(dir.file("w.dic", "5\n인한\n인하다\n대한\n기준\n자본\n")) == "");
  CHECK(listed.is_inflected_verb("인한"));        // 인하다
  CHECK_FALSE(listed.is_inflected_verb("대한"));  // listed, but no 대하다 in this dictionary
  CHECK_FALSE(listed.is_inflected_verb("자본"));  // a noun ending in ㄴ
}

TEST_CASE("a missing dictionary is a warning that names the file and what is lost, not an error") {
  test::TempDir dir;
  dir.file("g.toml", "kind = \"grammar\"\nschema = 1\nlexicon = \"no-such.dic\"\n");
  auto loaded = rules::load_rules({test::source_dir() + "/rules", dir.path()});
  REQUIRE(loaded.rules);
  bool warned = false;
  for (const auto& d : loaded.diagnostics)
    if (d.code == "rules.lexicon-missing" && d.severity == core::Severity::warning && d.line == 3 &&
        d.to_string().find("no-such.dic") != std::string::npos)
      warned = true;
  CHECK(warned);
}

TEST_CASE("a Korean spelling of a foreign name sounds like the name") {
  CHECK(core::sound_skeleton(core::romanize("새별로보틱스")) == core::sound_skeleton("Saebyeol Robotics"));
  CHECK(core::sound_skeleton(core::romanize("미르켐")) == core::sound_skeleton("Mirchem"));
  CHECK(core::sound_skeleton(core::romanize("다베사")) == core::sound_skeleton("Dabessa"));
  CHECK(core::sound_skeleton(core::romanize("미르켐")) != core::sound_skeleton("Mercury"));
  CHECK(core::sound_skeleton("").empty());
}

TEST_CASE("a name no dictionary knows is found in Korean and linked to its Latin spelling") {
  const auto& rules = test::rules();
  if (!rules.lexicon.loaded()) {
    MESSAGE("hunspell-ko is not installed: skipped (scripts/bootstrap.sh installs it)");
    return;
  }
  std::string in =
      nlohmann::json{{"id", "a"}, {"published", "2025-03-27T18:00:00+09:00"},
                     {"text", "새별로보틱스는 27일 상장했다. 새별로보틱스의 공모 금액은 600억원이다. 마로이 기자는 2명이다. 마로이 기자는 3명이다."}}.dump() + "\n" +
      nlohmann::json{{"id", "b"}, {"published", "2025-03-27T18:00:00+09:00"},
                     {"text", "Saebyeol Robotics listed on Thursday. Saebyeol Robotics raised 6,000 billion won in the offering."}}.dump() + "\n";
  auto r = test::run({"-"}, in);
  const core::Claim* korean = nullptr;
  const core::Claim* english = nullptr;
  const core::Claim* byline = nullptr;
  for (const auto& c : r.run.claims) {
    if (c.quantity.surface == "600억원") korean = &c;
    if (c.quantity.surface == "6,000 billion won") english = &c;
    if (c.quantity.surface == "2명") byline = &c;
  }
  REQUIRE(korean);
  REQUIRE(english);
  CHECK(korean->subject == "새별로보틱스");
  CHECK(english->subject_root == korean->subject_root);
  REQUIRE(byline);
  CHECK(byline->subject != "마로");  // a reporter's name before 기자 is no subject
  // A compound of a known word and a noun ending (중위 + 값) is a common word, not a name.
  CHECK(rules.lexicon.is_common("중위값"));
  CHECK(rules.lexicon.is_common("인상폭"));
  CHECK_FALSE(rules.lexicon.is_common("새별로보틱스"));
}

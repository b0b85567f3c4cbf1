#include <doctest/doctest.h>

#include "cli/rule_examples.hpp"
#include "test_support.hpp"

TEST_CASE("every example of every rule file reads as it says") {
  const auto& rules = test::rules();
  std::size_t extraction_examples = 0;
  for (const auto& example : rules.examples) {
    if (example.kind == "numbers" || example.kind == "units" || example.kind == "modifiers" || example.kind == "not-amounts" ||
        example.kind == "time")
      ++extraction_examples;
    SUBCASE((example.file.substr(example.file.rfind("rules/")) + ":" + std::to_string(example.line)).c_str()) {
      auto result = crosscheck::cli::run_example(example, rules);
      INFO(example.fields.dump());
      CHECK_MESSAGE(result.passed, result.message);
    }
  }
  // The reader's corpus: at least 200 examples across Korean and English.
  CHECK(extraction_examples >= 200);
}

TEST_CASE("the corpus covers both languages") {
  std::size_t ko = 0, en = 0;
  for (const auto& e : test::rules().examples) {
    if (e.file.find("/ko/") != std::string::npos) ++ko;
    if (e.file.find("/en/") != std::string::npos) ++en;
  }
  CHECK(ko >= 100);
  CHECK(en >= 60);
}

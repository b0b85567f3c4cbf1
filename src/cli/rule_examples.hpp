#pragma once
// Runs the examples that rule files carry: each is a small test of one reading.
#include <string>
#include <vector>

#include "rules/rule_set.hpp"

namespace crosscheck::cli {

struct ExampleResult {
  const rules::Example* example = nullptr;
  bool passed = false;
  std::string message;  // what differed
};

ExampleResult run_example(const rules::Example& example, const rules::RuleSet& rules);
std::vector<ExampleResult> run_examples(const rules::RuleSet& rules, const std::string& only_under = "");

}  // namespace crosscheck::cli

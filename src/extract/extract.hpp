#pragma once
// extract: an Article's sentences → the quantities and time expressions written in them.
// One forward pass per sentence; every word list comes from rules/.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::extract {

struct Extraction {
  std::vector<core::Quantity> quantities;   // in text order; linked figures point at their main figure
  std::vector<core::TimeExpression> times;  // unresolved: the frame stage resolves them
  bool truncated = false;                   // the per-article claim limit was reached
};

constexpr std::size_t kMaxQuantitiesPerArticle = 20000;  // documented in docs/limits.md

Extraction extract(const core::Article& article, const rules::RuleSet& rules);

// A snippet as a one-sentence article (rule examples, tests, fuzzing).
core::Article snippet_article(const std::string& text);
Extraction extract_snippet(const std::string& text, const rules::RuleSet& rules);

}  // namespace crosscheck::extract

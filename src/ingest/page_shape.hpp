#pragma once
// Page furniture told by its shape, whatever its heading says: a run of list items that end in no
// sentence (a "most read" box, related headlines, promotions), and a strip of short fields
// between separators (a menu, a market ticker, a line of share and comment counts). The rules'
// line patterns catch the furniture they name; this pass catches the rest by structure, so a box
// under a heading no rule lists is still no article. The markers, sentence endings and separators
// come from rules/*/boilerplate.toml.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::ingest {

// One non-blank line of a page as the boilerplate pass sees it; `reason` is empty while the line
// reads as the article.
struct PageLine {
  core::Span span;
  std::string reason;
  bool headline = false;  // the text after a "Title:" label: the article's, whatever its shape
};

// Gives a reason to each kept line whose shape is furniture's. Lines already dropped stay as they
// are and count as furniture around a lone list item.
void mark_shaped_furniture(const std::string& text, std::vector<PageLine>& lines, const rules::RuleSet& rules);

}  // namespace crosscheck::ingest

#pragma once
// frame: each quantity → a claim: whose figure (subject), what it measures (attribute), and
// its scope (date or period, window, basis, kind, direction, attribution). Unknown stays
// unknown; nothing is guessed beyond what the article says.
#include <vector>

#include "core/model.hpp"
#include "extract/extract.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::frame {

// `words` gives the claims' repeated text fields (subject, attribute, key, ...) one shared copy
// per value; a caller framing many articles on one thread passes the same pool to each.
std::vector<core::Claim> frame(const core::Article& article, std::size_t article_index,
                               const extract::Extraction& extraction, const rules::RuleSet& rules, core::WordPool& words);
std::vector<core::Claim> frame(const core::Article& article, std::size_t article_index,
                               const extract::Extraction& extraction, const rules::RuleSet& rules);

}  // namespace crosscheck::frame

namespace crosscheck::frame {
// Entity ids named in a text, in order (rule examples and tests).
std::vector<std::string> entities_in(const std::string& text, const rules::RuleSet& rules);
}  // namespace crosscheck::frame

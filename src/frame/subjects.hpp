#pragma once
// Subjects without a list: names found in the text itself. A Korean word that ends with an
// organisation suffix (전자, 은행, 당, 공항) or stands in quotes, an English run of capitalised
// words (Raon Market, Harbor City FC). The suffixes and the words that are not names are rule data.
#include <string>
#include <vector>

#include "frame/clauses.hpp"

namespace crosscheck::frame {

struct Name {
  std::size_t word = 0;  // the first word of the name in the parsed sentence
  std::size_t last = 0;  // its last word
  core::Span span;
  std::string id;        // the name as written, without its particle or possessive
  rules::Role role = rules::Role::none;
  // A name that only stands out by its form (in quotes, or one capitalised word) counts only
  // where the article names it again.
  bool needs_recurrence = false;
};

// `taken` are spans already named by the entity list: a name found there is not found again.
// `outlet` is the article's publisher: its own name (in a dateline or a credit) is no subject.
std::vector<Name> find_names(std::string_view text, const ParsedSentence& sentence, const std::vector<core::Span>& taken,
                             const std::string& outlet, const rules::RuleSet& rules);

// The core of a name for telling spellings apart: the organisation suffix cut off, Hangul
// romanized, spaces and punctuation dropped ("라온마켓" and "Raon Market" → "raon").
std::string name_key(std::string_view name, const rules::RuleSet& rules);

// Across the story: claims whose subjects are spellings of one discovered name (라온마켓, 라온,
// Raon Market) take one subject, the Korean spelling named most often, and their keys follow; a
// claim with no subject takes the only subject the story gives its measure (subject_source "story").
void link_subjects(std::vector<core::Claim>& claims, const rules::RuleSet& rules);

}  // namespace crosscheck::frame

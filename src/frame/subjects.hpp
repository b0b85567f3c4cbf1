#pragma once
// Subjects without a list: names found in the text itself. A Korean word that ends with an
// organisation suffix (전자, 은행, 당, 공항) or stands in quotes, an English run of capitalised
// words (Raon Market, Harbor City FC). The suffixes and the words that are not names are rule data.
#include <functional>
#include <map>
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
  // Found only because the dictionary does not know the word: a subject in its own sentence,
  // never carried to the next one or taken as the article's main name.
  bool unknown_word = false;
  // A surname before a title (박 후보): it stands for the full name the article gave before with
  // that surname, and is no name without one.
  bool surname_only = false;
  bool person = false;  // a name before a title of office (박정우 후보)
};

// Every character of `s` a Hangul syllable (and `s` not empty).
bool all_hangul(std::string_view s);
// The organisation suffix a name ends with, or "" ("반도체" of 한누리반도체, "FC" of Harbor City FC).
std::string_view suffix_of(std::string_view name, const rules::RuleSet& rules);

// The acronyms an article defines in brackets after a name (Garampo Container Terminal (GCT),
// 가람포컨테이너터미널(GCT)): acronym → the name's id, which is the acronym itself, so that one name
// spelled in two scripts meets under the letters both spellings define.
using Acronyms = std::map<std::string, std::string, std::less<>>;

// `taken` are spans already named by the entity list: a name found there is not found again.
// `outlet` is the article's publisher: its own name (in a dateline or a credit) is no subject.
// `acronyms`, when given, gains the definitions the sentence makes, and an acronym defined
// before is a name wherever it stands.
std::vector<Name> find_names(std::string_view text, const ParsedSentence& sentence, const std::vector<core::Span>& taken,
                             const std::string& outlet, const rules::RuleSet& rules, Acronyms* acronyms = nullptr);

// The names of one article, sentence by sentence, with the topic a name carries from one sentence
// to the next and the article's most named name.
class ArticleNames {
 public:
  // Parses the sentences `needed` marks (every one when it is empty) and finds their names;
  // `taken` are the entity list's mentions, per sentence.
  void find(const core::Article& article, std::string_view lower, const std::vector<std::vector<core::Span>>& taken,
            const std::vector<bool>& needed, const rules::RuleSet& rules);
  const ParsedSentence& parsed(std::size_t sentence) const { return parsed_[sentence]; }
  // The clause breaks of a sentence it parsed (empty for one it did not).
  const std::vector<core::Span>& breaks(std::size_t sentence) const { return breaks_[sentence]; }
  bool was_parsed(std::size_t sentence) const { return done_[sentence]; }
  const std::vector<Name>& names(std::size_t sentence) const { return names_[sentence]; }
  // A subject named in the text for a figure whose listed subject, if any, came from afar: a
  // name marked as topic, subject or owner in the figure's clause, then any name before it in
  // the clause, then the sentence's topic, subject or owner, then the carried topic. An event's
  // measure (a toll) belongs to the event: "" for it.
  std::string subject_for(std::size_t sentence, const core::Quantity& q, const rules::Attribute* attribute, bool listed,
                          std::string_view& source) const;
  // With no subject near the figure: the story's event for an event's measure, else the
  // article's most named name, else the event in an article about one.
  std::string fallback(const rules::Attribute* attribute, std::string_view& source) const;
  // After a sentence: its topic name, else the name a figure of it took from its clause.
  void carry_topic(std::size_t sentence, const std::string& claim_name);

 private:
  std::vector<ParsedSentence> parsed_;
  std::vector<std::vector<core::Span>> breaks_;
  std::vector<bool> done_;
  std::vector<std::vector<Name>> names_;
  std::string topic_, main_;
  Acronyms acronyms_;
  // The article tells of an event (a word of rules' event_words recurs in it): a figure with no
  // subject near it and no most named name is the event's.
  bool about_event_ = false;
};

// The core of a name for telling spellings apart: the organisation suffix cut off, Hangul
// romanized, spaces and punctuation dropped ("라온마켓" and "Raon Market" → "raon").
std::string name_key(std::string_view name, const rules::RuleSet& rules);

// Across the story: claims whose subjects are spellings of one discovered name (라온마켓, 라온,
// Raon Market) take one subject, the Korean spelling named most often, and their keys follow; a
// claim with no subject takes the only subject the story gives its measure (subject_source "story").
void link_subjects(std::vector<core::Claim>& claims, const rules::RuleSet& rules);

// Across the story: a national statistic still of "event" (an English sentence that names no
// country) takes the country the story's other national statistics are of (subject_source
// "story-country"); see jurisdiction.cpp.
void settle_jurisdictions(std::vector<core::Claim>& claims, const rules::RuleSet& rules);

// The name the story's articles give its event (태풍 '미리내', 정선 산불, Typhoon Mirinae): an event
// word of the rules with the words that make it one event, found in the most articles and in two
// at least; "" when none is.
std::string name_event(const std::vector<core::Article>& articles, const rules::RuleSet& rules);

}  // namespace crosscheck::frame

#include "extract/elliptical.hpp"

#include <algorithm>

namespace crosscheck::extract {
namespace {

struct WordAt {
  std::size_t start = 0, end = 0;
  std::string_view text;
  bool empty() const { return text.empty(); }
};

bool word_char(char32_t c) { return core::is_latin_letter(c) || c == '\'' || c == U'’' || c == '.'; }

// The Latin word ending at `pos`, past the spaces before it; empty when none ends there.
WordAt word_before(const Sentence& s, std::size_t pos) {
  while (pos > s.begin && s.text[pos - 1] == ' ') --pos;
  std::size_t start = pos;
  while (start > s.begin && word_char(s.before(start))) start = s.prev(start);
  // "vs." keeps its full stop; a sentence's own full stop is never inside a word.
  return {start, pos, s.text.substr(start, pos - start)};
}

// The word (Latin letters, digits with separators, an apostrophe) starting past the spaces at `pos`.
WordAt word_after(const Sentence& s, std::size_t pos) {
  while (pos < s.end && s.text[pos] == ' ') ++pos;
  std::size_t end = pos;
  while (end < s.end && (core::is_latin_letter(s.at(end)) || core::is_ascii_digit(s.at(end)) || s.text[end] == '\'' ||
                         s.at(end) == U'’' || (s.text[end] == ',' && core::is_ascii_digit(s.at(end + 1)))))
    end = s.next(end);
  return {pos, end, s.text.substr(pos, end - pos)};
}

std::string lower(std::string_view w) { return rules::Grammar::lower_copy(w); }

bool listed(const std::vector<std::string>& list, std::string_view lowered) {
  return std::find(list.begin(), list.end(), lowered) != list.end();
}

bool all_lower(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool possessive(std::string_view w) {
  return (w.size() > 2 && w.substr(w.size() - 2) == "'s") || (w.size() > 4 && w.substr(w.size() - 4) == "’s");
}

// A plural that names what is counted: "seats", "vessels"; never "times" or "points".
bool counted_plural(std::string_view w, const rules::RuleSet& rules) {
  if (listed(rules.counted_nouns_en, w)) return true;
  return all_lower(w) && w.size() >= 4 && w.back() == 's' && !listed(rules.not_counted_en, w);
}

// A year written bare ("from 2019") is the time reader's, never a count.
bool year_like(const NumberReading& n) { return !n.words && n.precision >= 1 && n.value >= 1900 && n.value <= 2100 && n.end - n.start == 4; }

// The nearest earlier figure of the sentence whose unit a bare figure may carry: a count that
// names its noun, or index points. Percentages and money between them are passed over ("131
// cases, down 38% from 212").
const core::Quantity* carried_unit(std::span<const core::Quantity> earlier) {
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
    if (counts_a_noun(*it) || it->unit == "point") return &*it;
  return nullptr;
}

// "142 of the Assembly's 300 seats", "11 of its vessels", "59 of them": the noun after "of",
// past determiners, possessives and a figure; a pronoun stands for the count it refers to.
std::optional<EllipticalCount> of_phrase(const Sentence& s, const NumberReading& n, std::span<const core::Quantity> earlier,
                                         const core::Quantity* recent_count, const rules::RuleSet& rules) {
  WordAt of = word_after(s, n.end);
  if (of.start == n.end || lower(of.text) != "of") return std::nullopt;
  std::size_t p = of.end;
  for (int token = 0; token < 5; ++token) {
    WordAt w = word_after(s, p);
    if (w.empty()) return std::nullopt;
    std::string l = lower(w.text);
    if (token == 0 && listed(rules.referent_pronouns, l)) {
      const core::Quantity* referent = nullptr;
      for (auto it = earlier.rbegin(); it != earlier.rend() && !referent; ++it)
        if (counts_a_noun(*it)) referent = &*it;
      if (!referent) referent = recent_count;
      if (!referent) return std::nullopt;
      return EllipticalCount{"", referent};
    }
    if (counted_plural(w.text, rules)) return EllipticalCount{std::string(w.text), nullptr};
    bool passable = rules.grammar.is_function_word(l) || listed(rules.grammar.determiners, l) || possessive(w.text) ||
                    core::is_ascii_digit(s.at(w.start)) || (capitalised(w.text) && token > 0);
    if (!passable) return std::nullopt;
    p = w.end;
  }
  return std::nullopt;
}

// "the crowd at around 38,000", "bringing the fleet to 140", "a crowd of more than 41,000": a
// singular noun after a determiner, then a link word, names what the figure counts.
std::optional<EllipticalCount> linked_noun(const Sentence& s, std::size_t phrase_start, const rules::RuleSet& rules) {
  WordAt link = word_before(s, phrase_start);
  if (link.empty() || !listed(rules.measure_links, lower(link.text))) return std::nullopt;
  WordAt noun = word_before(s, link.start);
  for (int step = 0; step < 2; ++step) {
    if (!all_lower(noun.text) || noun.text.size() < 3 || rules.grammar.is_function_word(noun.text) ||
        rules.grammar.is_stop_word(noun.text) || listed(rules.grammar.prepositions, noun.text) ||
        listed(rules.grammar.linking_verbs, noun.text))
      return std::nullopt;
    WordAt det = word_before(s, noun.start);
    if (!listed(rules.noun_determiners, lower(det.text)) && !possessive(det.text)) return std::nullopt;
    // "the total for the weekend to 65": the noun the prepositional phrase hangs from.
    WordAt prep = word_before(s, det.start);
    if (step == 0 && listed(rules.grammar.prepositions, lower(prep.text)) && !listed(rules.measure_links, lower(prep.text))) {
      WordAt head = word_before(s, prep.start);
      if (all_lower(head.text) && listed(rules.noun_determiners, lower(word_before(s, head.start).text))) {
        noun = head;
        continue;
      }
    }
    return EllipticalCount{std::string(noun.text), nullptr};
  }
  return std::nullopt;
}

// "The station peaked at 171", "had read about 140", "rose to 4.4": a bare figure a verb of level
// governs, directly or through a measure link, is a level in the unit of the last level before it,
// in this sentence or the two before.
std::optional<EllipticalCount> level_after_verb(const Sentence& s, std::size_t phrase_start, std::span<const core::Quantity> earlier,
                                                const core::Quantity* recent_level, const rules::RuleSet& rules) {
  WordAt before = word_before(s, phrase_start);
  if (before.empty()) return std::nullopt;
  WordAt verb = before;  // "hit 4.35", or "peaked at 171" through the link
  if (!listed(rules.level_verbs, lower(before.text)) && listed(rules.measure_links, lower(before.text))) verb = word_before(s, before.start);
  if (verb.empty() || !listed(rules.level_verbs, lower(verb.text))) return std::nullopt;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
    if (carries_level_unit(*it)) return EllipticalCount{"", &*it};
  if (earlier.empty() && recent_level) return EllipticalCount{"", recent_level};
  return std::nullopt;
}

}  // namespace

std::optional<EllipticalCount> read_elliptical_count(const Sentence& s, std::size_t phrase_start, const NumberReading& n,
                                                     std::span<const core::Quantity> earlier, const core::Quantity* recent_count,
                                                     const core::Quantity* recent_level, const rules::RuleSet& rules) {
  if (n.vague || year_like(n)) return std::nullopt;
  if (auto found = of_phrase(s, n, earlier, recent_count, rules)) return found;
  if (auto found = linked_noun(s, phrase_start, rules)) return found;
  if (auto found = level_after_verb(s, phrase_start, earlier, recent_level, rules)) return found;
  WordAt before = word_before(s, phrase_start);
  if (before.empty()) return std::nullopt;
  const core::Quantity* carried = carried_unit(earlier);
  // "up from 27", "142 seats against 118", "15 members in favour and nine against".
  if (carried && listed(rules.ellipsis_links, lower(before.text))) return EllipticalCount{"", carried};
  // "new cases fell 62% last week, to 131 from 212": no earlier count, but a plural right before
  // a level verb a few words back names what the bare figures count.
  if (!carried && listed(rules.ellipsis_links, lower(before.text))) {
    std::size_t p = before.start;
    for (int step = 0; step < 12; ++step) {
      // Past figures and their marks ("62%,") to the word before them.
      while (p > s.begin && (s.text[p - 1] == ',' || s.text[p - 1] == '%' || s.text[p - 1] == ' ' || core::is_ascii_digit(s.before(p)))) p = s.prev(p);
      WordAt w = word_before(s, p);
      if (w.empty()) break;
      if (listed(rules.level_verbs, lower(w.text))) {
        WordAt noun = word_before(s, w.start);
        if (counted_plural(noun.text, rules) && !listed(rules.priced_plurals, lower(noun.text)))
          return EllipticalCount{std::string(noun.text), nullptr};
        break;
      }
      p = w.start;
    }
  }
  // "118 seats, the Green Union 24 and the Farmers' Bloc 16": a name and its figure in a list the
  // earlier count opened. A name that numbers things ("Pier 3", "Model 3") is no list item.
  if (carried && capitalised(before.text) && !listed(rules.numbered_labels, lower(before.text))) {
    WordAt next = word_after(s, n.end);
    char32_t after = s.at(s.skip_spaces(n.end));
    bool item_ends = after == 0 || after == ',' || after == ';' || after == '.' || after == ')' ||
                     listed(rules.range_words, lower(next.text)) || lower(next.text) == "or";
    std::string_view between = s.text.substr(carried->span.end, before.start - std::min(before.start, carried->span.end));
    bool in_list = between.find(',') != std::string_view::npos || between.find(" and ") != std::string_view::npos;
    if (item_ends && in_list) return EllipticalCount{"", carried};
  }
  return std::nullopt;
}

}  // namespace crosscheck::extract

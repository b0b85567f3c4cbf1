// The story's event by the name its articles give it. A figure of a typhoon, a fire or a
// by-election with no other subject is the story's event; the report names it as the pages do
// (태풍 '미리내', 정선 산불, 충주시장 보궐선거, Typhoon Mirinae) instead of "the story's event".
// A name is an event word of rules/*/grammar.toml (태풍, 산불, 선거, typhoon) with the words that
// make it one event: a quoted name after it, bare nouns before it (Korean), capitalised words
// around it (English). The name found in the most articles wins; a name no two places give is
// no name.
#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "frame/subjects.hpp"

namespace crosscheck::frame {

namespace {

struct Word {
  std::string_view text;  // without the punctuation around it
  bool quoted = false;    // stood in quotes
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Quote marks and the punctuation that may close a word.
constexpr std::string_view kOpenQuotes[] = {"'", "\"", "\xE2\x80\x98", "\xE2\x80\x9C"};   // ' " ‘ “
constexpr std::string_view kCloseMarks[] = {"'", "\"", "\xE2\x80\x99", "\xE2\x80\x9D", ",", ".", ":", ";", ")", "(", "!", "?",
                                            "\xE2\x80\xA6", "\xC2\xB7"};                 // ' " ’ ” … ·

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    std::string_view w = text.substr(start, i - start);
    Word word;
    for (bool trimmed = true; trimmed && !w.empty();) {
      trimmed = false;
      for (auto q : kOpenQuotes)
        if (w.size() > q.size() && w.substr(0, q.size()) == q) w.remove_prefix(q.size()), word.quoted = trimmed = true;
    }
    for (bool trimmed = true; trimmed && !w.empty();) {
      trimmed = false;
      for (auto m : kCloseMarks)
        if (w.size() >= m.size() && w.substr(w.size() - m.size()) == m) w.remove_suffix(m.size()), trimmed = true;
    }
    word.text = w;
    if (!w.empty()) out.push_back(word);
  }
  return out;
}

bool starts_hangul(std::string_view w) {
  return w.size() >= 3 && static_cast<unsigned char>(w[0]) >= 0xEA && static_cast<unsigned char>(w[0]) <= 0xED;
}
bool has_digit(std::string_view w) { return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }); }
bool capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// The word without a particle it ends with ("산불은" → 산불), keeping at least one syllable.
std::string_view stem_of(std::string_view w, const rules::RuleSet& rules, bool& had_particle) {
  had_particle = false;
  for (const auto& p : rules.grammar.particles)
    if (w.size() > p.word.size() + 2 && w.substr(w.size() - p.word.size()) == p.word) {
      had_particle = true;
      return w.substr(0, w.size() - p.word.size());
    }
  return w;
}

// A bare noun that can be part of an event's name: Hangul of two syllables or more (not 이, 그),
// no figure, no particle, not a word passed over (이번, 지난) or one that is never a name.
bool name_part(std::string_view w, const rules::RuleSet& rules) {
  if (!starts_hangul(w) || w.size() < 6 || has_digit(w) || rules.grammar.is_function_word(w) || rules.grammar.is_stop_word(w))
    return false;
  bool had_particle = false;
  stem_of(w, rules, had_particle);
  return !had_particle;
}

const std::string* event_word_ending(std::string_view stem, const rules::RuleSet& rules) {
  for (const auto& e : rules.grammar.event_words)
    if (starts_hangul(e) && stem.size() >= e.size() && stem.substr(stem.size() - e.size()) == e) return &e;
  return nullptr;
}

bool is_english_event_word(std::string_view w, const rules::RuleSet& rules) {
  std::string lowered = core::ascii_lower(w);
  for (const auto& e : rules.grammar.event_words)
    if (!starts_hangul(e) && lowered == e) return true;
  return false;
}

// The event names one text gives, each once per text.
void names_in(std::string_view text, const rules::RuleSet& rules, std::set<std::string>& out) {
  // Most paragraphs hold no event word at all: found without splitting them into words.
  bool any = false;
  std::string lowered;
  for (const auto& e : rules.grammar.event_words) {
    if (e.empty()) continue;
    if (!starts_hangul(e) && lowered.empty()) lowered = core::ascii_lower(text);
    if ((starts_hangul(e) ? text.find(e) : std::string_view(lowered).find(e)) != std::string_view::npos) {
      any = true;
      break;
    }
  }
  if (!any) return;
  std::vector<Word> words = words_of(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].text;
    if (starts_hangul(w)) {
      bool had_particle = false;
      std::string_view stem = stem_of(w, rules, had_particle);
      if (!event_word_ending(stem, rules)) continue;
      // 태풍 '미리내': a quoted name after the event word.
      if (!had_particle && i + 1 < words.size() && words[i + 1].quoted && starts_hangul(words[i + 1].text)) {
        bool unused = false;
        std::string_view quoted = stem_of(words[i + 1].text, rules, unused);  // '미리내'가: the particle after the quote
        for (auto m : kCloseMarks)
          if (quoted.size() > m.size() && quoted.substr(quoted.size() - m.size()) == m) quoted.remove_suffix(m.size());
        out.insert(std::string(stem) + " '" + std::string(quoted) + "'");
        continue;
      }
      // 정선 산불, 누리별호 침몰 사고: bare nouns before it, at most two.
      std::string name(stem);
      std::size_t parts = 0;
      for (std::size_t k = i; k > 0 && parts < 2 && name_part(words[k - 1].text, rules) && !words[k - 1].quoted; --k, ++parts)
        name = std::string(words[k - 1].text) + " " + name;
      if (parts > 0) out.insert(name);
    } else if (is_english_event_word(w, rules)) {
      // Typhoon Mirinae, the Kyushu floods, the Harbor City blaze.
      auto word = [&](std::size_t k) {
        std::string_view x = words[k].text;
        if (k < i && x.size() > 2 && x.substr(x.size() - 2) == "'s") x.remove_suffix(2);  // Kestria's election
        return x;
      };
      auto usable = [&](std::size_t k) {
        std::string_view x = word(k);
        return capitalised(x) && !has_digit(x) && !rules.grammar.is_stop_word(x);
      };
      std::size_t first = i, last = i;
      while (first > 0 && i - first < 3 && usable(first - 1)) --first;
      while (last + 1 < words.size() && last - i < 2 && usable(last + 1)) ++last;
      if (first == i && last == i) continue;
      std::string name;
      for (std::size_t k = first; k <= last; ++k) name += (name.empty() ? "" : " ") + std::string(word(k));
      out.insert(name);
    }
  }
}

}  // namespace

std::string name_event(const std::vector<core::Article>& articles, const rules::RuleSet& rules) {
  // Per name: the articles that give it, then the paragraphs (a tie between two names goes to
  // the one the story repeats more).
  std::map<std::string, std::pair<std::size_t, std::size_t>> naming;
  for (const auto& a : articles) {
    std::set<std::string> in_article;
    auto read = [&](std::string_view text) {
      std::set<std::string> names;
      names_in(text, rules, names);
      for (const auto& n : names) ++naming[n].second, in_article.insert(n);
    };
    read(a.title);
    for (const auto& p : a.paragraphs) read(std::string_view(a.text).substr(p.start, p.end - p.start));
    for (const auto& n : in_article) ++naming[n].first;
  }
  const std::string* best = nullptr;
  for (const auto& [name, count] : naming)
    if (count.first >= 2 && (!best || count > naming[*best])) best = &name;
  return best ? *best : std::string();
}

}  // namespace crosscheck::frame

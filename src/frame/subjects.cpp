#include "frame/subjects.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

bool all_hangul(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t length = 1;
    if (!core::is_hangul_syllable(core::decode_at(s, pos, length))) return false;
    pos += length;
  }
  return !s.empty();
}

namespace {

bool is_stop_word(std::string_view word, const rules::RuleSet& rules) { return rules.grammar.is_stop_word(word); }

}  // namespace

// The organisation suffix a name ends with, or "" ("반도체" of 한누리반도체, "FC" of Harbor City FC).
std::string_view suffix_of(std::string_view name, const rules::RuleSet& rules) {
  for (const auto& s : rules.grammar.org_suffixes) {
    if (name.size() <= s.size() || name.back() != s.back() || !core::ends_with(name, s)) continue;
    bool latin_suffix = !s.empty() && static_cast<unsigned char>(s[0]) < 128;
    // A Latin suffix is a word of its own ("Raon Market", not "Supermarket").
    if (latin_suffix && name[name.size() - s.size() - 1] != ' ') continue;
    return s;
  }
  return {};
}

namespace {

std::string strip_possessive(std::string_view s) {
  if (core::ends_with(s, "'s") || core::ends_with(s, "’s")) s.remove_suffix(core::ends_with(s, "'s") ? 2 : 4);
  return std::string(s);
}

// "정다은 기자": a reporter's name before the byline word, whose last syllable looks like a particle.
bool before_byline(std::string_view text, const std::vector<Token>& words, std::size_t i, const rules::RuleSet& rules) {
  if (i + 1 >= words.size()) return false;
  std::string_view next = text.substr(words[i + 1].stem.start, words[i + 1].stem.end - words[i + 1].stem.start);
  return std::any_of(rules.grammar.byline_words.begin(), rules.grammar.byline_words.end(), [&](const std::string& w) { return next.rfind(w, 0) == 0; });
}

bool overlaps(core::Span a, const std::vector<core::Span>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](const core::Span& b) { return a.start < b.end && b.start < a.end; });
}

}  // namespace

namespace {

// The capitals that start the words `first`..`last` ("Garampo Container Terminal" → "GCT").
std::string initials_of(std::string_view text, const std::vector<Token>& words, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t k = first; k <= last; ++k)
    if (words[k].capital) out += text[words[k].stem.start];
  return out;
}

bool listed(std::string_view word, const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), word) != list.end(); }

// 박정우 후보가, 박정우 미래한빛당 후보는, 박 후보는: the person a title of office at word `i` follows
// (a party's name may stand between), with the title's role. False when none does.
bool person_before_title(std::string_view text, const std::vector<Token>& words, std::size_t i, const std::vector<core::Span>& taken,
                         const rules::RuleSet& rules, Name& out) {
  auto stem_of = [&](std::size_t k) { return text.substr(words[k].stem.start, words[k].stem.end - words[k].stem.start); };
  if (i == 0 || !listed(stem_of(i), rules.grammar.person_titles)) return false;
  std::size_t j = i - 1;
  if (j > 0 && words[j].hangul && words[j].role == rules::Role::none && !suffix_of(stem_of(j), rules).empty()) --j;  // the party
  const Token& w = words[j];
  std::string_view name = stem_of(j);
  if (!w.hangul || w.digit || w.role != rules::Role::none || w.quoted || !all_hangul(name) || overlaps(w.span, taken)) return false;
  std::size_t syllables = core::count_hangul_syllables(name);
  bool surname = syllables == 1 && !listed(name, rules.grammar.not_surnames);
  bool full = syllables >= 2 && syllables <= 4 && !rules.grammar.is_stop_word(name) && !rules.grammar.is_function_word(name) &&
              !listed(name, rules.grammar.person_titles) && suffix_of(name, rules).empty() &&
              !(rules.lexicon.loaded() && rules.lexicon.is_common(name));
  if (!surname && !full) return false;
  out = Name{j, i, {w.span.start, words[i].stem.end}, std::string(name), words[i].role, false, false, surname, true};
  return true;
}

}  // namespace

std::vector<Name> find_names(std::string_view text, const ParsedSentence& sentence, const std::vector<core::Span>& taken,
                             const std::string& outlet, const rules::RuleSet& rules, Acronyms* acronyms) {
  std::vector<Name> out;
  const auto& words = sentence.words;
  auto define = [&](core::Span acronym) {
    std::string letters(text.substr(acronym.start, acronym.end - acronym.start));
    if (acronyms) acronyms->emplace(letters, letters);
    return letters;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Token& t = words[i];
    if (overlaps(t.span, taken) || t.digit) continue;
    std::string_view stem = text.substr(t.stem.start, t.stem.end - t.stem.start);
    if (Name person; t.hangul && person_before_title(text, words, i, taken, rules, person)) {
      // The words before the title may have been taken as names of their own (미래한빛당): the
      // person is the subject the title's particle marks.
      while (!out.empty() && out.back().word >= person.word) out.pop_back();
      out.push_back(person);
      continue;
    }
    if (t.hangul) {
      if (!all_hangul(stem) || is_stop_word(stem, rules)) continue;
      std::string_view suffix = suffix_of(stem, rules);
      // A one-syllable suffix (당, 몰) needs a name of two syllables before it: 미래당, not 대당.
      std::size_t before_suffix = core::count_hangul_syllables(stem) - core::count_hangul_syllables(suffix);
      bool suffixed = !suffix.empty() && before_suffix >= (core::count_hangul_syllables(suffix) == 1 ? 2u : 1u) && core::count_hangul_syllables(stem) <= 10;
      bool marked = t.role == rules::Role::topic || t.role == rules::Role::subject || t.role == rules::Role::owner;
      std::size_t syllables = core::count_hangul_syllables(stem);
      bool quoted = t.quoted && syllables >= 2 && syllables <= 8 && marked;
      // A word with a particle that no dictionary knows, nor any compound of its words, is a
      // name (새별로보틱스는, 미르켐의); like a quoted one it must recur in the article to count.
      // The name a clause ends on (…여객선 누리별호입니다) counts as well: a figure before it describes it.
      bool unknown = !suffixed && !quoted && (marked || t.role == rules::Role::copula) && syllables >= 2 && syllables <= 8 && rules.lexicon.loaded() &&
                     !rules.lexicon.is_common(stem) && !before_byline(text, words, i, rules);
      // A name the text gives an acronym for (가람포컨테이너터미널(GCT)) goes by the acronym. Only a
      // name by its suffix: terms are defined the same way (순이자마진(NIM), 국내총생산(GDP)).
      if (t.acronym.end > t.acronym.start && suffixed) {
        out.push_back({i, i, t.stem, define(t.acronym), t.role, false, false});
        continue;
      }
      if (suffixed || quoted || unknown) out.push_back({i, i, t.stem, std::string(stem), t.role, !suffixed, unknown});
      continue;
    }
    if (!t.capital) continue;
    // An acronym the article defined before (GCT는, according to GCT data) is that name.
    if (acronyms && acronyms->count(stem)) {
      out.push_back({i, i, t.stem, acronyms->find(stem)->second, t.role, false, false});
      continue;
    }
    // A word in capitals (WTI, NIM, NEW YORK, a shouted headline) is an acronym or a label, not a name.
    auto all_caps = [&](const Token& w) {
      std::string_view x = text.substr(w.stem.start, w.stem.end - w.stem.start);
      int letters = 0;
      for (char c : x) {
        if (c >= 'a' && c <= 'z') return false;
        letters += c >= 'A' && c <= 'Z';
      }
      return letters >= 2;
    };
    if (all_caps(t)) continue;
    // A run of capitalised words; the sentence's first word starts a name only with company.
    std::size_t last = i;
    while (last + 1 < words.size() && last < i + 4 && words[last + 1].capital && !words[last + 1].digit && !words[last].comma_after &&
           !all_caps(words[last + 1]) &&
           !is_stop_word(text.substr(words[last + 1].stem.start, words[last + 1].stem.end - words[last + 1].stem.start), rules))
      ++last;
    std::size_t first = i;
    while (first <= last && is_stop_word(text.substr(words[first].stem.start, words[first].stem.end - words[first].stem.start), rules))
      ++first;
    if (first > last) {
      i = last;
      continue;
    }
    core::Span span{words[first].span.start, words[last].stem.end};
    std::string id = strip_possessive(text.substr(span.start, span.end - span.start));
    bool sentence_first = first == 0;
    bool has_suffix = !suffix_of(id, rules).empty();
    bool outlet_name = !outlet.empty() && (outlet.find(id) != std::string::npos || id.find(outlet) != std::string::npos);
    // "Garampo Container Terminal (GCT)": the acronym in brackets after the run, made of the
    // run's initials, is its name.
    if (std::size_t k = last + 1; k < words.size() && words[k].span.start > 0 && text[words[k].span.start - 1] == '(' &&
                                  words[k].stem.end < text.size() && text[words[k].stem.end] == ')' &&
                                  is_acronym(text.substr(words[k].stem.start, words[k].stem.end - words[k].stem.start)) &&
                                  initials_of(text, words, first, last) == text.substr(words[k].stem.start, words[k].stem.end - words[k].stem.start) &&
                                  !overlaps(span, taken) && !outlet_name) {
      out.push_back({first, last, span, define(words[k].stem), words[last].role, false});
      i = k;
      continue;
    }
    if (core::count_code_points(id, 0, id.size()) >= 2 && !(sentence_first && first == last && !has_suffix) && !overlaps(span, taken) &&
        !outlet_name)
      out.push_back({first, last, span, id, words[last].role, first == last && !has_suffix});
    i = last;
  }
  return out;
}

namespace {

// "영화진흥위원회 통합전산망에 따르면", "according to the Transit Authority": the name is the
// report's source, not the subject of its figures.
bool names_a_source(std::string_view text, const ParsedSentence& sentence, const Name& name, const rules::RuleSet& rules) {
  const auto& words = sentence.words;
  for (std::size_t k = name.last + 1; k < words.size() && k <= name.last + 2; ++k) {
    std::string_view w = text.substr(words[k].span.start, words[k].span.end - words[k].span.start);
    for (const auto& s : rules.grammar.source_words)
      if (!s.empty() && static_cast<unsigned char>(s[0]) >= 0x80 && w.rfind(s, 0) == 0) return true;
  }
  std::size_t start = words[name.word].span.start;
  std::string_view before = text.substr(0, start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  for (std::string_view article : {"the", "The"})
    if (core::ends_with(before, article)) {
      before.remove_suffix(article.size());
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    }
  for (const auto& s : rules.grammar.source_words)
    if (!s.empty() && static_cast<unsigned char>(s[0]) < 0x80 && core::ends_with(core::ascii_lower(before.substr(before.size() > 40 ? before.size() - 40 : 0)), s))
      return true;
  return false;
}

// "대한궤도공사는 … 128편이라고 밝혔다", "공사는 복구비를 350억원으로 추산했다": the topic that opens a
// sentence ending in a verb of reporting (grammar report_verbs) is who reports it; in English, a
// name the verb follows ("the ministry said", "Padosori Entertainment estimated").
bool speaker_of_report(std::string_view text, const ParsedSentence& sentence, const Name& name, const rules::RuleSet& rules) {
  const auto& words = sentence.words;
  if (words.empty()) return false;
  // "Organizer Padosori Entertainment said 42,300 people entered": an English name with a verb of
  // reporting right after it.
  if (!words[name.word].hangul) {
    if (name.last + 1 >= words.size()) return false;
    const Token& next = words[name.last + 1];
    std::string verb = core::ascii_lower(text.substr(next.stem.start, next.stem.end - next.stem.start));
    const auto& verbs = rules.grammar.report_verbs;
    return std::find(verbs.begin(), verbs.end(), verb) != verbs.end();
  }
  if (name.role != rules::Role::topic) return false;
  for (std::size_t k = 0; k < name.word; ++k)
    if (words[k].hangul && words[k].role != rules::Role::none) return false;  // not the sentence's opening phrase
  const Token& last = words.back();
  std::string_view verb = text.substr(last.span.start, last.span.end - last.span.start);
  for (const auto& v : rules.grammar.report_verbs)
    if (!v.empty() && verb.rfind(v, 0) == 0) return true;
  return false;
}

// 《철새의 항로》, 『…』, 「…」, 〈…〉: a title in title brackets names a work (a film, a book, a
// programme) however many words it has; its role is its last word's.
void add_bracketed_titles(std::string_view text, const ParsedSentence& sentence, core::Span span, std::vector<Name>& names) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {{"《", "》"}, {"『", "』"}, {"「", "」"}, {"〈", "〉"}};
  std::string_view sentence_text = text.substr(span.start, span.end - span.start);
  for (const auto& [open, close] : kBrackets)
    for (std::size_t at = sentence_text.find(open); at != std::string_view::npos; at = sentence_text.find(open, at + open.size())) {
      std::size_t inner = at + open.size();
      std::size_t end = sentence_text.find(close, inner);
      if (end == std::string_view::npos || end == inner || end - inner > 60) continue;
      core::Span name_span{span.start + inner, span.start + end};
      int first = word_at(sentence, name_span.start), last = word_at(sentence, name_span.end - 1);
      if (first < 0 || last < first) continue;
      if (std::any_of(names.begin(), names.end(), [&](const Name& n) { return n.span.start < name_span.end && name_span.start < n.span.end; }))
        continue;
      names.push_back({static_cast<std::size_t>(first), static_cast<std::size_t>(last), name_span,
                       std::string(text.substr(name_span.start, name_span.end - name_span.start)),
                       sentence.words[static_cast<std::size_t>(last)].role, false});
    }
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.span.start < b.span.start; });
}

}  // namespace

void ArticleNames::find(const core::Article& article, std::string_view lower, const std::vector<std::vector<core::Span>>& taken,
                        const std::vector<bool>& needed, const rules::RuleSet& rules) {
  std::map<std::string, int> counts;
  std::set<std::string> unknown;
  std::map<std::string, std::string> full_names;  // a surname's syllable → the last full name with it
  for (std::size_t si = 0; si < article.sentences.size(); ++si) {
    SentenceView s{article.text, lower, article.sentences[si]};
    // A sentence without a figure is read for its names only when one could start there.
    if (!needed.empty() && !needed[si]) {
      parsed_.emplace_back();
      breaks_.emplace_back();
      done_.push_back(false);
      names_.emplace_back();
      continue;
    }
    breaks_.push_back(clause_breaks_in(s, rules));
    done_.push_back(true);
    parsed_.push_back(parse_sentence(article.text, s.span, breaks_.back(), rules));
    names_.push_back(find_names(article.text, parsed_.back(), taken[si], article.outlet, rules, &acronyms_));
    auto& found = names_.back();
    add_bracketed_titles(article.text, parsed_.back(), s.span, found);
    found.erase(std::remove_if(found.begin(), found.end(), [&](const Name& n) { return names_a_source(article.text, parsed_.back(), n, rules); }),
                found.end());
    for (auto& n : found) {
      if (!n.person) continue;
      std::string surname = n.id.substr(0, 3);  // one Hangul syllable
      if (!n.surname_only) {
        full_names[surname] = n.id;
      } else if (auto it = full_names.find(surname); it != full_names.end()) {
        n.id = it->second;
        n.surname_only = false;
      }
    }
    found.erase(std::remove_if(found.begin(), found.end(), [](const Name& n) { return n.surname_only; }), found.end());
    for (const auto& n : names_.back()) {
      ++counts[n.id];
      if (n.unknown_word) unknown.insert(n.id);
    }
  }
  // A name known only by its form ('역대', Spaniard) must recur in the article to count.
  for (auto& names : names_)
    names.erase(std::remove_if(names.begin(), names.end(), [&](const Name& n) { return n.needs_recurrence && counts[n.id] < 2; }),
                names.end());
  int event_words = 0;
  for (const auto& word : rules.grammar.event_words)
    for (std::size_t at = lower.find(word); at != std::string_view::npos; at = lower.find(word, at + word.size())) ++event_words;
  about_event_ = event_words >= 2;
  // In a story of an event, the agency that reports a figure ("대한궤도공사는 … 지연된 열차가 128편이라고
  // 밝혔다") is its source, not its subject: the figure is the event's.
  if (about_event_)
    for (std::size_t si = 0; si < names_.size(); ++si) {
      auto& found = names_[si];
      found.erase(std::remove_if(found.begin(), found.end(), [&](const Name& n) {
                    bool speaks = speaker_of_report(article.text, parsed_[si], n, rules);
                    if (speaks) --counts[n.id];
                    return speaks;
                  }),
                  found.end());
    }
  int best = 1;
  for (const auto& [id, n] : counts)
    if (n > best && !unknown.count(id)) best = n, main_ = id;
}

std::string ArticleNames::subject_for(std::size_t si, const core::Quantity& q, const rules::Attribute* attribute, bool listed,
                                      std::string_view& source) const {
  if (attribute && attribute->event) return "";
  const ParsedSentence& p = parsed_[si];
  int fig = word_at(p, q.span.start);
  if (fig < 0) return "";
  std::size_t clause = p.words[static_cast<std::size_t>(fig)].clause;
  auto marked = [](const Name& n) { return n.role == rules::Role::topic || n.role == rules::Role::subject || n.role == rules::Role::owner; };
  // A figure that describes the name after it is that name's: "the 6,800-tonne Nuribyeol" (a
  // figure written as an adjective right before the name), "6만8천t급 여객선 누리별호입니다" (the
  // name the clause ends on, at most one word after the figure's).
  int last = word_at(p, q.span.end > 0 ? q.span.end - 1 : q.span.end);
  for (const auto& n : names_[si]) {
    if (n.span.start < q.span.end || last < 0 || p.words[n.word].clause != clause) continue;
    std::size_t gap = n.word - static_cast<std::size_t>(last);
    bool adjectival = !p.words[n.word].hangul && gap == 1 && q.surface.find('-') != std::string_view::npos;
    bool predicated = p.words[n.word].hangul && gap <= 2 && n.role == rules::Role::copula;
    if (adjectival || predicated) return source = "clause", n.id;
    break;  // only the first name after the figure
  }
  const Name* best = nullptr;
  for (int pass = 0; pass < 2 && !best; ++pass)
    for (const auto& n : names_[si]) {
      if (n.span.end > q.span.start || p.words[n.word].clause != clause) continue;
      if (pass == 0 ? !marked(n) : (n.role == rules::Role::adverbial || n.role == rules::Role::comparison)) continue;
      best = &n;  // the nearest before the figure: names come in text order
    }
  if (best) return source = "clause", best->id;
  for (const auto& n : names_[si])
    if (n.span.end <= q.span.start && (marked(n) || (!p.words[n.word].hangul && n.role == rules::Role::none))) return source = "sentence", n.id;
  if (listed) return "";
  if (!topic_.empty()) return source = "topic", topic_;
  return "";
}

std::string ArticleNames::fallback(const rules::Attribute* attribute, std::string_view& source) const {
  if (attribute && attribute->event) return source = "event", "event";
  if (!main_.empty()) return source = "article", main_;
  if (about_event_) return source = "event", "event";
  return "";
}

void ArticleNames::carry_topic(std::size_t si, const std::string& claim_name) {
  for (const auto& n : names_[si])
    if (!n.unknown_word && (n.role == rules::Role::topic || (!parsed_[si].words[n.word].hangul && n.word == 0))) {
      topic_ = n.id;
      return;
    }
  if (!claim_name.empty()) topic_ = claim_name;
}

}  // namespace crosscheck::frame

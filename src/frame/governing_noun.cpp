// The noun that governs a figure when no concept of rules/ names its measure: in Korean the
// clause's word before the figure or its topic or subject, normalised (particles and endings
// stripped), with the adnominal verb that narrows it; in English the phrase read from its shape
// (english_noun.cpp). See docs/architecture.md, "Measure".
#include <algorithm>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

bool is_function_word(std::string_view text, const Token& t, const rules::RuleSet& rules) {
  return rules.grammar.is_function_word(text.substr(t.span.start, t.span.end - t.span.start));
}

// The word holding the figure's last byte.
int last_word_of(const ParsedSentence& p, const core::Quantity& q) { return word_at(p, q.span.end > 0 ? q.span.end - 1 : q.span.end); }

bool has_hangul(std::string_view text, core::Span span) {
  for (std::size_t k = span.start; k < span.end && k < text.size();) {
    std::size_t length = 1;
    if (core::is_hangul_syllable(core::decode_at(text, k, length))) return true;
    k += length;
  }
  return false;
}

// A Korean word that is a date or a clock ("9일", "0시부터", "3분기"), not a figure: the topic
// before it still governs the figure after it ("환자는 9일 0시부터 누적 1,380명").
bool is_time_word(std::string_view text, const Token& t, const rules::RuleSet& rules) {
  std::string_view stem = text.substr(t.stem.start, t.stem.end - t.stem.start);
  std::size_t digits = 0;
  while (digits < stem.size() && stem[digits] >= '0' && stem[digits] <= '9') ++digits;
  if (digits == 0 || digits == stem.size()) return false;
  std::string_view unit = stem.substr(digits);
  const auto& w = rules.time;
  // The suffix, then nothing or a particle or span word ("0시부터", "9일까지").
  auto rest_is_particle = [&](std::string_view rest) {
    if (rest.empty()) return true;
    if (std::find(w.span_start_after.begin(), w.span_start_after.end(), rest) != w.span_start_after.end()) return true;
    return std::any_of(rules.grammar.particles.begin(), rules.grammar.particles.end(), [&](const auto& particle) { return particle.word == rest; });
  };
  for (const auto* list : {&w.year_suffix, &w.month_suffix, &w.day_suffix, &w.quarter_suffix, &w.hour_suffix, &w.minute_suffix})
    for (const auto& suffix : *list)
      if (unit.substr(0, suffix.size()) == suffix && rest_is_particle(unit.substr(suffix.size()))) return true;
  return false;
}

}  // namespace

GoverningNoun governing_noun(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules) {
  int fig = word_at(p, q.span.start);
  if (fig < 0) return {};
  const std::size_t clause = p.words[static_cast<std::size_t>(fig)].clause;
  // An English clause (a Latin word before the figure) has no particles: its phrase is read from
  // its shape. A Korean figure after a Latin name ("KTX 44편") stays Korean.
  if (fig > 0 && p.words[static_cast<std::size_t>(fig - 1)].clause == clause && !has_hangul(s.text, q.span)) {
    const Token& w = p.words[static_cast<std::size_t>(fig - 1)];
    unsigned char c = static_cast<unsigned char>(s.text[w.span.start]);
    if (!w.hangul && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {english_governing_noun(s, p, q, rules), ""};
  }
  // A verb before the figure (수요에 힘입어 26.4% 늘었다) says how, not what is measured: passed over.
  auto is_verb = [&](int i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    return t.hangul && t.clause == clause && rules.lexicon.is_inflected_verb(s.text.substr(t.stem.start, t.stem.end - t.stem.start));
  };
  // A noun of two syllables or more: "연 4.12%" (연, a year's) names no measure, so the topic does.
  auto long_enough = [&](int i) {
    std::string_view noun = s.text.substr(p.words[static_cast<std::size_t>(i)].stem.start, p.words[static_cast<std::size_t>(i)].stem.end - p.words[static_cast<std::size_t>(i)].stem.start);
    return core::count_code_points(noun, 0, noun.size()) >= 2;
  };
  const bool figure_aside = p.words[static_cast<std::size_t>(fig)].aside;
  auto usable = [&](int i) {
    if (i < 0 || static_cast<std::size_t>(i) >= p.words.size()) return false;
    const Token& t = p.words[static_cast<std::size_t>(i)];
    if (is_verb(i) || t.aside != figure_aside) return false;
    return t.clause == clause && !t.digit && !is_function_word(s.text, t, rules) && t.stem.end > t.stem.start && long_enough(i);
  };
  int before = fig - 1;
  while (before >= 0 && p.words[static_cast<std::size_t>(before)].clause == clause &&
         (is_function_word(s.text, p.words[static_cast<std::size_t>(before)], rules) ||
          (p.words[static_cast<std::size_t>(before)].aside && !figure_aside)))
    --before;
  int pick = -1;
  // "74기의 크레인이", "35억원의 추가 물류비가": a figure marked as owner measures the noun it owns,
  // the first word after it that carries a role of its own.
  int last = last_word_of(p, q);
  if (last >= 0 && role_after(s.text, q.span.end, p.words[static_cast<std::size_t>(last)].span.end, rules) == rules::Role::owner)
    for (int i = last + 1; i < static_cast<int>(p.words.size()) && i <= last + 3; ++i) {
      const Token& t = p.words[static_cast<std::size_t>(i)];
      if (t.clause != clause || t.digit) break;
      if (t.role != rules::Role::none) {
        pick = i;
        break;
      }
    }
  // "확진 농가가 해솔군 11곳, 가람군 3곳": a bare place name right before the figure (by the
  // grammar's place_suffixes, and no common word) says where; the clause's topic or subject says
  // what is counted. Where the clause has none, the place stays the measure, as before.
  auto is_place = [&](int i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    std::string_view w = s.text.substr(t.stem.start, t.stem.end - t.stem.start);
    if (!t.hangul || t.role != rules::Role::none || core::count_hangul_syllables(w) < 3 || core::count_hangul_syllables(w) > 6) return false;
    if (rules.lexicon.loaded() && rules.lexicon.is_common(w)) return false;
    return std::any_of(rules.grammar.place_suffixes.begin(), rules.grammar.place_suffixes.end(),
                       [&](const std::string& x) { return core::ends_with(w, x); });
  };
  int place = -1;
  if (pick < 0 && usable(before)) {
    rules::Role role = p.words[static_cast<std::size_t>(before)].role;
    if (is_place(before)) place = before;
    else if (role != rules::Role::adverbial && role != rules::Role::comparison) pick = before;
  }
  // Past the short word, verbs and any noun without a role: the clause's topic or subject. A
  // one-syllable bound noun with the role ("누적 관객 수는 352만 1,940명", "사망자 수가") counts what
  // the noun before it names: that noun is the measure. An adjective before it ("많은 곳은") is no
  // such noun: the word must be one the dictionary knows (or a compound of its words).
  auto bound_after_noun = [&](int i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    if (!t.hangul || i == 0 || core::count_hangul_syllables(s.text.substr(t.stem.start, t.stem.end - t.stem.start)) != 1) return false;
    const Token& noun = p.words[static_cast<std::size_t>(i - 1)];
    std::string_view word = s.text.substr(noun.stem.start, noun.stem.end - noun.stem.start);
    // 많은, 높은, 작던: an adjective's stem the dictionary knows with 다, and an adnominal ending.
    auto adnominal = [&] {
      if (rules.lexicon.is_inflected_verb(word)) return true;
      for (std::string_view ending : {"은", "는", "던", "을"})
        if (word.size() > ending.size() && core::ends_with(word, ending) &&
            rules.lexicon.knows(std::string(word.substr(0, word.size() - ending.size())) + "다"))
          return true;
      return false;
    };
    return usable(i - 1) && noun.role == rules::Role::none && noun.hangul && rules.lexicon.loaded() && rules.lexicon.is_common(word) &&
           !rules.lexicon.is_verb_form(word) && !adnominal();
  };
  for (int i = before; pick < 0 && i >= 0 && p.words[static_cast<std::size_t>(i)].clause == clause; --i) {
    const Token& w = p.words[static_cast<std::size_t>(i)];
    if (w.digit && !is_time_word(s.text, w, rules)) break;  // another figure's words stand beyond it
    auto role = w.role;
    if (role != rules::Role::topic && role != rules::Role::subject) continue;
    if (usable(i)) pick = i;
    else if (bound_after_noun(i)) pick = i - 1;
  }
  // "…, 가람군 3곳": a list item whose clause is the place and its figure takes the noun the
  // list's first clause is governed by, the nearest topic or subject before it in the sentence.
  if (place >= 0 && pick < 0)
    for (int i = place - 1; i >= 0; --i) {
      const Token& w = p.words[static_cast<std::size_t>(i)];
      if ((w.role == rules::Role::topic || w.role == rules::Role::subject) && w.hangul && !w.digit && !is_verb(i) &&
          !is_function_word(s.text, w, rules) && core::count_hangul_syllables(s.text.substr(w.stem.start, w.stem.end - w.stem.start)) >= 2) {
        pick = i;
        break;
      }
    }
  std::string place_name;
  if (place >= 0) {
    const Token& t = p.words[static_cast<std::size_t>(place)];
    if (pick >= 0) place_name = std::string(s.text.substr(t.stem.start, t.stem.end - t.stem.start));
    else pick = place;
  }
  // "'따따블'(공모가의 4배)을": inside an aside, the first words are those of its opening word after
  // the bracket (공모가의 → 공모가).
  if (pick < 0 && figure_aside)
    for (int i = fig - 1; i >= 0 && p.words[static_cast<std::size_t>(i)].clause == clause; --i) {
      const Token& t = p.words[static_cast<std::size_t>(i)];
      if (t.aside) continue;
      if (!t.opens_aside) break;
      std::string_view written = s.text.substr(t.span.start, t.span.end - t.span.start);
      std::string_view inside = written.substr(written.find('(') + 1);
      for (const auto& particle : rules.grammar.particles)
        if (inside.size() > particle.word.size() + 3 && core::ends_with(inside, particle.word)) {
          inside.remove_suffix(particle.word.size());
          break;
        }
      GoverningNoun out;
      out.noun = normalize_word(inside, rules);
      if (core::count_code_points(out.noun, 0, out.noun.size()) < 2) return {};
      return out;
    }
  if (pick < 0) return {};
  const Token& t = p.words[static_cast<std::size_t>(pick)];
  GoverningNoun out;
  out.noun = normalize_word(s.text.substr(t.stem.start, t.stem.end - t.stem.start), rules);
  if (core::count_code_points(out.noun, 0, out.noun.size()) < 2) return {};
  out.place = place_name;
  // The verb that narrows the noun in Korean, in its adnominal form right before it (운행이
  // 취소된 열차, 지연된 열차): the cancelled trains and the delayed ones are two quantities. A noun
  // before it does not narrow it here: outlets write one compound in many orders (중위 매매가격,
  // 매매가격 중위값) and the segment reader (qualifier_of) handles the nouns that do.
  if (t.hangul && pick > 0) {
    const Token& m = p.words[static_cast<std::size_t>(pick - 1)];
    std::string_view mod = s.text.substr(m.stem.start, m.stem.end - m.stem.start);
    bool bare = m.role == rules::Role::none && m.clause == t.clause && m.hangul && !m.digit && !m.quoted && !m.comma_after &&
                m.stem.end == m.span.end && !is_function_word(s.text, m, rules) && core::count_hangul_syllables(mod) >= 2;
    const auto& g = rules.grammar;
    bool whole = g.is_whole_word(mod);
    bool named = std::any_of(g.org_suffixes.begin(), g.org_suffixes.end(), [&](const std::string& x) { return mod.size() > x.size() && core::ends_with(mod, x); });
    if (bare && !whole && !named && rules.lexicon.loaded() && rules.lexicon.is_inflected_verb(mod)) {
      std::string narrowing = normalize_word(mod, rules);
      bool records = std::find(g.record_verbs.begin(), g.record_verbs.end(), narrowing) != g.record_verbs.end();
      if (!records && core::count_code_points(narrowing, 0, narrowing.size()) >= 2) out.narrowing = narrowing;
    }
  }
  return out;
}

}  // namespace crosscheck::frame

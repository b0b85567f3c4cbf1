// What narrows a figure's measure and what makes it a change: the bare noun before a measure
// (반도체 수출: the semiconductor segment), the noun a measure written onto the figure is of
// (3,000t급 경비함), the place its clause names (미국에서는), and the words and verbs that make it
// the size of a change rather than a level (증가 폭은 28만 명, 28만2천명 늘었다, rose 10%).
#include <algorithm>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

bool is_function_word(std::string_view text, const Token& t, const rules::RuleSet& rules) {
  return rules.grammar.is_function_word(text.substr(t.span.start, t.span.end - t.span.start));
}

// The word holding the figure's last byte.
int last_word_of(const ParsedSentence& p, const core::Quantity& q) { return word_at(p, q.span.end > 0 ? q.span.end - 1 : q.span.end); }

}  // namespace

namespace {

// `before` as a qualifier of the measure word `measure`: a bare noun of the measure's script in its
// clause, not a name, a scope word, a time, a function word or a change; "" when it is none.
std::string qualifying_word(const SentenceView& s, const Token& before, const Token& measure, const rules::RuleSet& rules,
                            bool aside_opener = false) {
  // An aside's opening word ("평균(7.9%)의") holds the bracket's figure and the role after it.
  if (before.clause != measure.clause || (!aside_opener && (before.role != rules::Role::none || before.digit)) || before.comma_after ||
      before.quoted)
    return "";
  // Only a word of the measure's own script qualifies it: a Korean noun before a Korean measure.
  if (before.hangul != measure.hangul) return "";
  if (!before.hangul && before.capital) return "";  // a name before an English measure is its subject
  std::string_view word = s.text.substr(before.stem.start, before.stem.end - before.stem.start);
  if (is_function_word(s.text, before, rules)) return "";
  // A name before the measure is whose it is (엔비디아 주가), a scope word how it is meant (최종 투표율).
  if (rules.entity_table.longest_at(s.text.substr(0, before.stem.end), before.stem.start)) return "";
  if (rules.scope_table.longest_at(s.lower.substr(0, s.span.end), before.span.start)) return "";
  if (rules.relative_table.longest_at(s.lower.substr(0, s.span.end), before.span.start)) return "";
  // A time is the figure's period, not a part of its measure: "third-quarter revenue", "March sales".
  for (const core::PhraseTable* times : {&rules.quarter_table, &rules.month_table, &rules.weekday_table})
    if (times->longest_at(s.lower.substr(0, s.span.end), before.span.start)) return "";
  if (core::count_code_points(word, 0, word.size()) < 2) return "";
  std::string lowered = core::ascii_lower(word);
  // "the festival's economic effect": the owner without its possessive.
  for (std::string_view possessive : {"'s", "’s"})
    if (lowered.size() > possessive.size() + 1 && core::ends_with(lowered, possessive)) lowered.resize(lowered.size() - possessive.size());
  if (rules.grammar.starts_with_change(lowered)) return "";
  // 전국 생산량, nationwide sales: the whole, which is what a figure with no qualifier is too.
  if (rules.grammar.is_whole_word(lowered)) return "";
  // A verb (포함한 매출, 진화해 진화율) says what was done, not which part; the story's event (산불
  // 진화율) is its subject, not a part; a scale or unit word is the figure's own.
  if (before.hangul && rules.lexicon.is_inflected_verb(word)) return "";
  // "참여해 사전투표율": a noun of two syllables or more and 해, the connective of its 하다 verb (the
  // dictionary lists such forms as words, which is_inflected_verb does not take for verbs).
  if (before.hangul && word.size() >= 9 && core::ends_with(word, "해")) {
    std::string stem(word.substr(0, word.size() - 3));
    if (rules.lexicon.knows(stem) && rules.lexicon.knows(stem + "하다") && !rules.relative_table.longest_at(word, 0)) return "";
  }
  const auto& events = rules.grammar.event_words;
  if (std::find(events.begin(), events.end(), lowered) != events.end()) return "";
  auto whole_word_of = [&](const core::PhraseTable& table) {
    auto m = table.longest_at(s.lower.substr(0, before.stem.end), before.stem.start);
    return m && m.length == before.stem.end - before.stem.start;
  };
  if (!before.hangul && (whole_word_of(rules.scale_table) || whole_word_of(rules.unit_table))) return "";
  return lowered;
}

}  // namespace

std::string qualifier_of(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q,
                         const rules::RuleSet& rules) {
  if (g.word <= 0) return "";
  const Token& measure = p.words[static_cast<std::size_t>(g.word)];
  if (std::string q1 = qualifying_word(s, p.words[static_cast<std::size_t>(g.word - 1)], measure, rules); !q1.empty()) return q1;
  // "전남 쌀 생산량": a one-syllable noun right before the measure (쌀, 벼) names the crop, not a part;
  // the bare noun before it may still name one.
  if (g.word >= 2 && measure.hangul) {
    const Token& near = p.words[static_cast<std::size_t>(g.word - 1)];
    std::string_view short_word = s.text.substr(near.stem.start, near.stem.end - near.stem.start);
    if (near.hangul && near.role == rules::Role::none && near.clause == measure.clause && !near.digit &&
        core::count_code_points(short_word, 0, short_word.size()) == 1)
      if (std::string q2 = qualifying_word(s, p.words[static_cast<std::size_t>(g.word - 2)], measure, rules); !q2.empty()) return q2;
  }
  // "수출 648억 달러 … 반도체 161억 달러": a bare Korean noun right before the figure, after its
  // measure, is the part of the measure the figure is.
  int fig = word_at(p, q.span.start);
  if (fig > g.word + 1 && measure.hangul) return qualifying_word(s, p.words[static_cast<std::size_t>(fig - 1)], measure, rules);
  return "";
}

std::string aside_qualifier(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q,
                            const rules::RuleSet& rules) {
  int fig = word_at(p, q.span.start);
  if (fig < 0 || g.word < 0 || fig == g.word) return "";
  Token opener = p.words[static_cast<std::size_t>(fig)];
  // The bracket opens inside the figure's own word ("평균(7.9%)의"): the noun is what stands before it.
  std::size_t open = s.text.find('(', opener.span.start);
  if (open == std::string_view::npos || open >= q.span.start || open == opener.span.start) return "";
  if (s.text.find_first_not_of(" ", open + 1) != q.span.start) return "";  // the bracket is the figure's
  opener.stem = {opener.span.start, open};
  return qualifying_word(s, opener, p.words[static_cast<std::size_t>(g.word)], rules, true);
}

std::string attached_qualifier(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q) {
  int fig = word_at(p, q.span.start);
  // Only a physical measure is written so (6,800t급, 3천톤급); a count's counter is its own word.
  if (q.dimension != core::Dimension::measure) return "";
  // The cue runs past the figure and ends in the figure's own word (t급, not 표를 얻).
  if (g.word < 0 || g.word != last_word_of(p, q) || g.cue.end <= q.span.end || fig < 0 ||
      g.cue.end > p.words[static_cast<std::size_t>(g.word)].span.end)
    return "";
  std::size_t next = static_cast<std::size_t>(g.word) + 1;
  if (next >= p.words.size() || p.words[next].clause != p.words[static_cast<std::size_t>(g.word)].clause) return "";
  const Token& noun = p.words[next];
  if (!noun.hangul || noun.digit) return "";
  return std::string(s.text.substr(noun.stem.start, noun.stem.end - noun.stem.start));
}

std::string place_of(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules) {
  int fig = word_at(p, q.span.start);
  if (fig < 0) return "";
  const std::size_t clause = p.words[static_cast<std::size_t>(fig)].clause;
  for (int i = fig - 1; i >= 0 && p.words[static_cast<std::size_t>(i)].clause == clause; --i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    if (t.digit) return "";  // "당진에서 1명 등 모두 2명": the place is the earlier figure's
    if (!t.hangul) continue;
    std::string_view particle = s.text.substr(t.stem.end, t.span.end - t.stem.end);
    std::string_view stem = s.text.substr(t.stem.start, t.stem.end - t.stem.start);
    // 에서 read as the particle, or left on the stem before another (유럽에서도: 도).
    constexpr std::string_view kAt = "에서";
    if (particle.rfind(kAt, 0) != 0) {
      if (stem.size() <= kAt.size() || stem.substr(stem.size() - kAt.size()) != kAt) continue;
      stem.remove_suffix(kAt.size());
    }
    const auto& heads = rules.grammar.place_heads;
    if (std::find(heads.begin(), heads.end(), stem) != heads.end()) {
      // "고산 지역에서는": the name before the head is the place; a head alone (현장에서) names none.
      if (i == 0 || p.words[static_cast<std::size_t>(i - 1)].role != rules::Role::none || !p.words[static_cast<std::size_t>(i - 1)].hangul)
        return "";
      const Token& name = p.words[static_cast<std::size_t>(i - 1)];
      return std::string(s.text.substr(name.stem.start, name.stem.end - name.stem.start));
    }
    if (stem.size() < 6 || rules.grammar.is_function_word(stem)) continue;  // two syllables at least
    const auto& occasions = rules.grammar.occasion_words;
    if (std::find(occasions.begin(), occasions.end(), stem) != occasions.end()) continue;  // 브리핑에서: no place
    if (rules.lexicon.is_inflected_verb(stem)) continue;
    return std::string(stem);
  }
  return "";
}

bool sized_change(const SentenceView& s, core::Span clause, const core::Quantity& q, const rules::RuleSet& rules) {
  if (q.span.start <= clause.start) return false;
  std::string_view before = s.lower.substr(clause.start, q.span.start - clause.start);
  for (const auto& w : rules.grammar.change_size_lower)
    if (!w.empty() && before.find(w) != std::string_view::npos) return true;
  return false;
}

bool is_change_figure(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const rules::RuleSet& rules) {
  int fig = word_at(p, q.span.start);
  if (fig < 0) return false;
  // The word holding the end of the figure, then the next one.
  int last = last_word_of(p, q);
  if (last < fig) last = fig;
  int next = last + 1;
  if (next >= static_cast<int>(p.words.size()) || p.words[static_cast<std::size_t>(next)].clause != p.words[static_cast<std::size_t>(last)].clause) return false;
  // "88명으로 늘었다" rose to 88: a level; "28만2천명 늘었다" rose by it: a change.
  if (role_after(s.text, q.span.end, p.words[static_cast<std::size_t>(last)].span.end, rules) != rules::Role::none) return false;
  const Token& t = p.words[static_cast<std::size_t>(next)];
  std::string lowered = core::ascii_lower(s.text.substr(t.span.start, t.span.end - t.span.start));
  if (t.hangul) return rules.grammar.starts_with_change(lowered);
  // English puts the verb first: "rose 10%", "fell by 282,000" change by the figure; "rose to
  // 71.3%" reaches it.
  int before = fig - 1;
  if (before >= 0 && core::ascii_lower(s.text.substr(p.words[static_cast<std::size_t>(before)].span.start,
                                                      p.words[static_cast<std::size_t>(before)].span.end -
                                                          p.words[static_cast<std::size_t>(before)].span.start)) == "by")
    --before;
  if (before < 0 || p.words[static_cast<std::size_t>(before)].hangul || p.words[static_cast<std::size_t>(before)].clause != p.words[static_cast<std::size_t>(fig)].clause)
    return false;
  const Token& verb = p.words[static_cast<std::size_t>(before)];
  std::string word = core::ascii_lower(s.text.substr(verb.stem.start, verb.stem.end - verb.stem.start));
  return std::find(rules.grammar.change_lower.begin(), rules.grammar.change_lower.end(), word) != rules.grammar.change_lower.end();
}


}  // namespace crosscheck::frame

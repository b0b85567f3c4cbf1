// What a figure measures, read from its clause: the noun or predicate that governs it. In order,
// a list word's pairing (매출과 영업이익은 각각 31조원, 2조4000억원), the word right before the
// figure (사망자 64명, 매출 31조원), the predicate right after it (64명이 숨졌다, 86 fatalities),
// a topic, subject or object earlier in the clause (영업이익은 … 2조1000억원이었다), a word later
// in the clause, and the sentence's topic. The words are mapped onto a concept by the attribute
// cues of rules/; the cue's own attribute, priority and required words decide as before.
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

bool fits(const rules::Attribute& a, core::Dimension d) {
  return a.dimensions.empty() || std::find(a.dimensions.begin(), a.dimensions.end(), d) != a.dimensions.end();
}

// The figure in word `i` is a base of comparison: "24,000원보다", "24,000원 대비".
bool is_comparison_base(const SentenceView& s, const ParsedSentence& p, int i, const rules::RuleSet& rules) {
  const Token& t = p.words[static_cast<std::size_t>(i)];
  std::size_t digits_end = t.span.start;
  for (std::size_t k = t.span.start; k < t.span.end; ++k)
    if (s.text[k] >= '0' && s.text[k] <= '9') digits_end = k + 1;
  auto compares = [&](std::string_view rest) {
    for (const auto& particle : rules.grammar.particles)
      if (particle.role == rules::Role::comparison && rest.find(particle.word) != std::string_view::npos) return true;
    return false;
  };
  if (compares(s.text.substr(digits_end, t.span.end - digits_end))) return true;
  if (static_cast<std::size_t>(i + 1) >= p.words.size() || p.words[static_cast<std::size_t>(i + 1)].clause != t.clause) return false;
  const Token& next = p.words[static_cast<std::size_t>(i + 1)];
  return next.hangul && compares(s.text.substr(next.span.start, std::min<std::size_t>(next.span.end - next.span.start, 9)));
}

}  // namespace

std::vector<CueHit> concept_cues_at(const Token& t, const core::Quantity& q, const std::vector<CueHit>& cues, const rules::RuleSet& rules) {
  std::vector<CueHit> out;
  for (const auto& h : cues) {
    const auto& cue = rules.attribute_cues[static_cast<std::size_t>(h.cue)];
    if (cue.attribute_index < 0) continue;
    // A required word ("증발") goes along with any main cue, wherever it stands.
    if (cue.requires_other) {
      out.push_back(h);
      continue;
    }
    if (h.start < t.span.start || h.start >= t.span.end) continue;
    // A cue inside the figure counts when it ends it: a counted noun ("12 seats", "86 fatalities")
    // or a word running past it ("175석을").
    if (h.start < q.span.end && h.end > q.span.start && !(h.start > q.span.start && h.end >= q.span.end)) continue;
    if (!fits(rules.attributes[static_cast<std::size_t>(cue.attribute_index)], q.dimension)) continue;
    out.push_back(h);
  }
  // A main cue whose block has required words stands only beside one of them.
  auto required_here = [&](int block) {
    return std::any_of(out.begin(), out.end(), [&](const CueHit& h) {
      const auto& c = rules.attribute_cues[static_cast<std::size_t>(h.cue)];
      return c.requires_other && c.block == block;
    });
  };
  out.erase(std::remove_if(out.begin(), out.end(), [&](const CueHit& h) {
              const auto& c = rules.attribute_cues[static_cast<std::size_t>(h.cue)];
              return !c.requires_other && c.needs_required && !required_here(c.block);
            }),
            out.end());
  bool has_main = std::any_of(out.begin(), out.end(), [&](const CueHit& h) { return !rules.attribute_cues[static_cast<std::size_t>(h.cue)].requires_other; });
  if (!has_main) out.clear();
  return out;
}

Governed govern_measure(const SentenceView& s, const ParsedSentence& p, const core::Quantity& q, const std::vector<CueHit>& cues,
                        const rules::RuleSet& rules, int paired_word) {
  Governed g;
  int fig = word_at(p, q.span.start);
  if (fig < 0) return g;
  const std::size_t clause = p.words[static_cast<std::size_t>(fig)].clause;
  auto try_word = [&](int i, std::string_view source) {
    if (i < 0 || static_cast<std::size_t>(i) >= p.words.size()) return false;
    auto hits = concept_cues_at(p.words[static_cast<std::size_t>(i)], q, cues, rules);
    if (hits.empty()) return false;
    std::string_view how;
    CueHit chosen;
    core::Span clause_span = p.clauses[std::min(clause, p.clauses.size() - 1)];
    std::string attribute = choose_attribute(s, q, clause_span, hits, rules, how, chosen);
    if (how != "cue") return false;
    g.attribute = attribute;
    g.source = source;
    g.word = i;
    g.cue = chosen;
    return true;
  };
  // A verb of change (rose, 하락) governs only when no other measure does: "revenue rose 18%".
  auto is_change = [&](int i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    std::string lowered = core::ascii_lower(s.text.substr(t.span.start, t.span.end - t.span.start));
    return rules.grammar.starts_with_change(lowered);
  };
  Governed deferred;
  auto try_first = [&](int i, std::string_view source) {
    if (!try_word(i, source)) return false;
    if (!is_change(i)) return true;
    if (deferred.attribute.empty()) deferred = g;
    g = Governed{};
    return false;
  };
  // A figure inside a bracketed aside looks for its noun inside the aside only (its opening word
  // holds the aside's first words: "'따따블'(공모가의 4배)을").
  auto in_clause = [&](int i) {
    if (i < 0 || static_cast<std::size_t>(i) >= p.words.size()) return false;
    const Token& t = p.words[static_cast<std::size_t>(i)];
    return t.clause == clause && (!p.words[static_cast<std::size_t>(fig)].aside || t.aside || t.opens_aside);
  };
  // 1. A list word pairs figures with the nouns before it, in order.
  if (paired_word >= 0 && try_word(paired_word, "clause")) return g;
  // 2. A counted noun the figure ends with ("carrying 172 passengers": passengers, not all aboard).
  if (int counted = last_word_of(p, q); counted > fig && try_first(counted, "clause")) return g;
  // 3. The word right before the figure, past function words (약, of, the) and a bracketed aside.
  const bool figure_aside = p.words[static_cast<std::size_t>(fig)].aside;
  auto passed_over = [&](int i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    return is_function_word(s.text, t, rules) || (t.aside && !figure_aside);
  };
  int before = fig - 1;
  while (in_clause(before) && passed_over(before)) --before;
  // "승객과 승무원 218명": the figure counts the two together, so neither noun is its measure alone;
  // the predicate (태운) or a noun further back says what it is.
  int pair_start = before;
  while (in_clause(pair_start - 1) && p.words[static_cast<std::size_t>(pair_start - 1)].role == rules::Role::list) --pair_start;
  const bool coordinated = pair_start < before;
  if (!coordinated && in_clause(before) && try_first(before, "clause")) return g;
  // "응답자의 58.4%가 최저임금이 오르면 …": a percent owned by the noun before it, and the subject of
  // its clause, is a share of that noun; a measure later in the clause is what the share said, not
  // what the figure measures. As an object it is measured by its verb ("시장의 70%를 점유"), and a
  // share of the whole ("전체의 3분의 1") by what the clause is about.
  auto own_role = [&] {
    int last_word = last_word_of(p, q);
    if (last_word < 0) return rules::Role::none;
    return role_after(s.text, q.span.end, p.words[static_cast<std::size_t>(last_word)].span.end, rules);
  };
  auto whole_owner = [&](const Token& t) {
    std::string_view stem = s.text.substr(t.stem.start, t.stem.end - t.stem.start);
    return rules.grammar.is_whole_word(stem) || rules.grammar.is_function_word(stem);
  };
  if (q.dimension == core::Dimension::percent && in_clause(before) && p.words[static_cast<std::size_t>(before)].role == rules::Role::owner &&
      !p.words[static_cast<std::size_t>(before)].digit && !whole_owner(p.words[static_cast<std::size_t>(before)]) &&
      (own_role() == rules::Role::subject || own_role() == rules::Role::topic)) {
    g.owned_share = true;
    return g;
  }
  // 4. The figure's own word past the figure, then the predicate right after it. A figure
  // written in spaced groups ("2만 3천 가구가 정전 피해를") ends in a later word than it starts.
  const int last = std::max(fig, last_word_of(p, q));
  if (try_first(fig, "clause")) return g;
  for (int i = fig + 1; i <= last + 3 && in_clause(i); ++i) {
    if (p.words[static_cast<std::size_t>(i)].digit) {
      if (i > last) break;  // the next figure's
      continue;             // a later group of this one
    }
    if (try_first(i, "clause")) return g;
  }
  // 5. A topic, subject, object or owner earlier in the clause, nearest first; then any word.
  for (int i = before; in_clause(i); --i) {
    auto role = p.words[static_cast<std::size_t>(i)].role;
    if (role == rules::Role::adverbial || role == rules::Role::comparison || i == before) continue;
    if (p.words[static_cast<std::size_t>(i)].aside && !figure_aside) continue;
    if (coordinated && i >= pair_start) continue;
    // "공모가 24,000원 대비 197.1% 오른 71,300원": a bare noun right before a figure that is a base of
    // comparison measures that base, not the figure compared with it.
    if (role == rules::Role::none && i + 1 < fig && p.words[static_cast<std::size_t>(i + 1)].digit && is_comparison_base(s, p, i + 1, rules))
      continue;
    if (try_first(i, "clause")) return g;
  }
  if (!deferred.attribute.empty()) return deferred;
  // 6. Later in the clause, up to the next figure: "killing 8 people and leaving 9 missing" does
  // not make the 8 missing.
  for (int i = last + 4; in_clause(i) && !p.words[static_cast<std::size_t>(i)].digit; ++i)
    if (try_word(i, "clause")) return g;
  // 7. The sentence's topic before the figure.
  for (int i = 0; i < fig; ++i)
    if (p.words[static_cast<std::size_t>(i)].role == rules::Role::topic && try_word(i, "sentence")) return g;
  return g;
}

std::vector<int> list_pairing(const SentenceView& /*s*/, const ParsedSentence& p, const std::vector<core::Quantity>& quantities,
                              const std::vector<std::size_t>& in_sentence, const std::vector<CueHit>& cues, const rules::RuleSet& rules) {
  std::vector<int> out(in_sentence.size(), -1);
  int list_at = p.list_word;
  if (!p.has_list_word || list_at < 0) return out;
  // The nouns: words before the list word that start a cue. The figures: those after it (Korean)
  // or, for English ("respectively" ends the list), those before it.
  std::vector<int> nouns;
  for (int i = 0; i < list_at; ++i) {
    const Token& t = p.words[static_cast<std::size_t>(i)];
    if (t.digit) continue;
    bool starts_cue = std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
      return h.start >= t.span.start && h.start < t.span.end && !rules.attribute_cues[static_cast<std::size_t>(h.cue)].requires_other;
    });
    if (starts_cue) nouns.push_back(i);
  }
  std::vector<std::size_t> figures;
  bool korean = p.words[static_cast<std::size_t>(list_at)].hangul;
  for (std::size_t k = 0; k < in_sentence.size(); ++k) {
    const auto& q = quantities[in_sentence[k]];
    if (q.linked_to >= 0) continue;
    std::size_t at = p.words[static_cast<std::size_t>(list_at)].span.start;
    if (korean ? q.span.start > at : q.span.start < at) figures.push_back(k);
  }
  // English puts the figures between the nouns and the list word; take the nouns before them.
  if (!korean && !figures.empty()) {
    std::size_t first_figure = quantities[in_sentence[figures.front()]].span.start;
    nouns.erase(std::remove_if(nouns.begin(), nouns.end(), [&](int i) { return p.words[static_cast<std::size_t>(i)].span.start > first_figure; }),
                nouns.end());
  }
  if (nouns.size() < 2 || nouns.size() != figures.size()) return out;
  for (std::size_t k = 0; k < figures.size(); ++k) out[figures[k]] = nouns[k];
  return out;
}

std::string measure_word_of(const SentenceView& s, const ParsedSentence& p, const Governed& g, const core::Quantity& q,
                            const rules::RuleSet& rules) {
  std::string_view cue = s.text.substr(g.cue.start, g.cue.end - g.cue.start);
  if (g.word >= 0 && static_cast<std::size_t>(g.word) < p.words.size()) {
    const Token& t = p.words[static_cast<std::size_t>(g.word)];
    std::string_view stem = s.text.substr(t.stem.start, t.stem.end - t.stem.start);
    // The noun the cue is part of says more than the cue (최대전력수요 holds 전력수요, "revenues"
    // holds "revenue"); a Korean word after the figure is its predicate (64명이 숨졌다), whose
    // inflected form says no more than its cue.
    bool predicate = t.hangul && t.span.start >= q.span.end;
    if (g.cue.start >= t.stem.start && g.cue.end <= t.stem.end && !predicate && !rules.lexicon.is_inflected_verb(stem))
      return std::string(stem);
  }
  // A cue read across a bracketed aside is no word as written.
  if (cue.find_first_of("()[]") != std::string_view::npos) return {};
  return std::string(cue);
}

}  // namespace crosscheck::frame

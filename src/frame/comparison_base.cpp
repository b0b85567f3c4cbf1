// A base of comparison written in brackets after its time: "조업일수는 22일로 지난해 9월(21일)보다
// 하루 많았다", "금리는 연 4.12%로 8월(3.98%)보다 0.14%p 높아졌다". The bracketed figure is the same
// measure as the level it is compared with, at the time written before the bracket; its own
// clause names no measure (the word before it is a time), so it would otherwise go unplaced.
#include <algorithm>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

bool unmeasured(const core::Claim& c) {
  return c.attribute.empty() || (c.attribute_source == "noun-phrase" && c.attribute.view().rfind("np:", 0) == 0);
}

// The figure stands alone in brackets that a word opens and a particle of comparison closes:
// "9월(21일)보다", "전년 동기(10.9%)보다", "지난해(15.5일) 대비".
bool bracketed_base(std::string_view text, const core::Quantity& q, const rules::RuleSet& rules) {
  std::size_t start = q.span.start, end = q.span.end;
  if (start == 0 || text[start - 1] != '(' || end >= text.size() || text[end] != ')') return false;
  if (start < 2 || text[start - 2] == ' ') return false;  // "(21일)" must close onto a word
  std::string_view rest = text.substr(end + 1, 16);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return std::any_of(rules.grammar.particles.begin(), rules.grammar.particles.end(), [&](const rules::ParticleRole& p) {
    return p.role == rules::Role::comparison && rest.compare(0, p.word.size(), p.word) == 0;
  });
}

}  // namespace

void carry_measure_to_bases(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                            core::WordPool& words) {
  for (std::size_t i = 0; i < claims.size(); ++i) {
    core::Claim& c = claims[i];
    if (c.linked_to >= 0 || !unmeasured(c) || c.quantity.dimension == core::Dimension::entity ||
        !bracketed_base(article.text, c.quantity, rules))
      continue;
    // The level it is compared with: the nearest figure before it in its sentence, of the same
    // dimension and unit, that has a measure and is no change.
    const core::Claim* level = nullptr;
    for (std::size_t k = i; k-- > 0;) {
      const core::Claim& o = claims[k];
      if (o.quantity.sentence != c.quantity.sentence) break;
      if (o.linked_to >= 0 || o.quantity.dimension != c.quantity.dimension || o.quantity.unit != c.quantity.unit) continue;
      if (o.attribute.empty() || o.scope.role == "change") continue;
      level = &o;
      break;
    }
    if (!level) continue;
    c.attribute = level->attribute;
    c.measure_word = level->measure_word;
    // As sure as the level's own measure: a governing noun stays a governing noun.
    c.attribute_source = words.get(level->attribute_source == "noun-phrase" ? "noun-phrase" : "comparison-base");
    if (c.subject_root.empty() || c.subject_source == "event" || c.subject_source == "article" || c.subject_source == "home")
      c.subject = level->subject, c.subject_root = level->subject_root, c.subject_source = level->subject_source;
    if (c.scope.qualifier.empty()) c.scope.qualifier = level->scope.qualifier;
    rekey(c, words);
  }
}

}  // namespace crosscheck::frame

// Figures in a list share what their phrase says of them: "영업이익 전망치는 9조원, 7조원으로 나뉘었다"
// gives two forecasts of operating profit, "9조원과 7조원", "$1.1 billion and $1.3 billion" too. The
// comma that joins the two figures also breaks the clause, so the second would lose the kind and
// the measure its phrase gives the first; it takes them back here.
#include <algorithm>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

// What stands between two figures of one list: a comma, a middle dot, a slash, a conjunction.
bool joins_a_list(std::string_view gap, const rules::RuleSet& rules) {
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  if (gap == "," || gap == "·" || gap == "/" || gap == "and" || gap == ", and" || gap == "or" || gap == ", or") return true;
  // 9조원과 7조원: a list particle (와, 과, 및) of the grammar.
  return std::any_of(rules.grammar.particles.begin(), rules.grammar.particles.end(), [&](const rules::ParticleRole& p) {
    return p.role == rules::Role::list && gap == p.word;
  });
}

bool weak_measure(const core::Claim& c) {
  return c.attribute.empty() || c.attribute_source == "sentence-cue" || c.attribute_source == "noun-phrase";
}

bool clause_measure(const core::Claim& c) {
  return !c.attribute.empty() && (c.attribute_source == "cue" || c.attribute_source == "clause" || c.attribute_source == "comparison-base");
}

}  // namespace

void share_with_coordinated(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                            core::WordPool& words) {
  const core::Claim* previous = nullptr;
  for (auto& c : claims) {
    const core::Claim* p = previous;
    if (c.linked_to >= 0 || c.quantity.dimension == core::Dimension::entity) continue;  // a conversion rides on its figure
    previous = &c;
    if (!p || p->quantity.sentence != c.quantity.sentence || p->quantity.dimension != c.quantity.dimension ||
        p->quantity.unit != c.quantity.unit || p->quantity.span.end > c.quantity.span.start)
      continue;
    std::string_view gap = std::string_view(article.text).substr(p->quantity.span.end, c.quantity.span.start - p->quantity.span.end);
    if (gap.size() > 8 || !joins_a_list(gap, rules)) continue;
    if (c.scope.kind.empty() && !p->scope.kind.empty()) c.scope.kind = p->scope.kind;
    if (weak_measure(c) && clause_measure(*p)) {
      c.attribute = p->attribute;
      c.measure_word = p->measure_word;
      c.attribute_source = words.get("clause");
      if (c.subject_root.empty()) c.subject = p->subject, c.subject_root = p->subject_root, c.subject_source = p->subject_source;
      rekey(c, words);
    }
  }
}

}  // namespace crosscheck::frame

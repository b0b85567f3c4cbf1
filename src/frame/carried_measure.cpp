// A change told in the sentence after its level: "금강에너지솔루션이 1분기 매출 5조4250억원을
// 기록했다. 전년 동기 대비 14.8% 감소한 수치다." or "Revenue was $4.2 billion. That was down 14.8%
// from a year earlier." The second sentence names no measure; it speaks of the figure before it.
// A change in points speaks of the rate before it: "실업률은 2.3%로 집계됐다. 1년 전(2.5%)보다 0.2%p 낮다."
#include <algorithm>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

bool same_paragraph(const core::Article& article, std::size_t a, std::size_t b) {
  for (const auto& p : article.paragraphs)
    if (p.start <= article.sentences[a].start && article.sentences[a].start < p.end) return p.start <= article.sentences[b].start && article.sentences[b].start < p.end;
  return false;
}

// No measure, or only the word of change itself ("That was down 14.8%": np:down).
bool unmeasured(const core::Claim& c, const rules::RuleSet& rules) {
  if (c.attribute.empty()) return true;
  std::string_view a = c.attribute.view();
  if (c.attribute_source != "noun-phrase" || a.rfind("np:", 0) != 0) return false;
  const auto& changes = rules.grammar.change_lower;
  return std::find(changes.begin(), changes.end(), a.substr(3)) != changes.end();
}

}  // namespace

void carry_measure_to_changes(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                              core::WordPool& words) {
  // The claims of each sentence (a figure knows its sentence: Quantity::sentence).
  std::vector<std::vector<std::size_t>> by_sentence(article.sentences.size());
  for (std::size_t i = 0; i < claims.size(); ++i)
    if (claims[i].quantity.sentence < by_sentence.size()) by_sentence[claims[i].quantity.sentence].push_back(i);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    core::Claim& c = claims[i];
    // A change in points is always one: it runs between two rates ("1년 전(2.5%)보다 0.2%p 낮다").
    bool points = c.quantity.dimension == core::Dimension::percentage_points;
    bool change = points || (c.quantity.unit == "%" && (!c.scope.direction.empty() || c.scope.role == "change"));
    std::size_t here = c.quantity.sentence;
    if (!unmeasured(c, rules) || c.linked_to >= 0 || !change || here == 0 || here >= by_sentence.size()) continue;
    std::size_t before = here - 1;
    if (!same_paragraph(article, here, before)) continue;
    // The sentence gives no other measured figure, and the one before exactly one measured level.
    auto counts = [&](std::size_t k) {
      const core::Claim& o = claims[k];
      return k != i && o.linked_to < 0 && o.quantity.dimension != core::Dimension::entity && !unmeasured(o, rules);
    };
    bool alone = std::none_of(by_sentence[here].begin(), by_sentence[here].end(), counts);
    const core::Claim* level = nullptr;
    int levels = 0;
    // The level a percent change is of is an amount; the one a change in points is of, a rate.
    for (std::size_t k : by_sentence[before])
      if (counts(k) && claims[k].scope.role != "change" && (claims[k].quantity.unit == "%") == points) ++levels, level = &claims[k];
    if (!alone || levels != 1) continue;
    c.attribute = level->attribute;
    c.measure_word = level->measure_word;
    c.attribute_source = words.get("previous-sentence");
    // A figure in points is a change by its unit; the framer gives it no role, and neither does this.
    if (!points) c.scope.role = words.get("change");
    if (c.subject_root.empty()) c.subject = level->subject, c.subject_root = level->subject_root, c.subject_source = words.get("previous-sentence");
    if (c.scope.period.empty() && !level->scope.period.empty())
      c.scope.period = level->scope.period, c.scope.period_source = words.get("previous-sentence");
    rekey(c, words);
  }
}

void rekey(core::Claim& c, core::WordPool& words) {
  std::string key = c.subject_root.empty() ? std::string("?") : std::string(c.subject_root.view());
  key.append(1, '|').append(c.attribute.view()).append(1, '|').append(core::dimension_name(c.quantity.dimension));
  c.key = words.get(key);
}

}  // namespace crosscheck::frame

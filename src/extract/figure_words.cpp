#include "extract/figure_words.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"

namespace crosscheck::extract {

using rules::ModifierEffect;

// The hedges and bounds written around a figure widen or bound its value, and say so.
void apply_modifiers(core::Quantity& q, const std::vector<Applied>& applied, double v, double precision, bool range) {
  for (const auto& a : applied) {
    const auto& m = *a.modifier;
    double f = m.widen;
    double base = std::fabs(v);
    std::string name = std::string(rules::modifier_effect_name(m.effect)) + ":" + m.word;
    switch (m.effect) {
      case ModifierEffect::hedge:
        // The writer's "about" states the uncertainty; it replaces the rounding guess,
        // except that a range stays at least as wide as written.
        if (range) {
          q.value.lo = std::min(q.value.lo, q.value.lo - base * f);
          q.value.hi = q.value.hi + std::fabs(q.value.hi) * f;
        } else {
          q.value = {v - base * f, v + base * f, true, true};
        }
        name = "hedge:" + m.word;
        break;
      case ModifierEffect::nearly:
        q.value = {v - base * f, v, true, true};
        name = "hedge:" + m.word;
        break;
      case ModifierEffect::below:
        q.value = {0, v, true, false};
        name = "bound:below:" + m.word;
        break;
      case ModifierEffect::at_most:
        q.value = {0, v, true, true};
        name = "bound:at-most:" + m.word;
        break;
      case ModifierEffect::above:
        q.value = {v, core::Interval::infinity(), false, false};
        name = "bound:above:" + m.word;
        break;
      case ModifierEffect::at_least:
        q.value = {v, core::Interval::infinity(), true, false};
        name = "bound:at-least:" + m.word;
        break;
      case ModifierEffect::plus:
        // "200여명" is 200 to 300, "2만1천여 명" 21,000 to 22,000: the place of the last
        // non-zero digit written.
        q.value = {v, v + std::max(precision, base > 0 ? band_step(base) : 1.0), true, false};
        name = "plus:" + m.word;
        break;
      case ModifierEffect::emphasis:
        name = "emphasis:" + m.word;
        break;
    }
    q.modifiers.push_back(name);
  }
  if (std::any_of(q.modifiers.begin(), q.modifiers.end(),
                  [](const std::string& m) { return m.rfind("bound:", 0) == 0 || m.rfind("hedge:", 0) == 0; }))
    q.modifiers.erase(std::remove(q.modifiers.begin(), q.modifiers.end(), "precision"), q.modifiers.end());
}


// Where a band word right after a unit ends ("9%대로", "5만원대의"), or 0. The band word stands
// alone or before a particle: "대비" and "대한" are other words.
std::size_t band_after(const Sentence& s, std::size_t pos, const rules::RuleSet& rules) {
  for (const auto& word : rules.band_words) {
    if (!s.starts_with(pos, word)) continue;
    std::size_t after = pos + word.size();
    if (!core::is_hangul_syllable(s.at(after)) || rules.particle_table.longest_at(s.text.substr(0, s.end), after)) return after;
  }
  return 0;
}


// The place of a figure's last non-zero digit: 1 for 9, 10 for 70, 100 for 1,200, 0.1 for 2.5.
double band_step(double v) {
  double step = std::pow(10.0, std::floor(std::log10(v)));
  for (int guard = 0; guard < 12 && std::fabs(v / step - std::round(v / step)) > 1e-9 * (v / step); ++guard) step /= 10;
  return step;
}


// Where a prefix unit's required word after the figure ends, or 0 when none follows.
std::size_t required_after(const Sentence& s, const rules::UnitWord& unit, std::size_t pos) {
  for (std::size_t q : {pos, s.skip_spaces(pos)})
    for (const auto& w : unit.after)
      if (s.starts_with(q, w) && (!core::is_latin_letter(s.at(q)) || s.word_boundary_after(q + w.size()))) return q + w.size();
  return 0;
}


// Whether one of `words` stands right before `pos` (a space between allowed): "between 5% and
// 10%" makes "and" a range separator; "from 5% to 7%" makes "to" a change, not a range.
bool word_before(const Sentence& s, std::size_t pos, const std::vector<std::string>& words) {
  std::size_t q = pos;
  if (q > s.begin && s.text[q - 1] == ' ') --q;
  for (const auto& word : words)
    if (s.ends_with(q, word) && s.word_boundary_before(q - word.size())) return true;
  return false;
}


// The divisor a rate word gives the figure: before it ("주당 920원", "하루 평균 29억 달러"),
// or after it ("920 won a share"; `stop` moves past the words after). "" for none.
std::string rate_of(const Sentence& s, std::size_t start, std::size_t& stop, const rules::RuleSet& rules) {
  std::size_t before = start > s.begin && s.text[start - 1] == ' ' ? start - 1 : start;
  for (const auto& r : rules.rates) {
    if (r.before) {
      if (s.ends_with(before, r.word) && !core::is_hangul_syllable(s.before(before - r.word.size())) &&
          (!core::is_latin_letter(s.at(before - r.word.size())) || s.word_boundary_before(before - r.word.size())))
        return r.per;
    } else if (s.text.size() > stop && s.text[stop] == ' ' && s.starts_with(stop + 1, r.word) && s.word_boundary_after(stop + 1 + r.word.size())) {
      std::size_t end = stop + 1 + r.word.size();
      if (std::any_of(r.unless_followed_by.begin(), r.unless_followed_by.end(), [&](const std::string& w) {
            return end < s.end && s.text[end] == ' ' && s.starts_with(end + 1, w) && s.word_boundary_after(end + 1 + w.size());
          }))
        continue;
      stop = end;
      return r.per;
    }
  }
  return "";
}

}  // namespace crosscheck::extract

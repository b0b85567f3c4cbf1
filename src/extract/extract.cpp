#include "extract/extract.hpp"
#include "extract/elliptical.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "extract/figure_words.hpp"
#include "extract/forms.hpp"
#include "extract/number_reader.hpp"
#include "extract/time_reader.hpp"

namespace crosscheck::extract {

namespace {

// The unit of a count with no counter word of its own ("41 league goals", "the death toll at 6").
const rules::UnitWord kCounted{"", "count", core::Dimension::count, false, true, 1, ""};

using rules::Modifier;
using rules::ModifierEffect;

class Extractor {
 public:
  explicit Extractor(const rules::RuleSet& rules) : rules_(rules), numbers_(rules), times_(rules) {}

  void read_sentence(const Sentence& s, std::size_t index, Extraction& out) const {
    std::size_t pos = s.begin;
    const std::size_t first_of_sentence = out.quantities.size();
    // Read once a sentence, kept as an index: the vector grows while the sentence is read.
    const std::size_t recent = recent_count(out, index);
    const std::size_t level = recent_level(out, index);
    while (pos < s.end) {
      if (out.quantities.size() >= kMaxQuantitiesPerArticle) {
        out.truncated = true;
        return;
      }
      if (std::size_t skip = not_amount_end(s, pos); skip > pos) {
        pos = skip;
        continue;
      }
      std::size_t form_end = 0;
      if (auto score = read_score(s, pos, rules_, form_end)) {
        out.quantities.push_back(whole_form(s, pos, form_end, core::score_value(score->first, score->second), core::Dimension::score,
                                            "score", 0, index));
        pos = form_end;
        continue;
      }
      if (auto seconds = read_colon_duration(s, pos, form_end)) {
        out.quantities.push_back(whole_form(s, pos, form_end, *seconds, core::Dimension::duration, "second", 1, index));
        pos = form_end;
        continue;
      }
      if (auto ratio = read_ratio(s, pos, form_end)) {
        out.quantities.push_back(whole_form(s, pos, form_end, *ratio, core::Dimension::multiple, "times", 0, index));
        pos = form_end;
        continue;
      }
      if (auto share = read_fraction(s, pos, form_end)) {
        out.quantities.push_back(whole_form(s, pos, form_end, *share, core::Dimension::percent, "%", 0, index));
        pos = form_end;
        continue;
      }
      if (const auto* word = read_amount_word(s, pos, rules_, form_end)) {
        out.quantities.push_back(whole_form(s, pos, form_end, word->value, word->dimension, word->unit.c_str(), 0, index));
        pos = form_end;
        continue;
      }
      if (auto t = times_.read(s, pos)) {
        t->sentence = index;
        pos = std::max(t->span.end, s.next(pos));
        out.times.push_back(std::move(*t));
        continue;
      }
      std::size_t end = pos;
      Context context{std::span<const core::Quantity>(out.quantities).subspan(first_of_sentence),
                      recent < out.quantities.size() ? &out.quantities[recent] : nullptr,
                      level < out.quantities.size() ? &out.quantities[level] : nullptr};
      if (auto q = read_quantity(s, pos, end, &context)) {
        q->sentence = index;
        extend_compound_duration(s, *q, end);
        int main_index = static_cast<int>(out.quantities.size());
        out.quantities.push_back(std::move(*q));
        std::size_t after = read_linked(s, main_index, index, out);
        pos = std::max({end, after, s.next(pos)});
        continue;
      }
      pos = std::max(end, s.next(pos));
    }
    times_.add_relative_years(s, index, out.times);
    link_conversion_opening(s, index, first_of_sentence, out);
  }

 private:
  // "…648억3천만 달러를 기록했다. 우리 돈으로 약 91조원 규모다.": a sentence that opens with a
  // conversion joiner converts the last money figure of the sentence before, when its own first
  // figure, right after the joiner (and a hedge), is money in another currency.
  void link_conversion_opening(const Sentence& s, std::size_t index, std::size_t first_of_sentence, Extraction& out) const {
    if (first_of_sentence == 0 || first_of_sentence >= out.quantities.size()) return;
    core::Quantity& inner = out.quantities[first_of_sentence];
    std::size_t main_index = first_of_sentence;
    while (main_index > 0 && out.quantities[main_index - 1].sentence + 1 == index &&
           out.quantities[main_index - 1].dimension != core::Dimension::money)
      --main_index;
    if (main_index == 0) return;
    core::Quantity& main = out.quantities[--main_index];
    if (inner.dimension != core::Dimension::money || main.dimension != core::Dimension::money || inner.linked_to >= 0 ||
        main.linked_to >= 0 || main.sentence + 1 != index || inner.unit == main.unit)
      return;
    std::size_t p = s.skip_spaces(s.begin);
    bool joined = false;
    for (const auto& j : rules_.conversion_joiners)
      if (s.starts_with(p, j) && (!core::is_latin_letter(s.at(p)) || s.word_boundary_after(p + j.size()))) {
        p = s.skip_spaces(p + j.size());
        joined = true;
        break;
      }
    if (!joined) return;
    // Past the joiner's particle ("우리 돈으로" is listed; a particle the joiner lacks is not) and
    // the figure's own hedge, the figure must follow at once.
    std::string_view between = s.text.substr(p, inner.span.start > p ? inner.span.start - p : 0);
    if (inner.span.start < p || core::count_code_points(between, 0, between.size()) > 3) return;
    inner.linked_to = static_cast<int>(main_index);
    inner.link = "conversion";
  }

  const rules::RuleSet& rules_;
  NumberReader numbers_;
  TimeReader times_;

  // What a bare figure may lean on (extract/elliptical.hpp): the sentence's figures before it and
  // the last count with a noun in the two sentences before.
  struct Context {
    std::span<const core::Quantity> earlier;
    const core::Quantity* recent_count = nullptr;
    const core::Quantity* recent_level = nullptr;  // the last level in a unit, two sentences back at most
  };

  // The index of the last figure in the two sentences before whose unit a bare level may carry
  // ("stood at 132 micrograms per cubic metre … The station peaked at 171"), or past the end.
  static std::size_t recent_level(const Extraction& out, std::size_t sentence) {
    for (std::size_t i = out.quantities.size(); i-- > 0;) {
      const auto& q = out.quantities[i];
      if (q.sentence + 2 < sentence) break;
      if (q.sentence < sentence) return carries_level_unit(q) ? i : out.quantities.size();
    }
    return out.quantities.size();
  }

  // The index of that count, or past the end when there is none.
  static std::size_t recent_count(const Extraction& out, std::size_t sentence) {
    for (std::size_t i = out.quantities.size(); i-- > 0;) {
      const auto& q = out.quantities[i];
      if (q.sentence + 2 < sentence) break;
      if (q.sentence < sentence && counts_a_noun(q)) return i;
    }
    return out.quantities.size();
  }

  // A bare figure framed by the words around it: a count of the noun they name, or the unit and
  // noun of the earlier figure it continues.
  core::Quantity elliptical(const Sentence& s, const NumberReading& number, const EllipticalCount& e, std::size_t& end) const {
    const rules::UnitWord* unit = &kCounted;
    std::string counted = e.counted;
    if (e.carried) {
      counted = std::string(e.carried->counted.view());
      if (e.carried->unit != "count")
        for (const auto& u : rules_.units)
          if (u.unit == e.carried->unit.view() && !u.prefix) {
            unit = &u;
            break;
          }
    }
    core::Quantity q = build(s, number.start, number, std::nullopt, nullptr, unit, number.end, {});
    if (unit == &kCounted) q.counted = counted;
    end = q.span.end;
    return q;
  }

  // URLs, e-mail addresses, phone numbers and listed labels (코로나19, COVID-19) are skipped whole.
  std::size_t not_amount_end(const Sentence& s, std::size_t pos) const {
    if (auto m = rules_.term_table.longest_at(s.text.substr(0, s.end), pos); m && s.word_boundary_before(pos))
      return pos + m.length;
    char32_t before = s.before(pos);
    if (pos == s.begin || before == ' ' || before == '(' || before == '<') {
      std::size_t token_end = pos;
      while (token_end < s.end && s.text[token_end] != ' ' && s.text[token_end] != '\n') ++token_end;
      std::string_view token = s.text.substr(pos, token_end - pos);
      if (token.find("://") != std::string_view::npos || token.rfind("www.", 0) == 0 ||
          (token.find('@') != std::string_view::npos && token.find('.') != std::string_view::npos))
        return token_end;
    }
    if (is_digit_at(s, pos) && !is_digit_at(s, pos > s.begin ? pos - 1 : pos + s.end)) {
      // Phone numbers: 02-123-4567, 010-1234-5678, 1588-1234
      std::size_t p = pos;
      int groups = 0, digits = 0;
      std::vector<int> sizes;
      while (p < s.end) {
        int n = 0;
        while (is_digit_at(s, p)) {
          ++p;
          ++n;
        }
        if (n == 0) break;
        sizes.push_back(n);
        digits += n;
        ++groups;
        if (p < s.end && s.text[p] == '-' && is_digit_at(s, p + 1)) ++p;
        else break;
      }
      if ((groups >= 3 && digits >= 9) || (groups == 2 && sizes[0] == 4 && sizes[1] == 4)) return p;
    }
    return pos;
  }

  bool attached_prefix_before(const Sentence& s, std::size_t pos) const {
    for (const auto& prefix : rules_.attached_prefixes)
      if (s.ends_with(pos, prefix) && !core::is_hangul_syllable(s.before(pos - prefix.size()))) return true;
    return false;
  }

  // Digits glued to letters are labels: H100, V3, GPT-4, 7C2216, 12·29, 2·3등.
  bool is_label(const Sentence& s, const NumberReading& n) const {
    char32_t before = s.before(n.start);
    if (core::is_latin_letter(before)) return true;
    if (core::is_hangul_syllable(before) && !attached_prefix_before(s, n.start)) return true;
    if (before == '-' || before == ':' || before == '#' || before == '_' || before == '/') {
      char32_t b2 = s.before(s.prev(n.start));
      if (core::is_latin_letter(b2) || core::is_hangul_syllable(b2) || core::is_ascii_digit(b2)) return true;
    }
    if (before == U'·' || before == '.') return true;
    char32_t after = s.at(n.end);
    if (after == U'·' && core::is_ascii_digit(s.at(s.next(n.end)))) return true;
    if (after == '_' || (after == '-' && core::is_latin_letter(s.at(s.next(n.end))))) return true;
    return false;
  }

  struct UnitMatch {
    const rules::UnitWord* unit = nullptr;
    std::size_t end = 0;
  };

  // `native`: the figure is a native Korean count word ("세 배", "넉 달"), which stands a space
  // before any counter, even one that never follows a space after digits.
  UnitMatch unit_after(const Sentence& s, std::size_t pos, bool native = false) const {
    for (std::size_t q : {pos, s.skip_spaces(pos)}) {
      std::string_view lower = s.lower.substr(0, s.end);
      for (const auto& m : rules_.unit_table.all_at(lower, q)) {
        const auto& unit = rules_.units[static_cast<std::size_t>(m.id)];
        if (unit.prefix) continue;
        if (q != pos && !unit.spaced && !native) continue;
        if (core::is_latin_letter(s.at(q)) && !s.word_boundary_after(q + m.length)) continue;
        if (unit.word == "%" && q != pos) continue;
        return {&unit, q + m.length};
      }
      // "billions of dollars"
      if (q != pos || s.starts_with(q, "of ")) {
        std::size_t r = s.starts_with(q, "of ") ? q + 3 : std::string::npos;
        if (r != std::string::npos)
          for (const auto& m : rules_.unit_table.all_at(lower, r)) {
            const auto& unit = rules_.units[static_cast<std::size_t>(m.id)];
            if (!unit.prefix && core::is_latin_letter(s.at(r)) && s.word_boundary_after(r + m.length)) return {&unit, r + m.length};
          }
      }
    }
    return {};
  }

  // A figure of forms.hpp: its value exact, or within `precision` (the last written unit), with
  // the hedges and bounds around it ("3분의 1에 가까운", "about 2:05").
  core::Quantity whole_form(const Sentence& s, std::size_t start, std::size_t stop, double value, core::Dimension dimension,
                            const char* unit, double precision, std::size_t sentence) const {
    std::vector<Applied> applied = prefix_modifiers(s, start);
    for (const auto& a : applied) start = std::min(start, a.start);
    for (const auto& a : suffix_modifiers(s, stop, Modifier::Position::suffix)) {
      applied.push_back(a);
      if (a.modifier->effect != ModifierEffect::emphasis) stop = a.end;
    }
    core::Quantity q;
    q.span = {start, stop};
    q.surface = std::string(s.text.substr(start, stop - start));
    q.sentence = sentence;
    q.point = value;
    q.dimension = dimension;
    q.unit = std::string(unit);
    if (precision > 0) {
      q.value = core::precision_interval(value, precision);
      q.modifiers.push_back("precision");
    } else {
      q.value = core::Interval::exact(value);
    }
    apply_modifiers(q, applied, value, precision, false);
    return q;
  }

  // "2시간05분12초", "4 hours and 12 minutes", "1년 3개월": the smaller units that follow a
  // duration join it, in the family's base unit (durations.hpp).
  void extend_compound_duration(const Sentence& s, core::Quantity& q, std::size_t& end) const {
    if (q.dimension != core::Dimension::duration || std::find(q.modifiers.begin(), q.modifiers.end(), "range") != q.modifiers.end())
      return;
    std::string_view base;
    double last = duration_in_base(q.unit.view(), base);
    if (last == 0) return;
    double total = q.point * last;
    std::size_t stop = q.span.end;
    bool joined = false;
    for (int part = 0; part < 2; ++part) {
      std::size_t p = s.skip_spaces(stop);
      if (s.starts_with(p, "and ")) p += 4;
      if (!is_digit_at(s, p)) break;
      auto n = numbers_.read(s, p);
      if (!n || n->scaled || n->vague) break;
      UnitMatch u = unit_after(s, n->end);
      if (!u.unit || u.unit->dimension != core::Dimension::duration) break;
      std::string_view next_base;
      double factor = duration_in_base(u.unit->unit, next_base);
      if (factor == 0 || next_base != base || factor >= last) break;
      total += n->value * factor;
      last = factor;
      stop = u.end;
      joined = true;
    }
    if (!joined) return;
    q.point = total;
    q.unit = std::string(base);
    q.value = core::precision_interval(total, last);
    // "2시간 10분대": the minute the time falls in (2:10:00 to 2:10:59), as race times are read.
    if (std::size_t band_end = band_after(s, stop, rules_)) {
      q.value = {total, total + last, true, false};
      q.modifiers.push_back("band");
      stop = band_end;
    }
    q.span.end = stop;
    q.surface = std::string(s.text.substr(q.span.start, stop - q.span.start));
    end = std::max(end, stop);
  }

  // "put the death toll at 6", "the toll rose to 11": a bare number after a measure of counts and
  // one of the words that link a measure to its figure (numbers.toml `measure_links`) is a count
  // of what that measure counts; after a measure whose bare figures have a unit of their own
  // (attributes' `bare_unit`: "the S&P 500 closed at 5,592.14" is in points), a figure in it.
  // The unit the figure takes, or nullptr.
  const rules::UnitWord* bare_figure_unit(const Sentence& s, std::size_t number_start) const {
    std::size_t p = number_start;
    while (p > s.begin && s.text[p - 1] == ' ') --p;
    auto unit_of_cue_ending_at = [&](std::size_t cue_end) -> const rules::UnitWord* {
      const rules::UnitWord* found = nullptr;
      for (std::size_t k = cue_end > s.begin + 24 ? cue_end - 24 : s.begin; k < cue_end && !found; ++k) {
        if (k > s.begin && s.text[k - 1] != ' ') continue;  // a cue starts a word
        // One phrase may cue several measures ("closed at": a share's price, an index's level).
        rules_.cue_table.for_each_at(s.lower.substr(0, cue_end), k, [&](const core::PhraseMatch& m) {
          if (found || k + m.length != cue_end) return;
          const auto& cue = rules_.attribute_cues[static_cast<std::size_t>(m.id)];
          if (cue.attribute_index < 0) return;
          const auto& attribute = rules_.attributes[static_cast<std::size_t>(cue.attribute_index)];
          if (!attribute.bare_unit.empty())
            for (const auto& u : rules_.units)
              if (u.unit == attribute.bare_unit && !u.prefix && !found) found = &u;
          const auto& dims = attribute.dimensions;
          if (!found && std::find(dims.begin(), dims.end(), core::Dimension::count) != dims.end()) found = &kCounted;
        });
      }
      return found;
    };
    for (const auto& link : rules_.measure_links) {
      if (p < s.begin + link.size() + 1 || s.lower.compare(p - link.size(), link.size(), link) != 0 || s.text[p - link.size() - 1] != ' ')
        continue;
      // The cue before the link ("the death toll at"), or a cue that ends with it ("closed at").
      std::size_t cue_end = p - link.size();
      while (cue_end > s.begin && s.text[cue_end - 1] == ' ') --cue_end;
      if (const auto* u = unit_of_cue_ending_at(cue_end)) return u;
      if (const auto* u = unit_of_cue_ending_at(p)) return u;
    }
    return nullptr;
  }

  bool after_rate_noun(const Sentence& s, const NumberReading& number) const {
    std::string_view written = s.text.substr(number.start, number.end - number.start);
    if (number.value < 1000 || number.value != std::floor(number.value) || written.find(',') == std::string_view::npos) return false;
    std::string_view before = s.lower.substr(s.begin, number.start - s.begin);
    for (const auto& noun : rules_.rate_nouns) {
      std::string ending = " " + noun + " of ";
      if (before.size() >= ending.size() && before.substr(before.size() - ending.size()) == ending) return true;
    }
    return false;
  }

  // English counts name what they count: "2,048 H800 GPUs", "5,000 people".
  std::pair<std::string, std::size_t> counted_noun_after(const Sentence& s, std::size_t pos) const {
    std::size_t p = pos;
    bool open = true;  // an open plural may still name what is counted
    for (int token = 0; token < 3 && p < s.end; ++token) {
      p = s.skip_spaces(p);
      if (auto m = s.lookup(rules_.counted_table, p); m && s.word_boundary_after(p + m.length) && s.word_boundary_before(p))
        return {rules_.counted_nouns_en[static_cast<std::size_t>(m.id)], p + m.length};
      // Counted nouns are open: a plural word right after the number, or after the lower-case
      // words that narrow it ("41 league goals", "5,870 suspected cholera cases"), names what it
      // counts.
      // A capitalised plural right after the number counts too ("200,000 Arvos", "3 Republicans").
      if (open && p > pos && s.word_boundary_before(p)) {
        std::size_t q = p;
        bool capital = token == 0 && s.at(q) >= 'A' && s.at(q) <= 'Z';
        if (capital) ++q;
        while (q < s.end && s.text[q] >= 'a' && s.text[q] <= 'z') ++q;
        std::string word(s.text.substr(p, q - p));
        if (word.size() >= (capital ? 5u : 4u) && word.back() == 's' && s.word_boundary_after(q) && s.at(q) != '\'' &&
            std::find(rules_.not_counted_en.begin(), rules_.not_counted_en.end(), rules::Grammar::lower_copy(word)) ==
                rules_.not_counted_en.end())
          return {word, q};
      }
      std::size_t q = p;
      while (q < s.end && (core::is_latin_letter(s.at(q)) || core::is_ascii_digit(s.at(q)) || s.text[q] == '-')) ++q;
      if (q == p) break;
      // Past a word of no weight ("of", "to", "and"), a name or a figure, a plural counts something else.
      std::string_view word = s.text.substr(p, q - p);
      bool lower_word = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      // A name may stand between the number and its plural: "112,400 Arvo hybrids", "two South
      // Korean tourists".
      bool name_word = token < 2 && word.size() >= 2 && word[0] >= 'A' && word[0] <= 'Z' &&
                       std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if ((!lower_word && !name_word) || rules_.grammar.is_function_word(word) || rules_.grammar.is_stop_word(word)) open = false;
      p = q;
    }
    return {"", pos};
  }

  std::vector<Applied> prefix_modifiers(const Sentence& s, std::size_t pos) const {
    std::vector<Applied> found;
    for (int round = 0; round < 2; ++round) {
      std::size_t q = pos;
      if (q > s.begin && s.text[q - 1] == ' ') --q;
      const Modifier* best = nullptr;
      for (const auto& m : rules_.modifiers) {
        if (m.position != Modifier::Position::prefix) continue;
        const std::string& word = m.lowered;
        if (!s.ends_with(q, word)) continue;
        std::size_t start = q - word.size();
        if (core::is_latin_letter(s.at(start)) && !s.word_boundary_before(start)) continue;
        if (core::is_hangul_syllable(s.before(start))) continue;
        if (!best || m.word.size() > best->word.size()) best = &m;
      }
      if (!best) break;
      std::size_t start = q - best->word.size();
      found.push_back({best, start, q});
      pos = start;
    }
    return found;
  }

  std::vector<Applied> suffix_modifiers(const Sentence& s, std::size_t pos, Modifier::Position where) const {
    std::vector<Applied> found;
    for (std::size_t q : {pos, s.skip_spaces(pos)}) {
      std::string_view lower = s.lower.substr(0, s.end);
      for (const auto& m : rules_.modifier_table.all_at(lower, q)) {
        const auto& mod = rules_.modifiers[static_cast<std::size_t>(m.id)];
        if (mod.position != where) continue;
        if (core::is_latin_letter(s.at(q)) && !s.word_boundary_after(q + m.length)) continue;
        found.push_back({&mod, q, q + m.length});
        return found;
      }
      if (where == Modifier::Position::infix) break;  // 여 touches the digits
    }
    return found;
  }

  // `second_prefix` is set to the unit written before the second figure ("$5-$6 million"), if any.
  std::optional<NumberReading> second_of_range(const Sentence& s, std::size_t pos, bool between,
                                               const rules::UnitWord** second_prefix = nullptr) const {
    std::size_t q = s.skip_spaces(pos);
    bool separator = false;
    const auto& separators = between ? rules_.range_words : rules_.range_separators;
    for (const auto& sep : separators)
      if (s.starts_with(q, sep) && (!core::is_latin_letter(s.at(q)) || s.word_boundary_after(q + sep.size()))) {
        q += sep.size();
        separator = true;
        break;
      }
    if (!separator) return std::nullopt;
    q = s.skip_spaces(q);
    std::size_t prefix_end = q;
    bool money = false;
    // "$5-$6 million": a repeated prefix unit
    if (auto m = rules_.unit_table.longest_at(s.lower.substr(0, s.end), q); m && rules_.units[static_cast<std::size_t>(m.id)].prefix) {
      prefix_end = s.skip_spaces(q + m.length);
      if (second_prefix) *second_prefix = &rules_.units[static_cast<std::size_t>(m.id)];
      money = rules_.units[static_cast<std::size_t>(m.id)].dimension == core::Dimension::money;
    }
    // After a currency sign, "£52m" is millions, as it was for the first figure.
    auto second = numbers_.read(s, prefix_end, money);
    if (!second || second->vague) return std::nullopt;
    return second;
  }

  std::optional<core::Quantity> read_quantity(const Sentence& s, std::size_t pos, std::size_t& end,
                                              const Context* context = nullptr) const {
    const rules::UnitWord* prefix_unit = nullptr;
    std::size_t number_pos = pos;
    // Only the first letter of a unit written before the figure sends a position to the unit table.
    if (pos < s.end && rules_.prefix_unit_table.may_start(s.lower_at(pos))) {
      auto m = rules_.unit_table.longest_at(s.lower.substr(0, s.end), pos);
      if (m && rules_.units[static_cast<std::size_t>(m.id)].prefix) {
        const auto& unit = rules_.units[static_cast<std::size_t>(m.id)];
        bool latin = core::is_latin_letter(s.at(pos));
        if (!latin || s.word_boundary_before(pos)) {
          std::size_t q = s.skip_spaces(pos + m.length);
          if (is_digit_at(s, q)) {
            prefix_unit = &unit;
            number_pos = q;
          }
        }
        // A prefix that needs a word after the figure ("초속 … m") holds only with one of them.
        if (prefix_unit && !prefix_unit->after.empty()) {
          auto n = numbers_.read(s, number_pos);
          std::size_t tail = n ? required_after(s, *prefix_unit, n->end) : 0;
          if (!tail) prefix_unit = nullptr, number_pos = pos;
        }
      }
    }
    auto number = numbers_.read(s, number_pos, prefix_unit && prefix_unit->dimension == core::Dimension::money);
    if (!number) return std::nullopt;
    end = number->end;
    // "a 26-year-old", "a five-year deal", "the 18.6-kilometre line": a figure joined to its unit
    // by a hyphen, read as that unit (a label like GPT-4 has its letters before the digits).
    if (!prefix_unit && number->end + 1 < s.end && s.text[number->end] == '-' && core::is_latin_letter(s.at(number->end + 1)) &&
        !core::is_latin_letter(s.before(number->start))) {
      UnitMatch hyphen = unit_after(s, number->end + 1);
      if (hyphen.unit && hyphen.unit->dimension != core::Dimension::money && hyphen.unit->dimension != core::Dimension::percent &&
          hyphen.end > number->end + 1 && (hyphen.end >= s.end || !core::is_latin_letter(s.at(hyphen.end)))) {
        core::Quantity q = build(s, pos, *number, std::nullopt, nullptr, hyphen.unit, hyphen.end, {});
        end = q.span.end;
        return q;
      }
    }
    if (!prefix_unit && !number->words && is_label(s, *number)) {
      std::size_t p = number->end;
      while (p < s.end && (core::is_latin_letter(s.at(p)) || core::is_ascii_digit(s.at(p)) || s.at(p) == U'·')) p = s.next(p);
      end = p;
      return std::nullopt;
    }
    if (!prefix_unit && !number->words && core::is_latin_letter(s.at(number->end)) && !unit_after(s, number->end).unit) {
      // 7C2216, 5G: letters glued after the digits make a label unless they are a unit (5mm).
      std::size_t p = number->end;
      while (p < s.end && (core::is_latin_letter(s.at(p)) || core::is_ascii_digit(s.at(p)))) ++p;
      end = p;
      return std::nullopt;
    }

    std::vector<Applied> applied;
    auto infix = suffix_modifiers(s, number->end, Modifier::Position::infix);
    std::size_t unit_pos = number->end;
    if (!infix.empty()) {
      applied.push_back(infix.front());
      unit_pos = infix.front().end;
    }

    // Ranges: 5~10%, 3조~4조원, 9~12개월; the unit may stand after the first figure or only after the second.
    std::optional<NumberReading> second;
    bool native = number->words && core::is_hangul_syllable(s.at(number->start));
    UnitMatch unit = prefix_unit ? UnitMatch{} : unit_after(s, unit_pos, native);
    std::size_t after_first = unit.unit ? unit.end : unit_pos;
    if (!number->vague) {
      const rules::UnitWord* second_prefix = nullptr;
      second = second_of_range(s, after_first, word_before(s, prefix_unit ? pos : number->start, rules_.between_words), &second_prefix);
      // "from 5% to 7%" is a level and the level it became, not a range.
      if (second && word_before(s, prefix_unit ? pos : number->start, rules_.change_from_words)) second.reset();
      // "rose 18% to $4.2 billion": a second figure in another unit is a figure of its own.
      if (second && second_prefix) {
        const std::string& first_unit = prefix_unit ? prefix_unit->unit : unit.unit ? unit.unit->unit : second_prefix->unit;
        if (first_unit != second_prefix->unit) second.reset();
      }
      if (second) {
        UnitMatch second_unit = prefix_unit ? UnitMatch{} : unit_after(s, second->end);
        // "up 9.6% to 3.12 trillion won": a second figure in another unit is a figure of its own.
        // With no unit on either side, the range waits for a counted noun ("105 to 120 seats").
        if (unit.unit && second_unit.unit && second_unit.unit->unit != unit.unit->unit) second.reset();
        else if (!unit.unit) unit = second_unit;
        if (second) {
          if (!number->scaled && second->scaled && second->last_big > 0) {
            // 3~4조원: the first figure shares the second's scale
            number->value *= second->last_big;
            number->precision *= second->last_big;
          }
          if (second->value <= number->value) second.reset();
        }
        if (second) after_first = second_unit.unit ? second_unit.end : second->end;
      }
    }
    if (!unit.unit && !prefix_unit) {
      auto [noun, noun_end] = counted_noun_after(s, second ? second->end : number->end);
      // "between 135 and 150 seats": the noun after the range counts both ends.
      if (noun.empty() && second) {
        second.reset();
        std::tie(noun, noun_end) = counted_noun_after(s, number->end);
      }
      const rules::UnitWord* bare = noun.empty() && !second ? bare_figure_unit(s, number->start) : nullptr;
      // "an annual rate of 4.03 million": a number with an English scale word is a count of its own.
      bool english_scale = noun.empty() && !second && number->scaled && number->end > number->start &&
                           core::is_latin_letter(s.at(number->end - 1));
      // "an annual pace of 403,000": a whole figure of thousands, written with its separator, after
      // a rate noun and "of" is that rate's level.
      if (noun.empty() && !second && !english_scale && !prefix_unit && after_rate_noun(s, *number)) english_scale = true;
      if (noun.empty() && !bare && !english_scale) {
        // A bare number is no claim, unless the sentence has already said what it counts.
        if (context && !second && !prefix_unit) {
          std::size_t phrase_start = number->start;
          for (const auto& a : prefix_modifiers(s, number->start)) phrase_start = std::min(phrase_start, a.start);
          if (auto e = read_elliptical_count(s, phrase_start, *number, context->earlier, context->recent_count, context->recent_level, rules_))
            return elliptical(s, *number, *e, end);
        }
        return std::nullopt;
      }
      if (bare && bare->dimension != core::Dimension::count) {
        core::Quantity q = build(s, pos, *number, second, prefix_unit, bare, number->end, applied);
        end = q.span.end;
        return q;
      }
      unit = {&kCounted, noun_end};
      after_first = noun_end;
      core::Quantity q = build(s, pos, *number, second, prefix_unit, unit.unit, after_first, applied);
      q.counted = noun;
      end = q.span.end;
      return q;
    }
    if (!unit.unit && prefix_unit) after_first = second ? second->end : number->end;
    if (prefix_unit && !prefix_unit->after.empty()) after_first = required_after(s, *prefix_unit, after_first);
    // English counted noun after a counted unit-less number with prefix? not applicable.
    core::Quantity q = build(s, pos, *number, second, prefix_unit, prefix_unit ? prefix_unit : unit.unit, after_first, applied);
    end = q.span.end;
    return q;
  }

  core::Quantity build(const Sentence& s, std::size_t pos, const NumberReading& number, const std::optional<NumberReading>& second,
                       const rules::UnitWord* prefix_unit, const rules::UnitWord* unit, std::size_t unit_end,
                       std::vector<Applied> applied) const {
    core::Quantity q;
    std::size_t start = prefix_unit ? pos : number.start;
    std::size_t stop = unit_end;
    auto prefixes = prefix_modifiers(s, start);
    for (auto& a : prefixes) {
      applied.push_back(a);
      start = std::min(start, a.start);
    }
    auto suffixes = suffix_modifiers(s, stop, Modifier::Position::suffix);
    for (auto& a : suffixes) {
      applied.push_back(a);
      // Emphasis ("에 불과") says nothing about the value: it stays out of the surface.
      if (a.modifier->effect != ModifierEffect::emphasis) stop = a.end;
    }
    double factor = unit ? unit->factor : 1;
    double v = number.value * factor;
    double precision = number.precision * factor;
    q.point = v;
    q.unit = unit ? unit->unit : "count";
    q.dimension = unit ? unit->dimension : core::Dimension::count;
    if (unit && !unit->counted.empty()) q.counted = unit->counted;
    else if (unit && q.dimension == core::Dimension::count) q.counted = unit->word;
    // A sign written before the figure: -16.97%
    if (number.start > s.begin && s.text[number.start - 1] == '-' && !core::is_ascii_digit(s.before(number.start - 1)) &&
        !core::is_latin_letter(s.before(number.start - 1))) {
      v = -v;
      q.point = v;
      start = std::min(start, number.start - 1);
      q.modifiers.push_back("sign:-");
    }
    if (second) {
      double hi = second->value * factor;
      q.value = {std::min(v, hi), std::max(v, hi), true, true};
      q.modifiers.push_back("range");
    } else if (number.vague) {
      q.value = {number.vague_lo * factor, number.vague_hi * factor, true, false};
      q.modifiers.push_back("vague");
    } else if (q.dimension == core::Dimension::count && !number.scaled) {
      // A count of whole things written out in full is exact: 176명 and 177명, 80 and 88 people,
      // never meet (a hedge below still widens it; 2만 명 keeps the rounding of its scale word).
      q.value = core::Interval::exact(v);
    } else {
      q.value = core::precision_interval(v, precision);
      q.modifiers.push_back("precision");
    }
    apply_modifiers(q, applied, v, precision, second.has_value());
    // "9%대", "5만원대", "1,200원대": the band the figure's last written digit opens (9–10%,
    // 5만–6만원), not the figure rounded.
    if (std::size_t band_end = band_after(s, stop, rules_); band_end && !second && v > 0) {
      double step = band_step(v);
      q.value = {v, v + step, true, false};
      q.modifiers.erase(std::remove(q.modifiers.begin(), q.modifiers.end(), "precision"), q.modifiers.end());
      q.modifiers.push_back("band");
      stop = band_end;
    }
    // A rate the rules name ("an hour", "per hour", "per dollar") first: "10,760 won per hour next
    // year" is KRW/hour, and "1,380 won per dollar" KRW/USD.
    if (q.dimension != core::Dimension::percent && q.dimension != core::Dimension::duration)
      if (std::string per = rate_of(s, start, stop, rules_); !per.empty()) {
        q.unit = std::string(q.unit.view()) + "/" + per;
        q.modifiers.push_back("rate");
      }
    // "$2 per GPU hour": a rate no rule names, kept apart from amounts of the same currency.
    if (s.starts_with(stop, " per ") && std::find(q.modifiers.begin(), q.modifiers.end(), "rate") == q.modifiers.end()) {
      std::size_t p = stop + 5, words = 0;
      std::string rate_unit = q.unit;
      while (p < s.end && words < 2) {
        std::size_t w = p;
        while (w < s.end && (core::is_latin_letter(s.at(w)) || core::is_ascii_digit(s.at(w)))) ++w;
        if (w == p) break;
        rate_unit += (words ? " " : "/") + std::string(s.lower.substr(p, w - p));
        stop = w;
        ++words;
        if (w >= s.end || s.text[w] != ' ' || !core::is_latin_letter(s.at(w + 1))) break;
        p = w + 1;
      }
      q.unit = rate_unit;
      q.modifiers.push_back("rate");
    }
    q.span = {start, stop};
    q.surface = std::string(s.text.substr(start, stop - start));
    return q;
  }

  // "$27.2 million comes to about EUR 29.6m", "a $27.2m budget, about £20.9 million", "648억
  // 달러, 우리 돈 약 81조원": a money figure right after another, in another currency, joined by
  // no more than the rules' conversion joiners, is its conversion.
  std::size_t read_inline_conversion(const Sentence& s, int main_index, std::size_t sentence_index, Extraction& out) const {
    const core::Quantity main = out.quantities[static_cast<std::size_t>(main_index)];
    if (main.dimension != core::Dimension::money || rules_.conversion_joiners.empty()) return main.span.end;
    std::size_t p = main.span.end;
    bool joined = false;
    for (int words = 0; words < 6 && p < s.end; ++words) {
      while (p < s.end && (s.text[p] == ' ' || s.text[p] == ',')) ++p;
      bool matched = false;
      for (const auto& j : rules_.conversion_joiners)
        if (s.starts_with(p, j) && (!core::is_latin_letter(s.at(p)) || s.word_boundary_after(p + j.size()))) {
          p += j.size(), matched = joined = true;
          break;
        }
      if (!matched) break;
    }
    if (!joined) return main.span.end;
    // A hedge before the converted figure is its own ("about EUR 29.6m"): read from past it.
    for (const auto& m : rules_.modifiers)
      if (m.position == Modifier::Position::prefix && s.starts_with(p, m.lowered) &&
          (!core::is_latin_letter(s.at(p)) || s.word_boundary_after(p + m.lowered.size()))) {
        p = s.skip_spaces(p + m.lowered.size());
        break;
      }
    std::size_t end = p;
    auto inner = read_quantity(s, p, end);
    if (!inner || inner->dimension != core::Dimension::money || inner->unit == main.unit) return main.span.end;
    inner->sentence = sentence_index;
    inner->linked_to = main_index;
    inner->link = "conversion";
    std::size_t stop = inner->span.end;
    out.quantities.push_back(std::move(*inner));
    return stop;
  }

  // "557만달러(약 80억원)": the figure in brackets is linked to the one before it.
  std::size_t read_linked(const Sentence& s, int main_index, std::size_t sentence_index, Extraction& out) const {
    const core::Quantity main = out.quantities[static_cast<std::size_t>(main_index)];
    std::size_t p = main.span.end;
    // "1조2480억원(약 8억6천만 달러)", and English's "1.248 trillion won (about $8.6 billion)".
    if (p + 1 < s.end && s.text[p] == ' ' && s.text[p + 1] == '(') ++p;
    if (p >= s.end || s.text[p] != '(') return read_inline_conversion(s, main_index, sentence_index, out);
    std::size_t close = s.text.find(')', p);
    if (close == std::string::npos || close >= s.end || close - p > 80) return p;
    for (std::size_t q = p + 1; q < close; q = s.next(q)) {
      std::size_t end = q;
      auto inner = read_quantity(s, q, end);
      if (!inner) {
        if (end > q) q = end - 1;
        continue;
      }
      std::size_t tail = inner->span.end;
      while (tail < close && s.text[tail] == ' ') ++tail;
      if (tail != close) return p;
      bool both_money = inner->dimension == core::Dimension::money && main.dimension == core::Dimension::money;
      bool change = (inner->dimension == core::Dimension::percent && main.dimension == core::Dimension::money) ||
                    (inner->dimension == core::Dimension::money && main.dimension == core::Dimension::percent);
      // "22 miles (14 km)", "310 metres (1,020 feet)": one length in two units of its family.
      bool one_family = inner->dimension == core::Dimension::measure && main.dimension == core::Dimension::measure &&
                        inner->unit != main.unit && rules_.in_base(inner->unit).first == rules_.in_base(main.unit).first;
      if (!both_money && !change && !one_family) return p;
      inner->sentence = sentence_index;
      inner->linked_to = main_index;
      inner->link = one_family ? "unit-conversion" : both_money ? (inner->unit == main.unit ? "restatement" : "conversion") : "absolute-change";
      out.quantities.push_back(std::move(*inner));
      // Words after the bracket still belong to the main figure: "…(약 80억원)에 불과하다".
      auto after = suffix_modifiers(s, close + 1, Modifier::Position::suffix);
      for (const auto& a : after)
        if (a.modifier->effect == ModifierEffect::emphasis)
          out.quantities[static_cast<std::size_t>(main_index)].modifiers.push_back("emphasis:" + a.modifier->word);
      return close + 1;
    }
    return p;
  }
};

Sentence make_sentence(const std::string& text, std::string_view lower, core::Span span) {
  Sentence s;
  s.text = text;
  s.lower = lower;
  s.begin = span.start;
  s.end = span.end;
  return s;
}

}  // namespace

Extraction extract(const core::Article& article, const rules::RuleSet& rules) {
  Extractor extractor(rules);
  Extraction out;
  std::string lower = core::ascii_lower(article.text);
  for (std::size_t i = 0; i < article.sentences.size() && !out.truncated; ++i)
    extractor.read_sentence(make_sentence(article.text, lower, article.sentences[i]), i, out);
  return out;
}

core::Article snippet_article(const std::string& text) {
  core::Article article;
  article.id = "snippet";
  article.text = text;
  article.sentences.push_back({0, text.size()});
  return article;
}

Extraction extract_snippet(const std::string& text, const rules::RuleSet& rules) { return extract(snippet_article(text), rules); }

}  // namespace crosscheck::extract

// Copy errors across the story: two figures in different articles that carry a copying error's
// mark (forensics.cpp) and are told in the same words are one figure, one of them copied wrongly,
// even when the framer could not give them one subject and measure (a name it did not find, a
// measure no lexicon names). The words decide, not a list: the sentences around the two figures
// must share at least two content words, and nothing either side states may set them apart.
#include <algorithm>
#include <map>
#include <set>

#include "check/check.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace crosscheck::check {

namespace {

constexpr std::size_t kMinSharedWords = 2;
constexpr std::size_t kMaxBucket = 64;  // figures with one set of digits: more is a table, not a copy

bool is_hangul_word_byte(std::string_view s, std::size_t pos, std::size_t& length) {
  return core::is_hangul_syllable(core::decode_at(s, pos, length));
}

}  // namespace

std::set<std::string> content_words(std::string_view sentence, core::Span figure, const rules::RuleSet& rules) {
  std::set<std::string> out;
  std::size_t pos = 0;
  while (pos < sentence.size()) {
    if (pos >= figure.start && pos < figure.end) {
      pos = figure.end;
      continue;
    }
    std::size_t length = 1;
    unsigned char c = static_cast<unsigned char>(sentence[pos]);
    bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (latin) {
      std::size_t end = pos;
      while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
      std::string word = core::ascii_lower(sentence.substr(pos, end - pos));
      // A word of three letters or more that carries meaning, cut to a stem ("reported" and
      // "reports" meet at "report").
      if (word.size() >= 3 && !rules.grammar.is_function(word) && !rules.grammar.is_stop(word)) out.insert(word.substr(0, 6));
      pos = end;
      continue;
    }
    if (is_hangul_word_byte(sentence, pos, length)) {
      std::size_t end = pos;
      while (end < sentence.size() && !(end >= figure.start && end < figure.end) && is_hangul_word_byte(sentence, end, length)) end += length;
      std::string_view word = sentence.substr(pos, end - pos);
      // A word that touches a number is its unit or counter (19일까지, 3명), not the topic.
      // So is the particle the figure itself takes (2,813명으로).
      bool after_digit = pos > 0 && sentence[pos - 1] >= '0' && sentence[pos - 1] <= '9';
      if (after_digit || pos == figure.end) {
        pos = end;
        continue;
      }
      for (const auto& p : rules.grammar.particles)  // longest first: 에서는 before 는
        if (word.size() > p.word.size() + 3 && core::ends_with(word, p.word)) {
          word.remove_suffix(p.word.size());
          break;
        }
      // Two syllables or more, and not a verb at the clause's end (밝혔다, 기록했다).
      if (core::count_hangul_syllables(word) >= 2 && !core::ends_with(word, "다") && !rules.grammar.is_function_word(word))
        out.insert(std::string(word));
      pos = end;
      continue;
    }
    pos += length;
  }
  return out;
}

void check_copy_errors(const CheckInput& input, std::vector<core::Finding>& findings) {
  // The pairs the grouped checks already set against each other.
  std::set<std::pair<std::string, std::string>> known;
  for (const auto& f : findings)
    if ((f.verdict == "conflict" || f.verdict == "possible-conflict") && f.sides.size() == 2)
      for (const auto& x : f.sides[0])
        for (const auto& y : f.sides[1]) known.insert(std::minmax(x, y));
  // Figures bucketed by unit and their significant digits in sorted order: both marks keep that.
  std::map<std::string, std::vector<std::size_t>> buckets;
  for (std::size_t i = 0; i < input.claims.size(); ++i) {
    const core::Claim& c = input.claims[i];
    if (c.quantity.dimension == core::Dimension::entity || c.linked_to >= 0 || c.quantity.point == 0) continue;
    std::string digits = significant_digits(c.quantity.point);
    if (digits.size() < 2) continue;
    std::sort(digits.begin(), digits.end());
    buckets[std::string(c.quantity.unit.view()) + '|' + core::dimension_name(c.quantity.dimension) + '|' + digits].push_back(i);
  }
  std::map<std::size_t, std::set<std::string>> words;
  auto words_of = [&](std::size_t i) -> const std::set<std::string>& {
    auto [it, fresh] = words.emplace(i, std::set<std::string>{});
    if (fresh) {
      const core::Claim& c = input.claims[i];
      const core::Article& article = input.articles[c.article];
      std::size_t start = c.quantity.span.start >= c.sentence_start ? c.quantity.span.start - c.sentence_start : 0;
      it->second = content_words(core::sentence_of(c, article), {start, start + (c.quantity.span.end - c.quantity.span.start)}, input.rules);
    }
    return it->second;
  };
  auto named = [](const core::Claim& c) { return !c.subject_root.empty() && c.subject_root != "event"; };
  auto stated_measure = [](const core::Claim& c) { return c.attribute_source == "clause" || c.attribute_source == "cue"; };
  for (const auto& entry : buckets) {
    const auto& members = entry.second;
    if (members.size() < 2 || members.size() > kMaxBucket) continue;
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        // In the order of their ids, so the finding is the same whatever order the claims came in.
        bool swap = input.claims[members[y]].id < input.claims[members[x]].id;
        std::size_t ia = swap ? members[y] : members[x], ib = swap ? members[x] : members[y];
        const core::Claim& a = input.claims[ia];
        const core::Claim& b = input.claims[ib];
        if (a.article == b.article) continue;
        ErrorMark mark = error_mark(a.quantity, b.quantity);
        if (mark == ErrorMark::none || known.count(std::minmax(a.id, b.id))) continue;
        // Two subjects both named, or two measures both stated, that differ: two quantities.
        if (named(a) && named(b) && a.subject_root != b.subject_root) continue;
        if (stated_measure(a) && stated_measure(b) && a.attribute != b.attribute) continue;
        ScopeComparison cmp = compare_scopes(a, b, true);
        if (!cmp.comparable && !only_inferred_reasons(cmp, a, b)) continue;
        std::vector<std::string> shared;
        const auto& wa = words_of(ia);
        const auto& wb = words_of(ib);
        std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(shared));
        if (shared.size() < kMinSharedWords) continue;
        known.insert(std::minmax(a.id, b.id));
        core::Finding f;
        f.verdict = "conflict";
        f.check = "copy";
        const core::Claim& framed = named(a) || a.attribute.empty() ? a : b;
        f.subject = framed.subject_root;
        f.attribute = !a.attribute.empty() ? a.attribute : b.attribute;
        bool a_larger = std::abs(a.quantity.point) >= std::abs(b.quantity.point);
        f.sides = {{a.id}, {b.id}};
        f.reasons = {mark == ErrorMark::scale ? "scale" : "digits", "same-words"};
        std::string shown;
        for (std::size_t k = 0; k < shared.size() && k < 6; ++k) shown += (k ? ", " : "") + shared[k];
        f.evidence["shared_words"] = shared;
        double ratio = std::max(std::abs(a.quantity.point), std::abs(b.quantity.point)) /
                       std::min(std::abs(a.quantity.point), std::abs(b.quantity.point));
        f.explanation = render(input.rules, input.language, mark == ErrorMark::scale ? "explain.copy-scale" : "explain.copy-digits",
                               {{"a", a_larger ? a.quantity.surface : b.quantity.surface},
                                {"b", a_larger ? b.quantity.surface : a.quantity.surface},
                                {"ratio", core::format_number(std::pow(10.0, std::round(std::log10(ratio))))},
                                {"words", shown}});
        findings.push_back(std::move(f));
      }
  }
}

}  // namespace crosscheck::check

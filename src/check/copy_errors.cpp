// Copy errors across the story: two figures in different articles that carry a copying error's
// mark (forensics.cpp) and are told in the same words are one figure, one of them copied wrongly,
// even when the framer could not give them one subject and measure (a name it did not find, a
// measure no lexicon names). The words decide, not a list: the sentences around the two figures
// must share at least two content words, and nothing either side states may set them apart.
#include <algorithm>
#include <cstdint>
#include <tuple>
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

namespace {

// Each bucket's members: the claim and its significant digits as written.
struct Member {
  std::size_t claim;
  std::uint64_t as_written;
  std::size_t length;  // how many significant digits
};

std::vector<std::vector<Member>> digit_buckets(const CheckInput& input) {
  // Figures bucketed by unit and their significant digits in sorted order (both marks keep
  // that), packed four bits a digit: a sort of small keys, not a map of strings.
  struct Entry {
    std::string_view unit;
    int dimension;
    std::uint64_t digits;  // sorted
    std::size_t claim;
    std::uint64_t as_written;  // in their order
    std::size_t length;
    auto tie() const { return std::tie(unit, dimension, digits, claim); }
  };
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < input.claims.size(); ++i) {
    const core::Claim& c = input.claims[i];
    if (c.quantity.dimension == core::Dimension::entity || (c.linked_to >= 0 && c.quantity.link != "conversion") || c.quantity.point == 0)
      continue;
    std::string digits = significant_digits(c.quantity.point);
    if (digits.size() < 2 || digits.size() > 15) continue;
    auto pack = [](const std::string& d) {
      std::uint64_t packed = d.size();
      for (char ch : d) packed = packed << 4 | static_cast<std::uint64_t>(ch - '0');
      return packed;
    };
    std::uint64_t as_written = pack(digits);
    std::sort(digits.begin(), digits.end());
    entries.push_back({c.quantity.unit.view(), static_cast<int>(c.quantity.dimension), pack(digits), i, as_written, digits.size()});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) { return x.tie() < y.tie(); });
  std::vector<std::vector<Member>> buckets;
  for (std::size_t k = 0; k < entries.size();) {
    std::size_t end = k;
    while (end < entries.size() && entries[end].unit == entries[k].unit && entries[end].dimension == entries[k].dimension &&
           entries[end].digits == entries[k].digits)
      ++end;
    if (end - k >= 2 && end - k <= kMaxBucket) {
      buckets.emplace_back();
      for (std::size_t j = k; j < end; ++j) buckets.back().push_back({entries[j].claim, entries[j].as_written, entries[j].length});
    }
    k = end;
  }
  return buckets;
}

}  // namespace

void check_copy_errors(const CheckInput& input, std::vector<core::Finding>& findings) {
  std::vector<std::vector<Member>> buckets = digit_buckets(input);
  // Where the grouped checks already set a candidate against others: finding and side, for the
  // candidates only (a finding's sides can hold hundreds of claims each).
  std::map<std::string_view, std::vector<std::pair<std::size_t, std::size_t>>> placed;
  for (const auto& bucket : buckets)
    for (const auto& m : bucket) placed.emplace(input.claims[m.claim].id, std::vector<std::pair<std::size_t, std::size_t>>{});
  if (placed.empty()) return;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const auto& f = findings[k];
    if (f.verdict != "conflict" && f.verdict != "possible-conflict") continue;
    for (std::size_t side = 0; side < f.sides.size(); ++side)
      for (const auto& id : f.sides[side])
        if (auto it = placed.find(id); it != placed.end()) it->second.push_back({k, side});
  }
  using Placements = std::vector<std::pair<std::size_t, std::size_t>>;
  auto apart_in_a_finding = [](const Placements& px, const Placements& py) {
    for (const auto& [fx, sx] : px)
      for (const auto& [fy, sy] : py)
        if (fx == fy && sx != sy) return true;
    return false;
  };
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
  for (const auto& bucket : buckets) {
    // In the order of the claims' ids: the first pair found gives the finding its evidence, and it
    // must be the same pair whatever order the claims came in (a check over a sorted claims file).
    auto members = bucket;
    std::sort(members.begin(), members.end(), [&](const auto& m, const auto& n) { return input.claims[m.claim].id < input.claims[n.claim].id; });
    std::vector<core::Finding> found;
    std::map<std::pair<double, double>, std::size_t> pair_finding;
    std::vector<const Placements*> where;
    for (const auto& m : members) where.push_back(&placed.at(input.claims[m.claim].id));
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const core::Claim& cx = input.claims[members[x].claim];
        const core::Claim& cy = input.claims[members[y].claim];
        if (cx.article == cy.article) continue;
        double px = std::abs(cx.quantity.point), py = std::abs(cy.quantity.point);
        double ratio = std::max(px, py) / std::min(px, py);
        // error_mark's rule, from digits packed once per figure (a bucket holds one sorted set).
        ErrorMark mark = mark_of(members[x].as_written == members[y].as_written, members[x].length, ratio);
        if (mark == ErrorMark::none || apart_in_a_finding(*where[x], *where[y])) continue;
        // In the order of their ids, so the finding is the same whatever order the claims came in.
        bool swap = cy.id < cx.id;
        std::size_t ia = swap ? members[y].claim : members[x].claim, ib = swap ? members[x].claim : members[y].claim;
        const core::Claim& a = input.claims[ia];
        const core::Claim& b = input.claims[ib];
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
        // One finding for each two values of a bucket: the wrong figure against every article
        // that gives the right one, the larger value first.
        const core::Claim& larger = std::abs(a.quantity.point) >= std::abs(b.quantity.point) ? a : b;
        const core::Claim& smaller = &larger == &a ? b : a;
        auto [slot, fresh] = pair_finding.emplace(std::make_pair(larger.quantity.point, smaller.quantity.point), found.size());
        if (!fresh) {
          auto& f = found[slot->second];
          for (int side = 0; side < 2; ++side) {
            const std::string& id = side == 0 ? larger.id : smaller.id;
            if (std::find(f.sides[side].begin(), f.sides[side].end(), id) == f.sides[side].end()) f.sides[side].push_back(id);
          }
          continue;
        }
        core::Finding f;
        f.verdict = "conflict";
        f.check = "copy";
        const core::Claim& framed = named(a) || a.attribute.empty() ? a : b;
        f.subject = framed.subject_root;
        f.attribute = !a.attribute.empty() ? a.attribute : b.attribute;
        f.sides = {{larger.id}, {smaller.id}};
        f.reasons = {mark == ErrorMark::scale ? "scale" : "digits", "same-words"};
        std::string shown;
        for (std::size_t k = 0; k < shared.size() && k < 6; ++k) shown += (k ? ", " : "") + shared[k];
        f.evidence["shared_words"] = shared;
        f.explanation = render(input.rules, input.language, mark == ErrorMark::scale ? "explain.copy-scale" : "explain.copy-digits",
                               {{"a", larger.quantity.surface},
                                {"b", smaller.quantity.surface},
                                {"ratio", core::format_number(std::pow(10.0, std::round(std::log10(ratio))))},
                                {"words", shown}});
        found.push_back(std::move(f));
      }
    for (auto& f : found) {
      for (auto& side : f.sides) std::sort(side.begin(), side.end());
      findings.push_back(std::move(f));
    }
  }
}

}  // namespace crosscheck::check

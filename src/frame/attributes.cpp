#include <algorithm>
#include <cstdlib>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

// An English cue must be a whole word ("stock" is not in "stockpile"): true when the match at
// `pos` runs on into a letter before `end`.
bool cuts_latin_word(std::string_view text, std::size_t pos, std::size_t length, std::size_t end) {
  return core::is_latin_letter(static_cast<unsigned char>(text[pos])) && pos + length < end &&
         core::is_latin_letter(static_cast<unsigned char>(text[pos + length]));
}

// A cue a bracket interrupts: "3만 5,412표(52.1%)를 얻어" holds the cue "표를 얻" once the share in
// brackets is read past. The sentence is read again without its short bracketed asides, and a
// cue found across one is added with its span in the sentence as written.
void add_cues_across_brackets(const SentenceView& s, const rules::RuleSet& rules, std::vector<CueHit>& hits) {
  std::string_view lower = s.lower.substr(s.span.start, s.span.end - s.span.start);
  if (lower.find('(') == std::string_view::npos) return;
  std::string compact;
  std::vector<std::size_t> at;    // at[i]: the offset in the text of compact[i]
  std::vector<std::size_t> gaps;  // where in `compact` an aside was left out
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (lower[i] == '(') {
      std::size_t close = lower.find(')', i);
      if (close != std::string_view::npos && close - i <= 40) {
        gaps.push_back(compact.size());
        i = close;
        continue;
      }
    }
    compact += lower[i];
    at.push_back(s.span.start + i);
  }
  at.push_back(s.span.end);
  if (gaps.empty()) return;
  // A cue across an aside starts shortly before it: only those starts are read again.
  constexpr std::size_t kReach = 30;
  std::size_t gap = 0;
  for (std::size_t pos = gaps.front() > kReach ? gaps.front() - kReach : 0; pos < compact.size();) {
    while (gap < gaps.size() && gaps[gap] <= pos) ++gap;
    if (gap == gaps.size()) break;
    if (gaps[gap] - pos > kReach) {
      pos = gaps[gap] - kReach;
      while (pos < compact.size() && (static_cast<unsigned char>(compact[pos]) & 0xC0) == 0x80) ++pos;  // a character's start
      continue;
    }
    rules.cue_table.for_each_at(compact, pos, [&](const core::PhraseMatch& m) {
      std::size_t start = at[pos], end = at[pos + m.length - 1] + 1;
      if (end - start == m.length) return;  // no bracket inside: found already
      if (cuts_latin_word(compact, pos, m.length, compact.size())) return;
      hits.push_back({m.id, start, end});
    });
    std::size_t length = 1;
    core::decode_at(compact, pos, length);
    pos += length;
  }
  std::stable_sort(hits.begin(), hits.end(), [](const CueHit& a, const CueHit& b) { return a.start < b.start; });
}

}  // namespace

std::vector<CueHit> find_cues(const SentenceView& s, const rules::RuleSet& rules) {
  std::vector<CueHit> hits;
  std::string_view lower = s.lower.substr(0, s.span.end);
  std::size_t covered_until = 0;  // a cue inside a longer cue ("투표율" in "사전투표의 투표율") is not its own
  for (std::size_t pos = s.span.start; pos < s.span.end;) {
    bool longest = true, covered = false;
    rules.cue_table.for_each_at(lower, pos, [&](const core::PhraseMatch& m) {
      if (longest) {
        longest = false;
        covered = pos + m.length <= covered_until;
        if (!covered) covered_until = std::max(covered_until, pos + m.length);
      }
      if (covered) return;
      if (cuts_latin_word(s.text, pos, m.length, s.span.end)) return;
      // A one-syllable Korean cue is a counter: it counts right after a digit (35세, 3살), not
      // inside a word (증세, 세금, 살해).
      if (m.length == 3 && static_cast<unsigned char>(s.text[pos]) >= 0xEA && !(pos > 0 && s.text[pos - 1] >= '0' && s.text[pos - 1] <= '9'))
        return;
      hits.push_back({m.id, pos, pos + m.length});
    });
    std::size_t length = 1;
    core::decode_at(s.text, pos, length);
    pos += length;
  }
  add_cues_across_brackets(s, rules, hits);
  return hits;
}

std::string choose_attribute(const SentenceView& s, const core::Quantity& q, core::Span clause, const std::vector<CueHit>& cues,
                             const rules::RuleSet& rules, std::string_view& source, CueHit& chosen) {
  // An attribute counts only when one of its main cues is present, and its required word too.
  auto required_present = [&](int block) {
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
      const auto& c = rules.attribute_cues[static_cast<std::size_t>(h.cue)];
      return c.block == block && c.requires_other;
    });
  };
  const rules::Attribute* best = nullptr;
  long best_score = 0;
  for (const auto& hit : cues) {
    const auto& cue = rules.attribute_cues[static_cast<std::size_t>(hit.cue)];
    if (cue.requires_other || cue.attribute_index < 0) continue;
    const rules::Attribute* attribute = &rules.attributes[static_cast<std::size_t>(cue.attribute_index)];
    if (std::find(attribute->dimensions.begin(), attribute->dimensions.end(), q.dimension) == attribute->dimensions.end()) continue;
    if (cue.needs_required && !required_present(cue.block)) continue;
    // "교통사고 47건이 발생해 2명이 숨졌다": the toll's cue is another figure's; 건 counts no people.
    if (!attribute->counts.empty() && q.dimension == core::Dimension::count && !q.counted.empty() &&
        rules.count_class(q.counted) != attribute->counts)
      continue;
    // A cue inside the figure does not count, except one that runs past its end: "175석을".
    if (hit.start < q.span.end && hit.end > q.span.start && !(hit.start > q.span.start && hit.end >= q.span.end)) continue;
    long distance = hit.end <= q.span.start ? static_cast<long>(q.span.start - hit.end) : static_cast<long>(hit.start - q.span.end);
    bool in_clause = hit.start >= clause.start && hit.end <= clause.end;
    // Nearer is better; the same clause counts for a lot; priority breaks ties between
    // attributes that share a cue (시가총액 for both market value and its change).
    long score = distance + (in_clause ? 0 : 400) - attribute->priority * 3;
    if (!best || score < best_score) {
      best = attribute;
      best_score = score;
      chosen = hit;
    }
  }
  if (best) {
    source = "cue";
    return best->id;
  }
  std::string noun = nearest_noun(s, q, rules);
  if (!noun.empty()) {
    source = "noun-phrase";
    return "np:" + noun;
  }
  source = "";
  return "";
}

std::string nearest_noun(const SentenceView& s, const core::Quantity& q, const rules::RuleSet& rules) {
  // The word just before the figure, its particle stripped: "빅테크의 5~10%" → 빅테크.
  std::size_t end = q.span.start;
  while (end > s.span.start && s.text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > s.span.start && s.text[start - 1] != ' ' && s.text[start - 1] != '(' && s.text[start - 1] != '\'' &&
         s.text[start - 1] != '"')
    --start;
  std::string word(s.text.substr(start, end - start));
  while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ')')) word.pop_back();
  for (const auto& particle : rules.particles)
    if (word.size() > particle.size() + 3 && word.compare(word.size() - particle.size(), particle.size(), particle) == 0) {
      word.resize(word.size() - particle.size());
      break;
    }
  if (core::count_code_points(word, 0, word.size()) < 2) return "";
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  return core::ascii_lower(word);
}

}  // namespace crosscheck::frame

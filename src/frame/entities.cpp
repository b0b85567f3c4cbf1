#include <algorithm>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

bool latin_or_digit(char32_t c) { return core::is_latin_letter(c) || core::is_ascii_digit(c); }

char32_t at(std::string_view text, std::size_t pos) {
  std::size_t length = 1;
  return pos < text.size() ? core::decode_at(text, pos, length) : 0;
}

char32_t before(std::string_view text, std::size_t pos, std::size_t floor) {
  if (pos <= floor) return 0;
  std::size_t p = pos - 1;
  while (p > floor && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return at(text, p);
}

// The particle after a name, looking past a bracketed gloss: 마이크로소프트(MSFT)의 → 의.
std::string particle_after(const SentenceView& s, std::size_t pos, const rules::RuleSet& rules) {
  std::size_t p = pos;
  if (p < s.span.end && s.text[p] == '(') {
    std::size_t close = s.text.find(')', p);
    if (close != std::string_view::npos && close < s.span.end && close - p < 40) p = close + 1;
  }
  if (p < s.span.end && (s.text[p] == '\'' || s.text[p] == '"')) ++p;
  if (p + 3 <= s.span.end && (s.text.compare(p, 3, "’") == 0 || s.text.compare(p, 3, "”") == 0)) p += 3;
  auto m = rules.particle_table.longest_at(s.text.substr(0, s.span.end), p);
  if (!m) return "";
  return rules.particles[static_cast<std::size_t>(m.id)];
}

}  // namespace

std::vector<Mention> find_mentions(const SentenceView& s, const rules::RuleSet& rules) {
  std::vector<Mention> out;
  std::string_view window = s.text.substr(0, s.span.end);
  std::string_view lower = s.lower.substr(0, s.span.end);
  std::size_t pos = s.span.start;
  char32_t previous = 0;  // the code point before pos in the sentence (0 at its start)
  while (pos < s.span.end) {
    std::size_t length = 1;
    char32_t first = core::decode_at(s.text, pos, length);
    // A name starts a word: inside a Korean or a Latin word nothing is looked up.
    bool inside_word = (core::is_hangul_syllable(first) && core::is_hangul_syllable(previous)) ||
                       (latin_or_digit(first) && latin_or_digit(previous));
    if (!inside_word) {
      auto m = rules.entity_table.longest_at(window, pos);
      int entity = m ? m.id : -1;
      if (!m) m = rules.anaphor_table.longest_at(lower, pos);
      if (m) {
        std::size_t end = pos + m.length;
        if (!(latin_or_digit(before(s.text, end, pos)) && latin_or_digit(at(s.text, end)))) {
          out.push_back({entity, pos, end, particle_after(s, end, rules)});
          previous = before(s.text, end, s.span.start);
          pos = end;
          continue;
        }
      }
    }
    previous = first;
    pos += length;
  }
  return out;
}

std::vector<core::Span> clause_breaks_in(const SentenceView& s, const rules::RuleSet& rules) {
  // One pass over the sentence's code points with every break word at once. Breaks come out in
  // the order of the text; clause_around does not depend on their order.
  std::string_view lower = s.lower.substr(0, s.span.end);
  std::vector<core::Span> breaks;
  // A comma inside brackets ("월 환산액(주 40시간 근무, 월 209시간 기준)은") breaks no clause: the
  // aside is one part of the phrase around it.
  int depth = 0;
  for (std::size_t pos = s.span.start; pos < s.span.end; ++pos) {
    if ((static_cast<unsigned char>(lower[pos]) & 0xC0) == 0x80) continue;
    if (lower[pos] == '(') ++depth;
    if (lower[pos] == ')' && depth > 0) --depth;
    if (depth > 0) continue;
    rules.clause_break_table.for_each_at(lower, pos, [&](const core::PhraseMatch& m) {
      // A comma between digits is a thousands separator, not a clause break.
      if (m.length == 1 && lower[pos] == ',' && pos + 1 < s.span.end && lower[pos + 1] >= '0' && lower[pos + 1] <= '9') return;
      breaks.push_back({pos, pos + m.length});
    });
  }
  return breaks;
}

core::Span clause_around(const SentenceView& s, core::Span figure, const std::vector<core::Span>& breaks) {
  // The clause runs from the end of the last break before the figure to the start of the first
  // break after it; a break that overlaps the figure bounds neither side.
  core::Span clause = s.span;
  for (const auto& b : breaks) {
    if (b.end <= figure.start) clause.start = std::max(clause.start, b.end);
    if (b.start >= figure.end) clause.end = std::min(clause.end, b.start);
  }
  return clause;
}

}  // namespace crosscheck::frame

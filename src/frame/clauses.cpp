#include "frame/clauses.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace crosscheck::frame {

namespace {

// Punctuation that opens or closes a word without being part of it.
constexpr std::string_view kOpeners[] = {"(", "[", "{", "'", "\"", "“", "‘", "「", "『", "<", "《", "〈"};
constexpr std::string_view kClosers[] = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'", "\"", "”", "’", "」", "』", ">", "》", "〉", "…", "·"};

// The bracketed acronym that follows at `at` ("(GCT)", " (GCT)"): its span, or an empty one.
core::Span bracketed_acronym(std::string_view text, std::size_t at, std::size_t limit) {
  if (at < limit && text[at] == ' ') ++at;
  if (at >= limit || text[at] != '(') return {};
  std::size_t close = text.find(')', at + 1);
  if (close == std::string_view::npos || close >= limit || !is_acronym(text.substr(at + 1, close - at - 1))) return {};
  return {at + 1, close};
}

// The first byte of a Hangul syllable in [from, to), or `to`.
std::size_t first_hangul(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t q = from; q < to;) {
    std::size_t length = 1;
    if (core::is_hangul_syllable(core::decode_at(text, q, length))) return q;
    q += length;
  }
  return to;
}

bool is_particle(std::string_view word, const rules::RuleSet& rules) {
  return std::any_of(rules.grammar.particles.begin(), rules.grammar.particles.end(), [&](const auto& p) { return p.word == word; });
}

// "월 환산액(주 40시간 근무, 유급 주휴 포함 월 209시간 기준)은": a bracket a word opens and a later word
// closes. The opening word is the noun (환산액) with the particle after the bracket (은); the words
// inside are an aside.
void mark_asides(std::string_view text, ParsedSentence& out, const rules::RuleSet& rules) {
  constexpr std::size_t kReach = 16;  // words an aside may run over
  for (std::size_t i = 0; i < out.words.size(); ++i) {
    Token& t = out.words[i];
    std::string_view written = text.substr(t.span.start, t.span.end - t.span.start);
    std::size_t open = written.find('(');
    if (open == std::string_view::npos || open == 0 || written.find(')', open) != std::string_view::npos) continue;
    for (std::size_t j = i + 1; j < out.words.size() && j <= i + kReach; ++j) {
      Token& u = out.words[j];
      std::size_t close = text.substr(u.span.start, u.span.end - u.span.start).find(')');
      if (text.substr(u.span.start, u.span.end - u.span.start).find('(') != std::string_view::npos) break;
      if (close == std::string_view::npos) continue;
      std::size_t after = u.span.start + close + 1;
      // The token's end is trimmed of closing punctuation; the particle may sit past it.
      std::size_t limit = after;
      while (limit < text.size() && text[limit] != ' ' && text[limit] != '\n') ++limit;
      if (!t.digit) {
        t.stem = {t.span.start, t.span.start + open};
        t.role = role_after(text, after, limit, rules);
      }
      t.opens_aside = true;
      for (std::size_t k = i + 1; k <= j; ++k) out.words[k].aside = true;
      i = j;
      break;
    }
  }
}

}  // namespace

bool is_acronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return false;
  int capitals = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (!(c >= '0' && c <= '9') && c != '&') return false;
  }
  return capitals >= 2;
}

ParsedSentence parse_sentence(std::string_view text, core::Span sentence, const std::vector<core::Span>& breaks,
                              const rules::RuleSet& rules) {
  ParsedSentence out;
  // Clauses: the stretches between breaks.
  std::size_t from = sentence.start;
  std::vector<core::Span> sorted = breaks;
  std::sort(sorted.begin(), sorted.end(), [](const core::Span& a, const core::Span& b) { return a.start < b.start; });
  for (const auto& b : sorted) {
    if (b.start < from) continue;
    out.clauses.push_back({from, b.start});
    from = b.end;
  }
  out.clauses.push_back({from, sentence.end});

  std::size_t pos = sentence.start;
  std::size_t clause = 0;
  while (pos < sentence.end) {
    while (pos < sentence.end && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t')) ++pos;
    std::size_t end = pos;
    while (end < sentence.end && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
    if (end == pos) break;
    Token t;
    std::size_t a = pos, b = end;
    // Punctuation is an ASCII sign or a character whose lead byte is E2 or E3 (quotes, brackets,
    // the ellipsis); letters, digits and Hangul (lead bytes EA-ED) are not, so most words skip
    // the comparisons.
    auto may_be_punctuation = [](unsigned char c) { return (c < 0x80 && !std::isalnum(c)) || c == 0xE2 || c == 0xE3 || c == 0xC2; };
    auto last_lead = [&](std::size_t from, std::size_t to) {  // the lead byte of the last character
      std::size_t q = to - 1;
      while (q > from && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
      return static_cast<unsigned char>(text[q]);
    };
    for (bool again = may_be_punctuation(static_cast<unsigned char>(text[a])); again && a < b;) {
      again = false;
      for (auto o : kOpeners)
        if (text.compare(a, o.size(), o) == 0 && a + o.size() <= b) {
          if (o == "'" || o == "\"" || o == "‘" || o == "“") t.quoted = true;
          a += o.size(), again = true;
          break;
        }
    }
    for (bool again = b > a && may_be_punctuation(last_lead(a, b)); again && b > a;) {
      again = false;
      for (auto c : kClosers)
        if (b - a >= c.size() && text.compare(b - c.size(), c.size(), c) == 0) {
          if (c == ",") t.comma_after = true;
          b -= c.size(), again = true;
          break;
        }
    }
    // A quoted name keeps its particle outside the quotes: '라온마켓'이 → 라온마켓 + 이.
    std::size_t particle_from = b;
    if (t.quoted)
      for (auto c : {std::string_view("'"), std::string_view("’"), std::string_view("”"), std::string_view("\"")}) {
        auto q = text.substr(a, b - a).find(c);
        if (q != std::string_view::npos && q > 0) {
          particle_from = a + q + c.size();
          t.stem = {a, a + q};
          break;
        }
      }
    t.span = {a, b};
    if (t.stem.end == 0) t.stem = t.span;
    t.digit = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(a), text.begin() + static_cast<std::ptrdiff_t>(b),
                          [](char c) { return c >= '0' && c <= '9'; });
    std::size_t length = 1;
    char32_t first = a < b ? core::decode_at(text, a, length) : 0;
    t.hangul = core::is_hangul_syllable(first);
    t.capital = first >= 'A' && first <= 'Z';
    bool role_read = false;
    if (!t.quoted && t.hangul) {
      // 가람포컨테이너터미널(GCT)에: the name, its acronym, then the particle after the bracket.
      std::size_t open = text.substr(a, end - a).find('(');
      core::Span acronym = open == std::string_view::npos ? core::Span{} : bracketed_acronym(text, a + open, end);
      if (acronym.end > acronym.start) {
        t.acronym = acronym;
        t.stem = {a, a + open};
        t.role = acronym.end + 1 < b ? role_after(text, acronym.end + 1, b, rules) : rules::Role::none;
        role_read = true;
      }
    } else if (!t.quoted && t.capital) {
      // GCT는, AI가: Latin letters with a Korean particle and nothing else after them.
      std::size_t h = first_hangul(text, a, b);
      if (h > a && h < b && std::all_of(text.begin() + static_cast<std::ptrdiff_t>(a), text.begin() + static_cast<std::ptrdiff_t>(h),
                                        [](char c) { return static_cast<unsigned char>(c) < 0x80; }) &&
          is_particle(text.substr(h, b - h), rules)) {
        t.stem = {a, h};
        t.role = role_after(text, h, b, rules);
        role_read = true;
      }
    }
    // The particle: the longest that leaves a stem of at least one syllable.
    std::string_view word = text.substr(t.stem.start, t.stem.end - t.stem.start);
    if (role_read) {
    } else if (particle_from != b) {
      t.role = role_after(text, particle_from, b, rules);
    } else if (t.hangul && core::count_hangul_syllables(word) >= 2) {
      // A two-syllable word the dictionary knows whole keeps its last syllable: 도로 is a road,
      // not 도 with 로 (and "도로 62곳이" measures roads).
      bool known_whole = core::count_hangul_syllables(word) == 2 && rules.lexicon.loaded() && rules.lexicon.knows(word);
      for (const auto& p : rules.grammar.particles)
        if (word.size() > p.word.size() && word.back() == p.word.back() && core::ends_with(word, p.word) &&
            core::count_hangul_syllables(word.substr(0, word.size() - p.word.size())) >= (known_whole ? 2 : 1)) {
          t.role = p.role;
          t.stem.end -= p.word.size();
          break;
        }
    }
    while (clause + 1 < out.clauses.size() && a >= out.clauses[clause].end) ++clause;
    t.clause = clause;
    std::string_view written = text.substr(t.span.start, t.span.end - t.span.start);
    for (const auto& w : rules.grammar.list_words) {
      if (word.size() == w.size() && core::ascii_lower(word) == w) out.has_list_word = true;
      if (written.size() == w.size() && core::ascii_lower(written) == w) out.list_word = static_cast<int>(out.words.size());
    }
    out.words.push_back(t);
    pos = end;
  }
  mark_asides(text, out, rules);
  return out;
}

int word_at(const ParsedSentence& s, std::size_t pos) {
  for (std::size_t i = 0; i < s.words.size(); ++i)
    if (s.words[i].span.start <= pos && pos < std::max(s.words[i].span.end, s.words[i].span.start + 1)) return static_cast<int>(i);
  return -1;
}

rules::Role role_after(std::string_view text, std::size_t end, std::size_t limit, const rules::RuleSet& rules) {
  std::string_view rest = text.substr(end, limit > end ? limit - end : 0);
  for (auto c : kClosers)
    if (rest.size() >= c.size() && rest.compare(rest.size() - c.size(), c.size(), c) == 0) rest.remove_suffix(c.size());
  if (rest.empty()) return rules::Role::none;
  for (const auto& p : rules.grammar.particles)
    if (rest.compare(0, p.word.size(), p.word) == 0) return p.role;
  return rules::Role::none;
}

std::string normalize_word(std::string_view word, const rules::RuleSet& rules) {
  for (const auto& e : rules.grammar.endings)
    if (word.size() > e.size() && word.back() == e.back() && core::ends_with(word, e) &&
        core::count_hangul_syllables(word.substr(0, word.size() - e.size())) >= 1)
      return core::ascii_lower(word.substr(0, word.size() - e.size()));
  return core::ascii_lower(word);
}

}  // namespace crosscheck::frame

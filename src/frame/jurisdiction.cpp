// Whose a national statistic is. Exports, consumer prices, the jobless rate and a budget are a
// country's figures, not an event's: the country a clause names as their owner ("미국의
// 소비자물가는", "South Korea's exports", "Japanese core inflation"), else the home country of the
// sentence's language (rules/ko/grammar.toml `home_jurisdiction`: a Korean sentence that names
// none speaks of Korea), else the country the rest of the story gives them (settle_jurisdictions).
// A country the measure is traded with ("중국 수출", "대중국 수출", "exports to China") makes the
// figure a different quantity, a partner, not a different owner.
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "frame/frame_internal.hpp"
#include "frame/subjects.hpp"

namespace crosscheck::frame {

namespace {

char32_t code_at(std::string_view text, std::size_t pos) {
  std::size_t length = 1;
  return pos < text.size() ? core::decode_at(text, pos, length) : 0;
}

// The start of the code point before pos (pos itself at floor).
std::size_t back_one(std::string_view text, std::size_t pos, std::size_t floor) {
  if (pos <= floor) return floor;
  std::size_t p = pos - 1;
  while (p > floor && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

// The word before pos (skipping spaces), as written.
std::string_view word_before(std::string_view text, std::size_t pos, std::size_t floor) {
  std::size_t end = pos;
  while (end > floor && core::is_space(text[end - 1])) --end;
  std::size_t start = end;
  while (start > floor && !core::is_space(text[start - 1])) --start;
  return text.substr(start, end - start);
}

bool capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

enum class Role { none, owner, partner };

// What a country named at [start, end) is to the measure after it.
Role role_of(const SentenceView& s, std::size_t start, std::size_t end, const rules::Attribute& attribute,
             const std::string& id, const std::string& home, const rules::RuleSet& rules) {
  char32_t first = code_at(s.text, start);
  if (core::is_hangul_syllable(first)) {
    // The rest of its word: nothing, or one particle (한국의, 미국은); 한국은행 and 중국산 are other words.
    std::size_t word_end = end;
    while (word_end < s.span.end && !core::is_space(s.text[word_end]) && s.text[word_end] != ',' && s.text[word_end] != '.') ++word_end;
    std::string_view rest = s.text.substr(end, word_end - end);
    // "대중국 수출": 대 (對) before the name makes it the partner.
    std::size_t word_start = start;
    while (word_start > s.span.start && !core::is_space(s.text[word_start - 1])) --word_start;
    std::string_view lead = s.text.substr(word_start, start - word_start);
    if (lead == "대" || lead == "對") return rest.empty() ? Role::partner : Role::none;
    if (!lead.empty()) return Role::none;
    if (rest.empty()) return id == home || !attribute.between_countries ? Role::owner : Role::partner;
    for (const auto& p : rules.grammar.particles)
      if (p.word == rest) {
        if (p.role == rules::Role::owner || p.role == rules::Role::topic || p.role == rules::Role::subject) return Role::owner;
        if (p.role == rules::Role::list) return id == home || !attribute.between_countries ? Role::owner : Role::partner;
        return Role::none;  // 미국에서, 중국으로: where, or where to; the clause's place reader sees to it
      }
    return Role::none;
  }
  // English: a word of its own, possessive or adjective; inside a longer name (Bank of Korea,
  // Statistics Korea, Korea Customs Service) it is no owner.
  char32_t next = code_at(s.text, end);
  bool possessive = s.text.substr(end, 2) == "'s" || s.text.substr(end, 4) == "\xE2\x80\x99s";
  if (!possessive && (core::is_latin_letter(next) || core::is_ascii_digit(next))) return Role::none;
  if (core::is_latin_letter(code_at(s.text, back_one(s.text, start, s.span.start))) && start > s.span.start) return Role::none;
  std::size_t after = end + (possessive ? (s.text[end] == '\'' ? 2 : 4) : 0);
  while (after < s.span.end && s.text[after] == ' ') ++after;
  std::size_t after_end = after;
  while (after_end < s.span.end && !core::is_space(s.text[after_end])) ++after_end;
  if (!possessive && capitalised(s.text.substr(after, after_end - after))) return Role::none;
  std::string before = core::ascii_lower(word_before(s.text, start, s.span.start));
  if (before == "to" || before == "from" || before == "into" || before == "with") return Role::partner;
  if (before == "of") {
    std::size_t of_start = start;
    while (of_start > s.span.start && core::is_space(s.text[of_start - 1])) --of_start;
    of_start -= std::min(of_start - s.span.start, std::size_t{2});
    if (capitalised(word_before(s.text, of_start, s.span.start))) return Role::none;  // Bank of Korea
  }
  std::string_view previous = word_before(s.text, start, s.span.start);
  bool sentence_start = previous.empty();
  if (capitalised(previous) && !sentence_start && !rules.grammar.is_function(core::ascii_lower(previous)) &&
      std::find(rules.grammar.prepositions.begin(), rules.grammar.prepositions.end(), core::ascii_lower(previous)) ==
          rules.grammar.prepositions.end() &&
      std::find(rules.grammar.determiners.begin(), rules.grammar.determiners.end(), core::ascii_lower(previous)) ==
          rules.grammar.determiners.end())
    return Role::none;  // Statistics Korea
  return Role::owner;
}

// "ko" where a sentence is mostly Hangul, else "en": the language whose home country it speaks of.
std::string sentence_language(const SentenceView& s) {
  std::string_view text = s.text.substr(s.span.start, s.span.end - s.span.start);
  std::size_t latin = 0;
  for (char c : text) latin += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return core::count_hangul_syllables(text) * 2 > latin ? "ko" : "en";
}

}  // namespace

Jurisdiction jurisdiction_of(const SentenceView& s, core::Span clause, const core::Quantity& q, const rules::Attribute& attribute,
                             const rules::RuleSet& rules) {
  Jurisdiction out;
  std::string language = sentence_language(s);
  auto home_it = rules.grammar.home_jurisdiction.find(language);
  std::string home = home_it == rules.grammar.home_jurisdiction.end() ? std::string() : home_it->second;
  std::string_view window = s.text.substr(0, s.span.end);
  // Every country before the figure in its sentence, nearest last.
  for (std::size_t pos = s.span.start; pos < q.span.start;) {
    std::size_t length = 1;
    core::decode_at(s.text, pos, length);
    auto m = rules.jurisdiction_table.longest_at(window, pos);
    if (!m || pos + m.length > q.span.start) {
      pos += length;
      continue;
    }
    const auto& e = rules.entities[static_cast<std::size_t>(m.id)];
    Role role = role_of(s, pos, pos + m.length, attribute, e.id, home, rules);
    bool in_clause = pos >= clause.start;
    if (role == Role::owner && (in_clause || out.source != "clause"))
      out.owner = e.id, out.source = in_clause ? "clause" : "sentence";
    if (role == Role::partner && in_clause) out.partner = std::string(s.text.substr(pos, m.length));
    pos += m.length;
  }
  if (out.owner.empty() && !home.empty()) out.owner = home, out.source = "home";
  return out;
}

void settle_jurisdictions(std::vector<core::Claim>& claims, const rules::RuleSet& rules) {
  // The country the story's articles give their national statistics, counting each claim once.
  std::map<std::string, std::size_t> named;
  for (const auto& c : claims) {
    const rules::Attribute* a = rules.attribute(std::string(c.attribute.view()));
    if (!a || !a->jurisdiction || c.subject_root.empty() || c.subject_root == "event") continue;
    const rules::Entity* e = rules.entity(std::string(c.subject_root.view()));
    if (e && e->type == "country") ++named[e->id];
  }
  std::string main;
  std::size_t most = 0;
  for (const auto& [id, n] : named)
    if (n > most) most = n, main = id;
  if (main.empty()) return;
  core::WordPool pool;
  for (auto& c : claims) {
    const rules::Attribute* a = rules.attribute(std::string(c.attribute.view()));
    if (!a || !a->jurisdiction || c.subject_root != "event") continue;
    c.subject = c.subject_root = pool.get(main);
    c.subject_source = pool.get("story-country");
    rekey(c, pool);
  }
}

}  // namespace crosscheck::frame

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "rules/rule_set.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

namespace {

// Quote and bracket balance: a sentence break inside an open quotation is not a break.
int balance_delta(char32_t cp, bool& in_straight_quote) {
  switch (cp) {
    case U'“': case U'‘': case U'(': case U'「': case U'『': case U'[': return 1;
    case U'”': case U'’': case U')': case U'」': case U'』': case U']': return -1;
    case U'"': in_straight_quote = !in_straight_quote; return in_straight_quote ? 1 : -1;
    default: return 0;
  }
}

// "rebounding 8.93% on Jan. 28": a short word with a period, then a number, is no sentence end.
bool abbreviation_before_number(const std::string& text, core::Span previous, core::Span next) {
  std::size_t end = previous.end;
  while (end > previous.start && text[end - 1] == ' ') --end;
  if (end < 2 || text[end - 1] != '.') return false;
  std::size_t letters = 0;
  std::size_t p = end - 1;
  while (p > previous.start && std::isalpha(static_cast<unsigned char>(text[p - 1]))) {
    --p;
    ++letters;
  }
  if (letters == 0 || letters > 4) return false;
  std::size_t q = next.start;
  while (q < next.end && text[q] == ' ') ++q;
  return q < next.end && text[q] >= '0' && text[q] <= '9';
}

// "At a briefing at 10 p.m. Thursday, …": a clock's half-day written with periods, then a weekday
// or a month by name, is no sentence end (the names and half-days of rules/*/time.toml).
bool half_day_before_day_name(const std::string& text, core::Span previous, core::Span next, const rules::RuleSet& rules) {
  std::size_t end = previous.end;
  while (end > previous.start && text[end - 1] == ' ') --end;
  std::string_view before(text.data() + previous.start, end - previous.start);
  bool half_day = false;
  for (const auto* words : {&rules.time.am, &rules.time.pm})
    for (const auto& w : *words)
      if (!w.empty() && w.back() == '.' && before.size() > w.size() && core::ends_with(core::ascii_lower(before.substr(before.size() - w.size())), w))
        half_day = true;
  if (!half_day) return false;
  std::size_t q = next.start;
  while (q < next.end && text[q] == ' ') ++q;
  std::size_t e = q;
  while (e < next.end && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
  std::string word = core::ascii_lower(std::string_view(text).substr(q, e - q));
  return !word.empty() && (rules.time.weekday_names.count(word) || rules.time.month_names.count(word));
}

// Building ICU's sentence iterator with its abbreviation filter costs far more than using it,
// so each thread builds one and reuses it; it holds no state between paragraphs.
icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "en@ss=standard" suppresses breaks after common abbreviations (Mr., Jan.); Korean text
    // breaks the same way under it.
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    return U_FAILURE(status) ? nullptr : std::move(it);
  }();
  return iterator.get();
}

std::vector<core::Span> icu_sentences(const std::string& text, core::Span paragraph) {
  std::vector<core::Span> out;
  icu::BreakIterator* it = sentence_iterator();
  if (!it) {
    out.push_back(paragraph);
    return out;
  }
  // The iterator reads the UTF-8 text in place and answers in byte offsets: no UTF-16 copy.
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data() + paragraph.start, static_cast<int64_t>(paragraph.end - paragraph.start), &status);
  if (U_SUCCESS(status)) it->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    out.push_back(paragraph);
    return out;
  }
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
    out.push_back({paragraph.start + static_cast<std::size_t>(start), paragraph.start + static_cast<std::size_t>(end)});
  utext_close(utext);
  return out;
}

}  // namespace

std::vector<core::Span> split_sentences(const std::string& text, core::Span paragraph, std::size_t max_code_points,
                                        const rules::RuleSet* rules) {
  std::vector<core::Span> raw = icu_sentences(text, paragraph);
  std::vector<core::Span> merged;
  int depth = 0;
  bool straight = false;
  for (const auto& s : raw) {
    // Korean goes on right after a closing quote ("…역설이다.”라고 말했다"): no break there.
    std::size_t length = 1;
    bool glued = !merged.empty() && merged.back().end == s.start && s.start > 0 && text[s.start - 1] != ' ' &&
                 text[s.start - 1] != '\n' && core::is_hangul_syllable(core::decode_at(text, s.start, length));
    if (!merged.empty() && (depth > 0 || glued || abbreviation_before_number(text, merged.back(), s) ||
                            (rules && half_day_before_day_name(text, merged.back(), s, *rules))))
      merged.back().end = s.end;
    else merged.push_back(s);
    // Every quote and bracket balance_delta knows is ASCII or starts with byte E2 or E3, bytes no
    // other character's continuation uses: only those positions are decoded.
    for (std::size_t pos = s.start; pos < s.end; ++pos) {
      auto byte = static_cast<unsigned char>(text[pos]);
      if (byte >= 0x80 && byte != 0xE2 && byte != 0xE3) continue;
      std::size_t length = 1;
      depth += balance_delta(core::decode_at(text, pos, length), straight);
      if (depth < 0) depth = 0;
    }
  }
  // Cap sentence length so that no input makes later stages quadratic: cut at a space.
  std::vector<core::Span> out;
  for (auto s : merged) {
    // One pass: walk at most max_code_points ahead each time, never recount the rest. A sentence
    // with no more bytes than the cap has no more code points either.
    while (s.end - s.start > max_code_points) {
      std::size_t pos = s.start, cps = 0, last_space = 0;
      while (pos < s.end && cps < max_code_points) {
        std::size_t length = 1;
        char32_t cp = core::decode_at(text, pos, length);
        if (cp == ' ') last_space = pos;
        pos += length;
        ++cps;
      }
      if (pos >= s.end) break;
      std::size_t cut = last_space > s.start ? last_space + 1 : pos;
      out.push_back({s.start, cut});
      s.start = cut;
    }
    // Trim surrounding white space so that sentence text is clean.
    while (s.start < s.end && (text[s.start] == ' ' || text[s.start] == '\n')) ++s.start;
    while (s.end > s.start && (text[s.end - 1] == ' ' || text[s.end - 1] == '\n')) --s.end;
    if (s.end > s.start) out.push_back(s);
  }
  return out;
}

}  // namespace crosscheck::ingest

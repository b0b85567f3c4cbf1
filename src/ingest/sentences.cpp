#include <memory>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "core/utf8.hpp"
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

std::vector<core::Span> icu_sentences(const std::string& text, core::Span paragraph) {
  std::vector<core::Span> out;
  std::string_view slice(text.data() + paragraph.start, paragraph.end - paragraph.start);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(slice.data(), static_cast<int32_t>(slice.size())));
  // UTF-16 index → byte offset within the paragraph.
  std::vector<std::size_t> byte_at(static_cast<std::size_t>(u.length()) + 1, slice.size());
  {
    std::size_t pos = 0;
    int32_t unit = 0;
    while (pos < slice.size() && unit < u.length()) {
      std::size_t length = 1;
      char32_t cp = core::decode_at(slice, pos, length);
      byte_at[static_cast<std::size_t>(unit)] = pos;
      unit += cp >= 0x10000 ? 2 : 1;
      pos += length;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("ko"), status));
  if (U_FAILURE(status)) {
    out.push_back(paragraph);
    return out;
  }
  it->setText(u);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
    out.push_back({paragraph.start + byte_at[static_cast<std::size_t>(start)], paragraph.start + byte_at[static_cast<std::size_t>(end)]});
  return out;
}

}  // namespace

std::vector<core::Span> split_sentences(const std::string& text, core::Span paragraph, std::size_t max_code_points) {
  std::vector<core::Span> raw = icu_sentences(text, paragraph);
  std::vector<core::Span> merged;
  int depth = 0;
  bool straight = false;
  for (const auto& s : raw) {
    if (!merged.empty() && depth > 0) merged.back().end = s.end;
    else merged.push_back(s);
    for (std::size_t pos = s.start; pos < s.end;) {
      std::size_t length = 1;
      depth += balance_delta(core::decode_at(text, pos, length), straight);
      if (depth < 0) depth = 0;
      pos += length;
    }
  }
  // Cap sentence length so that no input makes later stages quadratic: cut at a space.
  std::vector<core::Span> out;
  for (auto s : merged) {
    while (core::count_code_points(text, s.start, s.end) > max_code_points) {
      std::size_t pos = s.start, cps = 0, last_space = 0;
      while (pos < s.end && cps < max_code_points) {
        std::size_t length = 1;
        char32_t cp = core::decode_at(text, pos, length);
        if (cp == ' ') last_space = pos;
        pos += length;
        ++cps;
      }
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

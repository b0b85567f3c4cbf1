#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/bytes8.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

static bool is_odd_space(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == '\t' || cp == '\v' || cp == '\f';
}

static bool is_invisible(char32_t cp) { return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD; }

// What normalized() returns for a code point that is left out (NUL itself included).
constexpr char32_t kDropped = 0xFFFFFFFF;

// The character a code point becomes in normalized text, or kDropped. Most code points stay.
static char32_t normalized(char32_t cp) {
  if (is_invisible(cp)) return kDropped;
  if (is_odd_space(cp)) return ' ';
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII, digits and signs
  if (cp == 0x2212 || cp == 0x2012 || cp == 0x2013) return '-';  // minus and figure/en dashes
  if (cp == 0x301C) return '~';
  if (cp == 0x2024) return '.';
  if (cp < 0x20 && cp != '\n') return kDropped;  // other control characters carry no text
  return cp;
}

std::string normalize_text(std::string_view input) {
  // The input is valid UTF-8 (the readers repair it first). Most text is already in NFC, which
  // ICU can tell without converting it to UTF-16 and back.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  std::string_view text = input;
  if (U_SUCCESS(status) && !nfc->isNormalizedUTF8(icu::StringPiece(input.data(), static_cast<int32_t>(input.size())), status) &&
      U_SUCCESS(status)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_SUCCESS(status)) {
      n.toUTF8String(composed);
      text = composed;
    }
  }

  // Stretches of code points that stay are copied whole.
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0, stretch = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size()) {
      // Eight printable ASCII bytes (0x20..0x7F) all stay.
      std::uint64_t word = core::bytes8::load(text.data() + pos);
      if (!core::bytes8::any_high(word) && !core::bytes8::any_below(word, 0x20)) {
        pos += 8;
        continue;
      }
    }
    std::size_t length = 1;
    char32_t cp = core::decode_at(text, pos, length);
    char32_t becomes = cp;
    bool invalid_byte = cp == 0xFFFD && length == 1;  // none should reach here; written as U+FFFD
    if (cp == '\r') becomes = pos + 1 < text.size() && text[pos + 1] == '\n' ? kDropped : '\n';
    else if (cp < 0x20 || cp >= 0xA0) becomes = normalized(cp);
    if (becomes != cp || invalid_byte) {
      out.append(text.substr(stretch, pos - stretch));
      if (becomes != kDropped) core::append_utf8(out, becomes);
      stretch = pos + length;
    }
    pos += length;
  }
  out.append(text.substr(stretch));
  return out;
}

}  // namespace crosscheck::ingest

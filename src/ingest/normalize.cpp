#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

static bool is_odd_space(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == '\t' || cp == '\v' || cp == '\f';
}

static bool is_invisible(char32_t cp) { return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD; }

std::string normalize_text(std::string_view input) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  if (U_SUCCESS(status)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_SUCCESS(status)) n.toUTF8String(composed);
  }
  if (!U_SUCCESS(status)) composed.assign(input);

  std::string out;
  out.reserve(composed.size());
  std::size_t pos = 0;
  while (pos < composed.size()) {
    std::size_t length = 1;
    char32_t cp = core::decode_at(composed, pos, length);
    pos += length;
    if (cp == '\r') {
      if (pos < composed.size() && composed[pos] == '\n') continue;
      cp = '\n';
    }
    if (is_invisible(cp)) continue;
    if (is_odd_space(cp)) cp = ' ';
    else if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII, digits and signs
    else if (cp == 0x2212 || cp == 0x2012 || cp == 0x2013) cp = '-';  // minus and figure/en dashes
    else if (cp == 0xFF5E || cp == 0x301C) cp = '~';
    else if (cp == 0x2024 || cp == 0xFF0E) cp = '.';
    else if (cp < 0x20 && cp != '\n') continue;  // other control characters carry no text
    core::append_utf8(out, cp);
  }
  return out;
}

}  // namespace crosscheck::ingest

#include "rules/lexicon.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/utf8.hpp"

namespace crosscheck::rules {

namespace {

constexpr std::size_t kSyllable = 3;  // a Hangul syllable is three bytes of UTF-8

}  // namespace

std::string Lexicon::load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "not a file";
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open it";
  std::size_t added = 0;  // from this file: a second dictionary adds to the first
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return "no Unicode normaliser";
  std::string line;
  std::size_t lines = 0;
  while (std::getline(in, line)) {
    if (++lines == 1 && !line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (line.size() > 200) continue;  // no word is that long; a stray line is passed over
    std::string_view word(line);
    word = word.substr(0, word.find('/'));
    while (!word.empty() && (word.back() == '\r' || word.back() == ' ' || word.back() == '\t')) word.remove_suffix(1);
    if (word.empty()) continue;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    UErrorCode s = U_ZERO_ERROR;
    icu::UnicodeString composed = nfc->normalize(u, s);
    if (U_FAILURE(s)) continue;
    std::string out;
    composed.toUTF8String(out);
    // A verb or adjective (주장하다) is known by its stem too, so the framer asks without a copy.
    if (out.size() > kSyllable && out.compare(out.size() - kSyllable, kSyllable, "다") == 0)
      verb_stems_.insert(out.substr(0, out.size() - kSyllable));
    words_.insert(std::move(out));
    ++added;
  }
  if (added == 0) return "it holds no words";
  path_ = path;
  return "";
}

bool Lexicon::splits(std::string_view rest, int depth) const {
  // The last part may be a compound ending (가 of 공모가); every other part is a word the
  // dictionary knows of two syllables or more, so a name is not read as one-syllable words.
  if (depth > 0 && std::find(endings_.begin(), endings_.end(), rest) != endings_.end()) return true;
  if (depth > 0 && rest.size() >= 2 * kSyllable && knows(rest)) return true;
  if (depth >= 3) return false;
  for (std::size_t cut = 2 * kSyllable; cut + kSyllable <= rest.size(); cut += kSyllable)
    if (knows(rest.substr(0, cut)) && splits(rest.substr(cut), depth + 1)) return true;
  return false;
}

bool Lexicon::is_verb_form(std::string_view hangul_word) const {
  // "주장하는", "사용되는", "흔들리는": a verb's stem before the adnominal 는 looks like a noun before
  // a topic particle. The dictionary lists the verb (주장하다); 하 and 되 end verbs it may not list.
  if (hangul_word.size() < kSyllable) return false;
  std::string_view last = hangul_word.substr(hangul_word.size() - kSyllable);
  if (last == "하" || last == "되" || last == "다") return true;
  return verb_stems_.find(hangul_word) != verb_stems_.end();
}

bool Lexicon::is_inflected_verb(std::string_view w) const {
  if (w.size() < 2 * kSyllable) return false;
  // The dictionary lists some adnominal forms as words of their own (인한, 대한, 관한, 위한, 따른:
  // "파업으로 인한 손실"); such a word is a verb's form only when the verb itself is listed.
  bool listed = knows(w);
  std::string_view last = w.substr(w.size() - kSyllable);
  std::string_view before = w.substr(0, w.size() - kSyllable);
  // Connective endings after a stem: 진화해 (하 + 여), 열고, 비교하면, 밝자, 참여하며.
  if (!listed && last == "해") return knows(before);
  // 힘입어, 넘어, 줄어: a stem and the connective 어/아, where the dictionary lists the verb (it
  // may list the form itself too).
  if ((last == "어" || last == "아") && before.size() >= kSyllable && knows(std::string(before) + "다")) return true;
  for (std::string_view ending : {"고", "면", "자", "며", "서"})
    if (!listed && last == ending && is_verb_form(before)) return true;
  // Adnominal ㄴ or ㄹ on the stem's last syllable: 포함한 = 포함하 + ㄴ, 지불할 = 지불하 + ㄹ.
  std::size_t length = 0;
  char32_t c = core::decode_at(last, 0, length);
  if (length != kSyllable || c < 0xAC00 || c > 0xD7A3) return false;
  int final_consonant = static_cast<int>((c - 0xAC00) % 28);
  if (final_consonant != 4 && final_consonant != 8) return false;  // ㄴ, ㄹ
  std::string stem(before);
  core::append_utf8(stem, c - static_cast<char32_t>(final_consonant));
  if (listed) return knows(stem + "다");
  return is_verb_form(stem);
}

bool Lexicon::is_common(std::string_view hangul_word) const {
  if (knows(hangul_word) || is_verb_form(hangul_word)) return true;
  return splits(hangul_word, 0);
}

}  // namespace crosscheck::rules

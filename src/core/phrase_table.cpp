#include "core/phrase_table.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/utf8.hpp"

namespace crosscheck::core {

void PhraseTable::add(std::string_view phrase, int id) {
  if (phrase.empty()) return;
  std::size_t length = 0;
  char32_t first = decode_at(phrase, 0, length);
  may_start_[(first & 0xFFFF) >> 6] |= std::uint64_t{1} << (first & 63);
  auto& bucket = buckets_[first];
  Entry entry{std::string(phrase), id};
  std::size_t head_bytes = std::min<std::size_t>(phrase.size(), 8);
  std::memcpy(&entry.head, phrase.data(), head_bytes);
  entry.head_mask = head_bytes == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * head_bytes)) - 1;
  // The word is read in memory order on every machine, so the mask must cover the first bytes.
  if constexpr (std::endian::native == std::endian::big) entry.head_mask = ~std::uint64_t{0} << (8 * (8 - head_bytes));
  // Keep each bucket longest-first so the first hit is the longest match.
  auto at = std::find_if(bucket.begin(), bucket.end(),
                         [&](const Entry& e) { return e.phrase.size() < entry.phrase.size(); });
  bucket.insert(at, std::move(entry));
}

const std::vector<PhraseTable::Entry>* PhraseTable::bucket_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return nullptr;
  std::size_t length = 0;
  char32_t first = decode_at(text, pos, length);
  if (!may_start(first)) return nullptr;
  auto it = buckets_.find(first);
  return it == buckets_.end() ? nullptr : &it->second;
}

bool PhraseTable::Entry::matches(std::string_view text, std::size_t pos) const {
  if (pos + 8 > text.size()) return text.compare(pos, phrase.size(), phrase) == 0;
  std::uint64_t word;
  std::memcpy(&word, text.data() + pos, sizeof word);
  if ((word & head_mask) != head) return false;
  if (phrase.size() <= 8) return true;
  return pos + phrase.size() <= text.size() && std::memcmp(text.data() + pos + 8, phrase.data() + 8, phrase.size() - 8) == 0;
}

PhraseMatch PhraseTable::longest_at(std::string_view text, std::size_t pos) const {
  if (const auto* bucket = bucket_at(text, pos))
    for (const auto& e : *bucket)
      if (e.matches(text, pos)) return {e.id, e.phrase.size()};
  return {};
}

std::vector<PhraseMatch> PhraseTable::all_at(std::string_view text, std::size_t pos) const {
  std::vector<PhraseMatch> out;
  if (const auto* bucket = bucket_at(text, pos))
    for (const auto& e : *bucket)
      if (e.matches(text, pos)) out.push_back({e.id, e.phrase.size()});
  return out;
}

}  // namespace crosscheck::core

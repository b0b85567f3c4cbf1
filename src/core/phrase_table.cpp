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
  auto& bucket = bucket_for(first);
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

const std::vector<PhraseTable::Entry>* PhraseTable::bucket_of(char32_t first) const {
  for (std::size_t i = slot_of(first);; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].key == first) return &buckets_[slots_[i].bucket];
    if (slots_[i].key == kNoKey) return nullptr;
  }
}

std::vector<PhraseTable::Entry>& PhraseTable::bucket_for(char32_t first) {
  for (std::size_t i = slot_of(first);; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].key == first) return buckets_[slots_[i].bucket];
    if (slots_[i].key != kNoKey) continue;
    // A new first code point. Keep the table at most half full so probes stay short.
    if (2 * (buckets_.size() + 1) > slots_.size()) {
      std::vector<Slot> old = std::move(slots_);
      slots_.assign(old.size() * 2, Slot{});
      --shift_;
      for (const Slot& slot : old)
        if (slot.key != kNoKey) {
          std::size_t j = slot_of(slot.key);
          while (slots_[j].key != kNoKey) j = (j + 1) & (slots_.size() - 1);
          slots_[j] = slot;
        }
      return bucket_for(first);
    }
    slots_[i] = {first, static_cast<std::uint32_t>(buckets_.size())};
    buckets_.emplace_back();
    return buckets_.back();
  }
}

bool PhraseTable::Entry::rest_matches(std::string_view text, std::size_t pos) const {
  return pos + phrase.size() <= text.size() && std::memcmp(text.data() + pos + 8, phrase.data() + 8, phrase.size() - 8) == 0;
}

PhraseMatch PhraseTable::longest_in(const std::vector<Entry>& bucket, std::string_view text, std::size_t pos) {
  for (const auto& e : bucket)
    if (e.matches(text, pos)) return {e.id, e.phrase.size()};
  return {};
}

std::vector<PhraseMatch> PhraseTable::all_at(std::string_view text, std::size_t pos) const {
  std::vector<PhraseMatch> out;
  for_each_at(text, pos, [&](const PhraseMatch& m) { out.push_back(m); });
  return out;
}

}  // namespace crosscheck::core

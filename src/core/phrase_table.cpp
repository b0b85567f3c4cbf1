#include "core/phrase_table.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace crosscheck::core {

void PhraseTable::add(std::string_view phrase, int id) {
  if (phrase.empty()) return;
  std::size_t length = 0;
  char32_t first = decode_at(phrase, 0, length);
  may_start_[(first & 0xFFFF) >> 6] |= std::uint64_t{1} << (first & 63);
  auto& bucket = buckets_[first];
  Entry entry{std::string(phrase), id};
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

PhraseMatch PhraseTable::longest_at(std::string_view text, std::size_t pos) const {
  if (const auto* bucket = bucket_at(text, pos))
    for (const auto& e : *bucket)
      if (text.compare(pos, e.phrase.size(), e.phrase) == 0) return {e.id, e.phrase.size()};
  return {};
}

std::vector<PhraseMatch> PhraseTable::all_at(std::string_view text, std::size_t pos) const {
  std::vector<PhraseMatch> out;
  if (const auto* bucket = bucket_at(text, pos))
    for (const auto& e : *bucket)
      if (text.compare(pos, e.phrase.size(), e.phrase) == 0) out.push_back({e.id, e.phrase.size()});
  return out;
}

}  // namespace crosscheck::core

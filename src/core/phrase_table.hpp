#pragma once
// Longest-match lookup of many phrases at a position, bucketed by first code point so a
// scan stays one forward pass with no backtracking.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"

namespace crosscheck::core {

struct PhraseMatch {
  int id = -1;
  std::size_t length = 0;
  explicit operator bool() const { return id >= 0; }
};

class PhraseTable {
 public:
  void add(std::string_view phrase, int id);
  // Longest phrase that starts exactly at `pos`. The test of the first code point is inline: the
  // readers ask at nearly every position of every sentence, and most positions start no phrase.
  PhraseMatch longest_at(std::string_view text, std::size_t pos) const {
    const auto* bucket = bucket_at(text, pos);
    return bucket ? longest_in(*bucket, text, pos) : PhraseMatch{};
  }
  // Every phrase that starts at `pos`, longest first.
  std::vector<PhraseMatch> all_at(std::string_view text, std::size_t pos) const;
  // Calls visit(match) for every phrase that starts at `pos`, longest first: all_at without a
  // list, for scans that ask at nearly every position.
  template <typename Visit>
  void for_each_at(std::string_view text, std::size_t pos, const Visit& visit) const {
    if (const auto* bucket = bucket_at(text, pos))
      for (const auto& e : *bucket)
        if (e.matches(text, pos)) visit(PhraseMatch{e.id, e.phrase.size()});
  }
  // The shortest phrase that starts at `pos` and that `accept(match)` takes; none if none is.
  template <typename Accept>
  PhraseMatch shortest_at(std::string_view text, std::size_t pos, const Accept& accept) const {
    if (const auto* bucket = bucket_at(text, pos))
      for (auto e = bucket->rbegin(); e != bucket->rend(); ++e)
        if (PhraseMatch m{e->id, e->phrase.size()}; e->matches(text, pos) && accept(m)) return m;
    return {};
  }
  bool empty() const { return buckets_.empty(); }
  // False when no phrase starts with this code point; true may be a near miss (code points are
  // folded to 16 bits), so a reader uses it to turn positions away, never to accept one.
  bool may_start(char32_t c) const { return (may_start_[(c & 0xFFFF) >> 6] >> (c & 63)) & 1; }

 private:
  struct Entry {
    std::string phrase;
    int id;
    // The phrase's first eight bytes (fewer for a short phrase) as one word, and which bytes of a
    // word they cover: most candidates fail on these bytes, tested with one load and compare.
    std::uint64_t head = 0, head_mask = 0;
    bool matches(std::string_view text, std::size_t pos) const {
      if (pos + 8 > text.size()) return text.compare(pos, phrase.size(), phrase) == 0;
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, sizeof word);
      if ((word & head_mask) != head) return false;
      return phrase.size() <= 8 || rest_matches(text, pos);
    }
    // The bytes after the first eight.
    bool rest_matches(std::string_view text, std::size_t pos) const;
  };
  std::vector<std::vector<Entry>> buckets_;
  // First code point → index into buckets_: open addressing in a power-of-two table, probed
  // linearly. A position that passes may_start costs a multiply and a compare or two, not a
  // division and a chain walk.
  static constexpr char32_t kNoKey = 0xFFFFFFFF;
  struct Slot {
    char32_t key = kNoKey;
    std::uint32_t bucket = 0;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(16);
  unsigned shift_ = 28;  // 32 - log2(slots_.size())
  std::size_t slot_of(char32_t key) const { return (static_cast<std::uint32_t>(key) * 0x9E3779B1u) >> shift_; }
  std::vector<Entry>& bucket_for(char32_t first);
  // One bit per first code point (folded to 16 bits): most positions of a text start no phrase,
  // and the bit says so without a hash lookup.
  std::vector<std::uint64_t> may_start_ = std::vector<std::uint64_t>(1024, 0);
  // The phrases whose first code point is the one at `pos`; null when there are none.
  const std::vector<Entry>* bucket_at(std::string_view text, std::size_t pos) const {
    if (pos >= text.size()) return nullptr;
    std::size_t length = 0;
    char32_t first = decode_at(text, pos, length);
    return may_start(first) ? bucket_of(first) : nullptr;
  }
  const std::vector<Entry>* bucket_of(char32_t first) const;
  static PhraseMatch longest_in(const std::vector<Entry>& bucket, std::string_view text, std::size_t pos);
};

}  // namespace crosscheck::core

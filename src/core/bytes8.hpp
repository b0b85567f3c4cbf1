#pragma once
// Tests on eight bytes of text at once: the scanners pass over runs of plain ASCII with one
// load and a few integer operations instead of eight byte tests.
#include <cstdint>
#include <cstring>

namespace crosscheck::core::bytes8 {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// The eight bytes at `p`, in memory order whatever the machine.
inline std::uint64_t load(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Has a byte its top bit set (a byte of a multi-byte UTF-8 character, or an invalid one)?
inline bool any_high(std::uint64_t word) { return (word & kHighs) != 0; }

// Is a byte below `n` (n at most 0x80)? Exact: the lowest such byte borrows from no other, and a
// byte with its top bit set never counts.
inline bool any_below(std::uint64_t word, unsigned char n) { return ((word - n * kOnes) & ~word & kHighs) != 0; }

// Is a byte equal to `c`?
inline bool any_equal(std::uint64_t word, unsigned char c) { return any_below(word ^ (c * kOnes), 1); }

}  // namespace crosscheck::core::bytes8

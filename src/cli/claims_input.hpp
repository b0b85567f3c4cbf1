#pragma once
// Reads claims back from the JSONL that `crosscheck extract` writes, for the reduce side of a
// map/reduce run (`crosscheck check --claims FILE|-`).
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/model.hpp"

namespace crosscheck::cli {

struct ClaimsInput {
  std::vector<core::Article> articles;  // id, outlet and publication date, from the claims
  std::vector<core::Claim> claims;
  std::vector<core::InputStatus> inputs;
  core::Diagnostics diagnostics;
};

// A claim line is a few kilobytes (its sentence included); one past this is skipped, not read whole.
inline constexpr std::size_t kMaxClaimLineBytes = std::size_t{64} << 20;

ClaimsInput read_claims(std::istream& in, const std::string& name, std::size_t max_line_bytes = kMaxClaimLineBytes);

}  // namespace crosscheck::cli

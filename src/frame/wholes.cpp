// "142 of the Assembly's 300 seats": scope.cpp marks the whole a sentence names its parts of, and
// the checker keeps a whole apart from other figures of its measure, which may be parts too. A
// whole none of whose parts is of its own measure ("선거인 17만 8,412명 가운데 6만 8,867명이 투표해":
// those who voted, of the registered voters) is no whole of that measure: a plain figure of it,
// the same quantity as "이번 선거의 선거인은 178만 4,120명이었다".
#include <map>

#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

// A concept of the lexicon, not a governing noun ("np:…") or nothing.
bool known(const core::Word& attribute) { return !attribute.empty() && attribute.view().rfind("np:", 0) != 0; }

}  // namespace

void drop_wholes_without_parts(std::vector<core::Claim>& claims) {
  // The figures of each sentence, by position in `claims`.
  std::map<std::size_t, std::vector<std::size_t>> by_sentence;
  bool any = false;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].linked_to >= 0) continue;
    by_sentence[claims[i].quantity.sentence].push_back(i);
    any = any || claims[i].scope.role == "whole";
  }
  if (!any) return;
  for (const auto& [sentence, at] : by_sentence)
    for (std::size_t w : at) {
      core::Claim& whole = claims[w];
      if (whole.scope.role != "whole" || !known(whole.attribute)) continue;
      // A figure of the whole's unit with no known measure of its own may be a part of its measure.
      bool has_part = false;
      for (std::size_t k : at)
        if (k != w && claims[k].quantity.unit == whole.quantity.unit && (claims[k].attribute == whole.attribute || !known(claims[k].attribute)))
          has_part = true;
      if (!has_part) whole.scope.role = core::Word();
    }
}

}  // namespace crosscheck::frame

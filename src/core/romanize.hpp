#pragma once
// Hangul in the Revised Romanization of Korean, letter by letter (no sound-change rules), lower
// case: 라온 → "raon", 한누리 → "hannuri". Enough to tell that a Korean and a Latin spelling of
// one name are the same name; other characters are kept as they are, ASCII lower-cased.
#include <string>
#include <string_view>

namespace crosscheck::core {

std::string romanize(std::string_view text);

}  // namespace crosscheck::core

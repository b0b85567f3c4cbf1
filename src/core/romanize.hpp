#pragma once
// Hangul in the Revised Romanization of Korean, letter by letter (no sound-change rules), lower
// case: 라온 → "raon", 한누리 → "hannuri". Enough to tell that a Korean and a Latin spelling of
// one name are the same name; other characters are kept as they are, ASCII lower-cased.
#include <string>
#include <string_view>

namespace crosscheck::core {

std::string romanize(std::string_view text);

// The consonants of a Latin spelling as Korean hears them, for matching a romanized Korean
// spelling of a foreign name with the name itself: "saebyeolrobotikseu" and "Saebyeol Robotics"
// both give "splptks". Empty for a spelling without letters.
std::string sound_skeleton(std::string_view latin);

}  // namespace crosscheck::core

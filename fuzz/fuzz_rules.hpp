#pragma once
#include <cstdlib>

#include "rules/rule_set.hpp"

namespace fuzz {

// The bundled rules, loaded once for the whole fuzzing run.
inline const crosscheck::rules::RuleSet& rules() {
  static auto loaded = crosscheck::rules::load_rules({CROSSCHECK_SOURCE_DIR "/rules"});
  if (!loaded.rules) std::abort();
  return *loaded.rules;
}

}  // namespace fuzz

#include "rules/regex_group.hpp"

#include <algorithm>

#include <re2/re2.h>
#include <re2/set.h>

namespace crosscheck::rules {

struct RegexGroup::Automaton {
  explicit Automaton(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

int RegexGroup::add(const std::string& pattern) {
  patterns_.push_back(pattern);
  return static_cast<int>(patterns_.size()) - 1;
}

void RegexGroup::compile() {
  automaton_.reset();
  if (patterns_.empty()) return;
  RE2::Options options;
  options.set_log_errors(false);
  auto automaton = std::make_shared<Automaton>(options);
  for (const auto& pattern : patterns_) {
    std::string error;
    // Each pattern compiled alone already; one the set still refuses leaves the group unbuilt.
    if (automaton->set.Add(pattern, &error) < 0) return;
  }
  if (!automaton->set.Compile()) return;
  automaton_ = std::move(automaton);
}

bool RegexGroup::matches(std::string_view text, std::vector<int>& slots) const {
  slots.clear();
  if (!automaton_) return false;
  RE2::Set::ErrorInfo error{};
  if (!automaton_->set.Match(re2::StringPiece(text.data(), text.size()), &slots, &error) && error.kind != RE2::Set::kNoError) {
    slots.clear();
    return false;
  }
  std::sort(slots.begin(), slots.end());
  return true;
}

std::optional<bool> RegexAnswer::matches(int slot) {
  if (state_ == State::unread) state_ = group_->matches(text_, slots_) ? State::known : State::unknown;
  if (state_ == State::unknown || slot < 0) return std::nullopt;
  return std::binary_search(slots_.begin(), slots_.end(), slot);
}

}  // namespace crosscheck::rules

#pragma once
// Several regular expressions run as one automaton: a line is read once to learn which of them
// match anywhere in it, instead of once per expression.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::rules {

class RegexGroup {
 public:
  // Adds a pattern already accepted by RE2 on its own, with the same options (the loader's);
  // returns its slot, counted from 0 in the order added.
  int add(const std::string& pattern);
  // Builds the automaton; call once after the last add.
  void compile();
  // Sets `slots` to the slots of every pattern that matches somewhere in `text`, as
  // RE2::PartialMatch would, in ascending order. False when the group cannot answer (it failed
  // to build, or ran out of its memory budget on this text): the caller then tries each pattern
  // on its own.
  bool matches(std::string_view text, std::vector<int>& slots) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Automaton;
  std::vector<std::string> patterns_;
  std::shared_ptr<const Automaton> automaton_;  // shared by copies of the rules; read-only once built
};

// What a group says about one text, read the first time one of its patterns is asked about.
class RegexAnswer {
 public:
  RegexAnswer(const RegexGroup& group, std::string_view text) : group_(&group), text_(text) {}
  // Whether the pattern in `slot` matches the text; nothing when the group cannot tell, and the
  // caller runs the pattern on its own.
  std::optional<bool> matches(int slot);

 private:
  const RegexGroup* group_;
  std::string_view text_;
  enum class State : unsigned char { unread, known, unknown } state_ = State::unread;
  std::vector<int> slots_;
};

}  // namespace crosscheck::rules

#pragma once
// The subcommands. Each returns the process exit status: 0 no conflict, 1 conflicts found,
// 2 usage or input error (the linter convention).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace crosscheck::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  int terminal_width = 100;
  std::string argv0;
  // Set by main only: where a command leaves what it read once its output is written, for the
  // process's end to reclaim at once. Freeing millions of claims one by one took most of a second.
  std::vector<std::shared_ptr<void>>* freed_at_exit = nullptr;
};

int main_command(const std::vector<std::string>& args, Io& io);

}  // namespace crosscheck::cli

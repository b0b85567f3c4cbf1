#include <sys/ioctl.h>
#include <unistd.h>

#include <exception>
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  crosscheck::cli::Io io{std::cin, std::cout, std::cerr};
  io.argv0 = argc > 0 ? argv[0] : "crosscheck";
  io.out_is_terminal = isatty(STDOUT_FILENO);
  struct winsize ws {};
  if (io.out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) io.terminal_width = ws.ws_col;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return crosscheck::cli::main_command(args, io);
  } catch (const std::exception& e) {
    // No exception should get here; if one does, say so plainly instead of aborting.
    std::cerr << "crosscheck: internal error: " << e.what() << "\n";
    return 2;
  }
}

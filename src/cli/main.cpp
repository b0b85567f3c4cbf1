#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/partial_file.hpp"

int main(int argc, char** argv) {
  crosscheck::cli::install_signal_handlers();
  std::ios::sync_with_stdio(false);
  crosscheck::cli::Io io{std::cin, std::cout, std::cerr};
  io.argv0 = argc > 0 ? argv[0] : "crosscheck";
  io.out_is_terminal = isatty(STDOUT_FILENO);
  struct winsize ws {};
  if (io.out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) io.terminal_width = ws.ws_col;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::shared_ptr<void>> freed_at_exit;
  io.freed_at_exit = &freed_at_exit;
  try {
    int status = crosscheck::cli::main_command(args, io);
    // The run's claims and articles go with the process, not one allocation at a time. Output
    // files are closed by now; the standard streams are flushed here because _Exit does not.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(status);
  } catch (const std::exception& e) {
    // No exception should get here; if one does, say so plainly instead of aborting.
    std::cerr << "crosscheck: internal error: " << e.what() << "\n";
    return 2;
  }
}

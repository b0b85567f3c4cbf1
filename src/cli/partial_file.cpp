#include "cli/partial_file.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace crosscheck::cli {

namespace {

// A fixed buffer, not a std::string: the handler may only read memory that no allocation moves.
char partial_path[4096];
std::atomic<bool> partial_set{false};

extern "C" void on_interrupt(int signal) {
  if (partial_set.load()) ::unlink(partial_path);  // async-signal-safe
  // 128 + the signal, as shells report a process a signal ended.
  ::_exit(128 + signal);
}

}  // namespace

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &action, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

void mark_partial(const std::string& path) {
  partial_set.store(false);
  if (path.size() >= sizeof partial_path) return;  // too long to hold: the writer still removes it on failure
  std::memcpy(partial_path, path.c_str(), path.size() + 1);
  partial_set.store(true);
}

void clear_partial() { partial_set.store(false); }

}  // namespace crosscheck::cli

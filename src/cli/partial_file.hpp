#pragma once
// The one partial file a run may leave: the temporary report being written beside --output. An
// interrupt (Ctrl-C, SIGTERM, SIGHUP) removes it before the process ends, so a stopped run leaves
// neither a half-written report nor a stray temporary. This is the process's only global state: a
// signal handler can reach nothing else.
#include <string>

namespace crosscheck::cli {

// Installs the handlers once per process (main calls it first): the interrupt signals above, and
// SIGXFSZ ignored, so that passing `ulimit -f` fails the write (EFBIG) instead of killing the
// process, and the writer can say so and clean up.
void install_signal_handlers();

// While a report is written to `path`: an interrupt removes it. Cleared once it is renamed into
// place or removed.
void mark_partial(const std::string& path);
void clear_partial();

}  // namespace crosscheck::cli

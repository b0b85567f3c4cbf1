#pragma once
// Writing a command's output whole or not at all.
#include <functional>
#include <ostream>
#include <string>

#include "cli/commands.hpp"

namespace crosscheck::cli {

// Streams to `path`, or to standard output when it is empty or "-"; false, having said so on
// io.err, when it cannot be written. A file is written to a temporary beside it that is flushed,
// closed and renamed into place only when every write succeeded (an interrupt removes it, see
// partial_file.hpp); on failure nothing is left and the cause is named. A device or a pipe is
// written in place.
bool write_output_with(Io& io, const std::string& path, const std::function<void(std::ostream&)>& write);
bool write_output(Io& io, const std::string& path, const std::string& text);

}  // namespace crosscheck::cli

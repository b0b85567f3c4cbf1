#include "cli/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cli/partial_file.hpp"

namespace crosscheck::cli {

bool write_output_with(Io& io, const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(io.out);
    io.out.flush();
    if (!io.out) {
      io.err << "crosscheck: cannot write the report to standard output (" << std::strerror(errno ? errno : EIO) << ")\n";
      return false;
    }
    return true;
  }
  std::filesystem::path target(path);
  std::error_code probe;
  auto status = std::filesystem::status(target, probe);
  // A device, a pipe or a terminal (/dev/stdout, a FIFO) is written in place: it cannot be
  // replaced by a rename, and must never be.
  bool in_place = !probe && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  std::filesystem::path temporary = target;
  if (!in_place) temporary += ".crosscheck-partial-" + std::to_string(::getpid());
  errno = 0;
  bool ok = false;
  if (!in_place) mark_partial(temporary.string());
  try {
    std::ofstream file(temporary, std::ios::binary | (in_place ? std::ios::out : std::ios::trunc));
    if (file) {
      write(file);
      file.flush();
      ok = static_cast<bool>(file);
      file.close();
      ok = ok && static_cast<bool>(file);
    }
  } catch (...) {
    // Out of memory while the report is rendered: no partial file stays behind.
    std::error_code ignored;
    if (!in_place) std::filesystem::remove(temporary, ignored);
    clear_partial();
    throw;
  }
  std::error_code ec;
  if (ok && !in_place) std::filesystem::rename(temporary, target, ec);
  clear_partial();
  if (!ok || ec) {
    std::string cause = ec ? ec.message() : std::strerror(errno ? errno : EIO);
    if (!in_place) std::filesystem::remove(temporary, ec);
    io.err << "crosscheck: cannot write " << path << " (" << cause << "); nothing was written there\n";
    return false;
  }
  return true;
}

bool write_output(Io& io, const std::string& path, const std::string& text) {
  return write_output_with(io, path, [&](std::ostream& out) { out << text; });
}

}  // namespace crosscheck::cli

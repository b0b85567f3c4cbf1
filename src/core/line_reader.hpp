#pragma once
#include <cstddef>
#include <cstring>
#include <istream>
#include <string>
#include <vector>

namespace crosscheck::core {

// Reads lines through the stream buffer a block at a time; a line longer than `cap` is consumed to
// its end but only its first `cap` bytes are kept, so a runaway line cannot exhaust memory.
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t cap) : buffer_(in.rdbuf()), cap_(cap), block_(std::size_t{1} << 16) {}

  // False at the end of the input with nothing read.
  bool next(std::string& line, bool& overlong) {
    line.clear();
    overlong = false;
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        len_ = buffer_ ? static_cast<std::size_t>(buffer_->sgetn(block_.data(), static_cast<std::streamsize>(block_.size()))) : 0;
        pos_ = 0;
        if (len_ == 0) return any;
      }
      any = true;
      const char* start = block_.data() + pos_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      std::size_t n = newline ? static_cast<std::size_t>(newline - start) : len_ - pos_;
      std::size_t room = line.size() < cap_ ? cap_ - line.size() : 0;
      if (n > room) overlong = true;
      line.append(start, std::min(n, room));
      pos_ += n + (newline ? 1 : 0);
      if (newline) return true;
    }
  }

 private:
  std::streambuf* buffer_;
  std::size_t cap_;
  std::vector<char> block_;
  std::size_t pos_ = 0, len_ = 0;
};

}  // namespace crosscheck::core

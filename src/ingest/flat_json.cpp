#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/bytes8.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

namespace {

class FlatReader {
 public:
  explicit FlatReader(std::string_view text) : text_(text) {}

  std::optional<FlatObject> read() {
    FlatObject out;
    skip_space();
    if (!take('{')) return std::nullopt;
    skip_space();
    if (peek() == '}') return std::nullopt;  // an empty object: nlohmann says what is missing
    while (true) {
      std::string key, value;
      if (!read_string(key)) return std::nullopt;
      skip_space();
      if (!take(':')) return std::nullopt;
      skip_space();
      if (!read_string(value)) return std::nullopt;  // a number, an array, null...: not flat
      for (const auto& [seen, unused] : out)
        if (seen == key) return std::nullopt;  // a repeated key: nlohmann's rule decides
      out.emplace_back(std::move(key), std::move(value));
      skip_space();
      if (take(',')) {
        skip_space();
        continue;
      }
      if (!take('}')) return std::nullopt;
      break;
    }
    skip_space();
    if (pos_ != text_.size()) return std::nullopt;
    return out;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool take(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }

  int hex4() {
    if (pos_ + 4 > text_.size()) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_ + static_cast<std::size_t>(i)];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    pos_ += 4;
    return v;
  }

  bool read_string(std::string& out) {
    if (!take('"')) return false;
    std::size_t plain = pos_;
    while (pos_ < text_.size()) {
      if (pos_ + 8 <= text_.size()) {
        // Eight bytes with no quote, backslash or control character are taken whole.
        std::uint64_t word = core::bytes8::load(text_.data() + pos_);
        if (!core::bytes8::any_below(word, 0x20) && !core::bytes8::any_equal(word, '"') && !core::bytes8::any_equal(word, '\\')) {
          pos_ += 8;
          continue;
        }
      }
      auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        out.append(text_.data() + plain, pos_ - plain);
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;  // a raw control character is not JSON
      if (c != '\\') {
        ++pos_;
        continue;
      }
      out.append(text_.data() + plain, pos_ - plain);
      ++pos_;
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          int unit = hex4();
          if (unit < 0) return false;
          char32_t cp = static_cast<char32_t>(unit);
          if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // a low surrogate alone
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (!take('\\') || !take('u')) return false;
            int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
          }
          core::append_utf8(out, cp);
          break;
        }
        default: return false;
      }
      plain = pos_;
    }
    return false;  // the line ended inside the string
  }
};

}  // namespace

std::optional<FlatObject> read_flat_object(std::string_view text) { return FlatReader(text).read(); }

// The JSON text with each number no double holds (1e999) turned into a string of its digits and
// each lone UTF-16 surrogate escape into \ufffd; `changed` says whether anything was.
std::string lenient_json(std::string_view text, bool& changed) {
  std::string out;
  out.reserve(text.size() + 16);
  changed = false;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\' && i + 1 < text.size()) {
        if (text[i + 1] == 'u' && i + 5 < text.size()) {
          unsigned code = static_cast<unsigned>(std::strtoul(std::string(text.substr(i + 2, 4)).c_str(), nullptr, 16));
          bool high = code >= 0xD800 && code <= 0xDBFF, low = code >= 0xDC00 && code <= 0xDFFF;
          bool paired = high && i + 11 < text.size() && text.substr(i + 6, 2) == "\\u" &&
                        [&] {
                          unsigned next = static_cast<unsigned>(std::strtoul(std::string(text.substr(i + 8, 4)).c_str(), nullptr, 16));
                          return next >= 0xDC00 && next <= 0xDFFF;
                        }();
          if ((high && !paired) || low) {
            out += "\\ufffd";
            i += 5;
            changed = true;
            continue;
          }
          if (paired) {
            out.append(text.substr(i, 12));
            i += 11;
            continue;
          }
        }
        out += c;
        out += text[++i];
        continue;
      }
      if (c == '"') in_string = false;
      out += c;
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' || text[end] == 'e' ||
                                   text[end] == 'E' || text[end] == '+' || text[end] == '-'))
        ++end;
      std::string number(text.substr(i, end - i));
      double value = std::strtod(number.c_str(), nullptr);
      if (!std::isfinite(value)) {
        out += '"' + number + '"';
        changed = true;
      } else {
        out += number;
      }
      i = end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace crosscheck::ingest

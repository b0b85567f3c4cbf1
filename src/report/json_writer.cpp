#include "report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/bytes8.hpp"
#include "core/utf8.hpp"

namespace crosscheck::report {

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  escaped(name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  separate();
  escaped(text);
  return *this;
}

JsonWriter& JsonWriter::number(double value) {
  separate();
  if (!std::isfinite(value)) {
    out_ += "null";
    return *this;
  }
  // nlohmann's own shortest round-trip formatting (Grisu2, "1.0" for whole numbers, its exponent
  // style), so numbers read the same as in every other JSON the tool writes.
  char buffer[64];
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, static_cast<std::size_t>(end - buffer));
  return *this;
}

template <typename Integer>
JsonWriter& JsonWriter::integer(Integer value) {
  separate();
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
  return *this;
}

JsonWriter& JsonWriter::number(std::uint64_t value) { return integer(value); }
JsonWriter& JsonWriter::number(std::int64_t value) { return integer(value); }

JsonWriter& JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::json(const nlohmann::ordered_json& value) {
  separate();
  out_ += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return *this;
}

void JsonWriter::escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t mark = out_.size();
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {
      // Eight bytes that are all printable ASCII other than '"' and '\\' are copied as they are.
      std::uint64_t word = core::bytes8::load(text.data() + i);
      if (!core::bytes8::any_high(word) && !core::bytes8::any_below(word, 0x20) && !core::bytes8::any_equal(word, '"') &&
          !core::bytes8::any_equal(word, '\\')) {
        i += 8;
        continue;
      }
    }
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b != '"' && b != '\\' && b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0x80) {
      std::size_t n = 1;
      core::decode_at(text, i, n);
      if (n == 1) {  // the byte starts no well-formed sequence
        // Invalid UTF-8 is rare (inputs are repaired when read): let nlohmann replace it exactly as
        // it does everywhere else.
        out_.resize(mark);
        out_ += nlohmann::ordered_json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    out_.append(text.data() + plain, i - plain);
    switch (b) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\t': out_ += "\\t"; break;
      case '\n': out_ += "\\n"; break;
      case '\f': out_ += "\\f"; break;
      case '\r': out_ += "\\r"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[b >> 4];
        out_ += kHex[b & 0xF];
    }
    plain = ++i;
  }
  out_.append(text.data() + plain, text.size() - plain);
  out_ += '"';
}

}  // namespace crosscheck::report

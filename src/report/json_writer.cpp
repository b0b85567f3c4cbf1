#include "report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/bytes8.hpp"
#include "core/utf8.hpp"

namespace crosscheck::report {

JsonWriter& JsonWriter::key(std::string_view name) {
  // Member names are the report's own, plain ASCII that needs no escaping, and a claim writes
  // thirty of them: the comma, the quoted name and the colon are appended at once.
  char buffer[64];
  if (name.size() + 4 > sizeof buffer) return key_escaped(name);
  std::size_t n = 0;
  if (!first_in_container_) buffer[n++] = ',';
  buffer[n++] = '"';
  std::memcpy(buffer + n, name.data(), name.size());
  n += name.size();
  buffer[n++] = '"';
  buffer[n++] = ':';
  out_.append(buffer, n);
  first_in_container_ = false;
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::key_escaped(std::string_view name) {
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

JsonWriter& JsonWriter::json_text(std::string_view text) {
  separate();
  out_.append(text);
  return *this;
}

JsonWriter& JsonWriter::json(const nlohmann::ordered_json& value) {
  // Walked here rather than dumped into a string of its own: findings carry a small tree each.
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::object:
      begin_object();
      for (auto it = value.begin(); it != value.end(); ++it) {
        key_escaped(it.key());  // names from the input (passed-through JSONL fields) may need escaping
        json(it.value());
      }
      return end_object();
    case Type::array:
      begin_array();
      for (const auto& element : value) json(element);
      return end_array();
    case Type::string: return string(value.get_ref<const std::string&>());
    case Type::boolean: return boolean(value.get<bool>());
    case Type::number_integer: return number(value.get<std::int64_t>());
    case Type::number_unsigned: return number(value.get<std::uint64_t>());
    case Type::number_float: return number(value.get<double>());
    case Type::null: return null();
    default:  // binary and discarded values, which the report never holds: as nlohmann writes them
      separate();
      out_ += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return *this;
  }
}

void JsonWriter::escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t mark = out_.size();
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight bytes that are all printable ASCII other than '"' and '\\' are copied as they are.
    while (i + 8 <= text.size()) {
      std::uint64_t word = core::bytes8::load(text.data() + i);
      if (core::bytes8::any_high(word) || core::bytes8::any_below(word, 0x20) || core::bytes8::any_equal(word, '"') ||
          core::bytes8::any_equal(word, '\\'))
        break;
      i += 8;
    }
    if (i >= text.size()) break;
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x80) {
      // A run of multi-byte characters (a Korean word) is checked character by character here,
      // without going back to the eight-byte test between them.
      do {
        std::size_t n = 1;
        core::decode_at(text, i, n);
        if (n == 1) {  // the byte starts no well-formed sequence
          // Invalid UTF-8 is rare (inputs are repaired when read): let nlohmann replace it exactly
          // as it does everywhere else.
          out_.resize(mark);
          out_ += nlohmann::ordered_json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
          return;
        }
        i += n;
      } while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80);
      continue;
    }
    if (b >= 0x20 && b != '"' && b != '\\') {
      ++i;
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

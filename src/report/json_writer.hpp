#pragma once
// Writes compact JSON text straight into a string, byte for byte as nlohmann's dump(-1) writes the
// same values (invalid UTF-8 replaced), without building a JSON tree first. A claim is about thirty
// members and a day's news holds millions of claims: building each as an ordered_json and dumping
// it was the largest single cost of `check --format json`.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace crosscheck::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // The name of the next member of the open object; its value follows. Written as it is: names
  // are the report's own plain ASCII (printable, no '"' or '\\'), never text from the input.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& string_or_null(std::string_view text) { return text.empty() ? null() : string(text); }
  JsonWriter& number(double value);  // null when not finite: JSON has no infinity
  JsonWriter& number(std::uint64_t value);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  JsonWriter& json(const nlohmann::ordered_json& value);  // a tree already built (evidence, extra fields)
  JsonWriter& json_text(std::string_view text);           // a value already written as JSON text

 private:
  std::string& out_;
  bool first_in_container_ = true;
  bool after_key_ = false;

  void separate() {
    if (after_key_) after_key_ = false;
    else if (!first_in_container_) out_ += ',';
    first_in_container_ = false;
  }
  JsonWriter& open(char bracket) {
    separate();
    out_ += bracket;
    first_in_container_ = true;
    return *this;
  }
  JsonWriter& close(char bracket) {
    out_ += bracket;
    first_in_container_ = false;
    return *this;
  }
  void escaped(std::string_view text);
  JsonWriter& key_escaped(std::string_view name);
  template <typename Integer>
  JsonWriter& integer(Integer value);
};

}  // namespace crosscheck::report

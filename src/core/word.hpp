#pragma once
// A short text field that is usually empty: one pointer wide (a std::string is four), with the
// characters in one heap block when there are any. A claim has a dozen such fields (a scope's
// window, basis, kind, ...; a count's counted noun; an entity claim's value) and most are empty on
// most claims, and a day's news holds millions of claims.
#include <compare>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace crosscheck::core {

class Word {
 public:
  Word() = default;
  Word(std::string_view text) { assign(text); }                 // NOLINT: converts like a string
  Word(const std::string& text) : Word(std::string_view(text)) {}  // NOLINT
  Word(const char* text) : Word(std::string_view(text)) {}         // NOLINT
  Word(const Word& other) : Word(other.view()) {}
  Word(Word&&) noexcept = default;
  Word& operator=(const Word& other) {
    if (this != &other) assign(other.view());
    return *this;
  }
  Word& operator=(Word&&) noexcept = default;
  Word& operator=(std::string_view text) {
    assign(text);
    return *this;
  }
  Word& operator=(const std::string& text) { return *this = std::string_view(text); }
  Word& operator=(const char* text) { return *this = std::string_view(text); }

  bool empty() const { return !data_; }
  void clear() { data_.reset(); }
  std::size_t size() const { return view().size(); }
  const char* c_str() const { return data_ ? data_.get() + sizeof(std::size_t) : ""; }
  std::string_view view() const {
    if (!data_) return {};
    std::size_t n = 0;
    std::memcpy(&n, data_.get(), sizeof n);
    return {data_.get() + sizeof n, n};
  }
  std::string str() const { return std::string(view()); }
  operator std::string_view() const { return view(); }  // NOLINT: reads like a string
  operator std::string() const { return str(); }         // NOLINT

  friend bool operator==(const Word& a, const Word& b) { return a.view() == b.view(); }
  friend bool operator==(const Word& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Word& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Word& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Word& a, const Word& b) { return a.view() <=> b.view(); }
  friend std::string operator+(const std::string& a, const Word& b) { return a + std::string(b.view()); }
  friend std::string operator+(const char* a, const Word& b) { return a + std::string(b.view()); }
  friend std::string operator+(const Word& a, const std::string& b) { return std::string(a.view()) + b; }
  friend std::string operator+(const Word& a, const char* b) { return std::string(a.view()) + b; }
  friend std::ostream& operator<<(std::ostream& out, const Word& w) { return out << w.view(); }

 private:
  // [length: a size_t, so no text is cut short][characters][NUL], or null when empty.
  std::unique_ptr<char[]> data_;

  void assign(std::string_view text) {
    if (text.empty()) {
      data_.reset();
      return;
    }
    std::size_t n = text.size();
    auto block = std::make_unique_for_overwrite<char[]>(sizeof n + text.size() + 1);
    std::memcpy(block.get(), &n, sizeof n);
    std::memcpy(block.get() + sizeof n, text.data(), text.size());
    block[sizeof n + text.size()] = '\0';
    data_ = std::move(block);
  }
};

void to_json(nlohmann::json& j, const Word& w);
void to_json(nlohmann::ordered_json& j, const Word& w);

}  // namespace crosscheck::core

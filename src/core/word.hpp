#pragma once
// An immutable text field, one pointer wide (a std::string is four). Its characters live in one
// heap block that copies share: copying a word counts a reference instead of copying characters.
// A claim has about twenty text fields, most of them empty (a scope's window, basis, kind; a count's
// counted noun) or one of a few hundred values repeated across millions of claims (a subject, an
// attribute, a unit, a comparison key). Empty fields hold no block; repeated values, put through
// a WordPool, share one.
#include <atomic>
#include <compare>
#include <cstddef>
#include <cstring>
#include <new>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json_fwd.hpp>

namespace crosscheck::core {

class Word {
 public:
  Word() = default;
  Word(std::string_view text) { assign(text); }                 // NOLINT: converts like a string
  Word(const std::string& text) : Word(std::string_view(text)) {}  // NOLINT
  Word(const char* text) : Word(std::string_view(text)) {}         // NOLINT
  Word(const Word& other) noexcept : block_(other.block_) { retain(); }
  Word(Word&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  ~Word() { release(); }
  Word& operator=(const Word& other) noexcept {
    if (block_ != other.block_) {
      release();
      block_ = other.block_;
      retain();
    }
    return *this;
  }
  Word& operator=(Word&& other) noexcept {
    if (this != &other) {
      release();
      block_ = other.block_;
      other.block_ = nullptr;
    }
    return *this;
  }
  Word& operator=(std::string_view text) {
    Word replacement(text);
    return *this = std::move(replacement);
  }
  Word& operator=(const std::string& text) { return *this = std::string_view(text); }
  Word& operator=(const char* text) { return *this = std::string_view(text); }

  bool empty() const { return !block_; }
  void clear() {
    release();
    block_ = nullptr;
  }
  std::size_t size() const { return block_ ? block_->size : 0; }
  const char* c_str() const { return block_ ? characters(block_) : ""; }
  std::string_view view() const { return block_ ? std::string_view(characters(block_), block_->size) : std::string_view(); }
  std::string str() const { return std::string(view()); }
  operator std::string_view() const { return view(); }  // NOLINT: reads like a string
  operator std::string() const { return str(); }         // NOLINT
  // Whether two words share one block (the pool's doing), not merely equal text.
  bool shares_with(const Word& other) const { return block_ == other.block_; }

  friend bool operator==(const Word& a, const Word& b) { return a.block_ == b.block_ || a.view() == b.view(); }
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
  // A block is this header, then the characters and a NUL. The count is atomic because the
  // checker's threads copy the words of claims they share.
  struct Block {
    std::atomic<std::size_t> references;
    std::size_t size;  // a size_t, so no text is cut short
  };
  Block* block_ = nullptr;

  static char* characters(Block* block) { return reinterpret_cast<char*>(block + 1); }

  void retain() const {
    if (block_) block_->references.fetch_add(1, std::memory_order_relaxed);
  }
  void release() {
    if (block_ && block_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      block_->~Block();
      ::operator delete(static_cast<void*>(block_));
    }
  }
  void assign(std::string_view text) {
    if (text.empty()) {
      block_ = nullptr;
      return;
    }
    void* memory = ::operator new(sizeof(Block) + text.size() + 1);
    block_ = new (memory) Block{{1}, text.size()};
    std::memcpy(characters(block_), text.data(), text.size());
    characters(block_)[text.size()] = '\0';
  }
};

void to_json(nlohmann::json& j, const Word& w);
void to_json(nlohmann::ordered_json& j, const Word& w);

// Hands out one shared Word per distinct text. A run keeps a pool while it gathers claims, so the
// thousands of claims about one company's revenue hold one copy of "Samsung", of the attribute and
// of the key between them. The words outlive the pool.
class WordPool {
 public:
  // Makes `word` share the pool's block for its text, adding the text when it is new.
  void share(Word& word) {
    if (word.empty()) return;
    auto [it, added] = words_.insert(word);
    if (!added) word = *it;
  }
  Word get(std::string_view text) {
    if (text.empty()) return {};
    if (auto it = words_.find(text); it != words_.end()) return *it;
    return *words_.insert(Word(text)).first;
  }
  std::size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    std::size_t operator()(const Word& word) const { return std::hash<std::string_view>{}(word.view()); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };
  std::unordered_set<Word, Hash, Equal> words_;
};

}  // namespace crosscheck::core

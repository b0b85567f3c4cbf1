// The common words of a language, read from a spelling dictionary (Debian's hunspell-ko). A
// Korean word no dictionary knows, and that is no compound of words it knows, is most likely a
// name: 새별로보틱스, 레미소, 미르켐. Korean writes names without capitals, so this is how the
// framer finds the names no organisation suffix marks (see docs/architecture.md).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace crosscheck::rules {

class Lexicon {
 public:
  // Reads a hunspell .dic (a count on the first line, then "word/flags" lines, in any Unicode
  // normalisation form). Returns "" or what went wrong.
  std::string load(const std::string& path);
  bool loaded() const { return !words_.empty(); }
  std::size_t size() const { return words_.size(); }
  const std::string& path() const { return path_; }
  // Endings that make a compound noun of a word before them (공모가, 진화율, 온열질환자).
  void add_compound_endings(const std::vector<std::string>& endings) { endings_.insert(endings_.end(), endings.begin(), endings.end()); }


  bool knows(std::string_view word) const { return words_.find(word) != words_.end(); }
  // A known word, or one made of known words of two syllables or more and at most one compound
  // ending: 화물열차 (화물 + 열차), 조업일수 (조업 + 일수), 공모가 (공모 + 가).
  bool is_common(std::string_view hangul_word) const;
  // A verb's or adjective's stem (주장하, 흔들리): the dictionary knows it with 다, or it ends in 하/되.
  bool is_verb_form(std::string_view hangul_word) const;
  // A verb written with an ending the dictionary does not list as a word: adnominal 포함한,
  // 확인된, 지불할 (a stem with ㄴ or ㄹ), connective 진화해, 열고, 비교하면, 밝자; and an adnominal
  // form the dictionary lists as a word when it lists the verb too (인한 of 인하다, 따른 of 따르다).
  bool is_inflected_verb(std::string_view hangul_word) const;

 private:
  bool splits(std::string_view rest, int depth) const;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
  std::unordered_set<std::string, Hash, std::equal_to<>> verb_stems_;  // 주장하 of 주장하다
  std::vector<std::string> endings_;
  std::string path_;
};

}  // namespace crosscheck::rules

#pragma once
// Years, dates, months, quarters and clock times: read as time expressions for the frame
// stage, never as amounts (2025년01월31일, 1월24일, 29일(현지시각), 지난해 11~12월, Jan. 27, Q4).
#include <optional>

#include "core/model.hpp"
#include "extract/number_reader.hpp"

namespace crosscheck::extract {

class TimeReader {
 public:
  explicit TimeReader(const rules::RuleSet& rules) : rules_(rules) {}
  std::optional<core::TimeExpression> read(const Sentence& s, std::size_t pos) const;

 private:
  const rules::RuleSet& rules_;

  std::size_t match_any(const Sentence& s, std::size_t pos, const std::vector<std::string>& words) const;
  std::optional<core::TimeExpression> read_korean(const Sentence& s, std::size_t pos) const;
  std::optional<core::TimeExpression> read_numeric_date(const Sentence& s, std::size_t pos) const;
  std::optional<core::TimeExpression> read_english(const Sentence& s, std::size_t pos) const;
  // A bare four-digit year after a lead word ("in 2024"): the English reading of a number.
  std::optional<core::TimeExpression> read_english_year(const Sentence& s, std::size_t pos) const;
  void attach_context(const Sentence& s, core::TimeExpression& t) const;
};

}  // namespace crosscheck::extract

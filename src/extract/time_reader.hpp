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
  // A year named by a relative word alone (지난해, 올해, last year, this year), where no date or
  // quarter follows it and no longer cue holds it (지난해 같은 기간, last year's: earlier-period
  // cues): a year expression resolved later against the publication date. Appended to `times`,
  // which holds the sentence's other time expressions (their words are not read again).
  void add_relative_years(const Sentence& s, std::size_t sentence, std::vector<core::TimeExpression>& times) const;

 private:
  const rules::RuleSet& rules_;

  std::size_t match_any(const Sentence& s, std::size_t pos, const std::vector<std::string>& words) const;
  std::optional<core::TimeExpression> read_korean(const Sentence& s, std::size_t pos) const;
  std::optional<core::TimeExpression> read_numeric_date(const Sentence& s, std::size_t pos) const;
  std::optional<core::TimeExpression> read_english(const Sentence& s, std::size_t pos) const;
  // A bare four-digit year after a lead word ("in 2024"): the English reading of a number.
  std::optional<core::TimeExpression> read_english_year(const Sentence& s, std::size_t pos) const;
  void attach_context(const Sentence& s, core::TimeExpression& t) const;
  // The relative word at [at, end) is the base of a comparison (time.toml comparison_before/after).
  bool is_comparison_base(const Sentence& s, std::size_t at, std::size_t end) const;
};

}  // namespace crosscheck::extract

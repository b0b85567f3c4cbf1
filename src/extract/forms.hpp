#pragma once
// Figures written in forms read whole rather than as a number and a unit: durations in more
// than one unit ("2시간05분12초", "4 hours 12 minutes", "1년 3개월") and the race clock
// "2:05:12", compared in one unit (seconds for hours, minutes and seconds; months for years and
// months); and shares written as fractions ("3분의 1", "3 out of 4"), read as percent.
#include <optional>
#include <utility>
#include <string_view>

#include "extract/scanner.hpp"

namespace crosscheck::extract {

// How many of the family's base unit one of `unit` is ("hour" → 3600 seconds, "year" → 12
// months), and the base unit's name; 0 for a unit of no such family.
double duration_in_base(std::string_view unit, std::string_view& base);

// "2:05:12" or "1:02:31": hours, minutes and seconds of a race or a flight, never a clock (a
// clock writes no seconds in the news, and "a.m."/"p.m." after it says it is one). Returns the
// seconds and sets `end`; nothing for a clock, a ratio or a score.
std::optional<double> read_colon_duration(const Sentence& s, std::size_t pos, std::size_t& end);

// "3분의 1" (a third), "4분의 3", "3 out of 4", "7 in 10": the share in percent, with `end` set
// past the form; nothing when the text is no fraction (3분의 시간 is three minutes').
std::optional<double> read_fraction(const Sentence& s, std::size_t pos, std::size_t& end);

// "1,250대 1", "1,186.4 대 1": a competition ratio (times), with `end` set past the 1.
std::optional<double> read_ratio(const Sentence& s, std::size_t pos, std::size_t& end);

// "beat Ashcombe Town 3-1", "voting 7-4", "3대1로 이겼다", "a 2-0 win": a result of two sides,
// read only where a word of winning, losing or voting stands shortly before it or right after it
// (numbers.toml `score_before` / `score_after`); the two sides' figures, with `end` set past the
// second. Nothing for a range ("10-15 people"), a season ("2024-25") or a phone number.
std::optional<std::pair<int, int>> read_score(const Sentence& s, std::size_t pos, const rules::RuleSet& rules, std::size_t& end);

// "사흘", "나흘째", "보름간": a word that is a number and its unit at once (units.toml
// `[[amount_word]]`), with `end` set past it and what may be glued to it; nothing inside
// another word.
const rules::AmountWord* read_amount_word(const Sentence& s, std::size_t pos, const rules::RuleSet& rules, std::size_t& end);

}  // namespace crosscheck::extract

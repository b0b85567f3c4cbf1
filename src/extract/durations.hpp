#pragma once
// Durations written in more than one unit: "2시간05분12초", "4 hours 12 minutes", "1년 3개월",
// and the race clock "2:05:12". A reader compares them in one unit: seconds for hours, minutes
// and seconds; months for years and months.
#include <optional>
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

}  // namespace crosscheck::extract

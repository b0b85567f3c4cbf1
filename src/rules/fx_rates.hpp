#pragma once
// Dated reference exchange rates in the ECB CSV layout: Date,USD,JPY,...,KRW (units per EUR).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/diagnostic.hpp"

namespace crosscheck::rules {

struct FxQuote {
  double rate = 0;         // units of `to` per one unit of `from`
  std::string date_used;   // the published date the rate comes from
  std::string source;      // the `# source:` line of the table that gave it
};

class FxRates {
 public:
  // A quote older than this is no quote: ECB publishes every TARGET business day and its longest
  // closure (Easter, Christmas) is four days, so a wider gap means the table does not cover the date.
  static constexpr int max_gap_days = 7;

  // Reads the CSV text; '#' lines are comments (the source is named there). Several tables merge:
  // each keeps its own header, and a later table's value for the same day and currency wins.
  core::Diagnostics load(const std::string& text, const std::string& file);
  // The last date on or before `on`, within max_gap_days, that quotes both currencies.
  std::optional<FxQuote> rate(const std::string& from, const std::string& to, const core::PartialDate& on) const;
  // Every published quote within `days` before and after, for a tolerance band; when there is none,
  // the quote rate() gives.
  std::vector<FxQuote> rates_around(const std::string& from, const std::string& to, const core::PartialDate& on, int days) const;
  // The last quote on or before `on` however far back: for a date past the table's end, which a
  // check may use only for what a stale rate can still tell (a tenfold slip), saying how old it is.
  std::optional<FxQuote> latest_on_or_before(const std::string& from, const std::string& to, const core::PartialDate& on) const;
  bool empty() const { return per_eur_.empty(); }
  // The first and last published dates over all currencies ("" when empty).
  std::string first_date() const;
  std::string last_date() const;

 private:
  struct Value {
    double per_eur = 0;
    std::size_t source = 0;  // index into sources_
  };
  std::map<std::string, std::map<int, Value>> per_eur_;  // currency → day number → rate
  std::vector<std::string> sources_;
  std::optional<FxQuote> quote_on(const std::string& from, const std::string& to, int day) const;
};

}  // namespace crosscheck::rules

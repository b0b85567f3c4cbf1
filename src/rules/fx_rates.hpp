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
  std::string date_used;   // the last published date on or before the asked date
};

class FxRates {
 public:
  // Reads the CSV text; '#' lines are comments (the source is named there).
  core::Diagnostics load(const std::string& text, const std::string& file);
  std::optional<FxQuote> rate(const std::string& from, const std::string& to, const core::PartialDate& on) const;
  // All rates within `days` before and after, for a tolerance band.
  std::vector<double> rates_around(const std::string& from, const std::string& to, const core::PartialDate& on, int days) const;
  bool empty() const { return rows_.empty(); }
  std::string source() const { return source_; }

 private:
  std::vector<std::string> currencies_;
  std::map<int, std::vector<double>> rows_;  // day number → per-EUR rates (0 = missing)
  std::string source_;
  std::optional<double> per_eur(const std::vector<double>& row, const std::string& currency) const;
};

}  // namespace crosscheck::rules

#include "rules/fx_rates.hpp"

#include <climits>
#include <cstdlib>
#include <sstream>

#include "core/text.hpp"

namespace crosscheck::rules {

static std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) out.emplace_back(core::trim(cell));
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

core::Diagnostics FxRates::load(const std::string& text, const std::string& file) {
  core::Diagnostics diagnostics;
  auto lines = core::split_lines(text);
  std::vector<std::string> currencies;
  bool header_seen = false;
  std::size_t source = sources_.size();
  sources_.push_back(file);  // replaced by the table's own `# source:` line when it has one
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line(core::trim(lines[i]));
    int line_no = static_cast<int>(i + 1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      auto body = std::string(core::trim(std::string_view(line).substr(1)));
      if (body.rfind("source:", 0) == 0) sources_[source] = std::string(core::trim(body.substr(7)));
      continue;
    }
    auto cells = split_csv(line);
    if (!header_seen) {
      if (cells.empty() || cells[0] != "Date") {
        diagnostics.push_back({core::Severity::error, "schema.fx-header", "the first row must start with 'Date'", file, line_no, 1, "ECB layout: Date,USD,JPY,...,KRW"});
        return diagnostics;
      }
      currencies.assign(cells.begin() + 1, cells.end());
      header_seen = true;
      continue;
    }
    auto date = core::parse_iso_date(cells[0]);
    if (!date) {
      diagnostics.push_back({core::Severity::error, "schema.fx-date", "'" + cells[0] + "' is not a YYYY-MM-DD date", file, line_no, 1, ""});
      continue;
    }
    int day = core::days_from_civil(date->year, date->month, date->day);
    for (std::size_t c = 1; c < cells.size() && c <= currencies.size(); ++c) {
      if (cells[c].empty() || cells[c] == "N/A" || currencies[c - 1].empty()) continue;
      char* end = nullptr;
      double v = std::strtod(cells[c].c_str(), &end);
      if (end == cells[c].c_str() || *end != '\0' || !(v > 0)) {
        diagnostics.push_back({core::Severity::error, "schema.fx-rate", "'" + cells[c] + "' is not a positive rate", file, line_no, 0, "column " + currencies[c - 1]});
        continue;
      }
      per_eur_[currencies[c - 1]][day] = Value{v, source};
    }
  }
  if (!header_seen) diagnostics.push_back({core::Severity::error, "schema.fx-header", "no header row", file, 0, 0, ""});
  return diagnostics;
}

std::optional<FxQuote> FxRates::quote_on(const std::string& from, const std::string& to, int day) const {
  auto lookup = [&](const std::string& currency) -> std::optional<Value> {
    if (currency == "EUR") return Value{1.0, SIZE_MAX};
    auto series = per_eur_.find(currency);
    if (series == per_eur_.end()) return std::nullopt;
    auto it = series->second.find(day);
    if (it == series->second.end()) return std::nullopt;
    return it->second;
  };
  auto a = lookup(from);
  auto b = lookup(to);
  if (!a || !b || (from == "EUR" && to == "EUR")) return std::nullopt;
  std::size_t source = a->source != SIZE_MAX ? a->source : b->source;
  return FxQuote{b->per_eur / a->per_eur, core::date_from_days(day).to_string(), source < sources_.size() ? sources_[source] : ""};
}

std::optional<FxQuote> FxRates::rate(const std::string& from, const std::string& to, const core::PartialDate& on) const {
  if (!on.complete() || per_eur_.empty()) return std::nullopt;
  int day = core::days_from_civil(on.year, on.month, on.day);
  for (int back = 0; back <= max_gap_days; ++back)
    if (auto q = quote_on(from, to, day - back)) return q;
  return std::nullopt;
}

std::optional<FxQuote> FxRates::latest_on_or_before(const std::string& from, const std::string& to, const core::PartialDate& on) const {
  if (!on.complete()) return std::nullopt;
  // Either currency's own series gives the days to try (EUR has none: it is the base).
  const std::string& listed = from == "EUR" ? to : from;
  auto series = per_eur_.find(listed);
  if (series == per_eur_.end()) return std::nullopt;
  int day = core::days_from_civil(on.year, on.month, on.day);
  auto it = series->second.upper_bound(day);
  // The two series are published on the same days, so a few steps back find a day quoting both.
  for (int steps = 0; steps < 16 && it != series->second.begin(); ++steps) {
    --it;
    if (auto q = quote_on(from, to, it->first)) return q;
  }
  return std::nullopt;
}

std::vector<FxQuote> FxRates::rates_around(const std::string& from, const std::string& to, const core::PartialDate& on, int days) const {
  std::vector<FxQuote> out;
  if (!on.complete()) return out;
  int day = core::days_from_civil(on.year, on.month, on.day);
  for (int d = day - days; d <= day + days; ++d)
    if (auto q = quote_on(from, to, d)) out.push_back(std::move(*q));
  if (out.empty())
    if (auto q = rate(from, to, on)) out.push_back(std::move(*q));
  return out;
}

std::string FxRates::first_date() const {
  int first = INT_MAX;
  for (const auto& [currency, series] : per_eur_)
    if (!series.empty()) first = std::min(first, series.begin()->first);
  return first == INT_MAX ? "" : core::date_from_days(first).to_string();
}

std::string FxRates::last_date() const {
  int last = INT_MIN;
  for (const auto& [currency, series] : per_eur_)
    if (!series.empty()) last = std::max(last, series.rbegin()->first);
  return last == INT_MIN ? "" : core::date_from_days(last).to_string();
}

}  // namespace crosscheck::rules

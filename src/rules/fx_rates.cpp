#include "rules/fx_rates.hpp"

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
  bool header_seen = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line(core::trim(lines[i]));
    int line_no = static_cast<int>(i + 1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      auto body = std::string(core::trim(std::string_view(line).substr(1)));
      if (body.rfind("source:", 0) == 0) source_ = std::string(core::trim(body.substr(7)));
      continue;
    }
    auto cells = split_csv(line);
    if (!header_seen) {
      if (cells.empty() || cells[0] != "Date") {
        diagnostics.push_back({core::Severity::error, "schema.fx-header", "the first row must start with 'Date'", file, line_no, 1, "ECB layout: Date,USD,JPY,...,KRW"});
        return diagnostics;
      }
      currencies_.assign(cells.begin() + 1, cells.end());
      header_seen = true;
      continue;
    }
    auto date = core::parse_iso_date(cells[0]);
    if (!date) {
      diagnostics.push_back({core::Severity::error, "schema.fx-date", "'" + cells[0] + "' is not a YYYY-MM-DD date", file, line_no, 1, ""});
      continue;
    }
    std::vector<double> row(currencies_.size(), 0.0);
    for (std::size_t c = 1; c < cells.size() && c <= currencies_.size(); ++c) {
      if (cells[c].empty() || cells[c] == "N/A") continue;
      char* end = nullptr;
      double v = std::strtod(cells[c].c_str(), &end);
      if (end == cells[c].c_str() || *end != '\0' || v <= 0) {
        diagnostics.push_back({core::Severity::error, "schema.fx-rate", "'" + cells[c] + "' is not a positive rate", file, line_no, 0, "column " + currencies_[c - 1]});
        continue;
      }
      row[c - 1] = v;
    }
    rows_[core::days_from_civil(date->year, date->month, date->day)] = row;
  }
  if (!header_seen) diagnostics.push_back({core::Severity::error, "schema.fx-header", "no header row", file, 0, 0, ""});
  return diagnostics;
}

std::optional<double> FxRates::per_eur(const std::vector<double>& row, const std::string& currency) const {
  if (currency == "EUR") return 1.0;
  for (std::size_t i = 0; i < currencies_.size(); ++i)
    if (currencies_[i] == currency && row[i] > 0) return row[i];
  return std::nullopt;
}

std::optional<FxQuote> FxRates::rate(const std::string& from, const std::string& to, const core::PartialDate& on) const {
  if (!on.complete() || rows_.empty()) return std::nullopt;
  int day = core::days_from_civil(on.year, on.month, on.day);
  auto it = rows_.upper_bound(day);
  while (it != rows_.begin()) {
    --it;
    auto a = per_eur(it->second, from);
    auto b = per_eur(it->second, to);
    if (a && b) {
      core::PartialDate used = core::date_from_days(it->first);
      return FxQuote{*b / *a, used.to_string()};
    }
    if (day - it->first > 400) break;  // no quote within about a year: say nothing
  }
  return std::nullopt;
}

std::vector<double> FxRates::rates_around(const std::string& from, const std::string& to, const core::PartialDate& on, int days) const {
  std::vector<double> out;
  if (!on.complete()) return out;
  int day = core::days_from_civil(on.year, on.month, on.day);
  for (auto it = rows_.lower_bound(day - days); it != rows_.end() && it->first <= day + days; ++it) {
    auto a = per_eur(it->second, from);
    auto b = per_eur(it->second, to);
    if (a && b) out.push_back(*b / *a);
  }
  if (out.empty())
    if (auto q = rate(from, to, on)) out.push_back(q->rate);
  return out;
}

}  // namespace crosscheck::rules

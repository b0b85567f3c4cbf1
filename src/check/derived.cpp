#include "check/derived.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/text.hpp"

namespace crosscheck::check {

namespace {

// "1 day" → 1, "4 trading-day" → 4; 0 when the window says no number of sessions.
int sessions(const std::string& window) {
  if (window.empty()) return 0;
  int n = std::atoi(window.c_str());
  if (window.find("day") == std::string::npos) return 0;
  return n;
}

std::string percent_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f%%", v);
  return buf;
}

core::PartialDate when(const CheckInput& in, const core::Claim& c) {
  if (c.scope.date.complete()) return c.scope.date;
  return in.articles[c.article].published_date;
}

}  // namespace

void check_percent_changes(const CheckInput& in, graph::ClaimGraph& graph, std::vector<core::Finding>& out) {
  const auto& claims = in.claims;
  for (std::size_t ci = 0; ci < claims.size(); ++ci) {
    const core::Claim& c = claims[ci];
    if (c.attribute != "price-change" || c.quantity.dimension != core::Dimension::percent || c.subject_root.empty()) continue;
    core::Interval stated = c.quantity.value;
    if (c.quantity.point < 0) stated = {-stated.hi, -stated.lo, stated.hi_closed, stated.lo_closed};
    int window = sessions(c.scope.window);
    // Prices from the same article first: that is what the writer computed from.
    for (int pass = 0; pass < 2; ++pass) {
      std::vector<core::Finding> candidates;
      std::vector<std::size_t> prices;
      for (std::size_t pi = 0; pi < claims.size(); ++pi) {
        const auto& p = claims[pi];
        if (p.attribute != "share-price" || p.subject_root != c.subject_root || !p.scope.date.complete()) continue;
        if ((pass == 0) != (p.article == c.article)) continue;
        prices.push_back(pi);
      }
      for (std::size_t x : prices)
        for (std::size_t y : prices) {
          const auto& from = claims[x];
          const auto& to = claims[y];
          if (from.quantity.unit != to.quantity.unit) continue;
          int days = core::weekdays_between(from.scope.date, to.scope.date);
          if (days <= 0) continue;
          if (window > 0 && days != window) continue;
          if (!c.scope.date.empty() && !c.scope.date.compatible(to.scope.date)) continue;
          if (window == 0 && c.scope.date.empty()) continue;  // nothing ties this change to these two prices
          double change = (to.quantity.point / from.quantity.point - 1) * 100;
          double lo = (to.quantity.value.lo / from.quantity.value.hi - 1) * 100;
          double hi = (to.quantity.value.hi / from.quantity.value.lo - 1) * 100;
          bool down = change < 0;
          if (!c.scope.direction.empty() && (c.scope.direction == "down") != down) continue;
          core::Interval implied = down ? core::Interval{-hi, -lo, true, true} : core::Interval{lo, hi, true, true};
          bool fits = implied.meets(stated);
          core::Finding f;
          f.verdict = fits ? "supported" : "conflict";
          f.check = "percent-change";
          f.subject = c.subject_root;
          f.attribute = c.attribute;
          f.sides = {{c.id}, {from.id, to.id}};
          f.reasons = {fits ? "derived-change" : "derived-change-mismatch"};
          f.evidence = {{"from", from.quantity.surface}, {"from_date", from.scope.date.to_string()},
                        {"to", to.quantity.surface}, {"to_date", to.scope.date.to_string()},
                        {"change_percent", std::round(change * 100) / 100}, {"sessions", days}};
          f.explanation = render(in.rules, in.language, fits ? "explain.percent-supported" : "explain.percent-unsupported",
                                 {{"from", from.quantity.surface}, {"to", to.quantity.surface}, {"change", percent_text(change)},
                                  {"claim", c.quantity.surface}});
          graph.add_derived(ci, x);
          graph.add_derived(ci, y);
          candidates.push_back(std::move(f));
        }
      if (candidates.empty()) continue;
      // One pair of prices that fits is enough; a misfit alone is a finding.
      bool supported = std::any_of(candidates.begin(), candidates.end(), [](const core::Finding& f) { return f.verdict == "supported"; });
      for (auto& f : candidates)
        if (!supported || f.verdict == "supported") out.push_back(std::move(f));
      break;
    }
  }
}

void check_conversions(const CheckInput& in, std::vector<core::Finding>& out) {
  if (in.rules.fx.empty()) return;
  // The story's own dates stand in for an article that gives none.
  std::vector<int> story_days;
  for (const auto& a : in.articles)
    if (a.published_date.complete())
      story_days.push_back(core::days_from_civil(a.published_date.year, a.published_date.month, a.published_date.day));
  std::sort(story_days.begin(), story_days.end());
  for (const auto& c : in.claims) {
    if (c.linked_to < 0 || c.quantity.link != "conversion") continue;
    const core::Claim& main = in.claims[static_cast<std::size_t>(c.linked_to)];
    const std::string& from = main.quantity.unit;
    const std::string& to = c.quantity.unit;
    core::PartialDate date = when(in, main);
    std::vector<double> band;
    std::string date_text;
    if (date.complete()) {
      band = in.rules.fx.rates_around(from, to, date, 7);
      date_text = date.to_string();
    } else if (!story_days.empty()) {
      // Dates of the other articles: from a week before the first to a week after the last.
      core::PartialDate first = in.articles.front().published_date;
      for (const auto& a : in.articles)
        if (a.published_date.complete() &&
            core::days_from_civil(a.published_date.year, a.published_date.month, a.published_date.day) == story_days.front())
          first = a.published_date;
      int span = story_days.back() - story_days.front();
      band = in.rules.fx.rates_around(from, to, first, 7 + span);
      date_text = first.to_string() + " (story dates)";
    }
    if (band.empty()) continue;
    auto [mn, mx] = std::minmax_element(band.begin(), band.end());
    // Reference rates move within a day and banks add a margin: allow 2% either side.
    core::Interval reference{*mn * 0.98, *mx * 1.02, true, true};
    // The writer converted the figure as written, so only the converted side's interval counts.
    double base = std::fabs(main.quantity.point);
    if (base <= 0) continue;
    core::Interval implied{c.quantity.value.lo / base, c.quantity.value.hi / base, true, true};
    bool fits = implied.meets(reference);
    double rate = (*mn + *mx) / 2;
    core::Finding f;
    f.verdict = fits ? "supported" : "conflict";
    f.check = "conversion";
    f.subject = main.subject_root;
    f.attribute = main.attribute;
    f.sides = {{main.id}, {c.id}};
    f.reasons = {fits ? "conversion" : "conversion-mismatch"};
    f.evidence = {{"from", from}, {"to", to}, {"rate", std::round(rate * 100) / 100}, {"rate_low", *mn}, {"rate_high", *mx},
                  {"date", date_text}, {"implied_rate", std::round(c.quantity.point / main.quantity.point * 100) / 100},
                  {"source", in.rules.fx.source()}};
    f.explanation = render(in.rules, in.language, fits ? "explain.conversion-ok" : "explain.conversion-bad",
                           {{"main", main.quantity.surface}, {"date", date_text}, {"rate", core::format_number(std::round(rate * 100) / 100)},
                            {"from", from}, {"to", to}, {"expected", format_value(main.quantity.point * rate, to)},
                            {"converted", c.quantity.surface},
                            {"implied", core::format_number(std::round(c.quantity.point / main.quantity.point * 100) / 100)}});
    out.push_back(std::move(f));
  }
}

}  // namespace crosscheck::check

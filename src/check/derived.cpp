#include "check/derived.hpp"

#include "check/derived_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/parallel.hpp"
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

// Real coverage quotes a company's price on a given day a handful of times; past this many
// distinct values on one day (or in one article) the rest are not tried as the ends of a change,
// so a corpus of noise costs linear time. The run reports it (limit.group).
constexpr std::size_t kMaxPricesPerDay = 64;

// The prices tried as the ends of a change, and whether more were left out (then one is noted).
struct Prices {
  std::vector<std::size_t> claims;
  bool capped = false;
};

// Subjects are views of the claims' own words, which outlive the index.
struct PriceIndex {
  // subject → date (day number) → distinct prices on that day (the first claim of each value)
  std::map<std::string_view, std::map<int, Prices>> cross;
  // (article, subject) → prices in that article
  std::map<std::pair<std::size_t, std::string_view>, Prices> same;
};

int day_of(const core::PartialDate& d) { return core::days_from_civil(d.year, d.month, d.day); }


PriceIndex index_prices(const CheckInput& in, const std::vector<std::size_t>& order) {
  const auto& claims = in.claims;
  PriceIndex index;
  for (std::size_t i : order) {
    const auto& p = claims[i];
    if (p.attribute != "share-price" || p.subject_root.empty() || !own_date(p).complete()) continue;
    std::string_view subject = p.subject_root;
    Prices& here = index.same[{p.article, subject}];
    if (here.claims.size() < kMaxPricesPerDay) here.claims.push_back(i);
    else here.capped = true;
    Prices& day = index.cross[subject][day_of(own_date(p))];
    // A full day that has already left a price out can neither take this one nor note anything
    // new: the search for the same value among its prices is skipped.
    if (day.capped) continue;
    bool known = std::any_of(day.claims.begin(), day.claims.end(), [&](std::size_t k) {
      return claims[k].quantity.unit == p.quantity.unit && claims[k].quantity.point == p.quantity.point;
    });
    if (known) continue;
    if (day.claims.size() < kMaxPricesPerDay) day.claims.push_back(i);
    else day.capped = true;
  }
  // What held more prices than are tried, the article or the day, is named once, the notes in the
  // order of their text.
  std::set<std::string> capped;
  for (const auto& [where, prices] : index.same)
    if (prices.capped) capped.insert(std::string(where.second) + " share prices in " + in.articles[where.first].id);
  for (const auto& [subject, days] : index.cross)
    for (const auto& [day, prices] : days)
      if (prices.capped) capped.insert(std::string(subject) + " share prices on " + claims[prices.claims.front()].scope.date.to_string());
  for (const auto& what : capped)
    in.limit_notes.push_back("only the first " + std::to_string(kMaxPricesPerDay) + " " + what + " were tried as the ends of a stated change");
  return index;
}

// The pairs of prices a change could have been computed from: same article, or across articles
// when the change states its window (the first price that many sessions before the second, the
// second on the change's date or, for an undated change, in the week up to its article's date).
// `visit` returns true to stop.
template <typename Visit>
void for_candidate_pairs(const CheckInput& in, const core::Claim& c, int window, const PriceIndex& index, bool same_article,
                         Visit visit) {
  if (same_article) {
    auto it = index.same.find({c.article, std::string_view(c.subject_root)});
    if (it == index.same.end()) return;
    for (std::size_t x : it->second.claims)
      for (std::size_t y : it->second.claims)
        if (visit(x, y)) return;
    return;
  }
  if (window <= 0) return;
  auto it = index.cross.find(std::string_view(c.subject_root));
  if (it == index.cross.end()) return;
  const auto& days = it->second;
  auto first_to = days.begin(), last_to = days.end();
  const core::PartialDate& published = in.articles[c.article].published_date;
  if (own_date(c).empty() && published.complete()) {
    // A report of a move without a date reports a recent one.
    first_to = days.lower_bound(day_of(published) - 7);
    last_to = days.upper_bound(day_of(published));
  }
  for (auto to = first_to; to != last_to; ++to) {
    const auto& [to_day, to_prices] = *to;
    const auto& tos = to_prices.claims;
    if (!own_date(c).empty() && !own_date(c).compatible(own_date(in.claims[tos.front()]))) continue;
    // The first price lies `window` sessions before the second; holidays aside, that is within
    // twice the window plus a week.
    for (auto from = days.lower_bound(to_day - (window * 2 + 7)); from != days.end() && from->first < to_day; ++from) {
      if (core::weekdays_between(core::date_from_days(from->first), core::date_from_days(to_day)) != window) continue;
      for (std::size_t x : from->second.claims)
        for (std::size_t y : tos)
          if (visit(x, y)) return;
    }
  }
}

// What a pair of prices says about a stated change; nothing when the pair cannot be its ends.
struct PriceFit {
  bool fits = false;
  double change = 0;  // percent, signed
  int sessions = 0;
};

std::optional<PriceFit> fit_prices(const core::Claim& c, const core::Interval& stated, int window, const core::Claim& from,
                                   const core::Claim& to) {
  if (from.quantity.unit != to.quantity.unit) return std::nullopt;
  int days = core::weekdays_between(own_date(from), own_date(to));
  if (days <= 0) return std::nullopt;
  if (window > 0 && days != window) return std::nullopt;
  if (!own_date(c).empty() && !own_date(c).compatible(own_date(to))) return std::nullopt;
  if (window == 0 && own_date(c).empty()) return std::nullopt;  // nothing ties this change to these two prices
  double change = (to.quantity.point / from.quantity.point - 1) * 100;
  double lo = (to.quantity.value.lo / from.quantity.value.hi - 1) * 100;
  double hi = (to.quantity.value.hi / from.quantity.value.lo - 1) * 100;
  bool down = change < 0;
  if (!c.scope.direction.empty() && (c.scope.direction == "down") != down) return std::nullopt;
  core::Interval implied = down ? core::Interval{-hi, -lo, true, true} : core::Interval{lo, hi, true, true};
  return PriceFit{implied.meets(stated), change, days};
}

}  // namespace

void check_percent_changes(const CheckInput& in, graph::ClaimGraph& graph, std::vector<core::Finding>& out) {
  const auto& claims = in.claims;
  auto order = canonical_order(in, [](const core::Claim& c) { return c.attribute == "share-price" || c.attribute == "price-change"; });
  PriceIndex index = index_prices(in, order);
  // The price pair for each stated change, found on all cores (the search only reads); the
  // findings are then made one by one in canonical order.
  struct Chosen {
    bool found = false;
    std::size_t from = 0, to = 0;
    PriceFit fit;
  };
  std::vector<std::size_t> changes;
  for (std::size_t ci : order) {
    const core::Claim& c = claims[ci];
    if (c.attribute == "price-change" && c.quantity.dimension == core::Dimension::percent && !c.subject_root.empty()) changes.push_back(ci);
  }
  std::vector<Chosen> chosen(changes.size());
  core::parallel_for(changes.size(), [&](std::size_t k) {
    const core::Claim& c = claims[changes[k]];
    core::Interval stated = c.quantity.value;
    if (c.quantity.point < 0) stated = {-stated.hi, -stated.lo, stated.hi_closed, stated.lo_closed};
    int window = sessions(c.scope.window);
    // Prices from the same article first: that is what the writer computed from.
    for (int pass = 0; pass < 2; ++pass) {
      // One pair of prices that fits is enough, and it is the one reported; a misfit is reported
      // only when no pair fits, with the first pair tried.
      std::optional<std::pair<std::size_t, std::size_t>> first_tried, fitting;
      PriceFit first_fit, chosen_fit;
      for_candidate_pairs(in, c, window, index, pass == 0, [&](std::size_t x, std::size_t y) {
        auto fit = fit_prices(c, stated, window, claims[x], claims[y]);
        if (!fit) return false;
        if (!first_tried) first_tried = {x, y}, first_fit = *fit;
        if (fit->fits) fitting = {x, y}, chosen_fit = *fit;
        return fit->fits;
      });
      if (!first_tried) continue;
      if (!fitting) fitting = first_tried, chosen_fit = first_fit;
      chosen[k] = {true, fitting->first, fitting->second, chosen_fit};
      return;
    }
  });
  // Identical changes tested against the same prices make one finding that lists them all. What
  // makes them identical is written out on all cores; most changes join a finding already made.
  std::vector<std::string> keys(changes.size());
  core::parallel_for(changes.size(), [&](std::size_t k) {
    if (!chosen[k].found) return;
    const core::Claim& c = claims[changes[k]];
    char key[96];
    std::snprintf(key, sizeof key, "%.17g|%s|", c.quantity.point, c.scope.window.c_str());
    keys[k] = key + own_date(c).to_string() + "|" + (chosen[k].fit.fits ? "supported" : "conflict") + "|" +
              claims[chosen[k].from].id + "|" + claims[chosen[k].to].id;
  });
  // Which changes open a finding (the first with its key) and which finding each joins; then the
  // new findings are written on all cores.
  std::unordered_map<std::string_view, std::size_t> finding_of_key;
  std::vector<std::size_t> opening;  // per new finding, the change that opens it
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> finding_of(changes.size(), kNone);
  for (std::size_t k = 0; k < changes.size(); ++k) {
    if (!chosen[k].found) continue;
    graph.add_derived(changes[k], chosen[k].from);
    graph.add_derived(changes[k], chosen[k].to);
    auto [it, fresh] = finding_of_key.emplace(keys[k], opening.size());
    if (fresh) opening.push_back(k);
    finding_of[k] = it->second;
  }
  std::vector<core::Finding> made(opening.size());
  core::parallel_for(opening.size(), [&](std::size_t n) {
    std::size_t k = opening[n];
    const core::Claim& c = claims[changes[k]];
    const PriceFit& fit = chosen[k].fit;
    const auto& from = claims[chosen[k].from];
    const auto& to = claims[chosen[k].to];
    core::Finding& f = made[n];
    f.verdict = fit.fits ? "supported" : "conflict";
    f.check = "percent-change";
    f.subject = c.subject_root;
    f.attribute = c.attribute;
    f.sides = {{c.id}, {from.id, to.id}};
    f.reasons = {fit.fits ? "derived-change" : "derived-change-mismatch"};
    f.evidence = {{"from", from.quantity.surface}, {"from_date", own_date(from).to_string()},
                  {"to", to.quantity.surface}, {"to_date", own_date(to).to_string()},
                  {"change_percent", std::round(fit.change * 100) / 100}, {"sessions", fit.sessions}};
    f.explanation = render(in.rules, in.language, fit.fits ? "explain.percent-supported" : "explain.percent-unsupported",
                           {{"from", from.quantity.surface}, {"to", to.quantity.surface}, {"change", percent_text(fit.change)},
                            {"claim", c.quantity.surface}});
  });
  // The changes that join a finding already made are listed after the one that opened it.
  for (std::size_t k = 0; k < changes.size(); ++k)
    if (finding_of[k] != kNone && opening[finding_of[k]] != k) made[finding_of[k]].sides[0].push_back(claims[changes[k]].id);
  std::move(made.begin(), made.end(), std::back_inserter(out));
}

void check_sums(const CheckInput& in, std::vector<core::Finding>& out) {
  // Only sentences that state a total are gathered: a list per sentence of every claim would hold
  // the whole input a second time.
  auto counted = [](const core::Claim& c) { return c.linked_to < 0 && c.quantity.dimension != core::Dimension::entity; };
  std::set<std::pair<std::size_t, std::size_t>> with_total;
  for (const auto& c : in.claims)
    if (counted(c) && c.scope.role == "total" && c.quantity.value.bounded()) with_total.insert({c.article, c.sentence_start});
  if (with_total.empty()) return;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_sentence;
  for (std::size_t i : canonical_order(in, [&](const core::Claim& c) { return counted(c) && with_total.count({c.article, c.sentence_start}); })) {
    const auto& c = in.claims[i];
    by_sentence[{c.article, c.sentence_start}].push_back(i);
  }
  for (const auto& [where, members] : by_sentence)
    for (std::size_t t : members) {
      const auto& total = in.claims[t];
      if (total.scope.role != "total" || !total.quantity.value.bounded()) continue;
      std::vector<std::size_t> parts;
      double lo = 0, hi = 0;
      bool bounded = true;
      for (std::size_t p : members) {
        const auto& part = in.claims[p];
        if (p == t || part.scope.role == "total" || part.quantity.unit != total.quantity.unit || part.quantity.counted != total.quantity.counted ||
            part.quantity.span.start > total.quantity.span.start)
          continue;
        parts.push_back(p);
        bounded &= part.quantity.value.bounded() && part.quantity.value.lo >= 0;
        lo += part.quantity.value.lo;
        hi += part.quantity.value.hi;
      }
      if (parts.size() < 2 || !bounded) continue;
      core::Interval sum{lo, hi, true, true};
      // A total is taken as written unless hedged: "모두 300석" means 300, not "about 300".
      bool hedged = std::any_of(total.quantity.modifiers.begin(), total.quantity.modifiers.end(),
                                [](const std::string& m) { return m != "precision"; });
      core::Interval stated = hedged ? total.quantity.value : core::Interval::exact(total.quantity.point);
      bool exceeds = lo > stated.hi;
      bool fits = sum.meets(stated);
      if (!exceeds && !fits) continue;  // parts short of the total: the list may be incomplete (등, including)
      core::Finding f;
      f.verdict = exceeds ? "conflict" : "supported";
      f.check = "sum";
      f.subject = total.subject_root;
      f.attribute = total.attribute;
      f.sides = {{total.id}, {}};
      std::string listed;
      for (std::size_t p : parts) {
        f.sides[1].push_back(in.claims[p].id);
        listed += (listed.empty() ? "" : " + ") + in.claims[p].quantity.surface;
      }
      f.reasons = {exceeds ? "sum-exceeds-total" : "sum"};
      f.evidence = {{"parts", listed}, {"sum_low", lo}, {"sum_high", hi}};
      f.explanation = render(in.rules, in.language, exceeds ? "explain.sum-bad" : "explain.sum-ok",
                             {{"parts", listed}, {"sum", format_value(in.rules, in.language, (lo + hi) / 2, total.quantity.unit)}, {"total", total.quantity.surface}});
      out.push_back(std::move(f));
    }
}

}  // namespace crosscheck::check

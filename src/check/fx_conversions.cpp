#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "check/derived.hpp"
#include "check/derived_internal.hpp"

// A conversion between currencies ("124 billion won, or roughly $124 million", 557만달러(약 80억원))
// against a rate: the dated reference table's when it covers the day, else the rate the article
// states, else the rate the story's other conversions between the same two currencies use, else
// the table's latest rate, which after months of drift can still tell a tenfold slip.
namespace crosscheck::check {

namespace {

// A rate to two decimals, or to four significant digits when it is below one (won to the dollar:
// 0.0007246, not 0).
double readable_rate(double rate) {
  if (!(rate > 0) || rate >= 1) return std::round(rate * 100) / 100;
  double scale = std::pow(10.0, 3 - std::floor(std::log10(rate)));
  return std::round(rate * scale) / scale;
}

// A rate the article states between the two currencies (KRW/USD 1,380 for a conversion either
// way), as a one-quote band; nullptr when it states none.
const core::Claim* stated_rate(const CheckInput& in, std::size_t article, const std::string& from, const std::string& to,
                               std::vector<rules::FxQuote>& band) {
  for (const auto& r : in.claims) {
    if (r.article != article || !(r.quantity.point > 0)) continue;
    const std::string& unit = r.quantity.unit;
    if (unit == to + "/" + from) band = {{r.quantity.point, "", "the article"}};
    else if (unit == from + "/" + to) band = {{1 / r.quantity.point, "", "the article"}};
    else continue;
    return &r;
  }
  return nullptr;
}


// The rates (units of `to` per `from`) that the story's other conversions between the same two
// currencies imply, either way round; `self` is the conversion being checked.
std::vector<double> story_rates(const CheckInput& in, std::size_t self, const std::string& from, const std::string& to) {
  std::vector<double> out;
  for (std::size_t i = 0; i < in.claims.size(); ++i) {
    const core::Claim& c = in.claims[i];
    if (i == self || c.linked_to < 0 || c.quantity.link != "conversion") continue;
    const core::Claim& main = in.claims[static_cast<std::size_t>(c.linked_to)];
    double a = std::fabs(main.quantity.point), b = std::fabs(c.quantity.point);
    if (!(a > 0) || !(b > 0)) continue;
    if (main.quantity.unit == from && c.quantity.unit == to) out.push_back(b / a);
    else if (main.quantity.unit == to && c.quantity.unit == from) out.push_back(a / b);
  }
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Most of the story's other rates lie near their middle one: more than half of them within 5% of
// it. Two conversions that disagree (one of them the slip) give no rate to trust.
bool agree_mostly(const std::vector<double>& rates) {
  double middle = median(rates);
  std::size_t near = 0;
  for (double r : rates) near += std::fabs(r - middle) <= 0.05 * middle;
  return near * 2 > rates.size();
}

// A story's writers convert on different days and round their rates: their own rate is a band
// this wide either side of the middle one.
constexpr double kStoryRateSpread = 0.03;
// Months of drift move a currency pair by a quarter at most in calm years; a stale rate can only
// tell a figure converted at under half or over twice the rate (a slipped scale, a swapped pair).
constexpr double kStaleRateFactor = 2.0;
// The fewest other conversions whose middle rate stands in for the story's: with two, one bad
// conversion among them moves the middle as far as the good one.
constexpr std::size_t kStoryRateMinimum = 3;

// "1377.78" → "1,377.78": a rate as a desk writes it.
std::string with_thousands(std::string digits) {
  std::size_t end = digits.find('.');
  if (end == std::string::npos) end = digits.size();
  std::size_t begin = !digits.empty() && digits[0] == '-' ? 1 : 0;
  for (std::size_t at = end; at > begin + 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

// "KRW/kWh" → ("KRW", "kWh"); "USD" → ("USD", "").
std::pair<std::string, std::string> split_rate(const std::string& unit) {
  std::size_t slash = unit.find('/');
  if (slash == std::string::npos) return {unit, ""};
  return {unit.substr(0, slash), unit.substr(slash + 1)};
}

// A rate the way desks quote it, the stronger currency first: "1 USD = 1,378 KRW", not
// "0.0007258 USD/KRW". `rate` is units of `to` per one `from`.
std::string quote_text(double rate, const std::string& from, const std::string& to) {
  if (!(rate > 0)) return core::format_number(rate) + " " + to + "/" + from;
  if (rate >= 1) return "1 " + from + " = " + with_thousands(core::format_number(readable_rate(rate))) + " " + to;
  return "1 " + to + " = " + with_thousands(core::format_number(readable_rate(1 / rate))) + " " + from;
}

}  // namespace

void check_conversions(const CheckInput& in, std::vector<core::Finding>& out) {
  if (in.rules.fx.empty()) return;
  // The story's own dates stand in for an article that gives none.
  std::vector<int> story_days;
  for (const auto& a : in.articles)
    if (a.published_date.complete())
      story_days.push_back(core::days_from_civil(a.published_date.year, a.published_date.month, a.published_date.day));
  std::sort(story_days.begin(), story_days.end());
  for (std::size_t ci : canonical_order(in, [](const core::Claim& c) { return c.linked_to >= 0 && c.quantity.link == "conversion"; })) {
    const core::Claim& c = in.claims[ci];
    const core::Claim& main = in.claims[static_cast<std::size_t>(c.linked_to)];
    // Two rates over one denominator (KRW/kWh, USD/kWh) convert as their currencies; a bracket
    // that restates a rate per another thing or period ($15 a month beside a yearly fee, a share
    // price beside a total) is no currency conversion, and no exchange rate can check it.
    auto [from, from_per] = split_rate(main.quantity.unit);
    auto [to, to_per] = split_rate(c.quantity.unit);
    if (from_per != to_per || from == to) continue;
    core::PartialDate date = when(in, main);
    std::vector<rules::FxQuote> band;
    std::string date_text, date_words;  // the evidence's form, and the explanation's
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
      date_words = render(in.rules, in.language, "label.story-dates", {{"date", first.to_string()}});
    }
    if (date_words.empty()) date_words = date_text;
    // No table covers the day (a story dated past the bundled rates): the rate the article itself
    // states ("based on roughly 1,380 won to the dollar", 달러당 1,380원) is the one it converted at.
    if (band.empty())
      if (const core::Claim* stated = stated_rate(in, c.article, from, to, band)) {
        date_text = "the article's stated rate";
        date_words = render(in.rules, in.language, "label.stated-rate", {{"rate", stated->quantity.surface}});
      }
    // Several conversions in the story between the same currencies: most writers agree on a rate,
    // and a figure far off it was converted wrongly (the middle rate resists one bad conversion).
    if (band.empty())
      if (auto others = story_rates(in, ci, from, to); others.size() >= kStoryRateMinimum && agree_mostly(others)) {
        double middle = median(others);
        band = {{middle * (1 - kStoryRateSpread), "", "the story's other conversions"},
                {middle * (1 + kStoryRateSpread), "", "the story's other conversions"}};
        date_text = "the story's other conversions";
        date_words = render(in.rules, in.language, "label.story-rate", {{"count", std::to_string(others.size())}});
      }
    std::string unchecked = c.quantity.surface + " (" + in.articles[c.article].id + ") was not checked: no " + from + "/" + to +
                            " reference rate " + (date_text.empty() ? "for an undated story" : "within a week of " + date_text);
    double drift = 1;  // how far either side of the band a stale rate leaves room for
    if (band.empty()) {
      core::PartialDate on = date.complete() ? date : in.articles[c.article].published_date;
      if (!on.complete() && !story_days.empty()) on = core::date_from_days(story_days.front());
      if (auto q = in.rules.fx.latest_on_or_before(from, to, on)) {
        core::PartialDate quoted = core::parse_iso_date(q->date_used).value_or(on);
        int age = core::days_from_civil(on.year, on.month, on.day) - core::days_from_civil(quoted.year, quoted.month, quoted.day);
        band = {*q};
        drift = kStaleRateFactor;
        date_words = render(in.rules, in.language, "label.stale-rate", {{"date", q->date_used}, {"days", std::to_string(age)}});
        date_text = q->date_used + " (latest in the table, " + std::to_string(age) + " days earlier)";
        unchecked += "; the table's latest rate (" + q->date_used + ", " + std::to_string(age) +
                     " days earlier) is too old for a close check and shows no gross slip";
      }
    }
    if (band.empty()) {
      // Said, not dropped: a desk should know which conversions nobody checked.
      in.unchecked_notes.push_back(unchecked);
      continue;
    }
    auto by_rate = [](const rules::FxQuote& a, const rules::FxQuote& b) { return a.rate < b.rate; };
    double lowest = std::min_element(band.begin(), band.end(), by_rate)->rate;
    double highest = std::max_element(band.begin(), band.end(), by_rate)->rate;
    std::string sources;  // the tables the band came from, each named once
    for (const auto& q : band)
      if (sources.find(q.source) == std::string::npos) sources += (sources.empty() ? "" : "; ") + q.source;
    // A reference rate is one fixing a day (ECB's at 14:15 CET); newsrooms convert at their own
    // market's rate or at a rounded one, so the writer's rate may sit 2% either side of the band.
    core::Interval reference{lowest * 0.98 / drift, highest * 1.02 * drift, true, true};
    // The writer converted the figure as written, so only the converted side's interval counts,
    // and only its rounding: the "about" of a conversion ("우리 돈 약 81조원") owns up to the
    // rounding of the converted figure, not to a tenth either way (91.5조원 is no "약 81조원").
    double base = std::fabs(main.quantity.point);
    if (base <= 0) continue;
    double converted = std::fabs(c.quantity.point);
    std::size_t digits = significant_digits(converted).size();
    double step = std::pow(10.0, std::floor(std::log10(converted)) - static_cast<double>(digits) + 1);
    core::Interval implied{(converted - step / 2) / base, (converted + step / 2) / base, true, true};
    bool fits = implied.meets(reference);
    // A stale rate that fits proves nothing: the conversion stays unchecked, and says why.
    if (fits && drift > 1) {
      in.unchecked_notes.push_back(unchecked);
      continue;
    }
    double rate = (lowest + highest) / 2;
    core::Finding f = conversion_finding(main, c, fits);
    f.evidence = {{"from", from}, {"to", to}, {"rate", readable_rate(rate)}, {"rate_low", lowest}, {"rate_high", highest},
                  {"date", date_text}, {"rate_dates", band.front().date_used + ".." + band.back().date_used},
                  {"implied_rate", readable_rate(c.quantity.point / main.quantity.point)},
                  {"source", sources}};
    f.explanation = render(in.rules, in.language, fits ? "explain.conversion-ok" : "explain.conversion-bad",
                           {{"main", main.quantity.surface}, {"date", date_words}, {"rate", quote_text(rate, from, to)},
                            {"from", from}, {"to", to}, {"expected", format_value(in.rules, in.language, main.quantity.point * rate, to)},
                            {"converted", c.quantity.surface},
                            {"implied", quote_text(c.quantity.point / main.quantity.point, from, to)}});
    out.push_back(std::move(f));
  }
}

}  // namespace crosscheck::check

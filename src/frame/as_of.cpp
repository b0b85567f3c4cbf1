// The as-of time of a running figure: a toll at 13:20 and one at 13:47 are two moments of one
// tally, not a disagreement. A clock time in the figure's clause, else its sentence, on the date
// the sentence names, else the article's date; a cumulative tally that names no time holds at
// the article's own time, and says so (as_of_source "published").
#include <cstdio>
#include <map>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

// Hour and minute from a clock expression's text: "14:43", "오후 1시 30분", "9시".
bool read_clock(std::string_view surface, const rules::RuleSet& rules, int& hour, int& minute) {
  hour = -1, minute = 0;
  std::size_t i = 0;
  auto number = [&](int& out) {
    while (i < surface.size() && !(surface[i] >= '0' && surface[i] <= '9')) ++i;
    if (i >= surface.size()) return false;
    out = 0;
    while (i < surface.size() && surface[i] >= '0' && surface[i] <= '9') out = out * 10 + (surface[i++] - '0');
    return true;
  };
  if (!number(hour)) return false;
  int m = 0;
  if (number(m)) minute = m;
  std::string lowered = core::ascii_lower(surface);
  for (const auto& pm : rules.time.pm)
    if (lowered.find(core::ascii_lower(pm)) != std::string::npos && hour < 12) hour += 12;
  for (const auto& am : rules.time.am)
    if (lowered.find(core::ascii_lower(am)) != std::string::npos && hour == 12) hour = 0;
  return hour >= 0 && hour < 25 && minute >= 0 && minute < 60;
}

std::string stamp(const core::PartialDate& d, int hour, int minute) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day, hour, minute);
  return buffer;
}

}  // namespace

void apply_as_of(const std::vector<core::TimeExpression>& times, const SentenceView& s, core::Span clause, const core::Quantity& q,
                 const core::Article& article, const rules::Attribute* attribute, const rules::RuleSet& rules, core::Scope& scope) {
  // A flow over a period (a quarter's revenue) has no moment; a figure of the lexicon that does
  // not vary in time needs none.
  if (!scope.as_of.empty() || !scope.period.empty() || (attribute && !attribute->time_varying && !attribute->cumulative)) return;
  const core::TimeExpression* clock = nullptr;
  const core::TimeExpression* day = nullptr;
  std::string_view source;
  for (int pass = 0; pass < 2 && !clock; ++pass) {
    core::Span range = pass == 0 ? clause : s.span;
    for (const auto& t : times) {
      if (t.span.start < range.start || t.span.end > range.end || t.kind != "clock") continue;
      // The nearest one, before the figure first.
      auto distance = [&](const core::TimeExpression& x) {
        return x.span.end <= q.span.start ? q.span.start - x.span.end : 1000 + x.span.start - q.span.end;
      };
      if (!clock || distance(t) < distance(*clock)) clock = &t;
    }
    source = pass == 0 ? "clause" : "sentence";
  }
  for (const auto& t : times)
    if (t.span.start >= s.span.start && t.span.end <= s.span.end && t.kind == "date" && t.date.day) day = &t;
  core::PartialDate date = scope.date.day ? scope.date : core::PartialDate{};
  if (day && !date.day) date = day->date;
  if (date.day && !date.year) date.year = article.published_date.year;
  if (date.day && !date.month) date.month = article.published_date.month;
  if (!date.complete()) date = article.published_date;
  int hour = 0, minute = 0;
  if (clock && date.complete() && read_clock(clock->surface, rules, hour, minute)) {
    scope.as_of = stamp(date, hour, minute);
    scope.as_of_source = source;
    return;
  }
  if (attribute && attribute->cumulative && article.published.size() >= 16 && article.published[10] == 'T') {
    scope.as_of = article.published.substr(0, 16);
    scope.as_of_source = "published";
  }
}

}  // namespace crosscheck::frame

namespace crosscheck::frame {

void apply_article_defaults(std::vector<core::Claim>& claims, const core::Article& article, const rules::RuleSet& rules,
                            core::WordPool& words) {
  std::map<std::string, int> periods;
  for (const auto& c : claims) {
    const rules::Attribute* a = rules.attribute(c.attribute);
    if (a && a->flow && !c.scope.period.empty() && c.scope.period.view().find('?') == std::string_view::npos) ++periods[c.scope.period];
  }
  std::string main_period;
  int best = 0;
  for (const auto& [p, n] : periods)
    if (n > best) best = n, main_period = p;
  for (auto& c : claims) {
    if (c.linked_to >= 0) continue;
    const rules::Attribute* a = rules.attribute(c.attribute);
    if (!a) continue;
    auto& s = c.scope;
    if (a->flow && s.date.empty()) {
      // "?-Q4" in an article about 2024-Q4 is that quarter; no period at all takes the article's.
      std::string_view p = s.period;
      if (p.empty() && !main_period.empty()) s.period = words.get(main_period), s.period_source = words.get("article");
      else if (p.rfind("?-", 0) == 0 && main_period.size() > 4 && main_period.substr(4) == p.substr(1))
        s.period = words.get(main_period), s.period_source = words.get("article");
    } else if (a->time_varying && !a->flow && !a->cumulative && s.date.empty() && s.as_of.empty() && s.period.empty() &&
               s.window.empty() && c.quantity.dimension != core::Dimension::percent &&
               c.quantity.dimension != core::Dimension::percentage_points && article.published_date.complete()) {
      // A level (a price, a market value), not a change: a change needs the window it spans.
      s.date = article.published_date;
      s.date_source = words.get("published");
    }
  }
}

}  // namespace crosscheck::frame

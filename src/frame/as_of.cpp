// The as-of time of a running figure: a toll at 13:20 and one at 13:47 are two moments of one
// tally, not a disagreement. A clock time in the figure's clause, else its sentence, on the date
// the sentence names, else the article's date; a cumulative tally that names no time holds at
// the article's own time, and says so (as_of_source "published").
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>

#include "core/text.hpp"
#include "core/dates.hpp"
#include "core/utf8.hpp"
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
  // "5~6시": the span's first hour; the second is no minute.
  if (i < surface.size() && surface[i] == '~') {
    ++i;
    while (i < surface.size() && surface[i] >= '0' && surface[i] <= '9') ++i;
  }
  int m = 0;
  if (number(m)) minute = m;
  std::string lowered = core::ascii_lower(surface);
  for (const auto& pm : rules.time.pm)
    if (lowered.find(core::ascii_lower(pm)) != std::string::npos && hour < 12) hour += 12;
  for (const auto& am : rules.time.am)
    if (lowered.find(core::ascii_lower(am)) != std::string::npos && hour == 12) hour = 0;
  return hour >= 0 && hour < 25 && minute >= 0 && minute < 60;
}

bool starts_word(std::string_view text, std::size_t pos, std::string_view word) {
  if (text.compare(pos, word.size(), word) != 0) return false;
  std::size_t end = pos + word.size();
  return end >= text.size() || !((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z'));
}

// An English clock written with its half-day after it ("2:20 p.m.", "8 pm"): the hour in 24-hour
// form, or -1. `pos` is where its digits start.
int english_clock_at(std::string_view lower, std::size_t pos, std::size_t end, const rules::RuleSet& rules, int& minute, std::size_t& stop) {
  std::size_t p = pos;
  int hour = 0, digits = 0;
  while (p < end && lower[p] >= '0' && lower[p] <= '9' && digits < 3) hour = hour * 10 + (lower[p++] - '0'), ++digits;
  if (digits == 0 || digits > 2 || hour > 12) return -1;
  minute = 0;
  if (p + 2 < end && lower[p] == ':' && lower[p + 1] >= '0' && lower[p + 1] <= '5' && lower[p + 2] >= '0' && lower[p + 2] <= '9') {
    minute = (lower[p + 1] - '0') * 10 + (lower[p + 2] - '0');
    p += 3;
  }
  if (p < end && lower[p] == ' ') ++p;
  for (const auto& w : rules.time.pm)
    if (!w.empty() && static_cast<unsigned char>(w[0]) < 128 && starts_word(lower, p, w)) return stop = p + w.size(), hour % 12 + 12;
  for (const auto& w : rules.time.am)
    if (!w.empty() && static_cast<unsigned char>(w[0]) < 128 && starts_word(lower, p, w)) return stop = p + w.size(), hour % 12;
  return -1;
}

std::string stamp(const core::PartialDate& d, int hour, int minute) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day, hour, minute);
  return buffer;
}

// The day a moment is on: `date` with the article's year and month where it names only a day,
// else the article's own date.
core::PartialDate on_day(core::PartialDate date, const core::PartialDate& published) {
  if (date.day && !date.year) date.year = published.year;
  if (date.day && !date.month) date.month = published.month;
  return date.complete() ? date : published;
}

// The publication date moved by `days` (어제: -1), or the date itself when it is not complete.
core::PartialDate days_from(const core::PartialDate& published, int days) {
  if (!published.complete()) return published;
  return core::date_from_days(core::days_from_civil(published.year, published.month, published.day) + days);
}

// A clock's day counted from the publication date: "어제 오후 6시" (a relative word the time reader
// attached), "6 p.m. yesterday" (an English one anywhere in `range`). False when none is said.
bool relative_day(const core::TimeExpression* clock, const SentenceView& s, core::Span range, const rules::RuleSet& rules, int& days) {
  if (clock && clock->has_relative_day) return days = clock->relative_day, true;
  for (const auto& rel : rules.relative_times) {
    if (!rel.has_days || rel.lowered.empty() || static_cast<unsigned char>(rel.lowered[0]) >= 0x80) continue;
    for (std::size_t at = s.lower.find(rel.lowered, range.start); at != std::string_view::npos && at + rel.lowered.size() <= range.end;
         at = s.lower.find(rel.lowered, at + 1)) {
      bool starts = at == 0 || !core::is_latin_letter(static_cast<unsigned char>(s.lower[at - 1]));
      bool ends = at + rel.lowered.size() >= s.lower.size() || !core::is_latin_letter(static_cast<unsigned char>(s.lower[at + rel.lowered.size()]));
      if (starts && ends) return days = rel.days, true;
    }
  }
  return false;
}

// "중대본에 따르면 오후 1시 기준 2,450명이 대피했다. 2명이 숨졌다.": a briefing's moment, marked as
// one, holds for the next sentence of its paragraph when that names none of its own. Only the
// next: further on, a paragraph moves to other moments ("오전에 … 두 명이 늘었다"). The moment, or
// "" when there is none.
std::string briefing_moment(const std::vector<core::TimeExpression>& times, const SentenceView& s, const core::Article& article,
                            const rules::RuleSet& rules) {
  // Sentences and paragraphs are in text order: found by their starts, not by a walk.
  auto starts_after = [](std::size_t pos, const core::Span& span) { return pos < span.start; };
  auto sentence = std::upper_bound(article.sentences.begin(), article.sentences.end(), s.span.start, starts_after);
  if (sentence == article.sentences.begin() || std::prev(sentence)->start != s.span.start) return "";
  std::size_t here = static_cast<std::size_t>(std::prev(sentence) - article.sentences.begin());
  auto paragraph = std::upper_bound(article.paragraphs.begin(), article.paragraphs.end(), s.span.start, starts_after);
  std::size_t paragraph_start = paragraph == article.paragraphs.begin() ? 0 : std::prev(paragraph)->start;
  auto marked = [&](const core::TimeExpression& t) {
    std::string_view after = s.text.substr(t.span.end, std::min<std::size_t>(12, s.text.size() - t.span.end));
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    for (const auto& w : rules.time.as_of_after)
      if (after.rfind(w, 0) == 0) return true;
    std::string before = core::ascii_lower(s.text.substr(t.span.start >= 8 ? t.span.start - 8 : 0, std::min<std::size_t>(8, t.span.start)));
    while (!before.empty() && before.back() == ' ') before.pop_back();
    for (const auto& w : rules.time.as_of_before)
      if (core::ends_with(before, w)) return true;
    return false;
  };
  for (std::size_t k = here; k-- > 0 && k + 2 > here;) {
    core::Span earlier = article.sentences[k];
    if (earlier.start < paragraph_start) break;
    const core::TimeExpression* clock = nullptr;
    const core::TimeExpression* day = nullptr;
    for (const auto& t : times) {
      if (t.span.start < earlier.start || t.span.end > earlier.end) continue;
      if (t.kind == "clock" && marked(t)) clock = &t;
      if (t.kind == "date" && t.date.day && !clock) day = &t;
    }
    if (!clock) continue;
    core::PartialDate date = on_day(day ? day->date : core::PartialDate{}, article.published_date);
    if (int days = 0; !day && relative_day(clock, s, earlier, rules, days)) date = days_from(article.published_date, days);
    int hour = 0, minute = 0;
    if (!date.complete() || !read_clock(clock->surface, rules, hour, minute)) return "";
    return stamp(date, hour, minute);
  }
  return "";
}

}  // namespace

void apply_as_of(const std::vector<core::TimeExpression>& times, const SentenceView& s, core::Span clause, const core::Quantity& q,
                 const core::Article& article, const rules::Attribute* attribute, const rules::RuleSet& rules, core::Scope& scope) {
  // A flow over a period (a quarter's revenue) has no moment; a figure of the lexicon that does
  // not vary in time needs none.
  if (!scope.as_of.empty() || !scope.period.empty() || (attribute && !attribute->time_varying && !attribute->cumulative)) return;
  const core::TimeExpression* clock = nullptr;
  const core::TimeExpression* day = nullptr;
  const core::TimeExpression* clock_day = nullptr;  // the time expression whose relative day the clock is on
  std::string_view source;
  for (int pass = 0; pass < 2 && !clock; ++pass) {
    core::Span range = pass == 0 ? clause : s.span;
    for (const auto& t : times) {
      if (t.span.start < range.start || t.span.end > range.end || t.kind != "clock" || starts_a_span(s, t, rules)) continue;
      // "오후 9시 15분(한국시간 오후 10시 15분)": the time in brackets restates the one before it.
      std::string_view before = s.text.substr(range.start, t.span.start - range.start);
      if (std::size_t open = before.rfind('('); open != std::string_view::npos && before.find(')', open) == std::string_view::npos && clock)
        continue;
      // The nearest one, before the figure first.
      auto distance = [&](const core::TimeExpression& x) {
        return x.span.end <= q.span.start ? q.span.start - x.span.end : 1000 + x.span.start - q.span.end;
      };
      if (!clock || distance(t) < distance(*clock)) clock = &t;
    }
    source = pass == 0 ? "clause" : "sentence";
  }
  // The day is the one named before the clock (or the figure): "이날 오후 5시 기준 …, 지난 13일
  // 세운 기록" holds on the article's day, not the 13th.
  std::size_t before = clock ? clock->span.start : q.span.start;
  const core::TimeExpression* relative = clock && clock->has_relative_day ? clock : nullptr;
  for (const auto& t : times) {
    if (t.span.start < s.span.start || t.span.end > before || in_dateline(s, t) || starts_a_span(s, t, rules)) continue;
    if (t.kind == "date" && t.date.day) day = &t, relative = nullptr;
    // "어제 오후 2시 기준 4명, 오후 6시 기준 7명": the second clock is on yesterday too.
    else if (t.has_relative_day) relative = &t, day = nullptr;
  }
  // Only for a clock of the figure's own clause: one further off in the sentence may be another
  // figure's moment, and its day would carry a wrong one further.
  if (relative && source == "clause") clock_day = relative;
  core::PartialDate date = scope.date.day ? scope.date : core::PartialDate{};
  if (day && !date.day) date = day->date;
  date = on_day(date, article.published_date);
  // "어제 오후 6시 기준", "as of 6 p.m. yesterday": the day before the article's.
  if (int days = 0; !day && !scope.date.day && relative_day(clock_day, s, clock ? core::Span{} : clause, rules, days))
    date = days_from(article.published_date, days);
  int hour = 0, minute = 0;
  // English puts the half-day after the time, and "8 p.m." has no colon for the time reader.
  if (date.complete()) {
    std::size_t best = std::string::npos;
    int best_hour = -1, best_minute = 0;
    std::string_view best_source;
    for (int pass = 0; pass < 2 && best_hour < 0; ++pass) {
      core::Span range = pass == 0 ? clause : s.span;
      for (std::size_t p = range.start; p < range.end; ++p) {
        if (!(s.lower[p] >= '0' && s.lower[p] <= '9') || (p > range.start && s.lower[p - 1] >= '0' && s.lower[p - 1] <= '9')) continue;
        int m = 0;
        std::size_t stop = 0;
        int h = english_clock_at(s.lower, p, range.end, rules, m, stop);
        if (h < 0) continue;
        std::size_t distance = stop <= q.span.start ? q.span.start - stop : 1000 + p - q.span.end;
        if (distance < best) best = distance, best_hour = h, best_minute = m, best_source = pass == 0 ? "clause" : "sentence";
      }
    }
    if (best_hour >= 0) {
      scope.as_of = stamp(date, best_hour, best_minute);
      scope.as_of_source = best_source;
      return;
    }
  }
  if (clock && date.complete() && read_clock(clock->surface, rules, hour, minute)) {
    scope.as_of = stamp(date, hour, minute);
    scope.as_of_source = source;
    return;
  }
  // A running figure of the story's event (a toll, the missing, the evacuated) that names no
  // moment holds at the article's own time.
  bool running = attribute && (attribute->cumulative || (attribute->event && attribute->time_varying && !attribute->flow &&
                                                         q.dimension == core::Dimension::count));
  if (running)
    if (std::string moment = briefing_moment(times, s, article, rules); !moment.empty()) {
      scope.as_of = moment;
      scope.as_of_source = "paragraph";
      return;
    }
  if (running && article.published.size() >= 16 && article.published[10] == 'T') {
    scope.as_of = article.published.substr(0, 16);
    scope.as_of_source = "published";
  }
}

}  // namespace crosscheck::frame

namespace crosscheck::frame {

void apply_article_defaults(std::vector<core::Claim>& claims, const core::Article& article,
                            const std::vector<core::TimeExpression>& times, const rules::RuleSet& rules, core::WordPool& words) {
  std::map<std::string, int> periods;
  for (const auto& c : claims) {
    const rules::Attribute* a = rules.attribute(c.attribute);
    // A year named as "last year" is a comparison's, not what the article reports on.
    if (a && a->flow && !c.scope.period.empty() && c.scope.period.view().find('?') == std::string_view::npos &&
        c.scope.period_source != "relative")
      ++periods[c.scope.period];
  }
  // The quarter or month the headline and lead name ("1분기 영업손실 1462억", "29일 1분기 실적을
  // 발표했다") is what the article reports on, even where its figures' own sentences name none and
  // a later one names the quarter before: each such mention weighs as two figures.
  constexpr std::size_t kLeadSentences = 3;
  for (const auto& t : times) {
    if (t.sentence >= kLeadSentences || (t.kind != "quarter" && t.kind != "month")) continue;
    core::Scope scope;
    resolve_time(t, article.published_date, scope);
    if (!scope.period.empty() && scope.period.view().find('?') == std::string_view::npos) periods[scope.period] += 2;
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
      if (p.empty() && !main_period.empty())
        s.period = words.get(core::period_for_window(main_period, s.window)), s.period_source = words.get("article");
      else if (p.rfind("?-", 0) == 0 && main_period.size() > 4 && main_period.substr(4) == p.substr(1))
        s.period = words.get(main_period), s.period_source = words.get("article");
    } else if (a->time_varying && !a->flow && !a->cumulative && s.date.empty() && s.as_of.empty() && s.period.empty() &&
               s.window.empty() && !a->change && c.quantity.dimension != core::Dimension::percentage_points &&
               article.published_date.complete()) {
      // A level (a price, a market value, a rate), not a change: a change needs the window it spans.
      s.date = article.published_date;
      s.date_source = words.get("published");
    }
  }
  // A figure of the same period an earlier year (전년 동기 6조6480억원): whatever period it took, its
  // own or the article's, moved back by the cue's span.
  for (auto& c : claims) {
    if (c.scope.earlier.empty()) continue;
    int months = core::span_months(c.scope.earlier);
    if (months == 0) continue;
    if (!c.scope.period.empty()) {
      std::string shifted = core::shift_period(c.scope.period, -months);
      c.scope.period = words.get(shifted);
      c.scope.period_source = words.get(shifted.empty() ? "" : "earlier");
    }
    if (!c.scope.date.empty()) {
      std::string shifted = c.scope.date.complete() ? core::shift_period(c.scope.date.to_string(), -months) : std::string();
      auto d = core::parse_iso_date(shifted);
      c.scope.date = d ? *d : core::PartialDate{};
      c.scope.date_source = words.get("");
    }
  }
}

}  // namespace crosscheck::frame

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

namespace {

std::string format_count(double v) { return core::format_number(v); }

bool is_latin(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "from this year's 10,320 won": where the figure right after a relative year starts (that year
// is the figure's own), npos for any other time or when no figure follows.
std::size_t figure_owning(const SentenceView& s, const core::TimeExpression& t) {
  if (t.kind != "year" || !t.relative) return std::string_view::npos;
  return core::figure_start(s.text, t.span.end, s.span.end);
}

bool any_word_in(std::string_view lowered, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return lowered.find(w) != std::string_view::npos; });
}

// "preliminary figures showed", "estimates said": a report verb one of the next two words.
bool report_verb_follows(std::string_view lowered, const std::vector<std::string>& verbs) {
  std::size_t p = 0;
  for (int word = 0; word < 2; ++word) {
    while (p < lowered.size() && lowered[p] == ' ') ++p;
    std::size_t end = lowered.find_first_of(" ,.", p);
    std::string_view w = lowered.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p);
    if (w.empty() || w == "and") return false;
    if (std::find(verbs.begin(), verbs.end(), w) != verbs.end()) return true;
    if (end == std::string_view::npos || lowered[end] != ' ') return false;
    p = end;
  }
  return false;
}

bool has_digit(std::string_view text, std::size_t from, std::size_t to) {
  return from < to && text.substr(from, to - from).find_first_of("0123456789") != std::string_view::npos;
}

}  // namespace

std::vector<ScopeHit> find_scope_cues(const SentenceView& s, const rules::RuleSet& rules) {
  std::vector<ScopeHit> hits;
  std::string_view lower = s.lower.substr(0, s.span.end);
  for (std::size_t pos = s.span.start; pos < s.span.end; ++pos) {
    if ((static_cast<unsigned char>(s.text[pos]) & 0xC0) == 0x80) continue;
    rules.scope_table.for_each_at(lower, pos, [&](const core::PhraseMatch& m) {
      const auto& cue = rules.scope_cues[static_cast<std::size_t>(m.id)];
      std::size_t end = pos + m.length;
      if (is_latin(s.text[pos]) && ((pos > 0 && is_latin(s.text[pos - 1])) || (end < s.span.end && is_latin(s.text[end])))) return;
      if (cue.field == "total" || cue.field.rfind("whole_", 0) == 0 || cue.field.rfind("earlier_", 0) == 0) return;  // next to a figure, below
      hits.push_back({pos, end, m.id});
    });
  }
  return hits;
}

void apply_scope_cues(const SentenceView& s, const std::vector<ScopeHit>& hits, core::Span clause, const core::Quantity& q,
                      const rules::RuleSet& rules, core::Scope& scope) {
  struct Best {
    std::string_view value;
    long distance = -1;
  };
  // The nearest cue of each field, by the field's place in kScopeCueFields.
  std::array<Best, rules::kScopeCueFields.size()> best{};
  constexpr int attribution = rules::scope_cue_field_slot("attribution");
  constexpr int kind = rules::scope_cue_field_slot("kind");
  // A kind cue set against the figure by a comparison ("전망치(8조3000억원)를 밑돈 7조2000억원",
  // "7조2000억원으로 전망치를 밑돌았다", "topped the $4.0 billion estimate") is the kind of what the figure
  // is compared with, not of the figure.
  auto compared_against = [&](const ScopeHit& hit) {
    std::string_view between = hit.end <= q.span.start ? s.lower.substr(hit.end, q.span.start - hit.end)
                                                        : s.lower.substr(hit.end, std::min<std::size_t>(24, s.span.end - hit.end));
    return std::any_of(rules.grammar.comparison_predicates.begin(), rules.grammar.comparison_predicates.end(),
                       [&](const std::string& w) { return between.find(w) != std::string_view::npos; });
  };
  std::size_t taken_at = std::string::npos;
  for (const auto& hit : hits) {
    if (hit.start == taken_at) continue;  // longest cue at a position only
    const auto& cue = rules.scope_cues[static_cast<std::size_t>(hit.cue)];
    // A cue inside the figure is its own words, except a kind read as a hedge before its digits
    // ("an estimated 4,510 deals").
    if (hit.end > q.span.start && hit.start < q.span.end) {
      std::size_t digit = s.text.find_first_of("0123456789", q.span.start);
      if (cue.field_slot != kind || hit.start < q.span.start || digit == std::string_view::npos || hit.end > digit) continue;
    }
    // Attribution speaks for the whole sentence; the others for the figure's own clause. A kind
    // in the clause that says where the figures come from tells what they are: a closing clause
    // of report ("…, the commission's preliminary figures showed") or an opening one of source
    // ("According to early estimates, …", "잠정 집계에 따르면 …"), with no figure between.
    auto reporting_clause = [&] {
      if (hit.start >= clause.end && !has_digit(s.text, clause.end, hit.start))
        return report_verb_follows(s.lower.substr(hit.end, s.span.end - hit.end), rules.grammar.report_verbs) ||
               any_word_in(s.lower.substr(clause.end, hit.start - clause.end), rules.grammar.source_words);
      if (hit.end <= clause.start && !has_digit(s.text, hit.end, clause.start))
        return any_word_in(s.lower.substr(hit.start, clause.start - hit.start), rules.grammar.source_words) ||
               any_word_in(s.lower.substr(s.span.start, hit.start - s.span.start), rules.grammar.source_words);
      return false;
    };
    bool sentence_wide = cue.field_slot == attribution || (cue.field_slot == kind && reporting_clause());
    if (!sentence_wide && (hit.start < clause.start || hit.end > clause.end)) continue;
    long distance = hit.end <= q.span.start ? static_cast<long>(q.span.start - hit.end)
                    : hit.start >= q.span.end ? static_cast<long>(hit.start - q.span.end)
                                              : 0;  // inside the figure: its own hedge
    if (cue.field_slot == kind && compared_against(hit)) continue;
    if (cue.field_slot >= 0) {
      auto& b = best[static_cast<std::size_t>(cue.field_slot)];
      if (b.distance < 0 || distance < b.distance) b = {cue.value, distance};
    }
    taken_at = hit.start;
  }
  // "총 13명", "in total 13": a total word right before the figure makes it a total.
  std::size_t before = q.span.start;
  while (before > s.span.start && s.text[before - 1] == ' ') --before;
  for (const std::string& word : rules.total_words)
    if (before >= word.size() + s.span.start && s.lower.compare(before - word.size(), word.size(), word) == 0) scope.role = "total";
  // "of the 300 seats", "of the Assembly's 300 seats", "300석 중": the whole the parts are of.
  std::size_t owner = before;
  if (owner >= 2 && s.lower.compare(owner - 2, 2, "'s") == 0) {
    owner -= 2;
    while (owner > s.span.start && s.text[owner - 1] != ' ') --owner;
    while (owner > s.span.start && s.text[owner - 1] == ' ') --owner;
  }
  for (std::size_t end : {before, owner})
    for (const std::string& word : rules.whole_before_words)
      if (end >= word.size() + s.span.start && s.lower.compare(end - word.size(), word.size(), word) == 0 &&
          (end - word.size() == s.span.start || s.text[end - word.size() - 1] == ' '))
        scope.role = "whole";
  std::size_t after = q.span.end;
  while (after < s.span.end && s.text[after] == ' ') ++after;
  for (const std::string& word : rules.whole_after_words)
    if (s.lower.compare(after, word.size(), word) == 0 && (after + word.size() >= s.span.end || s.text[after + word.size()] == ' '))
      scope.role = "whole";
  // "부상자 가운데 2명은 중상": after a noun and the same words, the figure is a part of that whole,
  // of a kind the sentence tells in its own words.
  for (const std::string& word : rules.whole_after_words)
    if (before >= word.size() + s.span.start + 2 && s.lower.compare(before - word.size(), word.size(), word) == 0 &&
        s.text[before - word.size() - 1] == ' ' && !(s.text[before - word.size() - 2] >= '0' && s.text[before - word.size() - 2] <= '9') &&
        scope.role.empty())
      scope.role = "part";

  // "전년 동기 6조6480억원보다", "against $3.57 billion a year earlier": a figure of the same period
  // an earlier year (or quarter); only spaces, a bracket or a comma stand between. Read at the
  // figure's edges only: this runs for every figure.
  auto joiner = [](char c) { return c == ' ' || c == '(' || c == ')' || c == ','; };
  std::size_t head_end = q.span.start;
  while (head_end > s.span.start && joiner(s.text[head_end - 1])) --head_end;
  std::string_view head = s.lower.substr(s.span.start, head_end - s.span.start);
  std::size_t tail_start = q.span.end;
  while (tail_start < s.span.end && joiner(s.text[tail_start])) ++tail_start;
  std::string_view tail = s.lower.substr(tail_start, s.span.end - tail_start);
  for (const auto& [word, shift] : rules.earlier_before_words)
    if (head.size() >= word.size() && head.substr(head.size() - word.size()) == word &&
        (head.size() == word.size() || head[head.size() - word.size() - 1] == ' ' || head[head.size() - word.size() - 1] == '('))
      scope.earlier = shift;
  for (const auto& [word, shift] : rules.earlier_after_words)
    if (tail.substr(0, word.size()) == word && (tail.size() == word.size() || !is_latin(tail[word.size()])))
      scope.earlier = shift;
  auto take = [&](int field_slot, core::Word& slot) {
    const Best& b = best[static_cast<std::size_t>(field_slot)];
    if (b.distance >= 0 && slot.empty()) slot = b.value;
  };
  take(rules::scope_cue_field_slot("window"), scope.window);
  take(rules::scope_cue_field_slot("basis"), scope.basis);
  take(rules::scope_cue_field_slot("kind"), scope.kind);
  take(rules::scope_cue_field_slot("direction"), scope.direction);
  take(attribution, scope.attribution);
  take(rules::scope_cue_field_slot("period"), scope.period);
  // "최종 투표율", "the final count": the tally's last moment, the same for every report of it.
  take(rules::scope_cue_field_slot("as_of"), scope.as_of);
  if (!scope.as_of.empty() && scope.as_of_source.empty()) scope.as_of_source = "clause";
}

bool in_dateline(const SentenceView& s, const core::TimeExpression& t) {
  if (t.span.start <= s.span.start || t.span.start > s.span.start + 40) return false;
  // A place in capitals and a comma before the date ("NEW YORK, ", "SEOUL, ")...
  std::string_view before = s.text.substr(s.span.start, t.span.start - s.span.start);
  std::size_t comma = before.find_last_not_of(' ');
  if (comma == std::string_view::npos || before[comma] != ',' || comma < 2) return false;
  for (std::size_t i = 0; i < comma; ++i) {
    char c = before[i];
    if (!((c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '\'' || c == '-')) return false;
  }
  // ...and after it, the outlet in brackets and a dash.
  std::size_t p = t.span.end;
  while (p < s.span.end && s.text[p] == ' ') ++p;
  if (p < s.span.end && s.text[p] == '(') {
    std::size_t close = s.text.find(')', p);
    if (close == std::string_view::npos || close >= s.span.end) return false;
    p = close + 1;
    while (p < s.span.end && s.text[p] == ' ') ++p;
  }
  return s.text.substr(p, 1) == "-" || s.text.substr(p, 3) == "\u2014" || s.text.substr(p, 3) == "\u2013";
}

bool opens_on_part(const SentenceView& s, const core::Quantity& q, const rules::RuleSet& rules) {
  std::size_t start = s.span.start;
  while (start < q.span.start && (s.text[start] == ' ' || s.text[start] == '"')) ++start;
  for (const std::string& opener : rules.grammar.part_openers)
    if (!opener.empty() && q.span.start >= start + opener.size() && s.lower.compare(start, opener.size(), opener) == 0 &&
        (start + opener.size() == s.span.end || s.text[start + opener.size()] == ' ' || s.text[start + opener.size()] == ','))
      return true;
  return false;
}

bool starts_a_span(const SentenceView& s, const core::TimeExpression& t, const rules::RuleSet& rules) {
  std::string_view after = s.text.substr(t.span.end, s.span.end - t.span.end);
  // "24일 0시부터": the day of a clock that starts the span starts it too.
  auto skip_spaces = [&] { while (!after.empty() && after.front() == ' ') after.remove_prefix(1); };
  skip_spaces();
  // "from this year's 10,320 won": a relative year right before a figure is that figure's year;
  // the figure is where the comparison starts, and the year does not start a span.
  if (figure_owning(s, t) != std::string_view::npos) return false;
  std::size_t digits = 0;
  while (digits < after.size() && after[digits] >= '0' && after[digits] <= '9') ++digits;
  for (const auto& suffix : rules.time.hour_suffix)
    if (digits > 0 && !suffix.empty() && after.substr(digits, suffix.size()) == suffix) {
      after.remove_prefix(digits + suffix.size());
      break;
    }
  for (const auto& word : rules.time.span_start_after)
    if (!word.empty() && after.substr(0, word.size()) == word) return true;
  // "since the holiday began on Thursday": a span word before it in its stretch of the sentence.
  std::size_t from = t.span.start > s.span.start + 40 ? t.span.start - 40 : s.span.start;
  std::string_view before = s.lower.substr(from, t.span.start - from);
  if (std::size_t comma = before.rfind(','); comma != std::string_view::npos) before.remove_prefix(comma + 1);
  for (const auto& word : rules.time.span_start_before) {
    std::size_t at = before.rfind(word);
    if (at == std::string_view::npos || !(at == 0 || before[at - 1] == ' ') ||
        !(at + word.size() == before.size() || before[at + word.size()] == ' '))
      continue;
    // "down 2.1 percent from 3.764 million tonnes last year": a figure between the word and the
    // time is what the word starts from; the time is the figure's.
    std::string_view between = before.substr(at + word.size());
    if (std::any_of(between.begin(), between.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    return true;
  }
  return false;
}

void apply_time(const std::vector<core::TimeExpression>& times, const SentenceView& s, core::Span clause,
                const core::Quantity& q, const core::PartialDate& published, const rules::RuleSet& rules, core::Scope& scope) {
  // The nearest time expression before the figure in its clause, else in its sentence; never a
  // wire dateline's.
  // "up 4.8 percent from this year's 10,320 won": a relative year right before another figure is
  // that figure's own, not this one's.
  auto owned_by_another = [&](const core::TimeExpression& t) {
    std::size_t p = figure_owning(s, t);
    return p != std::string_view::npos && !(p >= q.span.start && p < q.span.end);
  };
  auto usable = [&](const core::TimeExpression& t) {
    return t.kind != "clock" && t.kind != "century" && t.kind != "decade" && !in_dateline(s, t) && !owned_by_another(t) &&
           !starts_a_span(s, t, rules);
  };
  const core::TimeExpression* chosen = nullptr;
  // "fell 17% on Jan. 27": a date right after the figure is its date.
  // Positions first: `usable` reads the text around a time, and this runs for every figure.
  for (const auto& t : times)
    if (t.span.start >= q.span.end && t.span.start <= q.span.end + 12 && t.span.start < clause.end &&
        s.lower.substr(q.span.end, t.span.start - q.span.end).find_first_not_of(" ,on") == std::string_view::npos && usable(t))
      chosen = &t;
  for (int pass = 0; pass < 2 && !chosen; ++pass) {
    core::Span range = pass == 0 ? clause : s.span;
    for (const auto& t : times) {
      if (t.span.start < range.start || t.span.end > q.span.start || !usable(t)) continue;
      if (!chosen || t.span.start > chosen->span.start) chosen = &t;
    }
    if (!chosen && pass == 0)
      for (const auto& t : times)
        if (t.span.start >= q.span.end && t.span.end <= clause.end && (!chosen || t.span.start < chosen->span.start) && usable(t)) chosen = &t;
  }
  if (chosen) resolve_time(*chosen, published, scope);
}

void resolve_time(const core::TimeExpression& time, const core::PartialDate& published, core::Scope& scope) {
  const core::TimeExpression* chosen = &time;
  core::PartialDate d = chosen->date;
  if (chosen->kind == "weekday") {
    // "on Monday": the last such weekday on or before the publication date.
    if (!published.complete()) return;
    int day = core::days_from_civil(published.year, published.month, published.day);
    int back = (core::weekday(published.year, published.month, published.day) - chosen->month_to + 7) % 7;
    scope.date = core::date_from_days(day - back);
    return;
  }
  // Resolve against the publication date: "27일" in an article of 31 January is 27 January;
  // a day well after the publication day belongs to the month before ("29일" in an article of 3
  // February), but one in the coming week is this month's ("26일 24시까지" in one of the 25th).
  if (chosen->relative && published.year) {
    if (chosen->relative_year || chosen->relative_month == 0) d.year = published.year + chosen->relative_year;
    if (chosen->relative_month) {
      core::PartialDate shifted = core::add_months({published.year, published.month, 1}, chosen->relative_month);
      d.year = shifted.year;
      if (!d.month) d.month = shifted.month;
    }
  }
  if (published.year) {
    if (!d.year && (d.month || d.day)) d.year = published.year;
    if (!d.month && d.day && published.month) {
      d.month = published.month;
      constexpr int kComingDays = 7;
      if (published.day && d.day > published.day + kComingDays) {
        auto shifted = core::add_months({d.year, d.month, 1}, -1);
        d.year = shifted.year;
        d.month = shifted.month;
      }
    }
    if (d.month && !chosen->relative && d.month > published.month && d.year == published.year && published.month)
      d.year = published.year - 1;  // "12월" in a January article is last December
  }
  if (chosen->kind == "date" && chosen->day_to && d.year && d.month) {
    // Part of a month (1-20 September) is a period of its own, never the whole month.
    // Written as an ISO 8601 interval: 2025-09-01/2025-09-20.
    core::PartialDate last = d;
    last.day = chosen->day_to;
    scope.period = d.to_string() + '/' + last.to_string();
  } else if (chosen->kind == "date") {
    scope.date = d;
  } else if (chosen->kind == "quarter") {
    if (!d.year && chosen->relative && published.year) d.year = published.year + chosen->relative_year;
    // "4분기" in a January article is last year's fourth quarter: the latest one begun by then.
    if (!d.year && !chosen->relative && published.year && published.month)
      d.year = (chosen->quarter - 1) * 3 + 1 <= published.month ? published.year : published.year - 1;
    scope.period = (d.year ? std::to_string(d.year) : std::string("?")) + "-Q" + std::to_string(chosen->quarter);
    if (scope.window.empty()) scope.window = "1 quarter";
  } else if (chosen->kind == "month") {
    std::string period = d.to_string();
    if (chosen->month_to) period += '~' + std::to_string(chosen->month_to);
    scope.period = period;
  } else if (chosen->kind == "year" && d.year) {
    // (A relative year in an article of unknown date names no year: no period, not "0".)
    scope.period = std::to_string(d.year);
    // 지난해, last year: a year before the article's, named for a comparison far more often than
    // as what the article reports on (period_source "relative", as good as stated).
    if (chosen->relative && chosen->relative_year < 0) scope.period_source = "relative";
  }
}

void apply_window_from_durations(const std::vector<core::Quantity>& quantities, const SentenceView& s, core::Span clause,
                                 const core::Quantity& q, core::Scope& scope) {
  if (!scope.window.empty()) return;
  for (const auto& d : quantities) {
    if (d.dimension != core::Dimension::duration || &d == &q) continue;
    if (d.span.start < clause.start || d.span.end > q.span.start) continue;
    // "4거래일 사이", "over four trading days", "하루 만에": a window, not an age ("1년 전").
    std::size_t after = d.span.end;
    while (after < s.span.end && s.text[after] == ' ') ++after;
    std::string_view rest = s.lower.substr(after, std::min<std::size_t>(12, s.span.end - after));
    bool ago = rest.rfind("전", 0) == 0 || rest.rfind("ago", 0) == 0 || rest.rfind("앞서", 0) == 0;
    // "파업 나흘째인 2일", "3일째": the day a run has reached, not a window the figure spans.
    bool nth = after == d.span.end && rest.rfind("째", 0) == 0;
    if (ago || nth) continue;
    scope.window = format_count(d.point) + " " + d.unit;
  }
}

}  // namespace crosscheck::frame

#include "extract/time_reader.hpp"

#include <algorithm>

#include <cstdlib>

#include "core/text.hpp"

namespace crosscheck::extract {

namespace {

int int_at(const Sentence& s, std::size_t pos, std::size_t& end, int max_digits) {
  int value = 0, n = 0;
  std::size_t p = pos;
  while (is_digit_at(s, p) && n < max_digits) {
    value = value * 10 + (s.text[p] - '0');
    ++p;
    ++n;
  }
  if (n == 0 || is_digit_at(s, p)) return -1;
  end = p;
  return value;
}

}  // namespace

std::size_t TimeReader::match_any(const Sentence& s, std::size_t pos, const std::vector<std::string>& words) const {
  std::size_t best = 0;
  for (const auto& w : words)
    if (w.size() > best && s.starts_with(pos, w)) best = w.size();
  return best;
}

void TimeReader::attach_context(const Sentence& s, core::TimeExpression& t) const {
  // "(현지시간)" right after a date: the date is local to the place reported on.
  std::size_t p = t.span.end;
  if (p < s.end && s.text[p] == '(') {
    if (std::size_t n = match_any(s, p + 1, rules_.time.local_time); n && p + 1 + n < s.end && s.text[p + 1 + n] == ')') {
      t.timezone_note = "local";
      t.span.end = p + 2 + n;
    }
  }
  // "지난해 11~12월", "지난달 27일": a relative word just before.
  std::size_t q = t.span.start;
  if (q > s.begin && s.text[q - 1] == ' ') --q;
  for (const auto& rel : rules_.relative_times) {
    if (s.ends_with(q, rel.lowered)) {
      t.relative = true;
      if (rel.has_years) t.relative_year = rel.years;
      if (rel.has_months) t.relative_month = rel.months;
      if (rel.has_days) t.relative_day = rel.days, t.has_relative_day = true;
      t.span.start = q - rel.word.size();
      break;
    }
  }
  t.surface = std::string(s.text.substr(t.span.start, t.span.end - t.span.start));
}

std::optional<core::TimeExpression> TimeReader::read_numeric_date(const Sentence& s, std::size_t pos) const {
  // 2025.01.28, 2025-01-30, 2025/1/5
  std::size_t p = pos, e = 0;
  int y = int_at(s, p, e, 4);
  if (y < 1000 || e - p != 4 || e >= s.end) return std::nullopt;
  char sep = s.text[e];
  if (sep != '.' && sep != '-' && sep != '/') return std::nullopt;
  std::size_t e2 = 0;
  int m = int_at(s, e + 1, e2, 2);
  if (m < 1 || m > 12 || e2 >= s.end || s.text[e2] != sep) return std::nullopt;
  std::size_t e3 = 0;
  int d = int_at(s, e2 + 1, e3, 2);
  if (d < 1 || d > 31) return std::nullopt;
  core::TimeExpression t;
  t.span = {pos, e3};
  t.kind = "date";
  t.date = {y, m, d};
  return t;
}

std::optional<core::TimeExpression> TimeReader::read_korean(const Sentence& s, std::size_t pos) const {
  const auto& w = rules_.time;
  std::size_t e = 0;
  int first = int_at(s, pos, e, 4);
  if (first < 0) return std::nullopt;
  core::TimeExpression t;
  std::size_t p = e;
  // Year: a four-digit number before 년 (1년 is a duration, 2023년 a year).
  if (std::size_t n = match_any(s, p, w.year_suffix); n && first >= 1000) {
    if (std::size_t dn = match_any(s, p + n, w.decade_suffix); dn) {
      t.kind = "decade";
      t.date.year = first;
      t.span = {pos, p + n + dn};
      return t;
    }
    t.kind = "year";
    t.date.year = first;
    p += n;
    t.span = {pos, p};
    std::size_t q = s.skip_spaces(p);
    std::size_t me = 0;
    int month = int_at(s, q, me, 2);
    std::size_t mn = month >= 1 && month <= 12 ? match_any(s, me, w.month_suffix) : 0;
    if (mn) {
      t.kind = "month";
      t.date.month = month;
      p = me + mn;
      t.span.end = p;
      std::size_t r = s.skip_spaces(p);
      std::size_t de = 0;
      int day = int_at(s, r, de, 2);
      if (day >= 1 && day <= 31)
        if (std::size_t dn = match_any(s, de, w.day_suffix); dn && !match_any(s, de + dn, w.duration_after_day)) {
          t.kind = "date";
          t.date.day = day;
          t.span.end = de + dn;
        }
    } else if (std::size_t qe = 0; (month = int_at(s, q, qe, 1)) >= 1 && month <= 4) {
      // 2025년 1분기: a digit after the year that no month suffix follows may start a quarter.
      if (std::size_t qn = match_any(s, qe, w.quarter_suffix)) {
        t.kind = "quarter";
        t.quarter = month;
        t.span.end = qe + qn;
      }
    }
    return t;
  }
  if (std::size_t n = match_any(s, p, w.century_suffix); n && first <= 30) {
    t.kind = "century";
    t.span = {pos, p + n};
    return t;
  }
  // Month, or a month range (11~12월), possibly followed by a day.
  if (first >= 1 && first <= 12) {
    int month_to = 0;
    std::size_t q = p;
    if (q < s.end && s.text[q] == '~') {
      std::size_t e2 = 0;
      int second = int_at(s, q + 1, e2, 2);
      if (second > first && second <= 12 && match_any(s, e2, w.month_suffix)) {
        month_to = second;
        q = e2;
      }
    }
    if (std::size_t mn = match_any(s, q, w.month_suffix)) {
      t.kind = "month";
      t.date.month = first;
      t.month_to = month_to;
      t.span = {pos, q + mn};
      std::size_t r = s.skip_spaces(q + mn);
      std::size_t de = 0;
      int day = int_at(s, r, de, 2);
      if (!month_to && day >= 1 && day <= 31)
        if (std::size_t dn = match_any(s, de, w.day_suffix); dn && !match_any(s, de + dn, w.duration_after_day)) {
          t.kind = "date";
          t.date.day = day;
          t.span.end = de + dn;
        }
      // "9월 1~20일", "9월 1일~20일": a run of days within the month, not a duration.
      if (!month_to && day >= 1 && day <= 31) {
        std::size_t tilde = de;
        if (std::size_t dn = match_any(s, de, w.day_suffix)) tilde = de + dn;
        std::size_t e3 = 0;
        int day_to = tilde < s.end && s.text[tilde] == '~' ? int_at(s, tilde + 1, e3, 2) : 0;
        if (day_to > day && day_to <= 31)
          if (std::size_t dn = match_any(s, e3, w.day_suffix)) {
            t.kind = "date";
            t.date.day = day;
            t.day_to = day_to;
            t.span.end = e3 + dn;
          }
      }
      return t;
    }
  }
  // "지난달 28~29일": a run of days after a word for a month is a date, not a count of days.
  auto month_word_before = [&] {
    std::size_t end = pos;
    while (end > s.begin && s.text[end - 1] == ' ') --end;
    for (const auto& r : rules_.relative_times)
      if (r.has_months && !r.has_days && r.years == 0 && end >= s.begin + r.word.size() &&
          s.text.compare(end - r.word.size(), r.word.size(), r.word) == 0)
        return true;
    return false;
  };
  if (first >= 1 && first <= 31 && p + 1 < s.end && s.text[p] == '~' && month_word_before()) {
    std::size_t e2 = 0;
    int day_to = int_at(s, p + 1, e2, 2);
    if (day_to > first && day_to <= 31)
      if (std::size_t dn = match_any(s, e2, w.day_suffix); dn && !match_any(s, e2 + dn, w.duration_after_day)) {
        t.kind = "date";
        t.date.day = first;
        t.day_to = day_to;
        t.span = {pos, e2 + dn};
        return t;
      }
  }
  // Day of month: 27일, but not 4일간, 3일 동안, 이틀째.
  if (first >= 1 && first <= 31) {
    if (std::size_t dn = match_any(s, p, w.day_suffix)) {
      std::size_t after = p + dn;
      if (match_any(s, after, w.duration_after_day) || match_any(s, s.skip_spaces(after), w.duration_after_day)) return std::nullopt;
      if (core::is_hangul_syllable(s.at(after)) && !rules_.particle_table.longest_at(s.text.substr(0, s.end), after))
        return std::nullopt;  // 일 starts another word (일부, 일대)
      t.kind = "date";
      t.date.day = first;
      t.span = {pos, after};
      return t;
    }
  }
  // Quarter: 4분기
  if (first >= 1 && first <= 4)
    if (std::size_t qn = match_any(s, p, w.quarter_suffix)) {
      t.kind = "quarter";
      t.quarter = first;
      t.span = {pos, p + qn};
      return t;
    }
  // Clock: 14:43, or 10시 30분 (오전/오후 handled by the caller's prefix check)
  if (first <= 24 && p + 2 < s.end && s.text[p] == ':' && is_digit_at(s, p + 1)) {
    std::size_t me = 0;
    int minute = int_at(s, p + 1, me, 2);
    if (minute >= 0 && minute < 60 && me - (p + 1) == 2) {
      t.kind = "clock";
      t.span = {pos, me};
      return t;
    }
  }
  // "오후 5~6시": an hour's span, read from its first hour (the half-day word applies to both).
  if (first <= 24 && p + 1 < s.end && s.text[p] == '~' && is_digit_at(s, p + 1)) {
    std::size_t e2 = 0;
    int second = int_at(s, p + 1, e2, 2);
    if (second > first && second <= 24)
      if (std::size_t hn = match_any(s, e2, w.hour_suffix); hn && !match_any(s, e2 + hn, w.duration_after_day)) {
        t.kind = "clock";
        t.span = {pos, e2 + hn};
        return t;
      }
  }
  if (first <= 24)
    if (std::size_t hn = match_any(s, p, w.hour_suffix); hn && !match_any(s, p + hn, w.duration_after_day)) {
      t.kind = "clock";
      t.span = {pos, p + hn};
      std::size_t r = s.skip_spaces(p + hn);
      std::size_t me = 0;
      int minute = int_at(s, r, me, 2);
      if (minute >= 0 && minute < 60)
        if (std::size_t mn = match_any(s, me, w.minute_suffix)) t.span.end = me + mn;
      return t;
    }
  return std::nullopt;
}

std::optional<core::TimeExpression> TimeReader::read_english(const Sentence& s, std::size_t pos) const {
  if (!s.word_boundary_before(pos)) return std::nullopt;
  if (is_digit_at(s, pos)) return read_english_year(s, pos);
  // The shortest name that ends a word: "jan" in "Jan. 27", "january" in "January 27".
  auto name_at = [&](const core::PhraseTable& names) {
    return names.shortest_at(s.lower.substr(0, s.end), pos,
                             [&](const core::PhraseMatch& m) { return s.word_boundary_after(pos + m.length); });
  };
  // Month name (+ day, + year): "January 27, 2025", "Jan. 27"
  if (auto name = name_at(rules_.month_table)) {
    core::TimeExpression t;
    t.kind = "month";
    t.date.month = name.id;
    std::size_t p = pos + name.length;
    t.span = {pos, p};
    std::size_t q = p < s.end && s.text[p] == '.' ? p + 1 : p;
    q = s.skip_spaces(q);
    std::size_t de = 0;
    int day = int_at(s, q, de, 2);
    if (day >= 1 && day <= 31 && s.word_boundary_after(de)) {
      t.kind = "date";
      t.date.day = day;
      t.span.end = de;
      std::size_t r = de < s.end && s.text[de] == ',' ? de + 1 : de;
      r = s.skip_spaces(r);
      std::size_t ye = 0;
      int year = int_at(s, r, ye, 4);
      if (year >= 1000 && ye - r == 4) {
        t.date.year = year;
        t.span.end = ye;
      }
    }
    return t;
  }
  // "the first quarter", "the fourth quarter of 2024", "third-quarter 2025"
  if (auto name = name_at(rules_.quarter_table)) {
    core::TimeExpression t;
    t.kind = "quarter";
    t.quarter = name.id;
    t.span = {pos, pos + name.length};
    std::size_t p = s.skip_spaces(pos + name.length);
    if (s.starts_with(p, "of") && s.word_boundary_after(p + 2)) p = s.skip_spaces(p + 2);
    std::size_t ye = 0;
    int year = int_at(s, p, ye, 4);
    if (year >= 1900 && year <= 2100 && ye - p == 4 && s.word_boundary_after(ye)) {
      t.date.year = year;
      t.span.end = ye;
    }
    return t;
  }
  if (auto name = name_at(rules_.weekday_table)) {
    core::TimeExpression t;
    t.kind = "weekday";
    t.month_to = name.id;  // the weekday number, kept in month_to (the quarter slot would confuse readers)
    t.span = {pos, pos + name.length};
    return t;
  }
  // Q4, Q1 2025
  if ((s.text[pos] == 'Q' || s.text[pos] == 'q') && is_digit_at(s, pos + 1) && s.word_boundary_after(pos + 2)) {
    int q = s.text[pos + 1] - '0';
    if (q >= 1 && q <= 4) {
      core::TimeExpression t;
      t.kind = "quarter";
      t.quarter = q;
      t.span = {pos, pos + 2};
      return t;
    }
  }
  return std::nullopt;
}

std::optional<core::TimeExpression> TimeReader::read_english_year(const Sentence& s, std::size_t pos) const {
  // A bare four-digit year: "in 2024"
  std::size_t e = 0;
  int year = int_at(s, pos, e, 4);
  if (year >= 1900 && year <= 2100 && e - pos == 4 && s.word_boundary_after(e) && (e >= s.end || s.text[e] != ',' || !is_digit_at(s, e + 1))) {
    std::size_t b = pos;
    if (b > s.begin && s.text[b - 1] == ' ') --b;
    for (const auto& lead : rules_.time.year_lead_words)
      if (s.ends_with(b, lead)) {
        core::TimeExpression t;
        t.kind = "year";
        t.date.year = year;
        t.span = {pos, e};
        return t;
      }
  }
  return std::nullopt;
}

bool TimeReader::is_comparison_base(const Sentence& s, std::size_t at, std::size_t end) const {
  std::size_t after = end;
  while (after < s.end && s.text[after] == ' ') ++after;
  for (const auto& w : rules_.time.comparison_after)
    if (!w.empty() && after + w.size() <= s.end && s.lower.substr(after, w.size()) == w) return true;
  // "up 4.8 percent from this year's 10,320 won": the year right before a figure is that figure's,
  // even after the word that starts a comparison; the figure is the base, and this is its year.
  if (core::figure_start(s.text, after, s.end) != std::string_view::npos) return false;
  std::size_t before = at;
  while (before > s.begin && s.text[before - 1] == ' ') --before;
  for (const auto& w : rules_.time.comparison_before)
    if (!w.empty() && before >= s.begin + w.size() && s.lower.substr(before - w.size(), w.size()) == w &&
        (before - w.size() == s.begin || s.text[before - w.size() - 1] == ' '))
      return true;
  return false;
}

void TimeReader::add_relative_years(const Sentence& s, std::size_t sentence, std::vector<core::TimeExpression>& times) const {
  std::size_t first_own = times.size();
  while (first_own > 0 && times[first_own - 1].sentence == sentence) --first_own;
  for (const auto& rel : rules_.relative_times) {
    if (!rel.has_years || rel.has_months || rel.has_days || rel.lowered.empty()) continue;
    // Searched within the sentence only: a search of the rest of the article from every sentence
    // would cost the square of its length.
    std::string_view sentence_lower = s.lower.substr(0, s.end);
    for (std::size_t at = sentence_lower.find(rel.lowered, s.begin); at != std::string_view::npos;
         at = sentence_lower.find(rel.lowered, at + rel.lowered.size())) {
      std::size_t end = at + rel.lowered.size();
      // A word of its own: 지난해 starts one (a space or the sentence before it), "last year" both.
      bool latin = static_cast<unsigned char>(rel.lowered[0]) < 0x80;
      if (at > s.begin && s.text[at - 1] != ' ' && s.text[at - 1] != '(' && s.text[at - 1] != '"') continue;
      if (latin && !s.word_boundary_after(end)) continue;
      // Inside a time expression already read (지난해 4분기) or a longer cue (지난해 같은 기간).
      bool covered = false;
      for (std::size_t k = first_own; k < times.size() && !covered; ++k)
        covered = times[k].span.start <= at && at < times[k].span.end;
      if (covered) continue;
      if (auto m = s.lookup(rules_.scope_table, at); m && m.length > rel.lowered.size()) continue;
      // "지난해보다 2.1% 감소한 368만5천t", "up 5% from last year": the year a comparison runs from,
      // not the year of the figures around it.
      if (is_comparison_base(s, at, end)) continue;
      core::TimeExpression t;
      t.span = {at, end};
      t.kind = "year";
      t.relative = true;
      t.relative_year = rel.years;
      t.sentence = sentence;
      t.surface = std::string(s.text.substr(at, end - at));
      times.push_back(std::move(t));
    }
  }
  std::sort(times.begin() + static_cast<std::ptrdiff_t>(first_own), times.end(),
            [](const core::TimeExpression& a, const core::TimeExpression& b) { return a.span.start < b.span.start; });
}

std::optional<core::TimeExpression> TimeReader::read(const Sentence& s, std::size_t pos) const {
  // Called at nearly every position of every sentence: turn away what cannot start a time
  // expression before anything is built.
  if (pos >= s.end) return std::nullopt;
  const bool digit = is_digit_at(s, pos);
  if (!digit && !(core::is_latin_letter(s.at(pos)) && rules_.time_english_start[static_cast<unsigned char>(s.lower[pos])] &&
                  s.word_boundary_before(pos)))
    return std::nullopt;  // an English time word starts a word
  std::optional<core::TimeExpression> t;
  if (digit) {
    t = read_numeric_date(s, pos);
    if (!t) t = read_korean(s, pos);
  }
  if (!t) t = read_english(s, pos);
  if (!t) return std::nullopt;
  // 오전 10시: include the half-day word.
  if (t->kind == "clock") {
    std::size_t b = t->span.start;
    if (b > s.begin && s.text[b - 1] == ' ') --b;
    for (const auto& list : {rules_.time.am, rules_.time.pm})
      for (const auto& word : list)
        if (s.ends_with(b, word)) t->span.start = b - word.size();
  }
  attach_context(s, *t);
  return t;
}

}  // namespace crosscheck::extract

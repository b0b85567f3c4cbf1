#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "check/check.hpp"
#include "check/derived.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"

namespace crosscheck::check {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// "event" is the story's own event, written as a reader says it ("the story's event", "이 사건").
std::string subject_label(const CheckInput& in, std::string_view subject) {
  if (subject != "event") return in.rules.entity_label(in.language, std::string(subject));
  return in.event_name.empty() ? in.rules.message(in.language, "source.event") : in.event_name;
}

std::string attribute_label(const CheckInput& in, const std::string& id) {
  if (const auto* a = in.rules.attribute(id)) {
    auto it = a->labels.find(in.language);
    if (it != a->labels.end() && !it->second.empty()) return it->second;
    return a->labels.at("en");
  }
  return id.rfind("np:", 0) == 0 ? id.substr(3) : id;
}

std::string scope_value(const CheckInput& in, const core::Claim& c, const std::string& reason) {
  const auto& s = c.scope;
  if (reason == "date") return date_words(in.rules, in.language, s.date);
  if (reason == "period") return s.period;
  if (reason == "as-of") {
    std::string at(s.as_of.view());
    if (at == "final") return in.rules.message(in.language, "as-of.final");
    if (at.size() == 16 && at[10] == 'T') at[10] = ' ';
    return at;
  }
  if (reason == "window") {
    // An hour's figure (시간당 72.5mm) is over an hour, whether or not its sentence says a window.
    return in.rules.scope_label(in.language, reason, s.window.empty() && per_hour(c.quantity) ? core::Word("1 hour") : s.window);
  }
  if (reason == "basis") return in.rules.scope_label(in.language, reason, s.basis);
  if (reason == "kind") return in.rules.scope_label(in.language, reason, s.kind);
  if (reason == "direction") return in.rules.scope_label(in.language, reason, s.direction);
  std::string_view qualifier = s.qualifier;
  if (reason == "subject") {
    for (std::string_view kind : {"segment:", "place:", "narrow:"})
      if (qualifier.rfind(kind, 0) == 0) return std::string(qualifier.substr(kind.size()));
    return std::string(qualifier);
  }
  return "";
}

bool transposed_digits(const std::string& a, const std::string& b) {
  auto digits = [](const std::string& s) {
    std::string d;
    for (char c : s)
      if (c >= '0' && c <= '9') d += c;
    return d;
  };
  std::string x = digits(a), y = digits(b);
  if (x == y || x.size() != y.size() || x.size() < 2) return false;
  std::string sx = x, sy = y;
  std::sort(sx.begin(), sx.end());
  std::sort(sy.begin(), sy.end());
  return sx == sy;
}

constexpr std::size_t kMaxSidesCompared = 64;
constexpr std::size_t kMaxDistinctPerSide = 64;
constexpr std::size_t kMaxConflictsPerGroup = 20;

class GroupChecker {
 public:
  GroupChecker(const CheckInput& in, std::vector<core::Finding>& out) : in_(in), out_(out) {}

  void check(const graph::Group& group) {
    std::map<std::string, std::vector<std::size_t>> by_unit;
    // Counts of different kinds of thing (340명 and 7곳) are different quantities. A count that
    // names no kind ("the death toll at 6") is of the one kind the group's other counts name.
    std::set<std::string> classes;
    for (std::size_t i : group.claims) {
      const auto& q = in_.claims[i].quantity;
      if (q.dimension == core::Dimension::count && !q.counted.empty()) classes.insert(in_.rules.count_class(q.counted));
    }
    for (std::size_t i : group.claims) {
      const auto& q = in_.claims[i].quantity;
      std::string unit = comparison_unit(q).first;
      if (q.dimension == core::Dimension::count && !q.counted.empty()) unit += "/" + in_.rules.count_class(q.counted);
      else if (q.dimension == core::Dimension::count && classes.size() == 1) unit += "/" + *classes.begin();
      by_unit[unit].push_back(i);
    }
    for (const auto& [unit, members] : by_unit) {
      if (members.size() < 2) continue;
      if (unit == "entity") check_entities(members);
      else check_members(members);
    }
  }

 private:
  const CheckInput& in_;
  std::vector<core::Finding>& out_;

  const core::Claim& claim(std::size_t i) const { return in_.claims[i]; }

  // Changes are compared by size (their direction is part of the scope), and a plainly
  // written figure may have been cut rather than rounded.
  // The unit a figure is compared in (compared_unit: mm/hour is mm), and the factor to it: 180
  // miles and 290 km are one distance, compared in their family's base unit.
  std::pair<std::string, double> comparison_unit(const core::Quantity& q) const {
    return in_.rules.in_base(std::string(compared_unit(q)));
  }

  core::Interval magnitude(const core::Claim& c) const {
    core::Interval v = tolerant_interval(c.quantity);
    double factor = comparison_unit(c.quantity).second;
    if (factor != 1) v.lo *= factor, v.hi *= factor;
    return v;
  }

  int year_of(const core::Claim& c) const { return in_.articles[c.article].published_date.year; }
  bool same_publication_day(const core::Claim& a, const core::Claim& b) const {
    const core::PartialDate& x = in_.articles[a.article].published_date;
    const core::PartialDate& y = in_.articles[b.article].published_date;
    return x.complete() && y.complete() && x.year == y.year && x.month == y.month && x.day == y.day;
  }

  // What decides a comparison: the interval, the scope and the year that stands in for a period.
  // What makes two claims of a group the same statement: the value as compared, the year, the
  // scope and the words. Compared field by field; the text fields are views of the claims.
  struct Signature {
    std::uint64_t lo, hi;  // the bounds' bit patterns: equal bits, equal bounds
    bool lo_closed, hi_closed;
    int year;
    std::string date;
    std::string_view period, window, basis, kind, direction, qualifier, surface;
    bool operator<(const Signature& o) const {
      return std::tie(lo, hi, lo_closed, hi_closed, year, date, period, window, basis, kind, direction, qualifier, surface) <
             std::tie(o.lo, o.hi, o.lo_closed, o.hi_closed, o.year, o.date, o.period, o.window, o.basis, o.kind, o.direction,
                      o.qualifier, o.surface);
    }
  };
  Signature signature(const core::Claim& c) const {
    core::Interval v = magnitude(c);
    const auto& s = c.scope;
    auto bits = [](double x) { return std::isnan(x) ? std::uint64_t{0x7ff8000000000000ULL} : std::bit_cast<std::uint64_t>(x); };
    return {bits(v.lo), bits(v.hi),  v.lo_closed, v.hi_closed, year_of(c), s.date.to_string(), s.period, s.window,
            s.basis,    s.kind,      s.direction, s.qualifier, c.quantity.surface};
  }

  core::Finding base(const std::string& verdict, const core::Claim& first) const {
    core::Finding f;
    f.verdict = verdict;
    f.check = "values";
    f.subject = first.subject_root;
    f.attribute = first.attribute;
    return f;
  }

  std::string modifier_words(const std::vector<const core::Claim*>& claims, const std::string& prefix) const {
    std::vector<std::string> words;
    for (const auto* c : claims)
      for (const auto& m : c->quantity.modifiers)
        if (m.rfind(prefix, 0) == 0) {
          std::string w = m.substr(m.rfind(':') + 1);
          if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
        }
    return join(words, ", ");
  }

  void check_members(const std::vector<std::size_t>& members) {
    const rules::Attribute* attribute = in_.rules.attribute(claim(members.front()).attribute);
    bool time_varying = attribute ? attribute->time_varying : true;
    bool cumulative = attribute && attribute->cumulative;
    fell = false;
    std::vector<core::Interval> intervals;
    for (std::size_t i : members) intervals.push_back(magnitude(claim(i)));
    auto sides = agreeing_sides(intervals);
    if (sides.size() == 1) {
      // One article repeating itself is no news. (Article indices are one per article id.)
      std::size_t first_article = claim(members.front()).article;
      if (std::all_of(members.begin(), members.end(), [&](std::size_t i) { return claim(i).article == first_article; })) return;
      std::vector<const core::Claim*> cs;
      for (std::size_t i : members) cs.push_back(&claim(i));
      core::Finding f = base("agree", *cs.front());
      f.reasons = agreement_reasons(cs);
      f.sides.push_back({});
      for (const auto* c : cs) f.sides.back().push_back(c->id);
      std::vector<std::string> texts;
      for (const auto& r : f.reasons) texts.push_back(reason_text(r, cs, cs));
      f.explanation = render(in_.rules, in_.language, "explain.agree", {{"count", std::to_string(cs.size())}, {"reasons", join(texts, ", ")}});
      out_.push_back(std::move(f));
      return;
    }

    // Claims that say the same thing in the same scope are compared once: a story retold by a
    // thousand articles costs one comparison per distinct figure, not a million.
    std::vector<std::size_t> representative(members.size());
    {
      std::map<Signature, std::size_t> first;
      for (std::size_t k = 0; k < members.size(); ++k) representative[k] = first.emplace(signature(claim(members[k])), k).first->second;
    }
    auto distinct = [&](const std::vector<std::size_t>& side) {
      std::vector<std::size_t> out;
      for (std::size_t k : side)
        if (representative[k] == k && out.size() < kMaxDistinctPerSide) out.push_back(k);
      return out;
    };
    auto expand = [&](const std::vector<std::size_t>& reps) {
      std::vector<std::size_t> out;
      for (std::size_t k = 0; k < members.size(); ++k)
        if (std::find(reps.begin(), reps.end(), representative[k]) != reps.end()) out.push_back(k);
      return out;
    };
    constexpr std::size_t kMaxEvidencePairs = 200;
    constexpr std::size_t kMaxExplainedTexts = 12;
    nlohmann::ordered_json explained_pairs = nlohmann::ordered_json::array();
    std::vector<std::string> explained_reasons;
    std::vector<std::pair<std::string, std::vector<std::string>>> explained_groups;  // reason → its pairs
    std::set<std::string> seen_texts;
    // Bounds that keep one group linear in the worst case (documented in docs/limits.md): a group
    // with hundreds of different values for one quantity is reported, not enumerated.
    std::size_t compared_sides = std::min(sides.size(), kMaxSidesCompared);
    std::size_t conflicts_before = out_.size();
    // Whether a member's own words call it a running tally, read once per member, not per pair.
    std::vector<signed char> tally_word(members.size(), -1);
    auto called_tally = [&](std::size_t k) {
      if (tally_word[k] < 0) tally_word[k] = running_tally(claim(members[k])) ? 1 : 0;
      return tally_word[k] == 1;
    };
    for (std::size_t x = 0; x < compared_sides; ++x)
      for (std::size_t y = x + 1; y < compared_sides && out_.size() - conflicts_before < kMaxConflictsPerGroup; ++y) {
        std::vector<std::size_t> left, right;
        std::vector<std::pair<std::size_t, std::size_t>> conflicting;
        fell = false;
        overridden.clear();
        for (std::size_t a : distinct(sides[x]))
          for (std::size_t b : distinct(sides[y])) {
            if (intervals[a].meets(intervals[b])) continue;
            auto cmp = compare_scopes(claim(members[a]), claim(members[b]), time_varying, year_of(claim(members[a])),
                                      year_of(claim(members[b])));
            if ((cumulative || (called_tally(a) && called_tally(b))) &&
                tally_fell(claim(members[a]), claim(members[b]), cmp))
              cmp.comparable = true, fell = true;
            // A measure the rules do not know is only presumed to change over time. Two reports
            // of it published on one day that give it no time are taken to speak of that day: an
            // inference (the finding says its time was inferred), not a reason to set them apart.
            // A known measure that changes (a toll, a price, a profit) keeps needing its times.
            if (!attribute && !cmp.comparable && cmp.reasons.size() == 1 && cmp.reasons.front() == "date-unknown" &&
                same_publication_day(claim(members[a]), claim(members[b])))
              cmp.comparable = true;
            // The mark of a copying error outweighs differences the scope readers only inferred.
            if (!cmp.comparable && error_mark(claim(members[a]).quantity, claim(members[b]).quantity) != ErrorMark::none &&
                only_inferred_reasons(cmp, claim(members[a]), claim(members[b]))) {
              cmp.comparable = true;
              for (const auto& r : cmp.reasons)
                if (std::find(overridden.begin(), overridden.end(), r) == overridden.end()) overridden.push_back(r);
            }
            if (cmp.comparable) {
              conflicting.push_back({a, b});
              if (std::find(left.begin(), left.end(), a) == left.end()) left.push_back(a);
              if (std::find(right.begin(), right.end(), b) == right.end()) right.push_back(b);
              continue;
            }
            const core::Claim& ca = claim(members[a]);
            const core::Claim& cb = claim(members[b]);
            if (explained_pairs.size() < kMaxEvidencePairs) {
              // Filled in place: a brace list would build each member and then copy it.
              auto& pair = explained_pairs.emplace_back(nlohmann::ordered_json::object());
              pair["a"] = ca.id;
              pair["b"] = cb.id;
              pair["reasons"] = cmp.reasons;
            }
            for (const auto& r : cmp.reasons) {
              if (std::find(explained_reasons.begin(), explained_reasons.end(), r) == explained_reasons.end()) explained_reasons.push_back(r);
              // One line a reason, naming the pairs it covers: "different dates (…): 34.2도 / 35도, …".
              std::string reason = reason_text(r, {&ca}, {&cb});
              auto group = std::find_if(explained_groups.begin(), explained_groups.end(), [&](const auto& g) { return g.first == reason; });
              if (group == explained_groups.end()) {
                if (explained_groups.size() >= kMaxExplainedTexts) continue;
                explained_groups.push_back({reason, {}});
                group = explained_groups.end() - 1;
              }
              std::string pair_text = ca.quantity.surface + " / " + cb.quantity.surface;
              if (seen_texts.insert(reason + "|" + pair_text).second) group->second.push_back(pair_text);
            }
          }
        if (!conflicting.empty()) add_conflict(members, expand(left), expand(right), conflicting);
      }
    if (sides.size() > compared_sides)
      in_.limit_notes.push_back("only the first " + std::to_string(kMaxSidesCompared) + " distinct values of " + claim(members.front()).key + " (" +
                                 std::to_string(sides.size()) + " distinct values) were compared pairwise");
    if (!explained_pairs.empty()) {
      core::Finding f = base("explained", claim(members.front()));
      f.reasons = explained_reasons;
      for (const auto& side : sides) {
        f.sides.push_back({});
        for (std::size_t k : side) f.sides.back().push_back(claim(members[k]).id);
      }
      f.evidence["pairs"] = std::move(explained_pairs);
      f.explanation = render(in_.rules, in_.language, "explain.explained", {{"reasons", grouped_reasons(explained_groups)}});
      out_.push_back(std::move(f));
    }
  }

  // A functional relation holds one value at a time: different values conflict, unless one side
  // states it and the other alleges or claims it, which is a dispute with both attributions.
  void check_entities(const std::vector<std::size_t>& members) {
    const rules::Relation* relation = in_.rules.relation(claim(members.front()).attribute);
    if (!relation) return;
    std::map<std::string, std::vector<std::size_t>> by_value;
    std::set<std::string> articles;
    for (std::size_t i : members) {
      by_value[claim(i).relation_value].push_back(i);
      articles.insert(in_.articles[claim(i).article].id);
    }
    auto who = [&](const core::Claim& c) {
      std::string kind = in_.rules.scope_label(in_.language, "attribution", c.scope.attribution.empty() ? "reported" : c.scope.attribution.view());
      return kind + (c.attributed_to.empty() ? "" : " (" + in_.rules.entity_label(in_.language, c.attributed_to) + ")");
    };
    core::Finding f = base("agree", claim(members.front()));
    f.check = "entities";
    std::vector<std::string> parts;
    std::set<std::string> attributions;
    for (const auto& [value, list] : by_value) {
      f.sides.push_back({});
      std::set<std::string> voices;
      for (std::size_t i : list) {
        f.sides.back().push_back(claim(i).id);
        voices.insert(who(claim(i)));
        attributions.insert(claim(i).scope.attribution == "stated" ? "stated" : claim(i).scope.attribution.empty() ? "reported" : "disputed");
      }
      std::string voice;
      for (const auto& v : voices) voice += (voice.empty() ? "" : ", ") + v;
      parts.push_back(in_.rules.entity_label(in_.language, value) + ": " + voice);
    }
    std::string label = relation->labels.count(in_.language) ? relation->labels.at(in_.language) : relation->labels.at("en");
    if (by_value.size() == 1) {
      if (articles.size() < 2) return;
      f.reasons = {"same-value"};
      f.explanation = render(in_.rules, in_.language, "explain.entity-agree",
                             {{"subject", subject_label(in_, f.subject)}, {"relation", label},
                              {"value", in_.rules.entity_label(in_.language, by_value.begin()->first)}, {"count", std::to_string(members.size())}});
    } else {
      if (!relation->functional) return;  // several true values: merged, nothing to flag
      bool disputed = attributions.count("stated") && attributions.count("disputed");
      f.verdict = disputed ? "disputed" : "conflict";
      f.reasons = {disputed ? "attribution" : "values"};
      f.explanation = render(in_.rules, in_.language, disputed ? "explain.entity-disputed" : "explain.entity-conflict",
                             {{"subject", subject_label(in_, f.subject)}, {"relation", label}, {"sides", join(parts, "; ")}});
    }
    out_.push_back(std::move(f));
  }

  // An explained difference in at most five lines, one a reason, each naming up to three of the
  // pairs it covers; what is left is counted, not listed ("and 4 more").
  std::string grouped_reasons(const std::vector<std::pair<std::string, std::vector<std::string>>>& groups) const {
    constexpr std::size_t kReasonsShown = 5, kPairsShown = 3;
    auto more = [&](std::size_t n) { return render(in_.rules, in_.language, "explain.and-more", {{"count", std::to_string(n)}}); };
    std::vector<std::string> lines;
    for (std::size_t k = 0; k < groups.size() && k < kReasonsShown; ++k) {
      const auto& [reason, pairs] = groups[k];
      std::vector<std::string> shown(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(std::min(pairs.size(), kPairsShown)));
      std::string line = reason + ": " + join(shown, ", ");
      if (pairs.size() > kPairsShown) line += " " + more(pairs.size() - kPairsShown);
      lines.push_back(std::move(line));
    }
    std::string out = join(lines, "; ");
    if (groups.size() > kReasonsShown) out += "; " + more(groups.size() - kReasonsShown);
    return out;
  }

  std::string reason_text(const std::string& reason, const std::vector<const core::Claim*>& a,
                          const std::vector<const core::Claim*>& b) const {
    std::vector<const core::Claim*> all = a;
    all.insert(all.end(), b.begin(), b.end());
    if (reason == "hedge") return render(in_.rules, in_.language, "reason.hedge", {{"words", modifier_words(all, "hedge:")}});
    if (reason == "bound") return render(in_.rules, in_.language, "reason.bound", {{"words", modifier_words(all, "bound:")}});
    std::vector<std::string> values;
    for (const auto* c : all) {
      std::string v = scope_value(in_, *c, reason);
      if (v.empty()) v = render(in_.rules, in_.language, "label.not-stated", {});  // the side that says none
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
    return render(in_.rules, in_.language, "reason." + reason, {{"values", join(values, " / ")}});
  }

  static bool power_of_ten_apart(const core::Claim& a, const core::Claim& b) {
    if (a.quantity.unit != b.quantity.unit) return false;
    double pa = std::fabs(a.quantity.point), pb = std::fabs(b.quantity.point);
    double exponent = std::log10(std::max(pa, pb) / std::max(1e-300, std::min(pa, pb)));
    return exponent >= 0.97 && std::fabs(exponent - std::round(exponent)) < 0.03;
  }

  bool fell = false;  // the group's conflict is a tally that fell
  // Inferred scope differences that a copying error's mark outweighed, for the explanation.
  std::vector<std::string> overridden;

  // A running tally (a toll, ballots counted) can only rise: at two moments both stated in the
  // text, a later figure wholly below an earlier one is a conflict, not an update.
  // One article's two moments count too: a live page whose later update gives a lower tally
  // contradicts itself (the finding says it is within one article).
  // A figure its own words call a running tally (누적 1,380명, "27 so far"): the rules' tally_words
  // within a few characters before it, or right after it.
  bool running_tally(const core::Claim& c) const {
    std::string_view sentence = core::sentence_of(c, in_.articles[c.article]);
    if (c.quantity.span.start < c.sentence_start || c.quantity.span.end > c.sentence_start + sentence.size()) return false;
    std::size_t at = c.quantity.span.start - c.sentence_start, end = c.quantity.span.end - c.sentence_start;
    std::string before = core::ascii_lower(sentence.substr(at - std::min<std::size_t>(at, 16), std::min<std::size_t>(at, 16)));
    std::string after = core::ascii_lower(sentence.substr(end, 16));
    for (const auto& w : in_.rules.grammar.tally_words)
      if (before.find(w) != std::string::npos || after.find(w) != std::string::npos) return true;
    return false;
  }

  bool tally_fell(const core::Claim& a, const core::Claim& b, const ScopeComparison& cmp) const {
    bool as_of = false;
    for (const auto& r : cmp.reasons) {
      if (r == "as-of") as_of = true;
      else if (r != "same-article") return false;
    }
    if (!as_of) return false;
    if (!moment_stated(a) || !moment_stated(b)) return false;
    // "final" is the last moment; stamps of one form compare as text.
    auto later = [](std::string_view x, std::string_view y) { return x == "final" ? y != "final" : y != "final" && x > y; };
    const core::Claim& early = later(a.scope.as_of, b.scope.as_of) ? b : a;
    const core::Claim& late = &early == &a ? b : a;
    // Wholly below: 6 ([5.5, 6.5)) after 7 ([6.5, 7.5)) fell, though the two intervals touch.
    core::Interval x = magnitude(late), y = magnitude(early);
    return x.hi < y.lo || (x.hi == y.lo && !(x.hi_closed && y.lo_closed));
  }

  // What a claim's identity rests on by inference rather than by its own words: its subject
  // carried from another sentence or the article, its measure from outside its clause, or, for
  // a figure that changes over time, its moment from nowhere but the article's own date. A
  // story's event, a subject carried from the sentence before, or the country a national
  // statistic is of by its language or the story, counts only where measure and moment are explicit.
  std::vector<std::string> inferred_fields(const core::Claim& c) const {
    std::vector<std::string> out;
    std::string_view subject = c.subject_source, measure = c.attribute_source;
    bool measure_ok = measure == "cue" || measure == "clause" || measure == "comparison-base";
    const rules::Attribute* a = in_.rules.attribute(c.attribute);
    bool varies = a ? (a->time_varying || a->cumulative) : true;
    // A period the article names for its other figures, or its dateline, stands in for a time
    // the figure's own sentence does not give: enough to compare, not to be sure.
    // A time the article states where it gives the figure again counts as stated.
    bool time_ok = !varies || (!c.scope.period.empty() && source_stated(c.scope.period_source)) ||
                   (c.scope.date.day && source_stated(c.scope.date_source)) ||
                   moment_stated(c);
    bool subject_ok = subject == "cue" || subject == "clause" || subject == "sentence" ||
                      ((subject == "event" || subject == "topic" || subject == "home" || subject == "story-country") && measure_ok && time_ok);
    if (!subject_ok) out.push_back("subject");
    if (!measure_ok) out.push_back("measure");
    if (!time_ok) out.push_back("time");
    return out;
  }

  void add_conflict(const std::vector<std::size_t>& members, std::vector<std::size_t> left, std::vector<std::size_t> right,
                    const std::vector<std::pair<std::size_t, std::size_t>>& conflicting) {
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    // A conflict needs one pair whose identity is explicit on both sides; otherwise it is a
    // possible conflict, and the explanation says what was inferred.
    // Whether each member's identity is explicit, found once per member rather than per pair.
    std::map<std::size_t, bool> explicit_member;
    auto is_explicit = [&](std::size_t k) {
      auto [it, fresh] = explicit_member.emplace(k, false);
      if (fresh) it->second = inferred_fields(claim(members[k])).empty();
      return it->second;
    };
    // A copying error's mark is itself evidence that the two figures are one quantity.
    auto certain_pair = [&](const std::pair<std::size_t, std::size_t>& pair) {
      return (is_explicit(pair.first) && is_explicit(pair.second)) ||
             error_mark(claim(members[pair.first]).quantity, claim(members[pair.second]).quantity) != ErrorMark::none;
    };
    const std::pair<std::size_t, std::size_t>* certain = nullptr;
    for (const auto& pair : conflicting)
      if (certain_pair(pair)) {
        certain = &pair;
        break;
      }
    // Explain with the most telling pair: a slipped scale, then transposed digits, else the first.
    auto example = certain ? *certain : conflicting.front();
    auto eligible = [&](const std::pair<std::size_t, std::size_t>& pair) { return !certain || certain_pair(pair); };
    for (auto pair : conflicting)
      if (eligible(pair) && power_of_ten_apart(claim(members[pair.first]), claim(members[pair.second]))) {
        example = pair;
        break;
      }
    if (!power_of_ten_apart(claim(members[example.first]), claim(members[example.second])))
      for (auto pair : conflicting)
        if (eligible(pair) && transposed_digits(claim(members[pair.first]).quantity.surface, claim(members[pair.second]).quantity.surface)) {
          example = pair;
          break;
        }
    const core::Claim& a = claim(members[example.first]);
    const core::Claim& b = claim(members[example.second]);
    core::Finding f = base(certain ? "conflict" : "possible-conflict", a);
    f.sides = {{}, {}};
    for (std::size_t k : left) f.sides[0].push_back(claim(members[k]).id);
    for (std::size_t k : right) f.sides[1].push_back(claim(members[k]).id);
    double pa = std::fabs(a.quantity.point), pb = std::fabs(b.quantity.point);
    double ratio = std::max(pa, pb) / std::max(1e-300, std::min(pa, pb));
    double exponent = std::log10(ratio);
    std::vector<std::pair<std::string, std::string>> values = {
        {"a", pa >= pb ? a.quantity.surface : b.quantity.surface}, {"b", pa >= pb ? b.quantity.surface : a.quantity.surface},
        {"attribute", attribute_label(in_, a.attribute)}, {"subject", subject_label(in_, a.subject_root)}};
    if (fell) {
      bool a_later = a.scope.as_of == "final" || (b.scope.as_of != "final" && a.scope.as_of > b.scope.as_of);
      const core::Claim& early = a_later ? b : a;
      const core::Claim& late = a_later ? a : b;
      f.reasons = {"tally-fell"};
      f.explanation = render(in_.rules, in_.language, "explain.conflict-tally-fell",
                             {{"late", late.quantity.surface}, {"late_at", std::string(late.scope.as_of.view())},
                              {"early", early.quantity.surface}, {"early_at", std::string(early.scope.as_of.view())},
                              {"attribute", attribute_label(in_, a.attribute)}, {"subject", subject_label(in_, a.subject_root)}});
    } else if (power_of_ten_apart(a, b)) {
      values.push_back({"ratio", core::format_number(std::pow(10.0, std::round(exponent)))});
      f.reasons = {"scale"};
      f.explanation = render(in_.rules, in_.language, "explain.conflict-scale", values);
    } else if (transposed_digits(a.quantity.surface, b.quantity.surface)) {
      f.reasons = {"digits"};
      f.explanation = render(in_.rules, in_.language, "explain.conflict-digits", values);
    } else {
      f.reasons = {"values"};
      f.explanation = render(in_.rules, in_.language, "explain.conflict", values);
    }
    if (!overridden.empty()) {
      std::vector<std::string> texts;
      for (const auto& r : overridden) texts.push_back(reason_text(r, {&a}, {&b}));
      f.reasons.push_back("marks-outweigh-scope");
      f.explanation += " " + render(in_.rules, in_.language, "explain.marks-outweigh-scope", {{"reasons", join(texts, "; ")}});
    }
    if (!certain) {
      std::vector<std::string> what;
      std::set<std::string> fields;
      for (const auto* c : {&a, &b})
        for (const auto& field : inferred_fields(*c)) fields.insert(field);
      for (const auto& field : fields) {
        std::string value;
        for (const auto* c : {&a, &b}) {
          std::string v = field == "subject" ? std::string(c->subject_source.view()) : field == "measure" ? std::string(c->attribute_source.view())
                                                                                      : std::string(c->scope.as_of_source.empty() ? "?" : c->scope.as_of_source.view());
          v = in_.rules.message(in_.language, "source." + (v.empty() ? std::string("none") : v));
          if (value.find(v) == std::string::npos) value += (value.empty() ? "" : " / ") + v;
        }
        what.push_back(render(in_.rules, in_.language, "inferred." + field, {{"values", value}}));
      }
      f.reasons.push_back("inferred");
      f.explanation += " " + render(in_.rules, in_.language, "explain.inferred", {{"what", join(what, "; ")}});
    }
    out_.push_back(std::move(f));
  }
};

int verdict_rank(const std::string& v) {
  if (v == "conflict") return 0;
  if (v == "possible-conflict") return 1;
  if (v == "disputed") return 2;
  if (v == "explained") return 3;
  if (v == "supported") return 4;
  return 5;
}

}  // namespace

std::vector<core::Finding> run_checks(const CheckInput& input, graph::ClaimGraph& graph) {
  // Groups are independent: blocks of them are checked on all cores, each block with its own
  // findings and limit notes, joined in group order (the same order as one pass would give).
  const auto& groups = graph.groups();
  constexpr std::size_t kGroupsPerBlock = 64;
  std::size_t blocks = (groups.size() + kGroupsPerBlock - 1) / kGroupsPerBlock;
  std::vector<std::vector<core::Finding>> block_findings(blocks);
  std::vector<std::vector<std::string>> block_notes(blocks);
  core::parallel_for(blocks, [&](std::size_t b) {
    CheckInput block_input{input.articles, input.claims, input.rules, input.language};
    GroupChecker checker(block_input, block_findings[b]);
    for (std::size_t g = b * kGroupsPerBlock; g < std::min(groups.size(), (b + 1) * kGroupsPerBlock); ++g) checker.check(groups[g]);
    block_notes[b] = std::move(block_input.limit_notes);
  });
  std::vector<core::Finding> findings;
  for (std::size_t b = 0; b < blocks; ++b) {
    std::move(block_findings[b].begin(), block_findings[b].end(), std::back_inserter(findings));
    input.limit_notes.insert(input.limit_notes.end(), block_notes[b].begin(), block_notes[b].end());
  }
  check_percent_changes(input, graph, findings);
  check_conversions(input, findings);
  check_unit_restatements(input, findings);
  check_stated_changes(input, findings);
  check_sums(input, findings);
  check_copy_errors(input, findings);
  check_unit_slips(input, findings);
  // Stable order and ids whatever the order of the inputs. The order is found on indices, each
  // verdict ranked once, and then each finding is moved once: a finding is heavy to move, and a
  // day's news gives tens of thousands.
  std::vector<int> rank(findings.size());
  std::vector<std::size_t> order(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) rank[i] = verdict_rank(findings[i].verdict), order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const core::Finding& a = findings[x];
    const core::Finding& b = findings[y];
    if (rank[x] != rank[y]) return rank[x] < rank[y];
    if (auto by = a.subject <=> b.subject; by != 0) return by < 0;
    if (auto by = a.attribute <=> b.attribute; by != 0) return by < 0;
    if (auto by = a.sides <=> b.sides; by != 0) return by < 0;
    return x < y;  // as they came: the sort is stable
  });
  std::vector<core::Finding> sorted;
  sorted.reserve(findings.size());
  for (std::size_t i : order) {
    sorted.push_back(std::move(findings[i]));
    sorted.back().id = "F" + std::to_string(sorted.size());
  }
  return sorted;
}

}  // namespace crosscheck::check

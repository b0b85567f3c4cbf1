#include <unordered_map>
#include <algorithm>
#include <cmath>

#include <cstdio>

#include "core/utf8.hpp"
#include "report/report.hpp"

namespace crosscheck::report {

Excerpt excerpt(const core::Claim& claim, const core::Article& article, std::size_t context) {
  // Offsets within the claim's own sentence, so that a report needs no article text (claims
  // read back from JSONL carry only their sentence).
  const std::string text(core::sentence_of(claim, article));
  std::size_t start = std::min(text.size(), claim.quantity.span.start - std::min(claim.quantity.span.start, claim.sentence_start));
  std::size_t end = std::min(text.size(), start + (claim.quantity.span.end - claim.quantity.span.start));
  std::size_t from = start, n = 0;
  while (from > 0 && n < context) {
    --from;
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    ++n;
  }
  std::size_t to = end;
  n = 0;
  while (to < text.size() && n < context) {
    std::size_t length = 1;
    core::decode_at(text, to, length);
    to += length;
    ++n;
  }
  Excerpt e;
  e.before = (from > 0 ? "…" : "") + text.substr(from, start - from);
  e.figure = text.substr(start, end - start);
  e.after = text.substr(end, to - end) + (to < text.size() ? "…" : "");
  for (auto* s : {&e.before, &e.after}) std::replace(s->begin(), s->end(), '\n', ' ');
  return e;
}

namespace {

std::string short_number(double v, const rules::RuleSet& rules, const std::string& lang) {
  const rules::NumberScale& scale = rules.number_scale(lang, v);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v / scale.power);
  return scale.write(buf);
}

}  // namespace

std::string readable_interval(const core::Quantity& q, const rules::RuleSet& rules, const std::string& lang) {
  if (q.dimension == core::Dimension::entity) return "";
  if (q.unit == "score") return core::score_text(q.point);
  const auto& v = q.value;
  std::string unit = q.unit == "count"                 ? std::string()
                     : q.unit == "%" || q.unit == "pp" ? q.unit.str()
                     : q.unit == "times"               ? std::string(" ×")
                                                       : " " + rules.unit_name(lang, q.unit);
  auto number = [&](double x) { return short_number(x, rules, lang); };
  if (std::isinf(v.hi)) return std::string(v.lo_closed ? "≥ " : "> ") + number(v.lo) + unit;
  if (v.lo == 0 && q.point > 0 && v.hi == q.point) return std::string(v.hi_closed ? "≤ " : "< ") + number(v.hi) + unit;
  if (v.lo == v.hi) return number(v.lo) + unit;
  return number(v.lo) + "–" + number(v.hi) + unit;
}

std::string subject_label(const std::string& subject, const rules::RuleSet& rules, const std::string& lang, const std::string& event_name) {
  if (subject == "event") return event_name.empty() ? rules.message(lang, "source.event") : event_name;
  if (subject.empty()) return rules.message(lang, "label.unnamed-subject");
  // A listed entity goes by its label in the report's language, never by its id (US-government).
  return rules.entity_label(lang, subject);
}

std::string claim_value(const core::Claim& c, const rules::RuleSet& rules, const std::string& lang) {
  if (c.quantity.dimension != core::Dimension::entity) return readable_interval(c.quantity, rules, lang);
  std::string who = rules.scope_label(lang, "attribution", c.scope.attribution.empty() ? "reported" : c.scope.attribution.view());
  // A person or chip named by its id: its label.
  return rules.entity_label(lang, c.relation_value) + " (" + who + (c.attributed_to.empty() ? "" : ", " + rules.entity_label(lang, c.attributed_to)) + ")";
}

Counts count(const Run& run) {
  Counts c;
  for (const auto& f : run.findings) {
    c.conflicts += f.verdict == "conflict";
    c.possible_conflicts += f.verdict == "possible-conflict";
    c.disputed += f.verdict == "disputed";
    c.explained += f.verdict == "explained";
    c.agree += f.verdict == "agree";
    c.supported += f.verdict == "supported";
  }
  for (const auto& i : run.inputs) c.skipped_inputs += i.status == "skipped";
  return c;
}

Placement placement(const Run& run) {
  Placement p;
  std::unordered_map<std::string_view, std::size_t> per_key;
  for (const auto& c : run.claims)
    if (c.linked_to < 0 && !c.subject_root.empty() && !c.attribute.empty()) ++per_key[c.key.view()];
  for (const auto& c : run.claims) {
    if (c.linked_to >= 0) continue;  // a bracketed conversion goes with its figure
    if (c.subject_root.empty()) ++p.no_subject;
    else if (c.attribute.empty()) ++p.no_measure;
    else if (per_key[c.key.view()] < 2) ++p.alone;
    else ++p.compared;
  }
  return p;
}

std::string placement_line(const Run& run, const rules::RuleSet& rules, const std::string& lang) {
  Placement p = placement(run);
  std::string text = rules.message(lang, "label.placement");
  for (const auto& [slot, value] : {std::pair<std::string, std::size_t>{"{compared}", p.compared}, {"{no_subject}", p.no_subject},
                                    {"{no_measure}", p.no_measure}, {"{alone}", p.alone}})
    for (auto at = text.find(slot); at != std::string::npos; at = text.find(slot)) text.replace(at, slot.size(), std::to_string(value));
  return text;
}

std::string counts_line(const Run& run, const rules::RuleSet& rules, const std::string& lang) {
  Counts c = count(run);
  // "5 articles read"; a label with {n} places the count itself ("읽은 기사 5건").
  auto part = [&](std::size_t n, const char* key) {
    std::string label = rules.message_for_count(lang, key, n);
    std::size_t slot = label.find("{n}");
    return slot == std::string::npos ? std::to_string(n) + " " + label : label.replace(slot, 3, std::to_string(n));
  };
  return part(run.articles.size(), "label.articles") + " · " + part(c.skipped_inputs, "label.skipped-inputs") + " · " +
         part(run.claims.size(), "label.claims") + " · " + part(c.conflicts, "label.conflicts") + " · " +
         part(c.possible_conflicts, "label.possible-conflicts") + " · " + part(c.disputed, "label.disputed") +
         " · " + part(c.explained, "label.explained") + " · " + part(c.supported, "label.supported") + " · " + part(c.agree, "label.agreements");
}

}  // namespace crosscheck::report

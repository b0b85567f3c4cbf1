#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "check/check.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/report.hpp"

namespace crosscheck::report {

namespace {

// Everything taken from an article is escaped; nothing from an article becomes markup. Controls
// and bidi overrides (U+202E would turn the text after it around) are shown as their code point,
// visibly, and never act.
std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t length = 1;
    char32_t c = core::decode_at(s, pos, length);
    bool control = core::is_control_char(c) && c != '\n' && c != '\t';
    bool bidi = core::is_bidi_control(c);
    if (control || bidi) {
      out += core::visible_code_point(c);
    } else if (length == 1) {
      switch (s[pos]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += s[pos];
      }
    } else {
      out.append(s, pos, length);
    }
    pos += length;
  }
  return out;
}

// Text from an article in an element: escaped and isolated, so a right-to-left run in it cannot
// reorder what stands around it.
std::string bdi(const std::string& s) { return "<bdi>" + esc(s) + "</bdi>"; }

std::string shorten(const std::string& s, std::size_t code_points) {
  std::size_t pos = 0, n = 0;
  while (pos < s.size() && n < code_points) {
    std::size_t length = 1;
    core::decode_at(s, pos, length);
    pos += length;
    ++n;
  }
  return pos < s.size() ? s.substr(0, pos) + "…" : s;
}

bool safe_url(const std::string& url) {
  std::string lower = core::ascii_lower(url.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

std::string number_line(const core::Finding& f, const std::map<std::string, const core::Claim*>& by_id, const rules::RuleSet& rules,
                        const std::string& lang) {
  const std::string title = rules.message(lang, "label.number-line"), log_label = rules.message(lang, "label.log-scale");
  // One axis needs one unit: the figures in the first claim's unit are drawn.
  std::vector<const core::Claim*> claims;
  const core::Claim* reference = nullptr;
  for (const auto& side : f.sides)
    for (const auto& id : side)
      if (auto it = by_id.find(id); it != by_id.end()) {
        if (!reference) reference = it->second;
        if (it->second->quantity.unit == reference->quantity.unit) claims.push_back(it->second);
      }
  if (claims.empty() || reference->quantity.dimension == core::Dimension::entity) return "";
  auto magnitude = [](const core::Claim* c) {
    core::Interval v = c->quantity.value;
    if (c->quantity.point < 0) v = {-v.hi, -v.lo, v.hi_closed, v.lo_closed};
    return v;
  };
  double lo = INFINITY, hi = -INFINITY;
  for (const auto* c : claims) {
    auto v = magnitude(c);
    lo = std::min(lo, v.lo);
    hi = std::max(hi, std::isinf(v.hi) ? std::fabs(c->quantity.point) * 1.5 : v.hi);
    hi = std::max(hi, std::fabs(c->quantity.point));
  }
  bool log_scale = lo > 0 && hi / lo > 50;
  if (!log_scale) lo = std::max(0.0, lo - (hi - lo) * 0.15);
  auto x = [&](double v) {
    const double left = 130, right = 580;
    if (log_scale) {
      double a = std::log10(lo * 0.8), b = std::log10(hi * 1.2);
      return left + (std::log10(std::max(v, lo * 0.8)) - a) / (b - a) * (right - left);
    }
    double span = (hi - lo) * 1.1;
    if (span <= 0) span = 1;
    return left + (v - lo) / span * (right - left);
  };
  std::ostringstream svg;
  int height = 24 + 22 * static_cast<int>(claims.size());
  svg << "<svg class=\"numline\" role=\"img\" viewBox=\"0 0 600 " << height << "\" width=\"600\" height=\"" << height
      << "\"><title>" << esc(title) << (log_scale ? " (" + esc(log_label) + ")" : "") << "</title>";
  int row = 0;
  for (const auto* c : claims) {
    auto v = magnitude(c);
    double y = 18 + 22 * row++;
    double x1 = x(v.lo), x2 = x(std::isinf(v.hi) ? hi * 1.2 : v.hi);
    if (x2 - x1 < 3) {
      x1 -= 1.5;
      x2 += 1.5;
    }
    svg << "<text x=\"4\" y=\"" << y + 4 << "\" class=\"nl-label\">" << esc(shorten(c->quantity.surface, 16))
        << "</text>";
    svg << "<rect x=\"" << x1 << "\" y=\"" << y - 5 << "\" width=\"" << (x2 - x1) << "\" height=\"10\" class=\"nl-bar\"/>";
    if (std::isinf(v.hi)) svg << "<text x=\"" << x2 + 2 << "\" y=\"" << y + 4 << "\" class=\"nl-label\">→</text>";
    svg << "<circle cx=\"" << x(std::fabs(c->quantity.point)) << "\" cy=\"" << y << "\" r=\"3\" class=\"nl-point\"/>";
  }
  svg << "<text x=\"130\" y=\"" << height - 2 << "\" class=\"nl-axis\">" << esc(check::format_value(rules, lang, lo, claims[0]->quantity.unit))
      << "</text><text x=\"580\" y=\"" << height - 2 << "\" text-anchor=\"end\" class=\"nl-axis\">"
      << esc(check::format_value(rules, lang, hi, claims[0]->quantity.unit)) << "</text></svg>";
  return svg.str();
}

const char* kStyle = R"CSS(
:root{--fg:#1b1b1b;--bg:#fff;--muted:#555;--conflict:#a40000;--explained:#7a5200;--ok:#1d6b2f;--line:#ccc}
body{font:15px/1.5 system-ui,-apple-system,"Noto Sans KR","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid var(--line)}
.summary{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}
.summary li{background:#f3f3f3;padding:.3rem .7rem;border-radius:4px}
.filters{display:none;gap:1rem;flex-wrap:wrap;margin:1rem 0}.js .filters{display:flex}
.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
select{font:inherit;padding:.2rem}
.card{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:4px;padding:.6rem 1rem;margin:1rem 0;break-inside:avoid}
.card.conflict,.card.possible-conflict,.card.disputed{border-left-color:var(--conflict)}.possible-conflict .verdict{color:var(--conflict)}.disputed .verdict{color:var(--conflict)}.card.explained{border-left-color:var(--explained)}.card.supported,.card.agree{border-left-color:var(--ok)}
.card h3{margin:.2rem 0;font-size:1.05rem}.verdict{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}
.conflict .verdict{color:var(--conflict)}.explained .verdict{color:var(--explained)}.supported .verdict,.agree .verdict{color:var(--ok)}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:.8rem}
.side{background:#fafafa;border-radius:4px;padding:.4rem .6rem}
.claim{margin:.4rem 0}.claim .meta{font-size:.85rem;color:var(--muted)}
mark.fig{background:#ffe08a;color:#000;font-weight:700;padding:0 .1rem}
.numline{max-width:100%;height:auto}.nl-bar{fill:#6a8fd0;opacity:.7}.nl-point{fill:#102a5c}.nl-label,.nl-axis{font-size:11px;fill:#333}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:.3rem;text-align:left;vertical-align:top;font-size:.9rem}
[hidden]{display:none!important}
@media print{.filters{display:none!important}.card{page-break-inside:avoid}body{max-width:none}}
)CSS";

const char* kScript = R"JS(
document.documentElement.classList.add('js');
(function(){
  var selects = document.querySelectorAll('.filters select');
  function apply(){
    var want = {};
    selects.forEach(function(s){ want[s.name] = s.value; });
    document.querySelectorAll('.card').forEach(function(card){
      var show = true;
      for (var k in want) {
        if (!want[k]) continue;
        var have = (card.getAttribute('data-' + k) || '').split('\u001f');
        if (have.indexOf(want[k]) < 0) show = false;
      }
      card.hidden = !show;
    });
  }
  selects.forEach(function(s){ s.addEventListener('change', apply); });
})();
)JS";

}  // namespace

std::string html_report(const Run& run, const rules::RuleSet& rules, const std::string& lang) {
  std::map<std::string, const core::Claim*> by_id;
  for (const auto& c : run.claims) by_id[c.id] = &c;
  auto msg = [&](const char* key) { return esc(rules.message(lang, key)); };
  auto label_of = [&](const std::string& attribute) {
    if (const auto* a = rules.attribute(attribute)) return a->labels.count(lang) ? a->labels.at(lang) : a->labels.at("en");
    if (const auto* r = rules.relation(attribute)) return r->labels.count(lang) ? r->labels.at(lang) : r->labels.at("en");
    // A measure the lexicon does not know is shown as the article's own word.
    return attribute.rfind("np:", 0) == 0 ? attribute.substr(3) : attribute;
  };
  std::set<std::string> verdicts, subjects, attributes, outlets;
  for (const auto& f : run.findings) {
    verdicts.insert(f.verdict);
    subjects.insert(f.subject);
    attributes.insert(f.attribute);
    for (const auto& side : f.sides)
      for (const auto& id : side)
        if (auto it = by_id.find(id); it != by_id.end()) outlets.insert(run.articles[it->second->article].outlet);
  }
  std::ostringstream h;
  // The generator mark lets a later run skip this report when it lies in an input folder.
  h << "<!DOCTYPE html>\n<html lang=\"" << esc(lang) << "\"><head><meta charset=\"utf-8\"><meta name=\"generator\" content=\"crosscheck\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
    << "<title>" << msg("label.report-title") << "</title><style>" << kStyle << "</style></head><body>\n";
  h << "<header><h1>" << msg("label.report-title") << "</h1></header><main>\n";
  h << "<section aria-labelledby=\"summary\"><h2 id=\"summary\">" << msg("label.summary") << "</h2><p>" << esc(counts_line(run, rules, lang)) << "</p><p>"
    << esc(placement_line(run, rules, lang)) << "</p></section>\n";
  auto select = [&](const char* name, const char* label, const std::set<std::string>& values, bool verdict) {
    h << "<label>" << msg(label) << "<select name=\"" << name << "\"><option value=\"\">" << msg("label.all") << "</option>";
    for (const auto& v : values)
      h << "<option value=\"" << esc(v) << "\">" << esc(verdict ? rules.message(lang, "verdict." + v) : (std::string(name) == "attribute" ? label_of(v) : std::string(name) == "subject" ? subject_label(v, rules, lang, run.event_name) : v))
        << "</option>";
    h << "</select></label>";
  };
  h << "<form class=\"filters\" aria-label=\"" << msg("label.filters") << "\" onsubmit=\"return false\">";
  select("verdict", "label.verdict", verdicts, true);
  select("subject", "label.subject", subjects, false);
  select("attribute", "label.attribute", attributes, false);
  select("outlet", "label.outlet", outlets, false);
  h << "</form>\n";

  struct Section {
    const char* verdict;
    const char* heading;
  };
  for (const Section& section : {Section{"conflict", "label.conflicts-heading"},
                                 Section{"possible-conflict", "label.possible-conflicts-heading"}, Section{"disputed", "label.disputed-heading"},
                                 Section{"explained", "label.explained-heading"},
                                 Section{"supported", "label.supported-heading"}, Section{"agree", "label.agree-heading"}}) {
    std::vector<const core::Finding*> list;
    for (const auto& f : run.findings)
      if (f.verdict == section.verdict) list.push_back(&f);
    if (list.empty()) continue;
    h << "<section><h2>" << msg(section.heading) << " (" << list.size() << ")</h2>\n";
    for (const auto* f : list) {
      std::set<std::string> card_outlets;
      for (const auto& side : f->sides)
        for (const auto& id : side)
          if (auto it = by_id.find(id); it != by_id.end()) card_outlets.insert(run.articles[it->second->article].outlet);
      std::string outlet_attr;
      for (const auto& o : card_outlets) outlet_attr += (outlet_attr.empty() ? "" : "\x1f") + o;
      h << "<article class=\"card " << esc(f->verdict) << "\" id=\"" << esc(f->id) << "\" data-verdict=\"" << esc(f->verdict)
        << "\" data-subject=\"" << esc(f->subject) << "\" data-attribute=\"" << esc(f->attribute) << "\" data-outlet=\"" << esc(outlet_attr) << "\">";
      h << "<h3><span class=\"verdict\">" << esc(rules.message(lang, "verdict." + f->verdict)) << "</span> " << esc(f->id) << " · "
        << bdi(subject_label(f->subject, rules, lang, run.event_name)) << " · " << bdi(label_of(f->attribute)) << "</h3>";
      h << "<p class=\"explanation\">" << bdi(f->explanation) << "</p><div class=\"sides\">";
      for (const auto& side : f->sides) {
        h << "<div class=\"side\">";
        for (const auto& id : side) {
          auto it = by_id.find(id);
          if (it == by_id.end()) continue;
          const core::Claim& c = *it->second;
          const core::Article& a = run.articles[c.article];
          Excerpt e = excerpt(c, a, 60);
          h << "<div class=\"claim\" data-claim=\"" << esc(c.id) << "\"><div><bdi>" << esc(e.before) << "<mark class=\"fig\">" << esc(e.figure)
            << "</mark>" << esc(e.after) << "</bdi></div><div class=\"meta\">";
          std::string source = a.outlet.empty() ? rules.message(lang, "label.unknown-outlet") : a.outlet;
          if (!a.url.empty() && safe_url(a.url)) h << "<a href=\"" << esc(a.url) << "\" rel=\"noreferrer noopener\">" << bdi(source) << "</a>";
          else h << bdi(source);
          h << " · " << esc(a.published.empty() ? rules.message(lang, "label.unknown-date") : a.published) << " · " << esc(a.id) << " · "
            << esc(claim_value(c, rules, lang))
            << "</div></div>";
        }
        h << "</div>";
      }
      h << "</div>" << number_line(*f, by_id, rules, lang) << "</article>\n";
    }
    h << "</section>\n";
  }
  h << "<section><h2>" << msg("label.articles-heading") << "</h2><table><thead><tr><th>id</th><th>" << msg("label.outlet")
    << "</th><th>title</th><th>" << msg("label.skipped-regions") << "</th></tr></thead><tbody>";
  for (const auto& a : run.articles) {
    std::map<std::string, int> reasons;
    for (const auto& s : a.skipped) ++reasons[s.reason];
    std::string skipped;
    for (const auto& [r, n] : reasons) skipped += (skipped.empty() ? "" : ", ") + r + " ×" + std::to_string(n);
    h << "<tr><td>" << bdi(a.id) << "</td><td>" << bdi(a.outlet) << "</td><td>";
    if (!a.url.empty() && safe_url(a.url)) h << "<a href=\"" << esc(a.url) << "\" rel=\"noreferrer noopener\">" << bdi(a.title) << "</a>";
    else h << bdi(a.title);
    h << "</td><td>" << esc(skipped) << "</td></tr>";
  }
  h << "</tbody></table>";
  bool any_problem = false;
  for (const auto& i : run.inputs) any_problem |= i.status != "ok" || !i.reason.empty();
  if (any_problem) {
    h << "<h2>" << msg("label.inputs-heading") << "</h2><ul>";
    for (const auto& i : run.inputs)
      if (i.status != "ok" || !i.reason.empty()) h << "<li>" << esc(i.status) << " — " << esc(i.path) << ": " << esc(i.reason) << "</li>";
    h << "</ul>";
  }
  h << "</section></main><script>" << kScript << "</script></body></html>\n";
  return h.str();
}

}  // namespace crosscheck::report

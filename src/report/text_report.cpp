#include <map>
#include <sstream>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/report.hpp"

namespace crosscheck::report {

namespace {

struct Style {
  bool color;
  std::string paint(const std::string& s, const char* code) const { return color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s; }
};

// Text from an article, as a terminal may show it: C0 and C1 controls (ESC among them, which
// would let an outlet name clear the screen or forge a summary line) and DEL become a visible
// U+FFFD, line breaks a space, so every field stays on its own line, and a bidi control its code
// point ([U+202E]), so an outlet's name cannot turn the rest of the line around.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t length = 1;
    char32_t c = core::decode_at(s, pos, length);
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (core::is_control_char(c)) out += "\xEF\xBF\xBD";
    else if (core::is_bidi_control(c)) out += core::visible_code_point(c);
    else out.append(s.substr(pos, length));
    pos += length;
  }
  return out;
}

// Cuts a string to a display width (wide Korean characters count two columns).
std::string fit(const std::string& s, int width) {
  if (core::display_width(s) <= width) return s;
  std::string out;
  int used = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t length = 1;
    core::decode_at(s, pos, length);
    std::string piece = s.substr(pos, length);
    int w = core::display_width(piece);
    if (used + w > width - 1) break;
    out += piece;
    used += w;
    pos += length;
  }
  return out + "…";
}

// Wraps text to a display width, breaking at spaces where possible.
std::vector<std::string> wrap(const std::string& s, int width) {
  std::vector<std::string> lines;
  std::string line, word;
  auto flush_word = [&]() {
    if (word.empty()) return;
    if (!line.empty() && core::display_width(line) + 1 + core::display_width(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : s) {
    if (c == ' ') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
  for (auto& l : lines) l = fit(l, width);
  return lines;
}

std::string pad(const std::string& s, int width) {
  int w = core::display_width(s);
  return w >= width ? s : s + std::string(static_cast<std::size_t>(width - w), ' ');
}

}  // namespace

std::string text_report(const Run& run, const rules::RuleSet& rules, const TextOptions& options) {
  Style style{options.color};
  const std::string& lang = options.language;
  int width = std::max(60, options.width);
  std::map<std::string, const core::Claim*> by_id;
  for (const auto& c : run.claims) by_id[c.id] = &c;
  std::ostringstream out;
  {
    auto lines = wrap("crosscheck — " + counts_line(run, rules, lang), width);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out << (i == 0 ? style.paint(lines[i].substr(0, std::string("crosscheck").size()), "1") + lines[i].substr(std::string("crosscheck").size()) : lines[i]) << "\n";
  }

  struct Section {
    const char* verdict;
    const char* heading;
    const char* color;
  };
  for (const Section& section : {Section{"conflict", "label.conflicts-heading", "1;31"},
                                 Section{"possible-conflict", "label.possible-conflicts-heading", "1;31"},
                                 Section{"disputed", "label.disputed-heading", "1;35"},
                                 Section{"explained", "label.explained-heading", "1;33"},
                                 Section{"supported", "label.supported-heading", "1;32"}, Section{"agree", "label.agree-heading", "1;32"}}) {
    std::vector<const core::Finding*> list;
    for (const auto& f : run.findings)
      if (f.verdict == section.verdict) list.push_back(&f);
    if (list.empty()) continue;
    out << "\n" << style.paint(rules.message(lang, section.heading) + " (" + std::to_string(list.size()) + ")", section.color) << "\n";
    bool brief = std::string(section.verdict) == "agree";
    for (const auto* f : list) {
      std::string attribute = f->attribute.rfind("np:", 0) == 0 ? f->attribute.substr(3) : f->attribute;
      if (const auto* a = rules.attribute(f->attribute)) attribute = a->labels.count(lang) ? a->labels.at(lang) : a->labels.at("en");
      if (const auto* r = rules.relation(f->attribute)) attribute = r->labels.count(lang) ? r->labels.at(lang) : r->labels.at("en");
      out << "\n" << style.paint("[" + f->id + "] " + rules.message(lang, "verdict." + f->verdict), section.color) << "  "
          << style.paint(printable(subject_label(f->subject, rules, lang, run.event_name) + " · " + attribute), "1") << "\n";
      for (const auto& line : wrap(printable(f->explanation), width - 4)) out << "    " << line << "\n";
      for (std::size_t side = 0; side < f->sides.size(); ++side) {
        for (const auto& id : f->sides[side]) {
          auto it = by_id.find(id);
          if (it == by_id.end()) continue;
          const core::Claim& c = *it->second;
          const core::Article& a = run.articles[c.article];
          std::string outlet = a.outlet.empty() ? rules.message(lang, "label.unknown-outlet") : a.outlet;
          std::string date = a.published.empty() ? rules.message(lang, "label.unknown-date") : a.published.substr(0, 10);
          std::string marker = f->sides.size() > 1 ? std::string(1, static_cast<char>('A' + std::min<std::size_t>(side, 25))) : std::string("·");
          std::string value = (c.quantity.dimension == core::Dimension::entity ? "→ " : "") + claim_value(c, rules, lang);
          std::string head = "  " + marker + " " + pad(printable(c.quantity.surface), 18) + " " + value;
          out << fit(head, width) << "\n";
          out << fit(printable("      " + outlet + " · " + date + " · " + a.id), width) << "\n";
          if (brief) continue;
          Excerpt e = excerpt(c, a, 30);
          e.before = printable(e.before), e.figure = printable(e.figure), e.after = printable(e.after);
          std::string plain = "      " + e.before + "[" + e.figure + "]" + e.after;
          if (style.color && core::display_width(plain) <= width)
            out << "      " << e.before << style.paint(e.figure, "1;4") << e.after << "\n";
          else
            out << fit(plain, width) << "\n";
        }
      }
    }
  }
  std::vector<const core::InputStatus*> problems;
  for (const auto& i : run.inputs)
    if (i.status != "ok" || !i.reason.empty()) problems.push_back(&i);
  if (!problems.empty()) {
    out << "\n" << style.paint(rules.message(lang, "label.inputs-heading"), "1") << "\n";
    for (const auto* i : problems) out << fit(printable("  " + i->status + "  " + i->path + ": " + i->reason), width) << "\n";
  }
  out << "\n";
  for (const auto& line : wrap(rules.message(lang, "label.summary") + ": " + counts_line(run, rules, lang), width)) out << line << "\n";
  for (const auto& line : wrap(placement_line(run, rules, lang), width)) out << line << "\n";
  return out.str();
}

}  // namespace crosscheck::report

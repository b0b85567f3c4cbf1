#include <cmath>
#include <ostream>
#include <sstream>

#include "core/parallel.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/report.hpp"

namespace crosscheck::report {

namespace {

nlohmann::ordered_json number(double v) {
  if (std::isinf(v) || std::isnan(v)) return nullptr;  // JSON has no infinity: null means unbounded
  return v;
}

const core::Claim* find_claim(const std::vector<core::Claim>& claims, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= claims.size()) return nullptr;
  return &claims[static_cast<std::size_t>(index)];
}

}  // namespace

nlohmann::ordered_json claim_json(const core::Claim& c, const std::vector<core::Article>& articles,
                                  const std::vector<core::Claim>& claims) {
  const auto& a = articles[c.article];
  const auto& q = c.quantity;
  nlohmann::ordered_json j;
  j["id"] = c.id;
  j["article"] = a.id;
  j["article_outlet"] = a.outlet;
  j["article_published"] = a.published;
  j["text"] = q.surface;
  j["start"] = q.span.start;
  j["end"] = q.span.end;
  std::size_t start_cp = core::count_code_points(a.text, 0, q.span.start);
  j["start_cp"] = start_cp;
  j["end_cp"] = start_cp + core::count_code_points(a.text, q.span.start, q.span.end);
  j["sentence"] = c.article < articles.size() ? std::string(core::sentence_of(c, articles[c.article])) : c.sentence_text.str();
  j["sentence_start"] = c.sentence_start;
  j["value"] = {{"point", number(q.point)}, {"lo", number(q.value.lo)}, {"hi", number(q.value.hi)},
                {"lo_closed", q.value.lo_closed}, {"hi_closed", q.value.hi_closed}, {"unit", q.unit}};
  j["dimension"] = core::dimension_name(q.dimension);
  if (!q.counted.empty()) j["counted"] = q.counted;
  j["modifiers"] = q.modifiers;
  j["subject"] = c.subject.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.subject);
  j["subject_root"] = c.subject_root.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.subject_root);
  j["subject_source"] = c.subject_source;
  j["attribute"] = c.attribute.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.attribute);
  j["attribute_source"] = c.attribute_source;
  nlohmann::ordered_json scope = nlohmann::ordered_json::object();
  auto put = [&](const char* key, const std::string& v) { scope[key] = v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v); };
  put("date", c.scope.date.to_string());
  put("period", c.scope.period);
  put("window", c.scope.window);
  put("basis", c.scope.basis);
  put("kind", c.scope.kind);
  put("direction", c.scope.direction);
  put("attribution", c.scope.attribution);
  put("qualifier", c.scope.qualifier);
  if (!c.scope.role.empty()) scope["role"] = c.scope.role;
  j["scope"] = scope;
  j["key"] = c.key;
  if (q.dimension == core::Dimension::entity) {
    j["relation_value"] = c.relation_value;
    j["attributed_to"] = c.attributed_to.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.attributed_to);
  }
  if (const core::Claim* main = find_claim(claims, c.linked_to)) {
    j["linked_to"] = main->id;
    j["link"] = q.link;
  }
  return j;
}

namespace {

nlohmann::ordered_json article_json(const core::Article& a) {
  auto or_null = [](const std::string& v) { return v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v); };
  nlohmann::ordered_json aj;
  aj["id"] = a.id;
  aj["outlet"] = or_null(a.outlet);
  aj["url"] = or_null(a.url);
  aj["published"] = or_null(a.published);
  aj["title"] = a.title;
  aj["byline"] = or_null(a.byline);
  aj["path"] = a.path;
  aj["sentences"] = a.sentences.size();
  aj["skipped"] = nlohmann::ordered_json::array();
  for (const auto& s : a.skipped) {
    std::size_t length = std::min<std::size_t>(s.span.end - s.span.start, 120);
    while (length > 0 && s.span.start + length < a.text.size() && (static_cast<unsigned char>(a.text[s.span.start + length]) & 0xC0) == 0x80)
      --length;  // cut on a character boundary
    std::string excerpt = a.text.substr(s.span.start, length);
    std::vector<core::InvalidByte> unused;
    aj["skipped"].push_back({{"start", s.span.start}, {"end", s.span.end}, {"reason", s.reason},
                             {"excerpt", core::repair_utf8(excerpt, unused)}});
  }
  aj["metadata_notes"] = a.metadata_notes;
  if (!a.extra.empty()) aj["extra"] = a.extra;
  return aj;
}

nlohmann::ordered_json finding_json(const core::Finding& f) {
  nlohmann::ordered_json fj;
  fj["id"] = f.id;
  fj["verdict"] = f.verdict;
  fj["check"] = f.check;
  fj["subject"] = f.subject;
  fj["attribute"] = f.attribute;
  fj["sides"] = f.sides;
  fj["reasons"] = f.reasons;
  fj["explanation"] = f.explanation;
  if (!f.evidence.empty()) fj["evidence"] = f.evidence;
  return fj;
}

// One element of the output, on one line, invalid UTF-8 replaced rather than thrown on.
std::string dump(const nlohmann::ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Formats elements [0, size) on all cores a block at a time and hands each text to `emit` in
// index order: the output is streamed, and it does not depend on scheduling.
template <typename Format, typename Emit>
void format_in_order(std::size_t size, const Format& format, const Emit& emit) {
  constexpr std::size_t kBlock = 4096;
  std::vector<std::string> texts;
  for (std::size_t start = 0; start < size; start += kBlock) {
    texts.assign(std::min(kBlock, size - start), std::string());
    core::parallel_for(texts.size(), [&](std::size_t i) { texts[i] = format(start + i); });
    for (std::size_t i = 0; i < texts.size(); ++i) emit(start + i, texts[i]);
  }
}

}  // namespace

void write_run_json(const Run& run, std::ostream& out) {
  // Streamed member by member and element by element: a large run never holds the whole
  // document as a JSON tree, only one block of formatted elements at a time.
  auto array = [&](const char* name, std::size_t size, const auto& element) {
    out << "\"" << name << "\": [";
    format_in_order(size, [&](std::size_t i) { return dump(element(i)); },
                    [&](std::size_t i, const std::string& text) { out << (i ? ",\n  " : "\n  ") << text; });
    out << (size ? "\n]" : "]") << ",\n";
  };
  out << "{\n\"tool\": " << dump({{"name", "crosscheck"}, {"version", run.version}, {"schema", 1}}) << ",\n";
  array("articles", run.articles.size(), [&](std::size_t i) { return article_json(run.articles[i]); });
  array("claims", run.claims.size(), [&](std::size_t i) { return claim_json(run.claims[i], run.articles, run.claims); });
  array("findings", run.findings.size(), [&](std::size_t i) { return finding_json(run.findings[i]); });
  array("inputs", run.inputs.size(), [&](std::size_t i) {
    const auto& in = run.inputs[i];
    return nlohmann::ordered_json{{"path", in.path}, {"status", in.status == "skipped" ? "skipped" : "ok"}, {"reason", in.reason}};
  });
  array("diagnostics", run.diagnostics.size(), [&](std::size_t i) {
    const auto& d = run.diagnostics[i];
    return nlohmann::ordered_json{{"severity", core::severity_name(d.severity)}, {"code", d.code}, {"message", d.message},
                                  {"file", d.file}, {"line", d.line}, {"column", d.column}};
  });
  Counts c = count(run);
  out << "\"summary\": "
      << dump({{"articles", run.articles.size()}, {"inputs_skipped", c.skipped_inputs}, {"claims", run.claims.size()},
               {"conflicts", c.conflicts}, {"disputed", c.disputed}, {"explained", c.explained}, {"agree", c.agree},
               {"supported", c.supported}})
      << "\n}\n";
}

void write_claims_jsonl(const std::vector<core::Claim>& claims, const std::vector<core::Article>& articles, std::ostream& out) {
  format_in_order(claims.size(), [&](std::size_t i) { return dump(claim_json(claims[i], articles, claims)); },
                  [&](std::size_t, const std::string& line) { out << line << '\n'; });
}

nlohmann::ordered_json run_json(const Run& run) {
  std::ostringstream text;
  write_run_json(run, text);
  return nlohmann::ordered_json::parse(text.str());
}

}  // namespace crosscheck::report

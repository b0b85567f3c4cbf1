#include <cmath>
#include <ostream>
#include <sstream>

#include "core/parallel.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace crosscheck::report {

namespace {

const core::Claim* find_claim(const std::vector<core::Claim>& claims, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= claims.size()) return nullptr;
  return &claims[static_cast<std::size_t>(index)];
}

void write_claim(JsonWriter& w, const core::Claim& c, const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) {
  const auto& a = articles[c.article];
  const auto& q = c.quantity;
  auto size = [](std::size_t n) { return static_cast<std::uint64_t>(n); };
  w.begin_object();
  w.key("id").string(c.id);
  w.key("article").string(a.id);
  w.key("article_outlet").string(a.outlet);
  w.key("article_published").string(a.published);
  w.key("text").string(q.surface);
  w.key("start").number(size(q.span.start));
  w.key("end").number(size(q.span.end));
  std::size_t start_cp = core::count_code_points(a.text, 0, q.span.start);
  w.key("start_cp").number(size(start_cp));
  w.key("end_cp").number(size(start_cp + core::count_code_points(a.text, q.span.start, q.span.end)));
  w.key("sentence").string(core::sentence_of(c, a));
  w.key("sentence_start").number(size(c.sentence_start));
  w.key("value").begin_object();
  w.key("point").number(q.point);
  w.key("lo").number(q.value.lo);
  w.key("hi").number(q.value.hi);
  w.key("lo_closed").boolean(q.value.lo_closed);
  w.key("hi_closed").boolean(q.value.hi_closed);
  w.key("unit").string(q.unit);
  w.end_object();
  w.key("dimension").string(core::dimension_name(q.dimension));
  if (!q.counted.empty()) w.key("counted").string(q.counted);
  w.key("modifiers").begin_array();
  for (const auto& m : q.modifiers) w.string(m);
  w.end_array();
  w.key("subject").string_or_null(c.subject);
  w.key("subject_root").string_or_null(c.subject_root);
  w.key("subject_source").string(c.subject_source);
  w.key("attribute").string_or_null(c.attribute);
  w.key("attribute_source").string(c.attribute_source);
  w.key("scope").begin_object();
  w.key("date").string_or_null(c.scope.date.to_string());
  w.key("period").string_or_null(c.scope.period);
  w.key("window").string_or_null(c.scope.window);
  w.key("basis").string_or_null(c.scope.basis);
  w.key("kind").string_or_null(c.scope.kind);
  w.key("direction").string_or_null(c.scope.direction);
  w.key("attribution").string_or_null(c.scope.attribution);
  w.key("qualifier").string_or_null(c.scope.qualifier);
  if (!c.scope.role.empty()) w.key("role").string(c.scope.role);
  w.end_object();
  w.key("key").string(c.key);
  if (q.dimension == core::Dimension::entity) {
    w.key("relation_value").string(c.relation_value);
    w.key("attributed_to").string_or_null(c.attributed_to);
  }
  if (const core::Claim* main = find_claim(claims, c.linked_to)) {
    w.key("linked_to").string(main->id);
    w.key("link").string(q.link);
  }
  w.end_object();
}

std::string article_text(const core::Article& a) {
  std::string text;
  text.reserve(512);
  JsonWriter w(text);
  auto size = [](std::size_t n) { return static_cast<std::uint64_t>(n); };
  w.begin_object();
  w.key("id").string(a.id);
  w.key("outlet").string_or_null(a.outlet);
  w.key("url").string_or_null(a.url);
  w.key("published").string_or_null(a.published);
  w.key("title").string(a.title);
  w.key("byline").string_or_null(a.byline);
  w.key("path").string(a.path);
  w.key("sentences").number(size(a.sentences.size()));
  w.key("skipped").begin_array();
  for (const auto& s : a.skipped) {
    std::size_t length = std::min<std::size_t>(s.span.end - s.span.start, 120);
    while (length > 0 && s.span.start + length < a.text.size() && (static_cast<unsigned char>(a.text[s.span.start + length]) & 0xC0) == 0x80)
      --length;  // cut on a character boundary
    w.begin_object();
    w.key("start").number(size(s.span.start));
    w.key("end").number(size(s.span.end));
    w.key("reason").string(s.reason);
    std::vector<core::InvalidByte> unused;
    w.key("excerpt").string(core::repair_utf8(std::string_view(a.text).substr(s.span.start, length), unused));
    w.end_object();
  }
  w.end_array();
  w.key("metadata_notes").begin_array();
  for (const auto& note : a.metadata_notes) w.string(note);
  w.end_array();
  if (!a.extra.empty()) w.key("extra").json(a.extra);
  w.end_object();
  return text;
}

std::string finding_text(const core::Finding& f) {
  std::string text;
  text.reserve(512);
  JsonWriter w(text);
  auto strings = [&](const std::vector<std::string>& list) {
    w.begin_array();
    for (const auto& s : list) w.string(s);
    w.end_array();
  };
  w.begin_object();
  w.key("id").string(f.id);
  w.key("verdict").string(f.verdict);
  w.key("check").string(f.check);
  w.key("subject").string(f.subject);
  w.key("attribute").string(f.attribute);
  w.key("sides").begin_array();
  for (const auto& side : f.sides) strings(side);
  w.end_array();
  w.key("reasons");
  strings(f.reasons);
  w.key("explanation").string(f.explanation);
  if (!f.evidence.empty()) w.key("evidence").json(f.evidence);
  w.end_object();
  return text;
}

std::string claim_text(const core::Claim& c, const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) {
  std::string text;
  text.reserve(768);
  JsonWriter w(text);
  write_claim(w, c, articles, claims);
  return text;
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
  auto array_text = [&](const char* name, std::size_t size, const auto& element_text) {
    out << "\"" << name << "\": [";
    format_in_order(size, element_text, [&](std::size_t i, const std::string& text) { out << (i ? ",\n  " : "\n  ") << text; });
    out << (size ? "\n]" : "]") << ",\n";
  };
  auto array = [&](const char* name, std::size_t size, const auto& element) {
    array_text(name, size, [&](std::size_t i) { return dump(element(i)); });
  };
  out << "{\n\"tool\": " << dump({{"name", "crosscheck"}, {"version", run.version}, {"schema", 1}}) << ",\n";
  array_text("articles", run.articles.size(), [&](std::size_t i) { return article_text(run.articles[i]); });
  array_text("claims", run.claims.size(), [&](std::size_t i) { return claim_text(run.claims[i], run.articles, run.claims); });
  array_text("findings", run.findings.size(), [&](std::size_t i) { return finding_text(run.findings[i]); });
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
  format_in_order(claims.size(), [&](std::size_t i) { return claim_text(claims[i], articles, claims); },
                  [&](std::size_t, const std::string& line) { out << line << '\n'; });
}

nlohmann::ordered_json run_json(const Run& run) {
  std::ostringstream text;
  write_run_json(run, text);
  return nlohmann::ordered_json::parse(text.str());
}

}  // namespace crosscheck::report

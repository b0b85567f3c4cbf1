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

// What one worker carries from a claim to the next while writing a stretch of them: claims come
// in article order, so the code points before a claim are counted on from the previous claim's
// start instead of from the article's start, and a sentence with several figures is escaped once.
struct ClaimContext {
  const core::Article* article = nullptr;
  std::size_t counted_to = 0;   // a byte offset into article->text
  std::size_t code_points = 0;  // code points before counted_to
  std::string_view sentence;    // the last sentence written (a view of the text it was read from)
  std::string sentence_json;    // that sentence as a JSON string

  std::size_t code_points_before(const core::Article& a, std::size_t offset) {
    if (article != &a || offset < counted_to) article = &a, counted_to = 0, code_points = 0;
    code_points += core::count_code_points(a.text, counted_to, offset);
    counted_to = offset;
    return code_points;
  }
  const std::string& sentence_as_json(std::string_view text) {
    // The same view (same characters, same place) is the same sentence of the same article.
    if (text.data() != sentence.data() || text.size() != sentence.size() || sentence_json.empty()) {
      sentence = text;
      sentence_json.clear();
      JsonWriter(sentence_json).string(text);
    }
    return sentence_json;
  }
};

void write_claim(JsonWriter& w, ClaimContext& context, const core::Claim& c, const std::vector<core::Article>& articles,
                 const std::vector<core::Claim>& claims, const std::string& event_name) {
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
  std::size_t start_cp = context.code_points_before(a, q.span.start);
  w.key("start_cp").number(size(start_cp));
  w.key("end_cp").number(size(start_cp + core::count_code_points(a.text, q.span.start, q.span.end)));
  w.key("sentence").json_text(context.sentence_as_json(core::sentence_of(c, a)));
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
  if (c.subject == "event" && !event_name.empty()) w.key("subject_label").string(event_name);  // the event as the pages name it
  w.key("attribute").string_or_null(c.attribute);
  w.key("attribute_source").string(c.attribute_source);
  if (!c.measure_word.empty()) w.key("measure").string(c.measure_word);  // the article's own word for it
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
  if (!c.scope.as_of.empty()) {
    w.key("as_of").string(c.scope.as_of);
    w.key("as_of_source").string(c.scope.as_of_source);
  }
  if (!c.scope.period_source.empty()) w.key("period_source").string(c.scope.period_source);
  if (!c.scope.date_source.empty()) w.key("date_source").string(c.scope.date_source);
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

void write_article(std::string& text, const core::Article& a) {
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
}

void write_finding(std::string& text, const core::Finding& f) {
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
}

void write_claim(std::string& text, ClaimContext& context, const core::Claim& c, const std::vector<core::Article>& articles,
                 const std::vector<core::Claim>& claims, const std::string& event_name) {
  JsonWriter w(text);
  write_claim(w, context, c, articles, claims, event_name);
}

// For elements written without a context of their own.
struct NoContext {};

// One element of the output, on one line, invalid UTF-8 replaced rather than thrown on.
std::string dump(const nlohmann::ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Formats elements [0, size) on all cores a block at a time and hands the text to `emit` in
// index order: the output is streamed, and it does not depend on scheduling. Each worker appends
// one unbroken stretch of a block to a text of its own, append(context, i, text) element after
// element, with a Context of its own that it carries from an element to the next. `emit` gets a
// stretch at a time: the part that runs on one core is a write per stretch, not per element, and
// the stretch texts keep their memory from a block to the next.
template <typename Context, typename Append, typename Emit>
void format_in_order(std::size_t size, const Append& append, const Emit& emit) {
  constexpr std::size_t kBlock = 4096;
  std::vector<std::string> texts(core::worker_count());
  for (std::size_t start = 0; start < size; start += kBlock) {
    std::size_t n = std::min(kBlock, size - start);
    std::size_t stretches = std::min(texts.size(), n);
    core::parallel_for(stretches, [&](std::size_t k) {
      Context context;
      std::string& text = texts[k];
      text.clear();
      for (std::size_t i = n * k / stretches; i < n * (k + 1) / stretches; ++i) append(context, start + i, text);
    });
    for (std::size_t k = 0; k < stretches; ++k) emit(texts[k]);
  }
}

}  // namespace

void write_run_json(const Run& run, std::ostream& out) {
  // Streamed member by member and element by element: a large run never holds the whole
  // document as a JSON tree, only one block of formatted elements at a time.
  auto array_with = [&]<typename Context>(Context, const char* name, std::size_t size, const auto& append_element) {
    out << "\"" << name << "\": [";
    format_in_order<Context>(
        size,
        [&](Context& context, std::size_t i, std::string& text) {
          text += i ? ",\n  " : "\n  ";
          append_element(context, i, text);
        },
        [&](const std::string& text) { out << text; });
    out << (size ? "\n]" : "]") << ",\n";
  };
  auto array_text = [&](const char* name, std::size_t size, const auto& append_element) {
    array_with(NoContext{}, name, size, [&](NoContext&, std::size_t i, std::string& text) { append_element(i, text); });
  };
  auto array = [&](const char* name, std::size_t size, const auto& element) {
    array_text(name, size, [&](std::size_t i, std::string& text) { text += dump(element(i)); });
  };
  out << "{\n\"tool\": " << dump({{"name", "crosscheck"}, {"version", run.version}, {"schema", 1}}) << ",\n";
  out << "\"story\": " << dump({{"event", run.event_name.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(run.event_name)}}) << ",\n";
  array_text("articles", run.articles.size(), [&](std::size_t i, std::string& text) { write_article(text, run.articles[i]); });
  array_with(ClaimContext{}, "claims", run.claims.size(), [&](ClaimContext& context, std::size_t i, std::string& text) {
    write_claim(text, context, run.claims[i], run.articles, run.claims, run.event_name);
  });
  array_text("findings", run.findings.size(), [&](std::size_t i, std::string& text) { write_finding(text, run.findings[i]); });
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
  Placement placed = placement(run);
  out << "\"summary\": "
      << dump({{"articles", run.articles.size()}, {"inputs_skipped", c.skipped_inputs}, {"claims", run.claims.size()},
               {"conflicts", c.conflicts}, {"possible_conflicts", c.possible_conflicts}, {"disputed", c.disputed}, {"explained", c.explained}, {"agree", c.agree},
               {"supported", c.supported}, {"figures_compared", placed.compared},
               {"figures_not_compared", {{"no_subject", placed.no_subject}, {"no_measure", placed.no_measure},
                                         {"no_other_figure", placed.alone}}}})
      << "\n}\n";
}

void write_claims_jsonl(const std::vector<core::Claim>& claims, const std::vector<core::Article>& articles, std::ostream& out) {
  format_in_order<ClaimContext>(
      claims.size(),
      [&](ClaimContext& context, std::size_t i, std::string& text) {
        write_claim(text, context, claims[i], articles, claims, "");
        text += '\n';
      },
      [&](const std::string& lines) { out << lines; });
}

nlohmann::ordered_json run_json(const Run& run) {
  std::ostringstream text;
  write_run_json(run, text);
  return nlohmann::ordered_json::parse(text.str());
}

}  // namespace crosscheck::report

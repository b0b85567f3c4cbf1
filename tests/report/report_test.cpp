#include <doctest/doctest.h>

#include <sstream>

#include "core/utf8.hpp"
#include "report/report.hpp"
#include "test_support.hpp"

using nlohmann::json;

namespace {

// A validator for the part of JSON Schema the report schema uses: type, required,
// properties, items, enum. Returns the first problem, with its JSON path.
std::string validate(const json& value, const json& schema, const std::string& path = "$") {
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& allowed : schema["enum"]) found |= allowed == value;
    if (!found) return path + ": " + value.dump() + " is not one of " + schema["enum"].dump();
  }
  if (schema.contains("type")) {
    std::vector<std::string> types;
    if (schema["type"].is_array()) for (const auto& t : schema["type"]) types.push_back(t);
    else types.push_back(schema["type"]);
    auto is = [&](const std::string& t) {
      if (t == "object") return value.is_object();
      if (t == "array") return value.is_array();
      if (t == "string") return value.is_string();
      if (t == "integer") return value.is_number_integer();
      if (t == "number") return value.is_number();
      if (t == "boolean") return value.is_boolean();
      if (t == "null") return value.is_null();
      return false;
    };
    if (std::none_of(types.begin(), types.end(), is)) return path + ": expected " + schema["type"].dump() + ", got " + value.dump().substr(0, 40);
  }
  if (value.is_object()) {
    if (schema.contains("required"))
      for (const auto& key : schema["required"])
        if (!value.contains(key.get<std::string>())) return path + ": missing " + key.get<std::string>();
    if (schema.contains("properties"))
      for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
        if (value.contains(it.key()))
          if (auto problem = validate(value[it.key()], it.value(), path + "." + it.key()); !problem.empty()) return problem;
  }
  if (value.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < value.size(); ++i)
      if (auto problem = validate(value[i], schema["items"], path + "[" + std::to_string(i) + "]"); !problem.empty()) return problem;
  return "";
}

const json& schema() {
  static json s = json::parse(test::read_file(test::source_dir() + "/docs/report.schema.json"));
  return s;
}

}  // namespace

TEST_CASE("the JSON report matches its schema, on the fixtures and on bad input") {
  test::TempDir dir;
  dir.file("bad.jsonl", "{nope\n");
  dir.file("empty.txt", "");
  auto result = test::run([&] { auto p = test::showcase_stories(); p.push_back(dir.path()); return p; }());
  result.run.version = "test";
  json j = json::parse(crosscheck::report::run_json(result.run).dump());
  CHECK(validate(j, schema()) == "");
  CHECK(j["claims"].size() > 20);
  // The validator itself must be able to fail.
  j["findings"].push_back({{"id", "X"}, {"verdict", "maybe"}, {"check", "values"}, {"sides", json::array()}, {"reasons", json::array()}, {"explanation", ""}});
  CHECK(validate(j, schema()).find("is not one of") != std::string::npos);
}

TEST_CASE("every claim is traceable: its offsets give back its text") {
  auto result = test::run(test::showcase_stories());
  REQUIRE_FALSE(result.run.claims.empty());
  for (const auto& c : result.run.claims) {
    const auto& text = result.run.articles[c.article].text;
    CHECK(text.substr(c.quantity.span.start, c.quantity.span.end - c.quantity.span.start) == c.quantity.surface);
    CHECK(crosscheck::core::sentence_of(c, result.run.articles[c.article]).find(c.quantity.surface) != std::string::npos);
  }
}

TEST_CASE("terminal report: colour only when asked, lines fit the width by display width") {
  auto result = test::run(test::showcase_stories());
  auto plain = crosscheck::report::text_report(result.run, test::rules(), {"en", false, 80});
  auto coloured = crosscheck::report::text_report(result.run, test::rules(), {"en", true, 80});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find("\x1b[") != std::string::npos);
  std::istringstream lines(plain);
  std::string line;
  while (std::getline(lines, line)) CHECK(crosscheck::core::display_width(line) <= 80);
  auto korean = crosscheck::report::text_report(result.run, test::rules(), {"ko", false, 80});
  CHECK(korean.find("충돌") != std::string::npos);
}

TEST_CASE("a listed entity goes by its label in the report's language, never by its id") {
  std::string story = test::source_dir() + "/fixtures/stories/deepseek-selloff";
  std::istringstream none;
  auto ko = crosscheck::cli::run_pipeline({story}, test::rules(), &none, "ko");
  std::string korean = crosscheck::report::text_report(ko.run, test::rules(), {"ko", false, 100});
  for (const char* id : {"US-government", "Jensen-Huang", "Colette-Kress"}) CHECK(korean.find(id) == std::string::npos);
  CHECK(korean.find("미국 정부") != std::string::npos);
  CHECK(korean.find("젠슨 황") != std::string::npos);
  auto en = crosscheck::cli::run_pipeline({story}, test::rules(), &none, "en");
  std::string english = crosscheck::report::text_report(en.run, test::rules(), {"en", false, 100});
  CHECK(english.find("US-government") == std::string::npos);
  CHECK(english.find("US government") != std::string::npos);
}

TEST_CASE("HTML report: self-contained, article text escaped") {
  test::TempDir dir;
  std::string hostile =
      "{\"id\":\"x\",\"url\":\"javascript:alert(1)\",\"outlet\":\"<script>alert(1)</script>\",\"title\":\"</style><b>t</b>\","
      "\"text\":\"딥시크 브이3 훈련 비용은 557만달러다. \\\"><img src=x onerror=alert(1)>\"}\n"
      "{\"id\":\"y\",\"url\":\"https://example.org/a\",\"text\":\"딥시크 브이3 훈련 비용은 5억5700만달러다.\"}\n";
  auto result = test::run({dir.file("h.jsonl", hostile)});
  auto html = crosscheck::report::html_report(result.run, test::rules(), "en");
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("href=\"https://example.org/a\"") != std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  // Nothing fetched from anywhere.
  for (const char* external : {"src=\"http", "href=\"//", "@import", "url(http"}) CHECK(html.find(external) == std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
}

TEST_CASE("the JSON report writes every field of each article and finding, as a JSON library would") {
  // The report writes its elements with its own writer; this builds the same elements with
  // nlohmann from the run's fields and compares the parsed values. The inputs hold page furniture
  // (skipped regions), passed-through JSONL fields, quotes and control characters.
  test::TempDir dir;
  dir.file("extra.jsonl",
           "{\"id\":\"q\",\"title\":\"\\\"Quoted\\\" title\\twith a tab\",\"section\":{\"name\":\"경제\",\"rank\":2},"
           "\"text\":\"엔비디아 주가는 1월27일 118.42달러에 거래를 마쳤다. 하루 17% 떨어졌다.\"}\n");
  auto result = test::run([&] { auto p = test::showcase_stories(); p.push_back(dir.path()); return p; }());
  json j = json::parse(crosscheck::report::run_json(result.run).dump());
  auto or_null = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  REQUIRE(j["articles"].size() == result.run.articles.size());
  bool saw_skipped = false, saw_extra = false;
  for (std::size_t i = 0; i < result.run.articles.size(); ++i) {
    const auto& a = result.run.articles[i];
    json expected = {{"id", a.id}, {"outlet", or_null(a.outlet)}, {"url", or_null(a.url)}, {"published", or_null(a.published)},
                     {"title", a.title}, {"byline", or_null(a.byline)}, {"path", a.path}, {"sentences", a.sentences.size()},
                     {"skipped", json::array()}, {"metadata_notes", a.metadata_notes}};
    for (const auto& s : a.skipped) {
      const json& written = j["articles"][i]["skipped"][expected["skipped"].size()];
      std::string excerpt = written.value("excerpt", "");
      // The excerpt is the region's start, at most 120 bytes, cut on a character boundary.
      CHECK(excerpt.size() <= 120);
      CHECK(a.text.compare(s.span.start, excerpt.size(), excerpt) == 0);
      expected["skipped"].push_back({{"start", s.span.start}, {"end", s.span.end}, {"reason", s.reason}, {"excerpt", excerpt}});
      saw_skipped = true;
    }
    if (!a.extra.empty()) expected["extra"] = a.extra, saw_extra = true;
    CHECK(j["articles"][i] == expected);
  }
  CHECK(saw_skipped);
  CHECK(saw_extra);
  REQUIRE(j["findings"].size() == result.run.findings.size());
  bool saw_evidence = false;
  for (std::size_t i = 0; i < result.run.findings.size(); ++i) {
    const auto& f = result.run.findings[i];
    json expected = {{"id", f.id}, {"verdict", f.verdict}, {"check", f.check}, {"subject", f.subject}, {"attribute", f.attribute},
                     {"sides", f.sides}, {"reasons", f.reasons}, {"explanation", f.explanation}};
    if (!f.evidence.empty()) expected["evidence"] = f.evidence, saw_evidence = true;
    CHECK(j["findings"][i] == expected);
  }
  CHECK(saw_evidence);
}

TEST_CASE("each claim's code point offsets and sentence are its own, across articles and output blocks") {
  // Enough claims to fill more than one block of the writer, several to a sentence, in Korean and
  // English; the offsets are counted here one character at a time.
  std::string lines;
  for (int a = 0; a < 400; ++a) {
    // Articles of different lengths before their first figure: an article's first claim can lie
    // further in than the previous article's last.
    std::string text = "“제목” 기사. ";
    for (int k = 0; k < (a % 3) * 150; ++k) text += "소식 ";
    text += ". ";
    for (int s = 0; s < 4; ++s)
      text += "엔비디아 주가는 1월2" + std::to_string(s) + "일 " + std::to_string(100 + a) + ".5달러로 " + std::to_string(s + 2) +
              "% 내렸고 거래량은 " + std::to_string(1000 + s) + "만주였다. Nvidia fell " + std::to_string(s + 3) + "% to $" +
              std::to_string(90 + s) + ".25. ";
    lines += json{{"id", "a" + std::to_string(a)}, {"published", "2025-01-28"}, {"text", text}}.dump() + "\n";
  }
  auto result = test::run({"-"}, lines);
  REQUIRE(result.run.claims.size() > 5000);
  auto code_points = [](const std::string& s, std::size_t begin, std::size_t end) {
    std::size_t n = 0;
    for (std::size_t i = begin; i < end; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
  };
  auto check_claim = [&](const json& written, const crosscheck::core::Claim& c) {
    const auto& article = result.run.articles[c.article];
    CHECK(written["start_cp"] == code_points(article.text, 0, c.quantity.span.start));
    CHECK(written["end_cp"] == code_points(article.text, 0, c.quantity.span.end));
    CHECK(written["sentence"] == std::string(crosscheck::core::sentence_of(c, article)));
  };
  json j = json::parse(crosscheck::report::run_json(result.run).dump());
  REQUIRE(j["claims"].size() == result.run.claims.size());
  for (std::size_t i = 0; i < result.run.claims.size(); ++i) check_claim(j["claims"][i], result.run.claims[i]);
  std::ostringstream jsonl;
  crosscheck::report::write_claims_jsonl(result.run.claims, result.run.articles, jsonl);
  std::istringstream read_back(jsonl.str());
  std::string line;
  std::size_t i = 0;
  while (std::getline(read_back, line)) {
    REQUIRE(i < result.run.claims.size());
    check_claim(json::parse(line), result.run.claims[i++]);
  }
  CHECK(i == result.run.claims.size());
}

TEST_CASE("the summary counts speak in the singular for one, and in the word order of the language") {
  std::string lines = json{{"id", "a"}, {"text", "딥시크는 브이3 훈련 비용이 557만달러라고 밝혔다."}}.dump() + "\n" +
                      json{{"id", "b"}, {"text", "딥시크는 브이3 훈련 비용이 5억6000만 달러라고 밝혔다."}}.dump() + "\n";
  auto r = test::run({"-"}, lines);
  std::string en = crosscheck::report::counts_line(r.run, test::rules(), "en");
  CHECK(en.find("2 articles read") != std::string::npos);
  CHECK(en.find("1 conflict ·") != std::string::npos);
  CHECK(en.find("0 disputed facts") != std::string::npos);
  std::string ko = crosscheck::report::counts_line(r.run, test::rules(), "ko");
  CHECK(ko.find("충돌 1건") != std::string::npos);  // a label with {n} places the count
  CHECK(ko.find("읽은 기사 2건") != std::string::npos);
  CHECK(ko.find("conflict") == std::string::npos);
}

TEST_CASE("article text never controls the terminal: controls are shown, line breaks kept out of a field") {
  std::string feed = nlohmann::json{{"id", "a\x1b[2J"}, {"outlet", "Evil\nSummary: 0 conflicts\x1b[2J"}, {"published", "2025-01-30T09:00:00+09:00"},
                                    {"text", "딥시크는 V3 훈련 비용이 557만달러라고 밝혔다."}}.dump() + "\n" +
                     nlohmann::json{{"id", "b"}, {"outlet", "B"}, {"published", "2025-01-30T09:00:00+09:00"},
                                    {"text", "딥시크는 V3 훈련 비용이 5억6000만 달러라고 밝혔다."}}.dump() + "\n";
  auto r = test::run({"-"}, feed);
  std::string text = crosscheck::report::text_report(r.run, test::rules(), {"en", false, 100});
  CHECK(text.find('\x1b') == std::string::npos);
  // The forged line stays inside the outlet's field: no line of the report starts with it.
  std::istringstream lines(text);
  int summaries = 0;
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("Summary:", 0) == 0) ++summaries;
  CHECK(summaries == 1);
  // A bidi override in an outlet's name is shown as its code point, not obeyed by the terminal.
  std::string turned = nlohmann::json{{"id", "c"}, {"outlet", "Evil\u202Eevil"}, {"published", "2025-01-30T09:00:00+09:00"},
                                      {"text", "딥시크는 V3 훈련 비용이 557만달러라고 밝혔다."}}.dump() + "\n";
  auto t = test::run({"-"}, turned + feed);
  std::string shown = crosscheck::report::text_report(t.run, test::rules(), {"en", false, 100});
  CHECK(shown.find("\u202E") == std::string::npos);
  CHECK(shown.find("Evil[U+202E]evil") != std::string::npos);
}

TEST_CASE("article text in the HTML report is isolated, and its controls and bidi overrides are shown, never obeyed") {
  std::string feed = nlohmann::json{{"id", "a"}, {"outlet", "Evil\u202Eevil"}, {"published", "2025-01-30T09:00:00+09:00"},
                                    {"text", "딥시크는 V3 훈련 비용이 557만달러라고 밝혔다.\u202E"}}.dump() + "\n" +
                     nlohmann::json{{"id", "b"}, {"outlet", "B\x1b[2J"}, {"published", "2025-01-30T09:00:00+09:00"},
                                    {"text", "딥시크는 V3 훈련 비용이 5억6000만 달러라고 밝혔다."}}.dump() + "\n";
  auto r = test::run({"-"}, feed);
  std::string html = crosscheck::report::html_report(r.run, test::rules(), "en");
  CHECK(html.find("\u202E") == std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(html.find("Evil[U+202E]evil") != std::string::npos);
  CHECK(html.find("<bdi>Evil[U+202E]evil</bdi>") != std::string::npos);
}

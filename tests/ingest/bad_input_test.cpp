// The bad-input matrix: none of these crashes, each says which input and why, and every
// good article beside them is still read and checked.
#include <doctest/doctest.h>

#include <filesystem>

#include "report/report.hpp"
#include "test_support.hpp"

namespace {

const char* kGood = "엔비디아 주가는 27일 17% 떨어졌다. 딥시크는 훈련 비용이 557만달러라고 밝혔다.\n";

const crosscheck::core::InputStatus* status_of(const crosscheck::report::Run& run, const std::string& needle) {
  for (const auto& i : run.inputs)
    if (i.path.find(needle) != std::string::npos) return &i;
  return nullptr;
}

}  // namespace

TEST_CASE("a missing path is skipped with a reason, the other inputs still read") {
  test::TempDir dir;
  auto good = dir.file("good.txt", kGood);
  auto result = test::run({dir.path() + "/nope.txt", good});
  REQUIRE(result.run.articles.size() == 1);
  const auto* s = status_of(result.run, "nope.txt");
  REQUIRE(s);
  CHECK(s->status == "skipped");
  CHECK(s->reason == "no such file or folder");
  CHECK(result.run.claims.size() >= 2);
}

TEST_CASE("an unreadable file (a dangling link) is skipped") {
  test::TempDir dir;
  std::filesystem::create_symlink(dir.path() + "/gone.txt", dir.path() + "/link.txt");
  auto result = test::run({dir.path() + "/link.txt", dir.file("good.txt", kGood)});
  const auto* s = status_of(result.run, "link.txt");
  REQUIRE(s);
  CHECK(s->status == "skipped");
  CHECK(result.run.articles.size() == 1);
}

TEST_CASE("an empty file is skipped as empty") {
  test::TempDir dir;
  auto result = test::run({dir.file("empty.txt", ""), dir.file("blank.txt", "  \n\n "), dir.file("good.txt", kGood)});
  CHECK(status_of(result.run, "empty.txt")->reason == "empty file");
  CHECK(status_of(result.run, "blank.txt")->reason == "empty file");
  CHECK(result.run.articles.size() == 1);
}

TEST_CASE("a binary file is skipped") {
  test::TempDir dir;
  std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto result = test::run({dir.file("image.txt", bytes), dir.file("good.txt", kGood)});
  CHECK(status_of(result.run, "image.txt")->status == "skipped");
  CHECK(status_of(result.run, "image.txt")->reason.find("binary") != std::string::npos);
  CHECK(result.run.articles.size() == 1);
}

TEST_CASE("invalid UTF-8 is replaced with U+FFFD and reported with its offset") {
  test::TempDir dir;
  std::string text = "엔비디아 주가는 \xff\xfe 17% 떨어졌다.\n";
  auto result = test::run({dir.file("latin.txt", text)});
  REQUIRE(result.run.articles.size() == 1);
  CHECK(result.run.articles[0].text.find("\xEF\xBF\xBD") != std::string::npos);
  bool warned = false;
  for (const auto& d : result.run.diagnostics)
    if (d.code == "input.invalid-utf8" && d.file.find("latin.txt") != std::string::npos &&
        d.message.find("offset " + std::to_string(text.find('\xff'))) != std::string::npos)
      warned = true;
  CHECK(warned);
  CHECK(result.run.claims.size() == 1);
}

TEST_CASE("a 50 MB single line is read without running out of memory or time") {
  test::TempDir dir;
  std::string line;
  line.reserve(50u << 20);
  const std::string chunk = "가나다라마바사 아자차카타파하 ";
  while (line.size() < (50u << 20)) line += chunk;
  line += "엔비디아 주가는 17% 떨어졌다.";
  auto result = test::run({dir.file("huge.txt", line), dir.file("good.txt", kGood)});
  CHECK(result.run.articles.size() == 2);
  CHECK(status_of(result.run, "huge.txt")->status != "skipped");
  bool found = false;
  for (const auto& c : result.run.claims) found |= c.quantity.surface == "17%" && c.article == 0;
  CHECK(found);
}

TEST_CASE("broken HTML still yields its text") {
  test::TempDir dir;
  auto result = test::run({dir.file("broken.html", "<html><body><p>엔비디아 주가는 27일 <b>17% 떨어졌다.<div><p>딥시크는 557만달러라고<span")});
  REQUIRE(result.run.articles.size() == 1);
  CHECK(result.run.claims.size() >= 1);
}

TEST_CASE("JSONL: a bad line is skipped with file:line, the rest still read") {
  test::TempDir dir;
  std::string jsonl =
      "{\"id\":\"a\",\"outlet\":\"X\",\"published\":\"2025-01-28T09:00:00+09:00\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\",\"section\":\"경제\"}\n"
      "{not json\n"
      "{\"id\":\"b\",\"title\":\"no text\"}\n"
      "\n"
      "{\"id\":\"c\",\"text\":\"딥시크는 557만달러를 썼다.\"}\n"
      "{\"id\":\"d\",\"text\":\"엔비디아 주가는 17% 떨어졌다.\",\"score\":1e999}\n"
      "{\"id\":\"e\",\"text\":\"딥시크는 557만달러를 썼다.\",\"outlet\":\"X\\ud800Y\"}\n";
  auto result = test::run({dir.file("feed.jsonl", jsonl)});
  // A number no double holds, in a field the reader does not need, and a lone surrogate keep
  // their articles: the number is kept as its text, the surrogate becomes U+FFFD, with a warning.
  CHECK(result.run.articles.size() == 4);
  CHECK(status_of(result.run, "feed.jsonl:6")->status != "skipped");
  CHECK(status_of(result.run, "feed.jsonl:7")->status != "skipped");
  CHECK(std::any_of(result.run.diagnostics.begin(), result.run.diagnostics.end(),
                    [](const crosscheck::core::Diagnostic& d) { return d.code == "input.json-lenient"; }));
  for (const auto& a : result.run.articles)
    if (a.id == "e") CHECK(a.outlet == "X\xEF\xBF\xBDY");
  CHECK(status_of(result.run, "feed.jsonl:2")->status == "skipped");
  CHECK(status_of(result.run, "feed.jsonl:2")->reason.rfind("not JSON", 0) == 0);
  CHECK(status_of(result.run, "feed.jsonl:3")->reason == "no string field 'text'");
  // Fields beyond the contract pass through.
  CHECK(result.run.articles[0].extra["section"] == "경제");
  CHECK(result.run.articles[0].published_date.day == 28);
}

TEST_CASE("JSONL: a line nested too deep is skipped with its reason, not a crash; the rest still read") {
  test::TempDir dir;
  auto nested = [](int depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); };
  std::string jsonl =
      "{\"id\":\"deep\",\"text\":\"엔비디아 주가는 17% 떨어졌다.\",\"x\":" + nested(100000) + "}\n" +
      // Within the limit, and brackets inside strings are not nesting.
      "{\"id\":\"ok\",\"text\":\"딥시크는 557만달러를 썼다. [[[[{{{{\",\"s\":\"\\\"" + std::string(300, '[') + "\",\"x\":" +
      nested(200) + "}\n";
  auto result = test::run({dir.file("feed.jsonl", jsonl)});
  REQUIRE(result.run.articles.size() == 1);
  CHECK(result.run.articles[0].id == "ok");
  CHECK(result.run.articles[0].extra.contains("x"));
  CHECK(status_of(result.run, "feed.jsonl:1")->status == "skipped");
  CHECK(status_of(result.run, "feed.jsonl:1")->reason == "JSON nested deeper than 256 levels");
  // The report, which walks the passed-through fields, is written too.
  CHECK(crosscheck::report::run_json(result.run)["articles"][0]["extra"]["s"] == "\"" + std::string(300, '['));
}

TEST_CASE("JSONL on standard input") {
  auto result = test::run({"-"}, "{\"id\":\"s\",\"text\":\"엔비디아 주가는 17% 떨어졌다.\"}\n");
  REQUIRE(result.run.articles.size() == 1);
  CHECK(result.run.articles[0].id == "s");
}

TEST_CASE("a folder with mixed good and bad files reads every good one") {
  test::TempDir dir;
  dir.file("a/good1.txt", kGood);
  dir.file("a/b/good2.html", std::string("<p>") + kGood + "</p>");
  dir.file("a/empty.txt", "");
  dir.file("a/bin.dat", std::string("\0\1\2\3", 4));
  dir.file("a/bad.jsonl", "{oops\n");
  auto result = test::run({dir.path() + "/a"});
  CHECK(result.run.articles.size() == 2);
  std::size_t skipped = 0;
  for (const auto& i : result.run.inputs) skipped += i.status == "skipped";
  CHECK(skipped == 3);
}

TEST_CASE("a report crosscheck wrote, left in an input folder, is skipped with its reason, not read as an article") {
  test::TempDir dir;
  std::string article = dir.file("a.txt", "딥시크는 V3 훈련 비용이 557만달러라고 밝혔다.\n");
  auto first = test::run({article});
  std::string html = crosscheck::report::html_report(first.run, test::rules(), "en");
  dir.file("report.html", html);
  auto second = test::run({dir.path()});
  CHECK(second.run.articles.size() == 1);
  const auto* s = status_of(second.run, "report.html");
  REQUIRE(s);
  CHECK(s->status == "skipped");
  CHECK(s->reason == "a crosscheck report, not an article");
}

TEST_CASE("a page's bytes, not its declared charset, decide how it is decoded, and a contradiction is said") {
  test::TempDir dir;
  std::string sentence = "딥시크는 훈련 비용이 557만달러라고 밝혔다.";
  // Saved as UTF-8 with an old EUC-KR declaration.
  std::string utf8_page = "<html><head><meta charset=\"euc-kr\"></head><body><p>" + sentence + "</p></body></html>";
  // Saved in CP949 while declaring UTF-8: the sentence's bytes in CP949, written out by hand.
  std::string cp949_sentence = "\xB5\xF6\xBD\xC3\xC5\xA9\xB4\xC2 \xC8\xC6\xB7\xC3 \xBA\xF1\xBF\xEB\xC0\xCC 557\xB8\xB8\xB4\xDE\xB7\xAF\xB6\xF3\xB0\xED "
                               "\xB9\xE0\xC7\xFB\xB4\xD9.";
  std::string legacy_page = "<html><head><meta charset=\"utf-8\"></head><body><p>" + cp949_sentence + "</p></body></html>";
  auto r = test::run({dir.file("utf8.html", utf8_page), dir.file("legacy.html", legacy_page)});
  int charset_warnings = 0;
  for (const auto& d : r.run.diagnostics) charset_warnings += d.code == "input.charset";
  CHECK(charset_warnings == 2);
  int figures = 0;
  for (const auto& c : r.run.claims) figures += c.quantity.surface == "557만달러";
  CHECK(figures == 2);  // both pages read right
  for (const auto& a : r.run.articles) CHECK(a.text.find("\xEF\xBF\xBD") == std::string::npos);
}

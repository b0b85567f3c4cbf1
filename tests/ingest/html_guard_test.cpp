#include <doctest/doctest.h>

#include <string>

#include "ingest/html_guard.hpp"
#include "ingest/ingest.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("the page pre-scan measures nesting as the parser will build it") {
  // Void elements and end tags do not deepen; a stray end tag closes nothing.
  CHECK(ingest::measure_page("<html><body><p>a<br><br><img src=x></p></body></html>").depth == 3);
  CHECK(ingest::measure_page("</a></a></a><div><p>x</p></div>").depth == 2);
  // In HTML "/>" does not close a div: a page cannot hide its nesting behind a slash.
  CHECK(ingest::measure_page(repeat("<div/>", 50)).depth == 50);
  // In SVG it does.
  CHECK(ingest::measure_page("<svg>" + repeat("<path d=\"M0 0\"/>", 50) + "</svg>").depth == 1);
  // A script's text is no markup, and a comment is skipped whole.
  CHECK(ingest::measure_page("<script>if (a<b && c>d) { x = '<div>'; }</script><!-- <div><div> -->").depth == 1);
  // Attributes of one tag, a quoted '>' inside a value included.
  auto shape = ingest::measure_page("<div a=1 b=\"x>y\" c='z' d e=f>text</div>");
  CHECK(shape.attributes == 5);
  CHECK(shape.tags == 2);
}

TEST_CASE("a page the parser must not see is read without it, said so, and keeps its figures but not its scripts") {
  std::string body = "<p>The toll rose to 12 people &amp; 3 missing.</p><script>var x = \"99%\";</script><style>p{width:50%}</style>";
  std::string deep = "<html><body>" + repeat("<div>", 5000) + body + "</body></html>";
  auto page = ingest::read_html(deep, test::rules());
  REQUIRE(page.notes.size() >= 1);
  CHECK(page.notes[0].find("nests 5003 elements deep") != std::string::npos);
  CHECK(page.text.find("The toll rose to 12 people & 3 missing.") != std::string::npos);
  CHECK(page.text.find("99%") == std::string::npos);
  CHECK(page.text.find("50%") == std::string::npos);
  std::string attributes = "<html><body><div " + repeat("a=\"1\" ", 2000) + ">" + body + "</div></body></html>";
  auto wide = ingest::read_html(attributes, test::rules());
  REQUIRE(wide.notes.size() >= 1);
  CHECK(wide.notes[0].find("2000 attributes") != std::string::npos);
  CHECK(wide.text.find("12 people") != std::string::npos);
  // Many line breaks are no nesting: the parser reads the page, and its script stays out.
  std::string breaks = "<html><body><script>var y = \"77%\";</script>" + repeat("<br>", 20001) + body + "</body></html>";
  auto flat = ingest::read_html(breaks, test::rules());
  for (const auto& note : flat.notes) CHECK(note.rfind("error:", 0) != 0);
  CHECK(flat.text.find("77%") == std::string::npos);
  CHECK(flat.text.find("12 people") != std::string::npos);
}

TEST_CASE("the plain reader drops tags, comments and code, breaks lines at blocks and decodes references") {
  CHECK(ingest::strip_tags("<h1>Title</h1><p>a &lt;b&gt; &#44608; &#xAE40;</p><!-- 5% --><p>c</p>") == "Title\na <b> 김 김\nc");
  CHECK(ingest::strip_tags("<p>x<script>1%</script>y</p>") == "x y");
  // An unclosed tag or reference at the end is no crash.
  CHECK(ingest::strip_tags("<p>tail &#12") == "tail &#12");
  CHECK(ingest::strip_tags("<div class=\"a").empty());
  // An unclosed head or svg is no reason to lose the page; an unclosed script is script to the end.
  CHECK(ingest::strip_tags("<head><meta charset=utf-8><p>The toll rose to 12.</p>") == "The toll rose to 12.");
  CHECK(ingest::strip_tags("<p>a</p><svg><path d=x><p>b 12</p>") == "a\nb 12");
  CHECK(ingest::strip_tags("<p>a</p><script>var x = 12;") == "a");
}

TEST_CASE("each limit of the page's shape is named when passed, and a page within them passes") {
  ingest::HtmlLimits limits;
  ingest::PageShape ok{10, 3, 40, 20000};
  CHECK(ingest::over_limits(ok, limits).empty());
  auto with = [&](auto change) {
    ingest::PageShape s = ok;
    change(s);
    return ingest::over_limits(s, limits);
  };
  CHECK(with([&](ingest::PageShape& s) { s.depth = limits.max_depth + 1; }).find("deep") != std::string::npos);
  CHECK(with([&](ingest::PageShape& s) { s.attributes = limits.max_attributes + 1; }).find("attributes") != std::string::npos);
  CHECK(with([&](ingest::PageShape& s) { s.tags = limits.max_tags + 1; }).find("tags") != std::string::npos);
  CHECK(with([&](ingest::PageShape& s) { s.bytes = limits.max_bytes + 1; }).find("MiB") != std::string::npos);
}

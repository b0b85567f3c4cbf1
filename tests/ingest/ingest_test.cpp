#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "ingest/ingest.hpp"
#include "test_support.hpp"

using namespace crosscheck;

TEST_CASE("normalization folds full-width digits and odd spaces, composes Hangul") {
  CHECK(ingest::normalize_text("５５７만\xE3\x80\x80달러") == "557만 달러");
  CHECK(ingest::normalize_text("a\r\nb") == "a\nb");
  // Decomposed jamo (ᄃ ᅡ) compose to 다.
  CHECK(ingest::normalize_text("\xE1\x84\x83\xE1\x85\xA1") == "다");
  CHECK(ingest::normalize_text("−4.1%") == "-4.1%");
}

TEST_CASE("normalization changes only the characters it folds, wherever they fall") {
  // Pieces with known normal forms, strung together at random: long ASCII pieces exercise the
  // eight-byte skip, the others every character the normalizer folds or drops.
  const std::vector<std::pair<std::string, std::string>> pieces = {
      {"abcdefghijklm", "abcdefghijklm"}, {"딥시크", "딥시크"},   {"5", "5"},         {" ", " "},
      {"\n", "\n"},                       {"\r\n", "\n"},        {"\r", "\n"},       {"\t", " "},
      {"\x01", ""},                       {std::string(1, '\0'), ""}, {"\x7F", "\x7F"},      {"\u00A0", " "},    {"\u00AD", ""},
      {"\u200B", ""},                     {"\uFEFF", ""},        {"\u3000", " "},    {"\u2009", " "},
      {"\uFF15", "5"},                    {"\uFF05", "%"},       {"\u2212", "-"},    {"\u2013", "-"},
      {"\u301C", "~"},                    {"\uFF5E", "~"},       {"\u2024", "."},    {"\uFF0E", "."},
      {"€", "€"},                         {"😀", "😀"},           {"\u00E9", "\u00E9"}};
  std::mt19937 random(9);
  for (int round = 0; round < 300; ++round) {
    std::string in, expected;
    std::size_t wanted = random() % 40;
    for (std::size_t k = 0; k < wanted; ++k) {
      const auto& [piece, folded] = pieces[random() % pieces.size()];
      // "\r" then "\n" is one line break, not two.
      if (piece[0] == '\n' && !in.empty() && in.back() == '\r') continue;
      in += piece;
      expected += folded;
    }
    CHECK(ingest::normalize_text(in) == expected);
  }
  // Text that is not in NFC is composed, then folded: e + combining acute, decomposed Hangul.
  CHECK(ingest::normalize_text("caf\x65\xCC\x81\u3000\xE1\x84\x83\xE1\x85\xA1\uFF11") == "caf\u00E9 다1");
}

TEST_CASE("sentences keep quotations whole") {
  std::string text = "그는 “효율이 오르면 사용이 늘어난다. 역설이다.”라고 말했다. 다음 문장이다.";
  auto sentences = ingest::split_sentences(text, {0, text.size()}, 2000);
  REQUIRE(sentences.size() == 2);
  CHECK(text.substr(sentences[0].start, sentences[0].end - sentences[0].start).find("말했다.") != std::string::npos);
}

TEST_CASE("sentence spans are byte offsets into the text, past characters of any width") {
  // Four-byte characters (two UTF-16 units) and three-byte Hangul before the breaks.
  std::string text = "서두 😀 문장이다. Nvidia fell 17% 📉 on Monday. 마지막 “인용”이다.";
  auto sentences = ingest::split_sentences(text, {0, text.size()}, 2000);
  std::vector<std::string> got;
  for (const auto& s : sentences) got.push_back(text.substr(s.start, s.end - s.start));
  CHECK(got == std::vector<std::string>{"서두 😀 문장이다.", "Nvidia fell 17% 📉 on Monday.", "마지막 “인용”이다."});
  // A paragraph that starts later in the text gives offsets into the whole text.
  std::string framed = "머리말\n" + text;
  auto later = ingest::split_sentences(framed, {10, framed.size()}, 2000);
  REQUIRE(later.size() == 3);
  CHECK(later[0].start == 10);
  CHECK(framed.substr(later[2].start, later[2].end - later[2].start) == "마지막 “인용”이다.");
}

TEST_CASE("page furniture is dropped with its reason, not lost") {
  std::string page =
      "메뉴 건너뛰기\n"
      "입력 2025.01.28 08:10\n"
      "엔비디아 주가가 하루 17% 떨어졌다.\n"
      "저작권자 © 테스트일보 무단전재 및 재배포 금지\n"
      "[뉴스] 랭킹 뉴스\n"
      "  • 집값 5.6억 올랐다\n";
  core::Diagnostics d;
  auto article = ingest::build_article(page, {"t", "", "", "", "", "t.txt"}, test::rules(), d);
  REQUIRE(article.paragraphs.size() == 1);
  std::vector<std::string> reasons;
  for (const auto& s : article.skipped) reasons.push_back(s.reason);
  CHECK(reasons == std::vector<std::string>{"menu", "dateline", "copyright", "ranking-list"});
  CHECK(article.published == "2025-01-28T08:10");
  CHECK(article.outlet == "테스트일보");
  // The ranking list's figure is dropped with it.
  CHECK(article.text.find("5.6억") > article.skipped.back().span.start);
}

TEST_CASE("a page's date is read in the forms English and Korean pages write it") {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"Published 25 August 2024 7:00 a.m. BST", "2024-08-25T07:00"},
      {"Monday 26 August 2024, 08:05 BST", "2024-08-26T08:05"},
      {"22 Aug 2024, 9:10 p.m. · posted by a fan", "2024-08-22T21:10"},
      {"Published Aug. 22, 2024, 12:15 a.m. ET", "2024-08-22T00:15"},
      {"Updated: September 3, 2024 at 4:45 PM", "2024-09-03T16:45"},
      {"Published: 20:12 BST, 20 August 2025 | Updated: 21:30 BST", "2025-08-20T20:12"},
      {"송고시간 2025-03-27 10:15", "2025-03-27T10:15"},
      {"2025.04.20 05:40 입력", "2025-04-20T05:40"},
      {"2025. 1. 16. 08:20", "2025-01-16T08:20"},
      {"2025년 02월 11일 (화) 11:30:22  김하늘 기자", "2025-02-11T11:30"},
      {"작성자 셀러리맨  |  2025.04.30 07:48  |  조회 2,317", "2025-04-30T07:48"},
      {"2025.02.02 게재", "2025-02-02"},
  };
  for (const auto& [line, want] : forms) {
    CAPTURE(line);
    core::Diagnostics d;
    auto article = ingest::build_article("Title line\n" + line + "\nThe body says 12% here.\n", {"t", "", "", "", "", "t.txt"},
                                         test::rules(), d);
    CHECK(article.published == want);
  }
  // A sentence that opens with a date is no dateline.
  core::Diagnostics d;
  auto body = ingest::build_article("Title line\n2019년 3월 5일 설립된 회사는 매출 12억원을 냈다.\n", {"t", "", "", "", "", "t.txt"}, test::rules(), d);
  CHECK(body.published.empty());
}

TEST_CASE("page furniture and metadata come out the same when the rules' regex groups cannot answer") {
  // The regex groups only say which patterns to try; rules whose groups were never built make
  // the readers try every pattern on every line, and must find the same things.
  const std::string page =
      "메뉴 건너뛰기\n"
      "[서울=테스트뉴스] 홍길동 기자\n"
      "입력 2025.01.28 08:10\n"
      "엔비디아 주가가 하루 17% 떨어졌다. 시가총액 5890억달러가 사라졌다.\n"
      "조회수 1,234\n"
      "홍길동 기자 hong@example.co.kr\n"
      "저작권자 © 테스트뉴스 무단전재 및 재배포 금지\n"
      "많이 본 뉴스\n"
      "  • 집값 5.6억 올랐다\n";
  rules::RuleSet ungrouped = test::rules();
  ungrouped.line_regexes = {};
  ungrouped.short_line_regexes = {};
  ungrouped.dateline_regexes = {};
  ungrouped.byline_regexes = {};
  ungrouped.outlet_regexes = {};
  core::Diagnostics d;
  auto grouped_article = ingest::build_article(page, {"t", "", "", "", "", "t.txt"}, test::rules(), d);
  auto plain_article = ingest::build_article(page, {"t", "", "", "", "", "t.txt"}, ungrouped, d);
  auto reasons = [](const core::Article& a) {
    std::vector<std::string> out;
    for (const auto& s : a.skipped) out.push_back(s.reason + "@" + std::to_string(s.span.start));
    return out;
  };
  CHECK(reasons(grouped_article).size() >= 5);
  CHECK(reasons(grouped_article) == reasons(plain_article));
  CHECK(grouped_article.published == "2025-01-28T08:10");
  CHECK(grouped_article.published == plain_article.published);
  CHECK_FALSE(grouped_article.byline.empty());
  CHECK(grouped_article.byline == plain_article.byline);
  CHECK(grouped_article.outlet == "테스트뉴스");
  CHECK(grouped_article.outlet == plain_article.outlet);
}

TEST_CASE("HTML: title, dates and body; navigation, asides and scripts left out") {
  const char* html = R"(<!doctype html><html><head><title>Fallback</title>
    <meta property="og:title" content="Nvidia loses $589bn">
    <meta property="og:site_name" content="Example Wire">
    <meta property="article:published_time" content="2025-01-28T06:00:00+00:00">
    <script>var price = "999%";</script><style>p{}</style></head>
    <body><nav>Home | Markets 100%</nav><header>Top stories</header>
    <article><h1>Nvidia loses $589bn</h1><p>Nvidia shares fell 17% on Monday.</p>
    <div class="comments">Great, 50% off!</div></article>
    <aside>Most read: Stocks up 3%</aside><footer>© 2025</footer></body></html>)";
  auto page = ingest::read_html(html, test::rules());
  CHECK(page.title == "Nvidia loses $589bn");
  CHECK(page.outlet == "Example Wire");
  CHECK(page.published == "2025-01-28T06:00:00+00:00");
  CHECK(page.text.find("999%") == std::string::npos);
  std::vector<std::string> reasons;
  for (const auto& s : page.skipped) reasons.push_back(s.reason);
  CHECK(std::find(reasons.begin(), reasons.end(), "html-nav") != reasons.end());
  CHECK(std::find(reasons.begin(), reasons.end(), "html-aside") != reasons.end());
  CHECK(std::find(reasons.begin(), reasons.end(), "html-comment-widget") != reasons.end());
  test::TempDir dir;
  auto result = test::run({dir.file("page.html", html)});
  std::vector<std::string> surfaces;
  for (const auto& c : result.run.claims) surfaces.push_back(c.quantity.surface);
  CHECK(surfaces == std::vector<std::string>{"$589bn", "17%"});
}

TEST_CASE("repeated ids are made unique in input order, across batches, JSONL lines and files alike") {
  test::TempDir dir;
  // More lines than one parallel batch holds, every one asking for the id "x", with bad lines among
  // them; then a text file whose name asks for "x" too.
  std::string jsonl;
  for (int i = 0; i < 600; ++i) {
    if (i % 100 == 7) jsonl += "{not json\n";
    jsonl += "{\"id\":\"x\",\"text\":\"Nvidia fell " + std::to_string(i) + "% on Monday.\"}\n";
  }
  std::string lines = dir.file("a.jsonl", jsonl);
  std::string text = dir.file("x.txt", "Nvidia fell 17% on Monday.\n");
  auto result = test::run({lines, text});
  REQUIRE(result.run.articles.size() == 601);
  CHECK(result.run.articles[0].id == "x");
  CHECK(result.run.articles[1].id == "x#2");
  CHECK(result.run.articles[599].id == "x#600");
  CHECK(result.run.articles[600].id == "x#601");
  CHECK(result.run.articles[600].path == text);
  // Each article's own figure, so the order is the input's.
  CHECK(result.run.articles[300].text.find("fell 300%") != std::string::npos);
  std::size_t skipped = 0;
  for (const auto& input : result.run.inputs) skipped += input.status == "skipped";
  CHECK(skipped == 6);
  CHECK(result.run.inputs[7].status == "skipped");  // the bad line keeps its place among the inputs
}

TEST_CASE("a pasted page's header lines are its metadata, and a box above the story does not take the story") {
  test::TempDir dir;
  std::string page =
      "Title: Crowds pack the new line\nOutlet: Harbor Ledger\nPublished: 2026-03-15T13:05:00+09:00\n\n"
      "MOST READ\n1. Port authority shortlists 3 bidders for cruise terminal\n2. Parking fees to rise to 600 won per half hour\n\n"
      "Some 42,000 people rode the new line on its opening day. It cost 1.248 trillion won (about $861 million) to build, the "
      "operator said. An adult trip costs 1,400 won.\n";
  auto r = test::run({dir.file("page.txt", page)});
  REQUIRE(r.run.articles.size() == 1);
  const auto& a = r.run.articles[0];
  CHECK(a.title == "Crowds pack the new line");
  CHECK(a.outlet == "Harbor Ledger");
  CHECK(a.published.rfind("2026-03-15T13:05", 0) == 0);
  std::vector<std::string> figures;
  for (const auto& c : r.run.claims) figures.push_back(c.quantity.surface);
  // The story's figures are read; the box's and the header's are not.
  for (const char* f : {"Some 42,000 people", "1.248 trillion won", "about $861 million", "1,400 won"})
    CHECK(std::find(figures.begin(), figures.end(), f) != figures.end());
  for (const char* f : {"3 bidders", "600 won", "13:05:00"}) CHECK(std::find(figures.begin(), figures.end(), f) == figures.end());
  // "1.248 trillion won (about $861 million)": the bracket, after a space, is the conversion.
  for (const auto& c : r.run.claims)
    if (c.quantity.surface == "about $861 million") CHECK(c.quantity.link == "conversion");
}

TEST_CASE("a wire dateline's day takes its year from the story's other articles") {
  test::TempDir dir;
  std::string wire = dir.file("wire.txt", "SEOUL, July 11 (Meridian) - South Korea will raise its minimum wage by 4.3% next year.\n");
  std::string daily = dir.file("daily.jsonl",
                               "{\"id\": \"d\", \"published\": \"2026-07-11T02:40:00+09:00\", \"text\": \"내년 최저임금이 4.3% 오른다.\"}\n");
  auto alone = test::run({wire});
  REQUIRE(alone.run.articles.size() == 1);
  // Alone, the day is known and the year is not: no date is made up.
  CHECK(alone.run.articles[0].published.empty());
  CHECK(alone.run.articles[0].published_date.month == 7);
  CHECK(alone.run.articles[0].outlet == "Meridian");
  auto story = test::run({wire, daily});
  REQUIRE(story.run.articles.size() == 2);
  const auto& a = story.run.articles[0].id == "wire" ? story.run.articles[0] : story.run.articles[1];
  CHECK(a.published == "2026-07-11");
  CHECK(std::any_of(a.metadata_notes.begin(), a.metadata_notes.end(), [](const std::string& n) { return n.find("other articles") != std::string::npos; }));
}

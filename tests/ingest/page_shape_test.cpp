#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ingest/page_shape.hpp"

using namespace crosscheck;

namespace {

// Shape rules written out here, so the test reads the pass and not the bundled rule files.
rules::RuleSet shape_rules() {
  rules::RuleSet r;
  r.item_markers = {"-", "•", "▶"};
  r.item_number_suffixes = {".", ")", "위"};
  r.sentence_endings = {".", "!"};
  r.field_separators = {"|", "·"};
  r.numbered_items_without_mark = false;
  r.field_space_run = 2;
  return r;
}

// Splits `text` into lines (as the boilerplate pass does), with `dropped` lines already given a
// reason by the line rules, runs the pass and returns each line's reason.
std::vector<std::string> reasons(const std::string& text, const std::vector<std::size_t>& dropped = {}) {
  std::vector<ingest::PageLine> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back({{start, end}, ""});
    start = end + 1;
  }
  for (auto i : dropped) lines.at(i).reason = "menu";
  ingest::mark_shaped_furniture(text, lines, shape_rules());
  std::vector<std::string> out;
  for (const auto& line : lines) out.push_back(line.reason);
  return out;
}

}  // namespace

TEST_CASE("a run of list items that end in no sentence is a headline list") {
  auto r = reasons("Lead paragraph of the story ends here.\n- Rival posts 2% sales drop\n- Five things to know\nBack to prose.");
  CHECK(r == std::vector<std::string>{"", "headline-list", "headline-list", ""});
  CHECK(reasons("1위 서울 아파트값 17주 연속 상승\n2위 국고채 3년물 2.45%") == std::vector<std::string>{"headline-list", "headline-list"});
}

TEST_CASE("a lone item is furniture only beside other furniture") {
  CHECK(reasons("Home | World\n▶ Subscribe for 9,900 won") == std::vector<std::string>{"strip", "headline-list"});
  CHECK(reasons("Kept prose line\n- A lone dash line\nMore prose.") == std::vector<std::string>{"", "", ""});
  CHECK(reasons("Most read\n- A lone dash line", {0}) == std::vector<std::string>{"menu", "headline-list"});
}

TEST_CASE("items that end sentences, or a list the article introduces, stay in the article") {
  CHECK(reasons("- The firm cut 1,200 jobs.\n- Its forecast fell to $3.1 billion.") == std::vector<std::string>{"", ""});
  CHECK(reasons("The plan in brief:\n- 1,200 jobs cut by March\n- Forecast lowered to $3.1 billion") ==
        std::vector<std::string>{"", "", ""});
}

TEST_CASE("a figure that opens a line is no list marker") {
  CHECK(reasons("-3% on the day\n-5% on the week") == std::vector<std::string>{"", ""});
  CHECK(reasons("12 killed in blast\n30 injured") == std::vector<std::string>{"", ""});
}

TEST_CASE("a line of short fields between separators is a strip; a repeated one with three fields is a table") {
  CHECK(reasons("EUR/USD 1.1194 | Brent $65.41 -0.3% | Gold $3,204") == std::vector<std::string>{"strip"});
  CHECK(reasons("공감 41 · 댓글 9") == std::vector<std::string>{"strip"});
  CHECK(reasons("News  Business  Housing") == std::vector<std::string>{"strip"});
  CHECK(reasons("District | Turnout | Change\nNorth | 61.2% | +3.1\nSouth | 58.4% | -0.7") ==
        std::vector<std::string>{"", "", ""});
  // Separators inside words are no fields: "노사·정부", "원/달러", "3|4".
  CHECK(reasons("노사·정부 협상 타결 원/달러 1,372원") == std::vector<std::string>{""});
  // A field longer than a menu entry makes the line prose.
  CHECK(reasons("Sign in | The council approved a budget of 4.1 billion after a long night of talks") ==
        std::vector<std::string>{""});
}

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "graph/graph.hpp"

using namespace crosscheck;

namespace {

core::Article article(const std::string& id, const std::string& title) {
  core::Article a;
  a.id = id;
  a.title = title;
  return a;
}

core::Claim claim(const std::string& id, std::size_t article, std::size_t start, const std::string& surface,
                  const std::string& subject, const std::string& attribute) {
  core::Claim c;
  c.id = id;
  c.article = article;
  c.quantity.surface = surface;
  c.quantity.span = {start, start + surface.size()};
  c.subject = subject;
  c.subject_root = subject;
  c.attribute = attribute;
  c.key = subject + "|" + attribute + "|money";
  return c;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("the claim graph links each claim to its article, entity and attribute, and blocks comparable claims by key") {
  std::vector<core::Article> articles = {article("b-second", ""), article("a-first", "First report")};
  std::vector<core::Claim> claims = {
      claim("b:0", 0, 10, "560만달러", "DeepSeek", "training-cost"),
      claim("a:0", 1, 40, "557만달러", "DeepSeek", "training-cost"),
      claim("a:1", 1, 80, "약 6000억달러", "Nvidia", "market-value-change"),
      claim("a:2", 1, 5, "863조원", "Nvidia", "market-value-change"),
  };
  claims[3].linked_to = 2;  // a bracketed conversion belongs to the figure before it

  graph::ClaimGraph g(articles, claims);
  // 2 articles + 2 entities + 2 attributes + 4 claims.
  CHECK(g.vertex_count() == 10);
  // from, about and measures for each claim (12), one converts-to, one comparable-with pair.
  CHECK(g.edge_count() == 14);

  REQUIRE(g.groups().size() == 1);  // the conversion is not compared on its own, so Nvidia has one claim
  CHECK(g.groups()[0].key == "DeepSeek|training-cost|money");
  // Ordered by article id, not by input order: a-first's claim comes first.
  CHECK(g.groups()[0].claims == std::vector<std::size_t>{1, 0});

  g.add_derived(2, 3);
  CHECK(g.edge_count() == 15);
  g.add_derived(2, 99);  // an index past the claims is ignored
  CHECK(g.edge_count() == 15);

  std::string graphml = g.to_graphml(articles, claims);
  CHECK(graphml.find("First report") != std::string::npos);  // an article's title is its label
  CHECK(graphml.find(">b-second<") != std::string::npos);    // its id when it has no title
  CHECK(graphml.find("약 6000억달러") != std::string::npos);
  CHECK(count(graphml, ">comparable-with<") == 1);
  CHECK(count(graphml, ">converts-to<") == 1);
  CHECK(count(graphml, ">derived-from<") == 1);
  CHECK(count(graphml, ">entity<") == 2);

  std::string dot = g.to_dot(articles, claims);
  CHECK(dot.rfind("digraph claims {", 0) == 0);
  CHECK(count(dot, " -> ") == 15);
  CHECK(dot.find("[label=\"557만달러\", kind=\"claim\", ref=\"a:0\"]") != std::string::npos);
}

TEST_CASE("a small group is linked pairwise, a large one as a chain") {
  std::vector<core::Article> articles = {article("a", "")};
  auto edges_for = [&](std::size_t members) {
    std::vector<core::Claim> claims;
    for (std::size_t i = 0; i < members; ++i) claims.push_back(claim("a:" + std::to_string(i), 0, i * 10, "1달러", "X", "revenue"));
    graph::ClaimGraph g(articles, claims);
    REQUIRE(g.groups().size() == 1);
    CHECK(g.groups()[0].claims.size() == members);
    return count(g.to_dot(articles, claims), "[label=\"comparable-with\"]");
  };
  CHECK(edges_for(3) == 3);
  CHECK(edges_for(40) == 40 * 39 / 2);
  CHECK(edges_for(41) == 40);
}

TEST_CASE("an id or title holding a control character (a NUL) still makes well-formed GraphML") {
  std::vector<core::Article> articles = {article(std::string("a\0b", 3), std::string("Title\x01", 6))};
  std::vector<core::Claim> claims = {claim(std::string("a\0b:0", 5), 0, 0, "557만달러", "DeepSeek", "training-cost")};
  graph::ClaimGraph g(articles, claims);
  std::string graphml = g.to_graphml(articles, claims);
  CHECK(std::none_of(graphml.begin(), graphml.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r'; }));
  CHECK(graphml.find("a\xEF\xBF\xBD" "b:0") != std::string::npos);  // shown, not dropped
  std::string dot = g.to_dot(articles, claims);
  CHECK(dot.find('\0') == std::string::npos);
}

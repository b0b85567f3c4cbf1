#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>

#include "graph/graph.hpp"

namespace crosscheck::graph {

namespace {

struct VertexData {
  std::string kind;   // article | entity | attribute | claim
  std::string label;
  std::string ref;    // article id, entity id, attribute id or claim id
};

struct EdgeData {
  std::string kind;  // from | about | measures | converts-to | derived-from | comparable-with
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

constexpr std::size_t kPairwiseEdgeLimit = 40;  // above this a group is linked as a chain

}  // namespace

struct ClaimGraph::Impl {
  Graph g;
  std::vector<Vertex> claim_vertex;
  std::vector<Group> groups;
};

ClaimGraph::ClaimGraph(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims)
    : impl_(std::make_unique<Impl>()) {
  Graph& g = impl_->g;
  std::vector<Vertex> article_vertex;
  for (const auto& a : articles) article_vertex.push_back(boost::add_vertex({"article", a.title.empty() ? a.id : a.title, a.id}, g));
  std::unordered_map<std::string, Vertex> entity_vertex, attribute_vertex;
  auto vertex_for = [&](std::unordered_map<std::string, Vertex>& map, const std::string& kind, const std::string& id) {
    auto it = map.find(id);
    if (it != map.end()) return it->second;
    Vertex v = boost::add_vertex({kind, id, id}, g);
    map.emplace(id, v);
    return v;
  };
  std::map<std::string, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    Vertex v = boost::add_vertex({"claim", c.quantity.surface, c.id}, g);
    impl_->claim_vertex.push_back(v);
    if (c.article < article_vertex.size()) boost::add_edge(v, article_vertex[c.article], {"from"}, g);
    if (!c.subject.empty()) boost::add_edge(v, vertex_for(entity_vertex, "entity", c.subject), {"about"}, g);
    if (!c.attribute.empty()) boost::add_edge(v, vertex_for(attribute_vertex, "attribute", c.attribute), {"measures"}, g);
    if (c.linked_to >= 0 && static_cast<std::size_t>(c.linked_to) < i)
      boost::add_edge(v, impl_->claim_vertex[static_cast<std::size_t>(c.linked_to)], {"converts-to"}, g);
    if (!c.subject_root.empty() && !c.attribute.empty() && c.linked_to < 0) blocks[c.key].push_back(i);
  }
  auto rank = core::article_ranks_by_id(articles);
  for (auto& [key, members] : blocks) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      const auto& ca = claims[a];
      const auto& cb = claims[b];
      if (ca.article != cb.article) return rank[ca.article] < rank[cb.article];
      return ca.quantity.span.start < cb.quantity.span.start;
    });
    if (members.size() <= kPairwiseEdgeLimit) {
      for (std::size_t x = 0; x < members.size(); ++x)
        for (std::size_t y = x + 1; y < members.size(); ++y)
          boost::add_edge(impl_->claim_vertex[members[x]], impl_->claim_vertex[members[y]], {"comparable-with"}, g);
    } else {
      for (std::size_t x = 0; x + 1 < members.size(); ++x)
        boost::add_edge(impl_->claim_vertex[members[x]], impl_->claim_vertex[members[x + 1]], {"comparable-with"}, g);
    }
    impl_->groups.push_back({key, members});
  }
}

ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;

const std::vector<Group>& ClaimGraph::groups() const { return impl_->groups; }

void ClaimGraph::add_derived(std::size_t claim, std::size_t from) {
  if (claim < impl_->claim_vertex.size() && from < impl_->claim_vertex.size())
    boost::add_edge(impl_->claim_vertex[claim], impl_->claim_vertex[from], {"derived-from"}, impl_->g);
}

std::size_t ClaimGraph::vertex_count() const { return boost::num_vertices(impl_->g); }
std::size_t ClaimGraph::edge_count() const { return boost::num_edges(impl_->g); }

std::string ClaimGraph::to_graphml() const {
  boost::dynamic_properties dp(boost::ignore_other_properties);
  auto& g = const_cast<Graph&>(impl_->g);
  dp.property("kind", boost::get(&VertexData::kind, g));
  dp.property("label", boost::get(&VertexData::label, g));
  dp.property("ref", boost::get(&VertexData::ref, g));
  dp.property("relation", boost::get(&EdgeData::kind, g));
  std::ostringstream out;
  boost::write_graphml(out, g, dp, true);
  return out.str();
}

std::string ClaimGraph::to_dot() const {
  const Graph& g = impl_->g;
  auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') {
        out += "\\n";
        continue;
      }
      out += c;
    }
    return out + "\"";
  };
  std::ostringstream out;
  out << "digraph claims {\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    out << "  n" << *v << " [label=" << quote(g[*v].label) << ", kind=" << quote(g[*v].kind) << ", ref=" << quote(g[*v].ref) << "];\n";
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    out << "  n" << boost::source(*e, g) << " -> n" << boost::target(*e, g) << " [label=" << quote(g[*e].kind) << "];\n";
  out << "}\n";
  return out.str();
}

}  // namespace crosscheck::graph

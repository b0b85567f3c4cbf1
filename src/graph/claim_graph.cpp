#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "graph/graph.hpp"

namespace crosscheck::graph {

namespace {

// Vertices and edges carry a kind and an index, not strings: the graph has a vertex per claim and
// several edges each, so strings here cost more than the claims themselves. Labels are looked up
// from the articles and claims when the graph is written.
enum class VertexKind : std::uint8_t { article, entity, attribute, claim };
enum class Relation : std::uint8_t { from, about, measures, converts_to, derived_from, comparable_with };

struct VertexData {
  VertexKind kind = VertexKind::claim;
  std::uint32_t index = 0;  // into the articles, the graph's names or the claims, by kind
};

struct EdgeData {
  Relation kind = Relation::from;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

constexpr std::size_t kPairwiseEdgeLimit = 40;  // above this a group is linked as a chain

const char* kind_name(VertexKind k) {
  switch (k) {
    case VertexKind::article: return "article";
    case VertexKind::entity: return "entity";
    case VertexKind::attribute: return "attribute";
    case VertexKind::claim: return "claim";
  }
  return "claim";
}

const char* relation_name(Relation r) {
  switch (r) {
    case Relation::from: return "from";
    case Relation::about: return "about";
    case Relation::measures: return "measures";
    case Relation::converts_to: return "converts-to";
    case Relation::derived_from: return "derived-from";
    case Relation::comparable_with: return "comparable-with";
  }
  return "from";
}

std::uint32_t index32(std::size_t i) { return static_cast<std::uint32_t>(i); }

}  // namespace

struct ClaimGraph::Impl {
  Graph g;
  std::vector<Vertex> claim_vertex;
  std::vector<std::string> names;  // entity and attribute ids, indexed by their vertices
  std::vector<Group> groups;

  // A vertex's label and reference (article title and id, entity id, claim surface and id).
  std::string label(Vertex v, const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const {
    const VertexData& d = g[v];
    if (d.kind == VertexKind::article)
      return d.index < articles.size() ? (articles[d.index].title.empty() ? articles[d.index].id : articles[d.index].title) : "";
    if (d.kind == VertexKind::claim) return d.index < claims.size() ? claims[d.index].quantity.surface : "";
    return names[d.index];
  }
  std::string ref(Vertex v, const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const {
    const VertexData& d = g[v];
    if (d.kind == VertexKind::article) return d.index < articles.size() ? articles[d.index].id : "";
    if (d.kind == VertexKind::claim) return d.index < claims.size() ? claims[d.index].id : "";
    return names[d.index];
  }
};

ClaimGraph::ClaimGraph(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims)
    : impl_(std::make_unique<Impl>()) {
  Graph& g = impl_->g;
  std::vector<Vertex> article_vertex;
  article_vertex.reserve(articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) article_vertex.push_back(boost::add_vertex({VertexKind::article, index32(i)}, g));
  std::unordered_map<std::string, Vertex> entity_vertex, attribute_vertex;
  auto vertex_for = [&](std::unordered_map<std::string, Vertex>& map, VertexKind kind, const std::string& id) {
    auto it = map.find(id);
    if (it != map.end()) return it->second;
    Vertex v = boost::add_vertex({kind, index32(impl_->names.size())}, g);
    impl_->names.push_back(id);
    map.emplace(id, v);
    return v;
  };
  std::map<std::string, std::vector<std::size_t>> blocks;
  impl_->claim_vertex.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    Vertex v = boost::add_vertex({VertexKind::claim, index32(i)}, g);
    impl_->claim_vertex.push_back(v);
    if (c.article < article_vertex.size()) boost::add_edge(v, article_vertex[c.article], {Relation::from}, g);
    if (!c.subject.empty()) boost::add_edge(v, vertex_for(entity_vertex, VertexKind::entity, c.subject), {Relation::about}, g);
    if (!c.attribute.empty()) boost::add_edge(v, vertex_for(attribute_vertex, VertexKind::attribute, c.attribute), {Relation::measures}, g);
    if (c.linked_to >= 0 && static_cast<std::size_t>(c.linked_to) < i)
      boost::add_edge(v, impl_->claim_vertex[static_cast<std::size_t>(c.linked_to)], {Relation::converts_to}, g);
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
          boost::add_edge(impl_->claim_vertex[members[x]], impl_->claim_vertex[members[y]], {Relation::comparable_with}, g);
    } else {
      for (std::size_t x = 0; x + 1 < members.size(); ++x)
        boost::add_edge(impl_->claim_vertex[members[x]], impl_->claim_vertex[members[x + 1]], {Relation::comparable_with}, g);
    }
    impl_->groups.push_back({key, members});
  }
}

ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;

const std::vector<Group>& ClaimGraph::groups() const { return impl_->groups; }

void ClaimGraph::add_derived(std::size_t claim, std::size_t from) {
  if (claim < impl_->claim_vertex.size() && from < impl_->claim_vertex.size())
    boost::add_edge(impl_->claim_vertex[claim], impl_->claim_vertex[from], {Relation::derived_from}, impl_->g);
}

std::size_t ClaimGraph::vertex_count() const { return boost::num_vertices(impl_->g); }
std::size_t ClaimGraph::edge_count() const { return boost::num_edges(impl_->g); }

std::string ClaimGraph::to_graphml(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const {
  const Impl& impl = *impl_;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("kind", boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return std::string(kind_name(impl.g[v].kind)); }));
  dp.property("label", boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return impl.label(v, articles, claims); }));
  dp.property("ref", boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return impl.ref(v, articles, claims); }));
  dp.property("relation", boost::make_function_property_map<Edge, std::string>([&](Edge e) { return std::string(relation_name(impl.g[e].kind)); }));
  std::ostringstream out;
  boost::write_graphml(out, impl.g, dp, true);
  return out.str();
}

std::string ClaimGraph::to_dot(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const {
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
    out << "  n" << *v << " [label=" << quote(impl_->label(*v, articles, claims)) << ", kind=" << quote(kind_name(g[*v].kind))
        << ", ref=" << quote(impl_->ref(*v, articles, claims)) << "];\n";
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    out << "  n" << boost::source(*e, g) << " -> n" << boost::target(*e, g) << " [label=" << quote(relation_name(g[*e].kind)) << "];\n";
  out << "}\n";
  return out.str();
}

}  // namespace crosscheck::graph

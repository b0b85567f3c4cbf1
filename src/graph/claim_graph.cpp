#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "core/parallel.hpp"
#include "graph/graph.hpp"

namespace crosscheck::graph {

namespace {

// Vertices and edges carry a kind and an index, not strings. Labels are looked up from the
// articles and claims when the graph is written.
enum class VertexKind : std::uint8_t { article, entity, attribute, claim };
enum class Relation : std::uint8_t { from, about, measures, converts_to, derived_from, comparable_with };

struct VertexData {
  VertexKind kind = VertexKind::claim;
  std::uint32_t index = 0;  // into the articles, the graph's names or the claims, by kind
};

struct EdgeData {
  Relation kind = Relation::from;
};

// A compressed sparse row graph: one array of targets and one of relations, a few bytes an edge.
// (An adjacency_list allocates every edge's property on the heap, which at a day's news came to
// more memory than the claims.)
using Graph = boost::compressed_sparse_row_graph<boost::directedS, VertexData, EdgeData, boost::no_property,
                                                 std::uint32_t, std::uint32_t>;
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

// Comparable-with edges within one group: every pair in a small group, a chain in a large one.
template <typename AddEdge>
void link_group(const Group& group, AddEdge&& add) {
  const auto& m = group.claims;
  if (m.size() <= kPairwiseEdgeLimit) {
    for (std::size_t x = 0; x < m.size(); ++x)
      for (std::size_t y = x + 1; y < m.size(); ++y) add(m[x], m[y]);
  } else {
    for (std::size_t x = 0; x + 1 < m.size(); ++x) add(m[x], m[x + 1]);
  }
}

std::size_t group_edge_count(const Group& group) {
  std::size_t n = group.claims.size();
  return n <= kPairwiseEdgeLimit ? n * (n - 1) / 2 : n - 1;
}

}  // namespace

// The graph is held by what cannot be read back from the claims: the entity and attribute
// vertices, the groups and the derived-from edges. Each claim's from, about, measures and
// converts-to edges follow from its own fields, so they are laid out again when the graph is
// written rather than kept, at several edges a claim, for the whole run.
// Vertex numbers: the articles, then the entities and attributes in order of first mention,
// then the claims.
struct ClaimGraph::Impl {
  std::size_t article_count = 0;
  std::size_t claim_count = 0;
  std::vector<std::pair<VertexKind, std::string>> names;  // entity and attribute vertices
  std::vector<std::uint32_t> subject_name, attribute_name;  // per claim, an index into names or kNone
  std::size_t structural_edges = 0;
  std::vector<Group> groups;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> derived;  // claim, the claim it used

  static constexpr std::uint32_t kNone = UINT32_MAX;

  std::uint32_t claim_vertex(std::size_t claim) const { return index32(article_count + names.size() + claim); }
  std::uint32_t name_vertex(std::uint32_t name) const { return index32(article_count + name); }

  Graph build(const std::vector<core::Claim>& claims) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<EdgeData> relations;
    edges.reserve(structural_edges + derived.size());
    relations.reserve(structural_edges + derived.size());
    auto add = [&](std::uint32_t from, std::uint32_t to, Relation r) {
      edges.emplace_back(from, to);
      relations.push_back({r});
    };
    for (std::size_t i = 0; i < claim_count && i < claims.size(); ++i) {
      const auto& c = claims[i];
      std::uint32_t v = claim_vertex(i);
      if (c.article < article_count) add(v, index32(c.article), Relation::from);
      if (subject_name[i] != kNone) add(v, name_vertex(subject_name[i]), Relation::about);
      if (attribute_name[i] != kNone) add(v, name_vertex(attribute_name[i]), Relation::measures);
      if (c.linked_to >= 0 && static_cast<std::size_t>(c.linked_to) < i)
        add(v, claim_vertex(static_cast<std::size_t>(c.linked_to)), Relation::converts_to);
    }
    for (const auto& group : groups)
      link_group(group, [&](std::size_t a, std::size_t b) { add(claim_vertex(a), claim_vertex(b), Relation::comparable_with); });
    for (auto [claim, from] : derived) add(claim_vertex(claim), claim_vertex(from), Relation::derived_from);

    Graph g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), relations.begin(),
            index32(article_count + names.size() + claim_count));
    for (std::size_t a = 0; a < article_count; ++a) g[index32(a)] = {VertexKind::article, index32(a)};
    for (std::size_t n = 0; n < names.size(); ++n) g[name_vertex(index32(n))] = {names[n].first, index32(n)};
    for (std::size_t c = 0; c < claim_count; ++c) g[claim_vertex(c)] = {VertexKind::claim, index32(c)};
    return g;
  }

  // A vertex's label and reference (article title and id, entity id, claim surface and id).
  std::string label(const Graph& g, Vertex v, const std::vector<core::Article>& articles,
                    const std::vector<core::Claim>& claims) const {
    const VertexData& d = g[v];
    if (d.kind == VertexKind::article)
      return d.index < articles.size() ? (articles[d.index].title.empty() ? articles[d.index].id : articles[d.index].title) : "";
    if (d.kind == VertexKind::claim) return d.index < claims.size() ? claims[d.index].quantity.surface : "";
    return names[d.index].second;
  }
  std::string ref(const Graph& g, Vertex v, const std::vector<core::Article>& articles,
                  const std::vector<core::Claim>& claims) const {
    const VertexData& d = g[v];
    if (d.kind == VertexKind::article) return d.index < articles.size() ? articles[d.index].id : "";
    if (d.kind == VertexKind::claim) return d.index < claims.size() ? claims[d.index].id : "";
    return names[d.index].second;
  }
};

ClaimGraph::ClaimGraph(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims)
    : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  impl.article_count = articles.size();
  impl.claim_count = claims.size();
  // Keyed by views of the claims' own words, which outlive the construction: a claim's names and
  // key are looked up without copying them.
  std::unordered_map<std::string_view, std::uint32_t> entity_name, attribute_name;
  auto name_for = [&](std::unordered_map<std::string_view, std::uint32_t>& map, VertexKind kind, std::string_view id) {
    auto [it, fresh] = map.try_emplace(id, index32(impl.names.size()));
    if (fresh) impl.names.emplace_back(kind, std::string(id));
    return it->second;
  };
  // Blocks are found by hashing (a claim's lookup costs no string comparisons along a tree path)
  // and put in key order afterwards.
  std::unordered_map<std::string_view, std::vector<std::size_t>> blocks;
  impl.subject_name.assign(claims.size(), Impl::kNone);
  impl.attribute_name.assign(claims.size(), Impl::kNone);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    if (c.article < articles.size()) ++impl.structural_edges;
    if (!c.subject.empty()) impl.subject_name[i] = name_for(entity_name, VertexKind::entity, c.subject), ++impl.structural_edges;
    if (!c.attribute.empty())
      impl.attribute_name[i] = name_for(attribute_name, VertexKind::attribute, c.attribute), ++impl.structural_edges;
    if (c.linked_to >= 0 && static_cast<std::size_t>(c.linked_to) < i) ++impl.structural_edges;
    // A conversion in brackets ("3.12 trillion won ($2.82 billion)") is a figure of the same
    // quantity in another currency: compared with the others told in that currency too.
    if (!c.subject_root.empty() && !c.attribute.empty() && (c.linked_to < 0 || c.quantity.link == "conversion"))
      blocks[std::string_view(c.key)].push_back(i);
  }
  std::vector<std::pair<std::string_view, std::vector<std::size_t>*>> comparable;
  for (auto& [key, members] : blocks)
    if (members.size() >= 2) comparable.emplace_back(key, &members);
  std::sort(comparable.begin(), comparable.end());
  impl.groups.reserve(comparable.size());
  for (auto& [key, members] : comparable) impl.groups.push_back({std::string(key), std::move(*members)});
  // Each group's claims in article order, then text order; the groups are sorted on all cores.
  auto rank = core::article_ranks_by_id(articles);
  core::parallel_for(impl.groups.size(), [&](std::size_t g) {
    auto& members = impl.groups[g].claims;
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      const auto& ca = claims[a];
      const auto& cb = claims[b];
      if (ca.article != cb.article) return rank[ca.article] < rank[cb.article];
      return ca.quantity.span.start < cb.quantity.span.start;
    });
  });
  for (const auto& group : impl.groups) impl.structural_edges += group_edge_count(group);
}

ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;

const std::vector<Group>& ClaimGraph::groups() const { return impl_->groups; }

void ClaimGraph::add_derived(std::size_t claim, std::size_t from) {
  if (claim < impl_->claim_count && from < impl_->claim_count) impl_->derived.emplace_back(index32(claim), index32(from));
}

std::size_t ClaimGraph::vertex_count() const { return impl_->article_count + impl_->names.size() + impl_->claim_count; }
std::size_t ClaimGraph::edge_count() const { return impl_->structural_edges + impl_->derived.size(); }

namespace {

// XML 1.0 cannot hold C0 controls other than tab and line breaks, not even as references: an
// article's id or text holding one (a NUL) would make the whole GraphML file unreadable, so each
// becomes U+FFFD, visibly.
std::string xml_safe(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

}  // namespace

std::string ClaimGraph::to_graphml(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const {
  const Impl& impl = *impl_;
  Graph g = impl.build(claims);
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("kind", boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return std::string(kind_name(g[v].kind)); }));
  dp.property("label", boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return xml_safe(impl.label(g, v, articles, claims)); }));
  dp.property("ref", boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return xml_safe(impl.ref(g, v, articles, claims)); }));
  dp.property("relation", boost::make_function_property_map<Edge, std::string>([&](Edge e) { return std::string(relation_name(g[e].kind)); }));
  std::ostringstream out;
  boost::write_graphml(out, g, dp, true);
  return out.str();
}

std::string ClaimGraph::to_dot(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const {
  const Graph g = impl_->build(claims);
  auto quote = [](const std::string& text) {
    std::string out = "\"";
    for (char c : xml_safe(text)) {
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
    out << "  n" << *v << " [label=" << quote(impl_->label(g, *v, articles, claims)) << ", kind=" << quote(kind_name(g[*v].kind))
        << ", ref=" << quote(impl_->ref(g, *v, articles, claims)) << "];\n";
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    out << "  n" << boost::source(*e, g) << " -> n" << boost::target(*e, g) << " [label=" << quote(relation_name(g[*e].kind)) << "];\n";
  out << "}\n";
  return out.str();
}

}  // namespace crosscheck::graph

#pragma once
// graph: the claim graph. Articles, entities, attributes and claims are vertices; edges say
// "from", "about", "measures", "converts-to", "derived-from" and "comparable-with".
// Comparable claims are found by blocking on (entity, attribute, dimension), never by
// comparing every pair. Boost.Graph stays inside graph/*.cpp.
#include <memory>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace crosscheck::graph {

struct Group {
  std::string key;                  // subject_root|attribute|dimension
  std::vector<std::size_t> claims;  // indices into the claim list, in a stable order
};

class ClaimGraph {
 public:
  ClaimGraph(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims);
  ~ClaimGraph();
  ClaimGraph(ClaimGraph&&) noexcept;

  // Groups of two or more comparable claims with a known subject and attribute, sorted by key.
  const std::vector<Group>& groups() const;
  void add_derived(std::size_t claim, std::size_t from);  // a derived check used `from` for `claim`

  std::size_t vertex_count() const;
  std::size_t edge_count() const;
  // The graph for Gephi or Cytoscape (GraphML) and Graphviz (DOT); labels are read from the
  // articles and claims it was built from.
  std::string to_graphml(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const;
  std::string to_dot(const std::vector<core::Article>& articles, const std::vector<core::Claim>& claims) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck::graph

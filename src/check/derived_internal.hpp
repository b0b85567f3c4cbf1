#pragma once
// What the derived checks share (derived.cpp, fx_conversions.cpp): the date a claim's own words
// give, and one order of the claims a check looks at.
#include <algorithm>
#include <vector>

#include "check/check.hpp"
#include "core/text.hpp"

namespace crosscheck::check {

// A claim's date as its own words give it: the article's date stood in for a price that named
// none (scope.date_source "published") so that prices of one day compare, but a derived check
// ties a change to the two prices it spans by the dates the text states.
inline core::PartialDate own_date(const core::Claim& c) {
  return c.scope.date_source == "published" ? core::PartialDate{} : c.scope.date;
}

// The claim's own date, else its article's.
inline core::PartialDate when(const CheckInput& in, const core::Claim& c) {
  if (own_date(c).complete()) return own_date(c);
  return in.articles[c.article].published_date;
}

// The claims `keep` accepts, in an order that does not depend on how the input was split or
// shuffled. Each derived check looks at a small share of the claims, so only those are sorted.
template <typename Keep>
std::vector<std::size_t> canonical_order(const CheckInput& in, Keep keep) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < in.claims.size(); ++i)
    if (keep(in.claims[i])) order.push_back(i);
  auto rank = core::article_ranks_by_id(in.articles);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = in.claims[a];
    const auto& y = in.claims[b];
    if (x.article != y.article) return rank[x.article] < rank[y.article];
    if (x.quantity.span.start != y.quantity.span.start) return x.quantity.span.start < y.quantity.span.start;
    return x.id < y.id;
  });
  return order;
}

}  // namespace crosscheck::check

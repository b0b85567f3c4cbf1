// A figure an article states twice: the headline's "진화율 62%" and the body's "오후 1시 브리핑에서
// 진화율이 62%라고 밝혔다". The headline gives no moment of its own; it restates the body's figure,
// so it holds at the body's moment. Without this, a story's side holding both is only as certain
// as its vaguer member.
#include <map>
#include <tuple>

#include "frame/frame_internal.hpp"

namespace crosscheck::frame {

void inherit_restated_scope(std::vector<core::Claim>& claims, core::WordPool& words) {
  // A time the figure's own words give: not the article's period or date standing in for one.
  auto timed = [](const core::Scope& s) {
    return (!s.as_of.empty() && s.as_of_source != "published") || (!s.period.empty() && s.period_source.empty()) ||
           (!s.date.empty() && s.date_source.empty());
  };
  // One figure: its measure, subject, unit and value as written.
  using Figure = std::tuple<std::string_view, std::string_view, std::string_view, double>;
  std::map<Figure, int> source;  // the one timed claim of each figure; -1 when two disagree on time
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    if (c.attribute.empty() || c.linked_to >= 0 || !timed(c.scope)) continue;
    Figure f{c.attribute.view(), c.subject_root.view(), c.quantity.unit.view(), c.quantity.point};
    auto [it, fresh] = source.emplace(f, static_cast<int>(i));
    if (!fresh && it->second >= 0) {
      const auto& other = claims[static_cast<std::size_t>(it->second)].scope;
      if (other.as_of != c.scope.as_of || other.period != c.scope.period || !other.date.compatible(c.scope.date) ||
          other.date.empty() != c.scope.date.empty())
        it->second = -1;
    }
  }
  for (auto& c : claims) {
    if (c.attribute.empty() || c.linked_to >= 0 || timed(c.scope)) continue;
    auto it = source.find(Figure{c.attribute.view(), c.subject_root.view(), c.quantity.unit.view(), c.quantity.point});
    if (it == source.end() || it->second < 0) continue;
    const core::Scope& from = claims[static_cast<std::size_t>(it->second)].scope;
    // The article's own date standing in for the figure's must agree with the stated one.
    if (!c.scope.date.empty() && !from.date.empty() && !c.scope.date.compatible(from.date)) continue;
    if (!from.as_of.empty()) c.scope.as_of = from.as_of, c.scope.as_of_source = words.get("restated");
    if (!from.period.empty()) c.scope.period = from.period, c.scope.period_source = words.get("restated");
    if (!from.date.empty()) c.scope.date = from.date, c.scope.date_source = words.get("restated");
  }
}

}  // namespace crosscheck::frame

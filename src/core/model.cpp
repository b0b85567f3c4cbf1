#include "core/model.hpp"

#include <algorithm>
#include <cmath>

namespace crosscheck::core {

void to_json(nlohmann::json& j, const Word& w) { j = w.str(); }
void to_json(nlohmann::ordered_json& j, const Word& w) { j = w.str(); }

std::string score_text(double value) {
  long whole = std::lround(value);
  return std::to_string(whole / 1000) + "–" + std::to_string(whole % 1000);
}

const char* dimension_name(Dimension d) {
  switch (d) {
    case Dimension::money: return "money";
    case Dimension::percent: return "percent";
    case Dimension::percentage_points: return "percentage-points";
    case Dimension::multiple: return "multiple";
    case Dimension::count: return "count";
    case Dimension::duration: return "duration";
    case Dimension::measure: return "measure";
    case Dimension::score: return "score";
    case Dimension::entity: return "entity";
  }
  return "count";
}

std::string_view sentence_of(const Claim& claim, const Article& article) {
  if (article.text.empty() || claim.quantity.sentence >= article.sentences.size()) return claim.sentence_text;
  const Span& s = article.sentences[claim.quantity.sentence];
  return std::string_view(article.text).substr(s.start, s.end - s.start);
}

void share_words(Claim& claim, WordPool& pool) {
  for (Word* word : {&claim.subject, &claim.subject_root, &claim.subject_source, &claim.attribute, &claim.attribute_source, &claim.measure_word, &claim.key})
    pool.share(*word);
  share_scope_words(claim, pool);
}

void share_scope_words(Claim& claim, WordPool& pool) {
  // Not sentence_text: each claim's sentence is its own.
  for (Word* word : {&claim.quantity.unit, &claim.quantity.counted, &claim.quantity.link, &claim.scope.period, &claim.scope.window,
                     &claim.scope.basis, &claim.scope.kind, &claim.scope.direction, &claim.scope.attribution,
                     &claim.scope.qualifier, &claim.scope.role, &claim.scope.as_of, &claim.scope.as_of_source,
                     &claim.scope.period_source, &claim.scope.date_source, &claim.scope.earlier,
                     &claim.relation_value, &claim.attributed_to})
    pool.share(*word);
}

std::vector<std::size_t> article_ranks_by_id(const std::vector<Article>& articles) {
  std::vector<std::size_t> by_id(articles.size());
  for (std::size_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
  std::stable_sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) { return articles[a].id < articles[b].id; });
  std::vector<std::size_t> rank(articles.size());
  for (std::size_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;
  return rank;
}

}  // namespace crosscheck::core

#include "cli/pipeline.hpp"

#include <algorithm>

#include "check/check.hpp"
#include "core/parallel.hpp"
#include "extract/extract.hpp"
#include "frame/frame.hpp"

namespace crosscheck::cli {

std::vector<core::Claim> claims_of(const core::Article& article, std::size_t index, const rules::RuleSet& rules,
                                   core::Diagnostics& diagnostics) {
  extract::Extraction extraction = extract::extract(article, rules);
  if (extraction.truncated)
    diagnostics.push_back({core::Severity::warning, "limit.claims",
                           "more than " + std::to_string(extract::kMaxQuantitiesPerArticle) + " figures; the rest were not read",
                           article.path});
  return frame::frame(article, index, extraction, rules);
}

PipelineResult check_claims(std::vector<core::Article> articles, std::vector<core::Claim> claims, const rules::RuleSet& rules,
                            const std::string& language) {
  PipelineResult result;
  result.run.articles = std::move(articles);
  result.run.claims = std::move(claims);
  result.graph = std::make_unique<graph::ClaimGraph>(result.run.articles, result.run.claims);
  check::CheckInput input{result.run.articles, result.run.claims, rules, language};
  result.run.findings = check::run_checks(input, *result.graph);
  for (const auto& note : input.limit_notes) result.run.diagnostics.push_back({core::Severity::warning, "limit.group", note, ""});
  return result;
}

PipelineResult run_pipeline(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                            const std::string& language, bool check) {
  PipelineResult result;
  ingest::ReadResult read = ingest::read_inputs(paths, rules, stdin_stream);
  result.run.articles = std::move(read.articles);
  result.run.inputs = std::move(read.inputs);
  result.run.diagnostics = std::move(read.diagnostics);

  // Articles are framed in parallel; results are joined in input order, so output is deterministic.
  const auto& articles = result.run.articles;
  std::vector<std::vector<core::Claim>> per_article(articles.size());
  std::vector<core::Diagnostics> diagnostics(articles.size());
  core::parallel_for(articles.size(), [&](std::size_t i) { per_article[i] = claims_of(articles[i], i, rules, diagnostics[i]); });
  for (auto& d : diagnostics) result.run.diagnostics.insert(result.run.diagnostics.end(), d.begin(), d.end());
  // Claim indices were local to each article: shift the links to the joined list.
  for (auto& claims : per_article) {
    int offset = static_cast<int>(result.run.claims.size());
    for (auto& c : claims) {
      if (c.linked_to >= 0) c.linked_to += offset;
      result.run.claims.push_back(std::move(c));
    }
  }
  if (!check) {
    result.graph = std::make_unique<graph::ClaimGraph>(result.run.articles, result.run.claims);
    return result;
  }
  PipelineResult checked = check_claims(std::move(result.run.articles), std::move(result.run.claims), rules, language);
  checked.run.inputs = std::move(result.run.inputs);
  result.run.diagnostics.insert(result.run.diagnostics.end(), checked.run.diagnostics.begin(), checked.run.diagnostics.end());
  checked.run.diagnostics = std::move(result.run.diagnostics);
  return checked;
}

}  // namespace crosscheck::cli

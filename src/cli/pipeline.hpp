#pragma once
// The pipeline wired end to end: ingest → extract → frame → graph → check.
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "ingest/ingest.hpp"
#include "report/report.hpp"

namespace crosscheck::cli {

struct PipelineResult {
  report::Run run;
  std::unique_ptr<graph::ClaimGraph> graph;
};

// Claims of one article (extract + frame); articles are independent, so this runs in parallel,
// each thread with its own pool of shared words.
std::vector<core::Claim> claims_of(const core::Article& article, std::size_t index, const rules::RuleSet& rules,
                                   core::Diagnostics& diagnostics, core::WordPool& words);

// The reduce side: claims already extracted (possibly by many machines) are grouped and checked.
PipelineResult check_claims(std::vector<core::Article> articles, std::vector<core::Claim> claims, const rules::RuleSet& rules,
                            const std::string& language);

// Claims of many articles, framed on all cores and joined in article order (claim.article is the
// index into `articles`; links are indices into the returned list).
std::vector<core::Claim> frame_articles(const std::vector<core::Article>& articles, const rules::RuleSet& rules,
                                        core::Diagnostics& diagnostics);

// The map side in bounded memory: articles are read, extracted and framed a batch at a time, and
// each batch's claims go to `sink` with the batch's articles (claim.article indexes the batch).
// The returned run has the inputs and diagnostics, and no articles or claims.
using ClaimSink = std::function<void(const std::vector<core::Article>& batch, const std::vector<core::Claim>& claims)>;
report::Run extract_streaming(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                              const ClaimSink& sink, std::size_t& articles_read);

// Reads, extracts and frames; with `check`, also builds the claim graph and checks. Without it
// (the map side, `crosscheck extract`) there is no graph and no findings.
PipelineResult run_pipeline(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                            const std::string& language, bool check = true);

}  // namespace crosscheck::cli

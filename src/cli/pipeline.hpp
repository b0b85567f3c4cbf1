#pragma once
// The pipeline wired end to end: ingest → extract → frame → graph → check.
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

// Claims of one article (extract + frame); articles are independent, so this runs in parallel.
std::vector<core::Claim> claims_of(const core::Article& article, std::size_t index, const rules::RuleSet& rules,
                                   core::Diagnostics& diagnostics);

// The reduce side: claims already extracted (possibly by many machines) are grouped and checked.
PipelineResult check_claims(std::vector<core::Article> articles, std::vector<core::Claim> claims, const rules::RuleSet& rules,
                            const std::string& language);

PipelineResult run_pipeline(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                            const std::string& language, bool check = true);

}  // namespace crosscheck::cli

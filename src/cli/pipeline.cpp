#include "cli/pipeline.hpp"

#include <algorithm>
#include <new>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "check/check.hpp"
#include "core/parallel.hpp"
#include "extract/extract.hpp"
#include "frame/frame.hpp"
#include "frame/subjects.hpp"

namespace crosscheck::cli {

std::vector<core::Claim> claims_of(const core::Article& article, std::size_t index, const rules::RuleSet& rules,
                                   core::Diagnostics& diagnostics, core::WordPool& words) {
  extract::Extraction extraction = extract::extract(article, rules);
  if (extraction.truncated)
    diagnostics.push_back({core::Severity::warning, "limit.claims",
                           "more than " + std::to_string(extract::kMaxQuantitiesPerArticle) + " figures; the rest were not read",
                           article.path});
  return frame::frame(article, index, extraction, rules, words);
}

PipelineResult check_claims(std::vector<core::Article> articles, std::vector<core::Claim> claims, const rules::RuleSet& rules,
                            const std::string& language) {
  PipelineResult result;
  result.run.articles = std::move(articles);
  result.run.claims = std::move(claims);
  // One name spelled several ways across the story (라온마켓, Raon Market) is one subject.
  frame::link_subjects(result.run.claims, rules);
  frame::settle_jurisdictions(result.run.claims, rules);
  result.run.event_name = frame::name_event(result.run.articles, rules);
  result.graph = std::make_unique<graph::ClaimGraph>(result.run.articles, result.run.claims);
  check::CheckInput input{result.run.articles, result.run.claims, rules, language, result.run.event_name};
  result.run.findings = check::run_checks(input, *result.graph);
#ifdef __GLIBC__
  // The checker's threads keep what they freed in their allocator arenas; hand it back before the
  // report is written, or the report's memory comes on top (about 80 MB at 300 MB of input).
  malloc_trim(0);
#endif
  for (const auto& note : input.limit_notes) result.run.diagnostics.push_back({core::Severity::warning, "limit.group", note, ""});
  for (const auto& note : input.unchecked_notes) result.run.diagnostics.push_back({core::Severity::warning, "check.no-rate", note, ""});
  return result;
}

PipelineResult run_pipeline(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                            const std::string& language, bool check) {
  PipelineResult result;
  ingest::ReadResult read = ingest::read_inputs(paths, rules, stdin_stream);
  ingest::complete_dates_from_story(read.articles);
  result.run.articles = std::move(read.articles);
  result.run.inputs = std::move(read.inputs);
  result.run.diagnostics = std::move(read.diagnostics);

  result.run.claims = frame_articles(result.run.articles, rules, result.run.diagnostics);
#ifdef __GLIBC__
  // The workers' allocator arenas keep what framing freed; hand it back before the checker and the
  // report allocate theirs, or the process holds both.
  malloc_trim(0);
#endif
  if (!check) return result;
  PipelineResult checked = check_claims(std::move(result.run.articles), std::move(result.run.claims), rules, language);
  checked.run.inputs = std::move(result.run.inputs);
  result.run.diagnostics.insert(result.run.diagnostics.end(), checked.run.diagnostics.begin(), checked.run.diagnostics.end());
  checked.run.diagnostics = std::move(result.run.diagnostics);
  return checked;
}

std::vector<core::Claim> frame_articles(const std::vector<core::Article>& articles, const rules::RuleSet& rules,
                                        core::Diagnostics& diagnostics_out) {
  // Articles are framed in parallel, a batch at a time; results are joined in input order, so
  // output is deterministic. Batches keep the per-article lists from being held beside the joined
  // list all at once (a claim is close to a kilobyte, and freed lists stay with the allocator).
  constexpr std::size_t kBatch = 2048;
  std::size_t text_bytes = 0;
  for (const auto& a : articles) text_bytes += a.text.size();
  std::vector<core::Claim> joined;
  // One pool of shared words per worker: a value is held once per worker, not once per claim.
  std::vector<core::WordPool> words(core::worker_count());
  std::size_t bytes_framed = 0;
  for (std::size_t first = 0; first < articles.size(); first += kBatch) {
    std::size_t n = std::min(kBatch, articles.size() - first);
    std::vector<std::vector<core::Claim>> per_article(n);
    std::vector<core::Diagnostics> diagnostics(n);
    core::parallel_for_by_worker(n, [&](std::size_t i, std::size_t worker) {
      per_article[i] = claims_of(articles[first + i], first + i, rules, diagnostics[i], words[worker]);
    });
    for (auto& d : diagnostics) diagnostics_out.insert(diagnostics_out.end(), d.begin(), d.end());
    std::size_t batch_claims = 0;
    for (std::size_t i = 0; i < n; ++i) {
      batch_claims += per_article[i].size();
      bytes_framed += articles[first + i].text.size();
    }
    if (first == 0 && bytes_framed > 0) {
      // Reserve what the whole input will likely yield at the first batch's rate, with a margin:
      // growing by doubling would hold the old and the new list at once near the end.
      double per_byte = static_cast<double>(batch_claims) / static_cast<double>(bytes_framed);
      try {
        joined.reserve(batch_claims + static_cast<std::size_t>(per_byte * 1.1 * static_cast<double>(text_bytes - bytes_framed)));
      } catch (const std::bad_alloc&) {
        // A first batch far denser in figures than the rest can ask for more than the machine
        // has: it is only an estimate, so the list grows as needed instead.
      }
    }
    // Claim indices were local to each article: shift the links to the joined list.
    for (auto& claims : per_article) {
      int offset = static_cast<int>(joined.size());
      for (auto& c : claims) {
        if (c.linked_to >= 0) c.linked_to += offset;
        joined.push_back(std::move(c));
      }
    }
  }
  return joined;
}

report::Run extract_streaming(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                              const ClaimSink& sink, std::size_t& articles_read) {
  report::Run run;
  articles_read = 0;
  ingest::ReadResult read = ingest::read_inputs(paths, rules, stdin_stream, {}, [&](std::vector<core::Article>&& batch) {
    articles_read += batch.size();
    // A streamed run knows the articles of its batch only: a wire dateline's year comes from those
    // (a batch is 256 articles read in order, so a story's others are there unless it straddles two).
    ingest::complete_dates_from_story(batch);
    std::vector<core::Claim> claims = frame_articles(batch, rules, run.diagnostics);
    sink(batch, claims);
  });
  run.inputs = std::move(read.inputs);
  // Reading's diagnostics come first, as in a run that holds everything.
  read.diagnostics.insert(read.diagnostics.end(), run.diagnostics.begin(), run.diagnostics.end());
  run.diagnostics = std::move(read.diagnostics);
  return run;
}

}  // namespace crosscheck::cli

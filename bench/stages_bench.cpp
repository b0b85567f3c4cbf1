// Google Benchmark of each stage on a generated corpus (MB/s and claims/s):
//   stages_bench --benchmark_counters_tabular=true   (reads $CROSSCHECK_BENCH_CORPUS, a JSONL file)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "check/check.hpp"
#include "core/utf8.hpp"
#include "cli/pipeline.hpp"
#include "extract/extract.hpp"
#include "frame/frame.hpp"
#include "graph/graph.hpp"
#include "report/report.hpp"

namespace {

using namespace crosscheck;

struct Corpus {
  std::shared_ptr<const rules::RuleSet> rules;
  std::string jsonl;
  std::vector<core::Article> articles;
  std::vector<extract::Extraction> extractions;
  std::vector<core::Claim> claims;
  std::size_t text_bytes = 0;
  std::vector<std::size_t> korean;  // articles written mostly in Hangul
  std::size_t korean_bytes = 0;
};

// Whether most of an article's letters are Hangul syllables (the rest are Latin).
bool mostly_korean(const std::string& text) {
  std::size_t hangul = 0, latin = 0;
  for (std::size_t pos = 0, length = 1; pos < text.size(); pos += length) {
    char32_t c = core::decode_at(text, pos, length);
    if (core::is_hangul_syllable(c)) ++hangul;
    else if (core::is_latin_letter(c)) ++latin;
  }
  return hangul > latin;
}

const Corpus& corpus() {
  static Corpus c = [] {
    Corpus c;
    c.rules = rules::load_rules({CROSSCHECK_SOURCE_DIR "/rules"}).rules;
    const char* path = std::getenv("CROSSCHECK_BENCH_CORPUS");
    std::ifstream in(path ? path : "corpus.jsonl", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    c.jsonl = s.str();
    std::istringstream stream(c.jsonl);
    auto read = ingest::read_inputs({"-"}, *c.rules, &stream);
    c.articles = std::move(read.articles);
    for (const auto& a : c.articles) {
      c.text_bytes += a.text.size();
      if (mostly_korean(a.text)) c.korean.push_back(c.extractions.size()), c.korean_bytes += a.text.size();
      c.extractions.push_back(extract::extract(a, *c.rules));
    }
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
      auto claims = frame::frame(c.articles[i], i, c.extractions[i], *c.rules);
      c.claims.insert(c.claims.end(), claims.begin(), claims.end());
    }
    return c;
  }();
  return c;
}

void BM_ingest(benchmark::State& state) {
  const auto& c = corpus();
  for (auto _ : state) {
    std::istringstream stream(c.jsonl);
    benchmark::DoNotOptimize(ingest::read_inputs({"-"}, *c.rules, &stream));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.jsonl.size()));
}

void BM_extract(benchmark::State& state) {
  const auto& c = corpus();
  std::size_t quantities = 0;
  for (auto _ : state)
    for (const auto& a : c.articles) quantities += extract::extract(a, *c.rules).quantities.size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text_bytes));
  state.counters["claims/s"] = benchmark::Counter(static_cast<double>(quantities), benchmark::Counter::kIsRate);
}

// The same, on the Korean articles alone.
void BM_extract_korean(benchmark::State& state) {
  const auto& c = corpus();
  std::size_t quantities = 0;
  for (auto _ : state)
    for (std::size_t i : c.korean) quantities += extract::extract(c.articles[i], *c.rules).quantities.size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.korean_bytes));
  state.counters["claims/s"] = benchmark::Counter(static_cast<double>(quantities), benchmark::Counter::kIsRate);
}

void BM_frame(benchmark::State& state) {
  const auto& c = corpus();
  for (auto _ : state)
    for (std::size_t i = 0; i < c.articles.size(); ++i) benchmark::DoNotOptimize(frame::frame(c.articles[i], i, c.extractions[i], *c.rules));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text_bytes));
  state.counters["claims/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.claims.size()), benchmark::Counter::kIsRate);
}

void BM_graph(benchmark::State& state) {
  const auto& c = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(graph::ClaimGraph(c.articles, c.claims).groups().size());
  state.counters["claims/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.claims.size()), benchmark::Counter::kIsRate);
}

void BM_check(benchmark::State& state) {
  const auto& c = corpus();
  for (auto _ : state) {
    graph::ClaimGraph g(c.articles, c.claims);
    benchmark::DoNotOptimize(check::run_checks({c.articles, c.claims, *c.rules, "en"}, g));
  }
  state.counters["claims/s"] = benchmark::Counter(static_cast<double>(state.iterations() * c.claims.size()), benchmark::Counter::kIsRate);
}

void BM_write_json_html(benchmark::State& state) {
  const auto& c = corpus();
  graph::ClaimGraph g(c.articles, c.claims);
  report::Run run{c.articles, c.claims, check::run_checks({c.articles, c.claims, *c.rules, "en"}, g), {}, {}, "bench"};
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream json;
    report::write_run_json(run, json);
    bytes += json.str().size();
    bytes += report::html_report(run, *c.rules, "en").size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

}  // namespace

// Ingest, check and writing run on all cores: their rates are per second of wall time, not of one
// thread. Extract and frame are timed on one thread here (per-core rates).
BENCHMARK(BM_ingest)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_extract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_korean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_frame)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_graph)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_check)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_write_json_html)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();

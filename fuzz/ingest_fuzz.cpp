// libFuzzer harness for ingest: the bytes become a pasted page, an HTML page, a JSONL export or
// the HTML pre-scan and plain reader (for pages the parser must not see), chosen by the first byte, and go through reading, cleaning, sentences, extraction and framing.
#include <cstdint>
#include <sstream>
#include <string>

#include "cli/pipeline.hpp"
#include "core/utf8.hpp"
#include "fuzz_rules.hpp"
#include "ingest/html_guard.hpp"
#include "ingest/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& rules = fuzz::rules();
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  crosscheck::core::Diagnostics diagnostics;
  crosscheck::core::WordPool words;
  switch (data[0] % 4) {
    case 0: {
      auto article = crosscheck::ingest::build_article(bytes, {"f", "", "", "", "", "f.txt"}, rules, diagnostics);
      crosscheck::cli::claims_of(article, 0, rules, diagnostics, words);
      break;
    }
    case 1: {
      std::vector<crosscheck::core::InvalidByte> invalid;
      auto page = crosscheck::ingest::read_html(crosscheck::core::repair_utf8(bytes, invalid), rules);
      auto article = crosscheck::ingest::build_article(page.text, {"f", "", "", "", "", "f.html"}, rules, diagnostics, {}, page.skipped);
      crosscheck::cli::claims_of(article, 0, rules, diagnostics, words);
      break;
    }
    case 3: {
      crosscheck::ingest::measure_page(bytes);
      std::vector<crosscheck::core::InvalidByte> invalid;
      auto text = crosscheck::ingest::strip_tags(crosscheck::core::repair_utf8(bytes, invalid));
      auto article = crosscheck::ingest::build_article(text, {"f", "", "", "", "", "f.html"}, rules, diagnostics);
      crosscheck::cli::claims_of(article, 0, rules, diagnostics, words);
      break;
    }
    default: {
      std::istringstream in(bytes);
      crosscheck::cli::run_pipeline({"-"}, rules, &in, "en");
      break;
    }
  }
  return 0;
}

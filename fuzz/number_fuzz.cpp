// libFuzzer harness for the number reader: any text, read as one sentence.
#include <cstdint>
#include <string>

#include "core/utf8.hpp"
#include "extract/extract.hpp"
#include "fuzz_rules.hpp"
#include "ingest/ingest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<crosscheck::core::InvalidByte> invalid;
  std::string text = crosscheck::ingest::normalize_text(
      crosscheck::core::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size), invalid));
  auto extraction = crosscheck::extract::extract_snippet(text, fuzz::rules());
  for (const auto& q : extraction.quantities)
    if (q.span.end > text.size() || q.span.start > q.span.end || text.substr(q.span.start, q.span.end - q.span.start) != q.surface)
      __builtin_trap();  // every figure must be traceable to its exact text
  return 0;
}

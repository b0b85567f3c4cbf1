// libFuzzer harness for the rule loader: the bytes are a user's rule file (TOML, or a rate table
// when the first byte is odd) layered over nothing; any problem must come back as a diagnostic.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "rules/rule_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("crosscheck-fuzz-rules-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / (data[0] % 2 ? "rates.csv" : "rules.toml"), std::ios::binary)
      .write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
  auto result = crosscheck::rules::load_rules({dir.string()});
  if (!result.rules && result.diagnostics.empty()) __builtin_trap();  // a refusal must say why
  return 0;
}

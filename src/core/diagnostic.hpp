#pragma once
// One diagnostic type for problems in rule files and in inputs alike.
#include <string>
#include <vector>

namespace crosscheck::core {

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // grouped by cause: syntax.*, schema.*, pattern.*, input.*, limit.*
  std::string message;
  std::string file;
  int line = 0;         // 1-based; 0 when the problem has no line
  int column = 0;
  std::string note;     // a hint such as "did you mean 'cues'?"

  std::string to_string() const;  // "file:line:col: error[code]: message (note)"
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
const char* severity_name(Severity severity);

// The nearest candidate by edit distance, or "" when nothing is close enough to suggest.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace crosscheck::core

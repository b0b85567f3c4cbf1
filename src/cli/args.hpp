#pragma once
// Command-line parsing: subcommands, flags with values, and one-line errors with the usage.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crosscheck::cli {

struct FlagSpec {
  std::string name;         // "--format"
  bool takes_value = false;
  std::vector<std::string> choices;  // allowed values, empty = any
  bool repeatable = false;
};

struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> flags;  // name → values ("" for switches)
  std::vector<std::string> positional;
  bool has(const std::string& name) const { return flags.count(name) > 0; }
  std::string value(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> values(const std::string& name) const;
};

// Returns the parse or an error message ("unknown flag '--colour' (did you mean '--color'?)").
std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs, std::string& error);

}  // namespace crosscheck::cli

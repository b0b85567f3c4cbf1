#include "cli/args.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"

namespace crosscheck::cli {

std::string ParsedArgs::value(const std::string& name, const std::string& fallback) const {
  auto it = flags.find(name);
  return it == flags.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& name) const {
  auto it = flags.find(name);
  return it == flags.end() ? std::vector<std::string>{} : it->second;
}

std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs, std::string& error) {
  ParsedArgs parsed;
  bool only_positional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg, inline_value;
    bool has_inline = false;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
      has_inline = true;
    }
    auto spec = std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::vector<std::string> names;
      for (const auto& s : specs) names.push_back(s.name);
      std::string hint = core::did_you_mean(name, names);
      error = "unknown flag '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)");
      return std::nullopt;
    }
    std::string value;
    if (spec->takes_value) {
      if (has_inline) value = inline_value;
      else if (i + 1 < args.size()) value = args[++i];
      else {
        error = "flag '" + name + "' needs a value";
        return std::nullopt;
      }
      if (!spec->choices.empty() && std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end()) {
        std::string list;
        for (const auto& c : spec->choices) list += (list.empty() ? "" : "|") + c;
        error = "bad value '" + value + "' for " + name + " (expected " + list + ")";
        return std::nullopt;
      }
    } else if (has_inline) {
      error = "flag '" + name + "' takes no value";
      return std::nullopt;
    }
    auto& slot = parsed.flags[name];
    if (!spec->repeatable) slot.clear();
    slot.push_back(value);
  }
  return parsed;
}

}  // namespace crosscheck::cli

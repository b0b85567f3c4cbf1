#include "cli/commands.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <new>
#include <optional>
#include <sstream>
#include <system_error>
#include <filesystem>
#include <fstream>
#include <functional>

#include "cli/args.hpp"
#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "cli/claims_input.hpp"
#include "cli/output.hpp"
#include "cli/pipeline.hpp"
#include "cli/rule_examples.hpp"
#include "report/report.hpp"
#include "rules/rule_set.hpp"

namespace crosscheck::cli {

namespace {

const char* kUsage =
    "usage: crosscheck <command> [options]\n"
    "\n"
    "commands:\n"
    "  check PATH...        find where the articles' numbers disagree (files, folders, '-' for JSONL on stdin)\n"
    "  extract PATH...      print every claim as JSONL, one claim a line\n"
    "  graph PATH...        write the claim graph (--format graphml|dot)\n"
    "  rules lint [DIR]     validate a rules folder and run the examples its files carry\n"
    "\n"
    "  crosscheck --version | crosscheck <command> --help\n";

const char* kCheckUsage =
    "usage: crosscheck check [options] PATH...\n"
    "  --format text|json|html   report format (default text)\n"
    "  --output FILE             write the report to FILE instead of standard output\n"
    "  --rules DIR               a rules folder layered over the bundled rules (repeatable)\n"
    "  --ui-lang en|ko           language of labels and explanations (default en)\n"
    "  --claims FILE|-           check claims written by 'crosscheck extract' instead of reading articles\n"
    "  --only VERDICT,...        report only these findings (conflict, possible-conflict, disputed, explained, supported, agree)\n"
    "  --quiet                   no warnings on standard error\n"
    "  --version                 print the version\n"
    "exit status: 0 nothing to look at, 1 conflicts, possible conflicts or disputed facts found, 2 usage or input error\n";

const char* kExtractUsage =
    "usage: crosscheck extract [options] PATH...\n"
    "  --rules DIR      a rules folder layered over the bundled rules (repeatable)\n"
    "  --output FILE    write the JSONL to FILE\n"
    "  --quiet          no warnings on standard error\n"
    "prints one claim a line as JSON, with its comparison key\n";

const char* kGraphUsage =
    "usage: crosscheck graph [options] PATH...\n"
    "  --format graphml|dot   graph format (default graphml)\n"
    "  --output FILE          write the graph to FILE\n"
    "  --rules DIR            a rules folder layered over the bundled rules (repeatable)\n"
    "  --quiet                no warnings on standard error\n";

const char* kLintUsage =
    "usage: crosscheck rules lint [DIR]\n"
    "validates the bundled rules, and DIR layered over them if given, then runs the examples\n"
    "that the rule files carry (only DIR's when DIR is given)\n";

int usage_error(Io& io, const std::string& message, const char* usage) {
  io.err << "crosscheck: " << message << "\n" << usage;
  return 2;
}

void print_diagnostics(Io& io, const core::Diagnostics& diagnostics, bool quiet) {
  for (const auto& d : diagnostics)
    if (!quiet || d.severity == core::Severity::error) io.err << d.to_string() << "\n";
}

std::shared_ptr<const rules::RuleSet> load(Io& io, const std::vector<std::string>& extra, bool quiet) {
  std::vector<std::string> folders{rules::bundled_rules_dir(io.argv0)};
  folders.insert(folders.end(), extra.begin(), extra.end());
  auto loaded = rules::load_rules(folders);
  print_diagnostics(io, loaded.diagnostics, quiet);
  if (!loaded.rules) io.err << "crosscheck: the rules could not be loaded (see above)\n";
  return loaded.rules;
}

const std::vector<FlagSpec> kCommon = {{"--rules", true, {}, true}, {"--quiet"}, {"--help"}, {"-h"}, {"--output", true}};

std::vector<FlagSpec> with_common(std::vector<FlagSpec> more) {
  more.insert(more.end(), kCommon.begin(), kCommon.end());
  return more;
}

// What every command that reads articles does first: parse its flags, answer --help, insist on
// PATHs where it needs them, load the rules. A returned status means the command is done.
struct Prepared {
  ParsedArgs args;
  std::shared_ptr<const rules::RuleSet> rules;
  bool quiet = false;
};

std::optional<int> prepare(const std::vector<std::string>& args, const std::vector<FlagSpec>& flags, const char* usage,
                           const std::string& command, bool paths_required, Io& io, Prepared& out) {
  std::string error;
  auto parsed = parse_args(args, with_common(flags), error);
  if (!parsed) return usage_error(io, error, usage);
  if (parsed->has("--help") || parsed->has("-h")) return io.out << usage, 0;
  if (parsed->has("--version")) return io.out << "crosscheck " << CROSSCHECK_VERSION << "\n", 0;
  if (paths_required && parsed->positional.empty()) return usage_error(io, command + " needs at least one PATH", usage);
  out.quiet = parsed->has("--quiet");
  out.rules = load(io, parsed->values("--rules"), out.quiet);
  if (!out.rules) return 2;
  out.args = std::move(*parsed);
  return std::nullopt;
}

int cmd_check(const std::vector<std::string>& args, Io& io) {
  bool from_claims = std::find(args.begin(), args.end(), "--claims") != args.end() ||
                     std::any_of(args.begin(), args.end(), [](const std::string& a) { return a.rfind("--claims=", 0) == 0; });
  Prepared prepared;
  if (auto done = prepare(args, {{"--format", true, {"text", "json", "html"}}, {"--ui-lang", true, {"en", "ko"}}, {"--version"}, {"--claims", true},
                                 {"--only", true}},
                          kCheckUsage, "check", !from_claims, io, prepared))
    return *done;
  const auto* parsed = &prepared.args;
  if (!parsed->positional.empty() && from_claims) return usage_error(io, "give either PATHs or --claims, not both", kCheckUsage);
  bool quiet = prepared.quiet;
  const auto& rules = prepared.rules;
  std::string lang = parsed->value("--ui-lang", "en");
  PipelineResult result;
  if (from_claims) {
    std::string source = parsed->value("--claims");
    std::ifstream file;
    if (source != "-") {
      file.open(source, std::ios::binary);
      if (!file) return usage_error(io, "cannot read claims file '" + source + "'", kCheckUsage);
    }
    ClaimsInput input = read_claims(source == "-" ? io.in : file, source);
    result = check_claims(std::move(input.articles), std::move(input.claims), *rules, lang);
    result.run.inputs = std::move(input.inputs);
    input.diagnostics.insert(input.diagnostics.end(), result.run.diagnostics.begin(), result.run.diagnostics.end());
    result.run.diagnostics = std::move(input.diagnostics);
  } else {
    result = run_pipeline(parsed->positional, *rules, &io.in, lang);
  }
  result.run.version = CROSSCHECK_VERSION;
  print_diagnostics(io, result.run.diagnostics, quiet);
  // The exit status says what the whole run found, whatever --only shows.
  bool needs_a_look = std::any_of(result.run.findings.begin(), result.run.findings.end(), [](const core::Finding& f) {
    return f.verdict == "conflict" || f.verdict == "possible-conflict" || f.verdict == "disputed";
  });
  if (parsed->has("--only")) {
    static const std::vector<std::string> verdicts = {"conflict", "possible-conflict", "disputed", "explained", "supported", "agree"};
    std::vector<std::string> wanted;
    std::string list = parsed->value("--only");
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t comma = list.find(',', start);
      std::string v(core::trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (std::find(verdicts.begin(), verdicts.end(), v) == verdicts.end()) {
        std::string hint = core::did_you_mean(v, verdicts);
        return usage_error(io, "unknown verdict '" + v + "' for --only" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"), kCheckUsage);
      }
      wanted.push_back(v);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    std::size_t before = result.run.findings.size();
    std::erase_if(result.run.findings, [&](const core::Finding& f) { return std::find(wanted.begin(), wanted.end(), f.verdict) == wanted.end(); });
    if (!quiet && before != result.run.findings.size())
      io.err << "crosscheck: --only " << list << ": " << (before - result.run.findings.size()) << " other findings not shown\n";
  }
  std::string format = parsed->value("--format", "text");
  std::string output = parsed->value("--output");
  bool written = false;
  if (format == "json") {
    written = write_output_with(io, output, [&](std::ostream& out) { report::write_run_json(result.run, out); });
  } else if (format == "html") {
    written = write_output(io, output, report::html_report(result.run, *rules, lang));
  } else {
    bool color = output.empty() && io.out_is_terminal && !std::getenv("NO_COLOR");
    written = write_output(io, output, report::text_report(result.run, *rules, {lang, color, output.empty() ? io.terminal_width : 100}));
  }
  if (!written) return 2;
  if (!output.empty() && !quiet) io.err << "crosscheck: wrote " << output << "\n";
  int status = 0;
  // A story with figures and no comparison says so, on standard error too.
  if (!result.run.claims.empty() && report::placement(result.run).compared == 0 && !quiet)
    io.err << "crosscheck: " << rules->message(lang, "label.no-comparison") << "\n";
  if (result.run.articles.empty()) {
    io.err << "crosscheck: no article could be read\n";
    status = 2;
  } else if (needs_a_look) {
    status = 1;
  }
  if (io.freed_at_exit) io.freed_at_exit->push_back(std::make_shared<PipelineResult>(std::move(result)));
  return status;
}

int cmd_extract(const std::vector<std::string>& args, Io& io) {
  Prepared p;
  if (auto done = prepare(args, {}, kExtractUsage, "extract", true, io, p)) return *done;
  // Claims are written as each batch of articles is framed, so memory does not grow with the input.
  report::Run run;
  std::size_t articles = 0;
  bool written = write_output_with(io, p.args.value("--output"), [&](std::ostream& out) {
    run = extract_streaming(p.args.positional, *p.rules, &io.in,
                            [&](const std::vector<core::Article>& batch, const std::vector<core::Claim>& claims) {
                              report::write_claims_jsonl(claims, batch, out);
                            },
                            articles);
  });
  print_diagnostics(io, run.diagnostics, p.quiet);
  if (!written) return 2;
  return articles == 0 ? 2 : 0;
}

int cmd_graph(const std::vector<std::string>& args, Io& io) {
  Prepared p;
  if (auto done = prepare(args, {{"--format", true, {"graphml", "dot"}}}, kGraphUsage, "graph", true, io, p)) return *done;
  auto result = run_pipeline(p.args.positional, *p.rules, &io.in, "en");
  print_diagnostics(io, result.run.diagnostics, p.quiet);
  std::string text = p.args.value("--format", "graphml") == "dot" ? result.graph->to_dot(result.run.articles, result.run.claims)
                                                                      : result.graph->to_graphml(result.run.articles, result.run.claims);
  if (!write_output(io, p.args.value("--output"), text)) return 2;
  return result.run.articles.empty() ? 2 : 0;
}

int cmd_rules(const std::vector<std::string>& args, Io& io) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    if (args.empty()) return usage_error(io, "rules needs a subcommand", kLintUsage);
    return io.out << kLintUsage, 0;
  }
  if (args[0] != "lint") return usage_error(io, "unknown rules subcommand '" + args[0] + "'", kLintUsage);
  std::string error;
  auto parsed = parse_args({args.begin() + 1, args.end()}, {{"--help"}, {"-h"}, {"--quiet"}}, error);
  if (!parsed) return usage_error(io, error, kLintUsage);
  if (parsed->has("--help") || parsed->has("-h")) return io.out << kLintUsage, 0;
  if (parsed->positional.size() > 1) return usage_error(io, "rules lint takes at most one DIR", kLintUsage);
  std::vector<std::string> extra = parsed->positional;
  auto rules = load(io, extra, false);
  if (!rules) return 2;
  std::string only = extra.empty() ? "" : extra.front();
  auto results = run_examples(*rules, only);
  std::size_t failed = 0;
  for (const auto& r : results)
    if (!r.passed) {
      ++failed;
      io.err << r.example->file << ":" << r.example->line << ": example failed: " << r.example->fields.value("text", "") << ": "
             << r.message << "\n";
    }
  if (!write_output(io, "", std::to_string(results.size() - failed) + " passed, " + std::to_string(failed) + " failed\n")) return 2;
  return failed ? 1 : 0;
}

int run_command(const std::vector<std::string>& args, Io& io) {
  if (args.empty()) return usage_error(io, "a command is needed", kUsage);
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--version" || command == "version") return io.out << "crosscheck " << CROSSCHECK_VERSION << "\n", 0;
  if (command == "--help" || command == "-h" || command == "help") return io.out << kUsage, 0;
  if (command == "check") return cmd_check(rest, io);
  if (command == "extract") return cmd_extract(rest, io);
  if (command == "graph") return cmd_graph(rest, io);
  if (command == "rules") return cmd_rules(rest, io);
  return usage_error(io, "unknown command '" + command + "'", kUsage);
}

// A run bigger than the memory it may use (a ulimit, a container) is the user's to resize.
int out_of_memory(Io& io) {
  io.err << "crosscheck: not enough memory for this run; check fewer articles at a time, or write the claims first "
            "(crosscheck extract PATH... --output claims.jsonl) and check them with crosscheck check --claims claims.jsonl\n";
  return 2;
}

}  // namespace

int main_command(const std::vector<std::string>& args, Io& io) {
  try {
    return run_command(args, io);
  } catch (const std::bad_alloc&) {
    return out_of_memory(io);
  } catch (const std::system_error& e) {
    // A worker thread that cannot start for want of memory or address space is the same case.
    if (e.code() != std::errc::resource_unavailable_try_again && e.code() != std::errc::not_enough_memory) throw;
    return out_of_memory(io);
  }
}

}  // namespace crosscheck::cli

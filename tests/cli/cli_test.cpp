#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/partial_file.hpp"
#include "test_support.hpp"

namespace {

struct Outcome {
  int status;
  std::string out, err;
};

Outcome call(std::vector<std::string> args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  crosscheck::cli::Io io{in, out, err};
  setenv("CROSSCHECK_RULES", (test::source_dir() + "/rules").c_str(), 1);
  int status = crosscheck::cli::main_command(args, io);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("unknown flags and bad values get one line and the usage, exit 2") {
  auto o = call({"check", "--colour", "x"});
  CHECK(o.status == 2);
  CHECK(o.err.rfind("crosscheck: unknown flag '--colour'", 0) == 0);
  CHECK(o.err.find("usage: crosscheck check") != std::string::npos);
  o = call({"check", "--format", "pdf", "x"});
  CHECK(o.status == 2);
  CHECK(o.err.find("bad value 'pdf' for --format (expected text|json|html)") != std::string::npos);
  o = call({"frobnicate"});
  CHECK(o.status == 2);
  CHECK(call({}).status == 2);
}

TEST_CASE("every subcommand has --help") {
  for (auto args : std::vector<std::vector<std::string>>{{"check", "--help"}, {"extract", "--help"}, {"graph", "--help"}, {"rules", "lint", "--help"}, {"--help"}}) {
    auto o = call(args);
    CHECK(o.status == 0);
    CHECK(o.out.find("usage:") != std::string::npos);
  }
  CHECK(call({"check", "--version"}).out.rfind("crosscheck ", 0) == 0);
}

TEST_CASE("exit status: 0 without conflict, 1 with, 2 when nothing could be read") {
  std::string calm = "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n";
  std::string clash = calm + "{\"id\":\"b\",\"text\":\"딥시크 브이3 훈련 비용은 557만달러다.\"}\n{\"id\":\"c\",\"text\":\"딥시크 브이3 훈련 비용은 5억5700만달러다.\"}\n";
  CHECK(call({"check", "-"}, calm).status == 0);
  CHECK(call({"check", "-"}, clash).status == 1);
  CHECK(call({"check", "/nonexistent/path"}).status == 2);
}

TEST_CASE("extract streams one claim a line with its comparison key") {
  auto o = call({"extract", "-"}, "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다. 딥시크는 557만달러를 썼다.\"}\n");
  CHECK(o.status == 0);
  std::istringstream lines(o.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    CHECK(j.contains("key"));
    CHECK(j.contains("start"));
    ++n;
  }
  CHECK(n == 2);
}

TEST_CASE("graph writes GraphML and DOT") {
  std::string input = "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n{\"id\":\"b\",\"text\":\"엔비디아 주가는 27일 하루 17% 떨어졌다.\"}\n";
  auto g = call({"graph", "-"}, input);
  CHECK(g.status == 0);
  CHECK(g.out.find("<graphml") != std::string::npos);
  CHECK(g.out.find("comparable-with") != std::string::npos);
  auto d = call({"graph", "--format", "dot", "-"}, input);
  CHECK(d.out.rfind("digraph", 0) == 0);
}

TEST_CASE("rules lint reports a broken user folder with file and line") {
  test::TempDir dir;
  dir.file("bad.toml", "kind = \"units\"\nschema = 1\n[[unit]]\nwords = [\"냥\"]\nunit = \"XXX\"\ndimension = \"gold\"\n");
  auto o = call({"rules", "lint", dir.path()});
  CHECK(o.status == 2);
  CHECK(o.err.find("bad.toml:6") != std::string::npos);
  auto ok = call({"rules", "lint"});
  CHECK(ok.status == 0);
  CHECK(ok.out.find(" passed, 0 failed") != std::string::npos);
}

TEST_CASE("terminal report: no escape codes when not a terminal") {
  auto o = call({"check", "-"}, "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n{\"id\":\"b\",\"text\":\"엔비디아 주가는 28일 8.93% 반등했다.\"}\n");
  CHECK(o.out.find('\x1b') == std::string::npos);
  CHECK(o.out.find("Explained differences") != std::string::npos);
}

TEST_CASE("check hands its run to main to be freed at exit, and writes the same report either way") {
  const std::string article = "{\"id\":\"a\",\"text\":\"엔비디아 주가는 27일 17% 떨어졌다.\"}\n"
                              "{\"id\":\"b\",\"text\":\"엔비디아 주가는 27일 12.6% 떨어졌다.\"}\n";
  auto plain = call({"check", "--format", "json", "-"}, article);
  std::istringstream in(article);
  std::ostringstream out, err;
  crosscheck::cli::Io io{in, out, err};
  std::vector<std::shared_ptr<void>> freed_at_exit;
  io.freed_at_exit = &freed_at_exit;
  int status = crosscheck::cli::main_command({"check", "--format", "json", "-"}, io);
  CHECK(status == plain.status);
  CHECK(out.str() == plain.out);
  REQUIRE(freed_at_exit.size() == 1);  // the run itself, claims and articles, still whole
  CHECK(freed_at_exit.front() != nullptr);
}

TEST_CASE("a rules folder with none of the kinds a run needs is an error that names what is missing") {
  test::TempDir empty;
  std::istringstream in;
  std::ostringstream out, err;
  crosscheck::cli::Io io{in, out, err};
  setenv("CROSSCHECK_RULES", empty.path().c_str(), 1);
  int status = crosscheck::cli::main_command({"check", test::source_dir() + "/fixtures/stories/heavy-rain"}, io);
  setenv("CROSSCHECK_RULES", (test::source_dir() + "/rules").c_str(), 1);
  CHECK(status == 2);
  CHECK(err.str().find("rules.missing") != std::string::npos);
  CHECK(err.str().find("'messages'") != std::string::npos);
  CHECK(out.str().find("label.articles") == std::string::npos);  // no raw message keys
}

TEST_CASE("a report is written whole or not at all, and a device is written in place, never replaced") {
  std::string story = test::source_dir() + "/fixtures/stories/heavy-rain";
  test::TempDir dir;
  std::string target = dir.path() + "/report.json";
  auto ok = call({"check", "--quiet", "--format", "json", "--output", target, story});
  CHECK(ok.status == 1);  // the story holds conflicts
  CHECK(nlohmann::json::parse(test::read_file(target))["findings"].size() > 0);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find("partial") == std::string::npos);
  auto missing = call({"check", "--quiet", "--output", dir.path() + "/no/such/folder/report.txt", story});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("cannot write") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/no"));
  if (std::filesystem::is_character_file("/dev/full")) {
    auto full = call({"check", "--quiet", "--format", "json", "--output", "/dev/full", story});
    CHECK(full.status == 2);
    CHECK(full.err.find("No space left") != std::string::npos);
    CHECK(std::filesystem::is_character_file("/dev/full"));
  }
}

TEST_CASE("a run stopped by a signal or a file-size limit leaves no partial report behind") {
  test::TempDir dir;
  // An interrupt while the report is written: the temporary file goes, the exit status says why.
  std::string partial = dir.path() + "/report.json.crosscheck-partial-1";
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    crosscheck::cli::install_signal_handlers();
    std::ofstream(partial) << "{\"claims\": [";
    crosscheck::cli::mark_partial(partial);
    std::raise(SIGINT);
    _exit(0);  // not reached: the handler ends the process
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 128 + SIGINT);
  CHECK_FALSE(std::filesystem::exists(partial));

  // Past `ulimit -f`: the write fails (it does not kill the process), exit 2, nothing left.
  std::string story = test::source_dir() + "/fixtures/stories/heavy-rain";
  std::string target = dir.path() + "/report.txt";
  child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    crosscheck::cli::install_signal_handlers();
    struct rlimit limit {4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
    _exit(call({"check", "--quiet", "--format", "json", "--output", target, story}).status);
  }
  waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK_FALSE(std::filesystem::exists(target));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) CHECK(entry.path().filename().string().find("partial") == std::string::npos);
}

TEST_CASE("rules lint reports a failed write of its summary") {
  if (!std::filesystem::is_character_file("/dev/full")) return;
  std::istringstream in;
  std::ofstream full("/dev/full");
  std::ostringstream err;
  crosscheck::cli::Io io{in, full, err};
  setenv("CROSSCHECK_RULES", (test::source_dir() + "/rules").c_str(), 1);
  CHECK(crosscheck::cli::main_command({"rules", "lint"}, io) == 2);
  CHECK(err.str().find("cannot write") != std::string::npos);
}

TEST_CASE("--only shows the findings asked for, says how many it left out, and keeps the run's exit status") {
  std::string story = test::source_dir() + "/fixtures/stories/heavy-rain";
  auto all = call({"check", "--format", "json", "--quiet", story});
  auto only = call({"check", "--format", "json", "--only", "conflict", story});
  auto shown = nlohmann::json::parse(only.out);
  REQUIRE(shown["findings"].size() > 0);
  for (const auto& f : shown["findings"]) CHECK(f["verdict"] == "conflict");
  CHECK(shown["findings"].size() < nlohmann::json::parse(all.out)["findings"].size());
  CHECK(only.err.find("other findings not shown") != std::string::npos);
  CHECK(only.status == all.status);
  auto nothing = call({"check", "--quiet", "--only", "agree", story});
  CHECK(nothing.status == all.status);  // the conflicts it hides still make the run need a look
  auto typo = call({"check", "--only", "confict", story});
  CHECK(typo.status == 2);
  CHECK(typo.err.find("did you mean 'conflict'") != std::string::npos);
}

#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("a run out of memory ends with a plain message and exit 2, never an internal error") {
  // A sanitizer reserves far more address space than any limit here, so the test runs without one.
  std::string stories = test::source_dir() + "/fixtures/stories";
  int pipe_ends[2];
  REQUIRE(pipe(pipe_ends) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipe_ends[0]);
    struct rlimit limit {};
    getrlimit(RLIMIT_AS, &limit);
    // Room to start, not to read the whole story bank: what the process maps now, plus 48 MB.
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    statm >> pages;
    limit.rlim_cur = pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) + (48u << 20);
    setrlimit(RLIMIT_AS, &limit);
    auto outcome = call({"check", "--quiet", "--format", "json", stories, stories, stories});
    ssize_t written = write(pipe_ends[1], outcome.err.data(), std::min<std::size_t>(outcome.err.size(), 4096));
    (void)written;
    _exit(outcome.status);
  }
  close(pipe_ends[1]);
  std::string err;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_ends[0], buffer, sizeof buffer)) > 0;) err.append(buffer, static_cast<std::size_t>(n));
  close(pipe_ends[0]);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(err.find("not enough memory") != std::string::npos);
}
#endif

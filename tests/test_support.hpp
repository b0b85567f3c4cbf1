#pragma once
// Helpers shared by the tests: the bundled rules loaded once, temporary folders, and a
// one-call pipeline run.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unistd.h>
#include <string>

#include "cli/pipeline.hpp"
#include "rules/rule_set.hpp"

namespace test {

inline std::string source_dir() { return CROSSCHECK_SOURCE_DIR; }
// The three showcase stories, each a folder; the story bank's other stories are scored by the
// accuracy harness, one story at a time.
inline std::vector<std::string> showcase_stories() {
  std::vector<std::string> out;
  for (const char* s : {"deepseek-selloff", "election-night-2024", "samsung-q4-2024"}) out.push_back(source_dir() + "/fixtures/stories/" + s);
  return out;
}

inline const crosscheck::rules::RuleSet& rules() {
  static std::shared_ptr<const crosscheck::rules::RuleSet> loaded = [] {
    auto result = crosscheck::rules::load_rules({source_dir() + "/rules"});
    if (!result.rules) {
      for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
      std::abort();
    }
    return result.rules;
  }();
  return *loaded;
}

// A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("crosscheck-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name, const std::string& content) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline crosscheck::cli::PipelineResult run(const std::vector<std::string>& paths, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  return crosscheck::cli::run_pipeline(paths, rules(), &in, "en");
}

// JSONL lines of articles (id, text), all published at `published`: a run's input on stdin.
inline std::string jsonl_articles(const std::vector<std::pair<std::string, std::string>>& articles, const std::string& published) {
  std::string out;
  for (const auto& [id, text] : articles) out += nlohmann::json{{"id", id}, {"published", published}, {"text", text}}.dump() + "\n";
  return out;
}

// The claim read from the figure written exactly `surface`; null when none was.
inline const crosscheck::core::Claim* claim_written(const crosscheck::report::Run& run, const std::string& surface) {
  for (const auto& c : run.claims)
    if (c.quantity.surface == surface) return &c;
  return nullptr;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace test

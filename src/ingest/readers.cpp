#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "core/line_reader.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace fs = std::filesystem;

namespace crosscheck::ingest {

namespace {

using core::Severity;

enum class Format { text, html, jsonl };

Format format_of(const fs::path& path, std::string_view head) {
  std::string ext = core::ascii_lower(path.extension().string());
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::jsonl;
  if (ext == ".txt" || ext == ".text" || ext == ".md") return Format::text;
  auto t = core::trim(head);
  if (!t.empty() && t[0] == '<') return Format::html;
  if (!t.empty() && t[0] == '{') return Format::jsonl;
  return Format::text;
}

// Pages still served in EUC-KR/CP949 are converted before parsing, but a page's declared charset
// is only a claim: a page saved as UTF-8 keeps an old `charset=euc-kr` line, and a legacy page may
// declare nothing or UTF-8. So the bytes decide. Valid UTF-8 is read as UTF-8; bytes that are not,
// but convert from CP949 without a single illegal sequence, are read as CP949; anything else is
// repaired with U+FFFD and reported. A declaration the bytes contradict gets a warning.
bool declares_korean_legacy(std::string_view bytes) {
  std::string head = core::ascii_lower(bytes.substr(0, 4096));
  return head.find("euc-kr") != std::string::npos || head.find("ks_c_5601") != std::string::npos || head.find("cp949") != std::string::npos;
}

// The bytes as CP949, or "" when any sequence is illegal there.
std::string strict_cp949(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-949", &status);
  if (U_FAILURE(status)) return "";
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // A first pass only measures, and stops at the first illegal sequence, so a file that is no
  // CP949 (most invalid UTF-8 is not) costs no buffer. Inputs are at most 1 GiB: int32_t holds it.
  const auto size = static_cast<int32_t>(bytes.size());
  int32_t n = ucnv_toUChars(converter, nullptr, 0, bytes.data(), size, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    ucnv_close(converter);
    return "";
  }
  status = U_ZERO_ERROR;
  ucnv_resetToUnicode(converter);
  std::vector<UChar> wide(static_cast<std::size_t>(n) + 1);
  n = ucnv_toUChars(converter, wide.data(), static_cast<int32_t>(wide.size()), bytes.data(), size, &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return "";
  std::string out;
  icu::UnicodeString(wide.data(), n).toUTF8String(out);
  return out;
}

// A page's text as UTF-8, whatever it was saved in (see above); invalid UTF-8 that is no CP949
// either is repaired with U+FFFD and reported.
std::string page_text(std::string_view bytes, const std::string& path, core::Diagnostics& diagnostics) {
  bool declared = declares_korean_legacy(bytes);
  std::vector<core::InvalidByte> invalid;
  std::string as_utf8 = core::repair_utf8(bytes, invalid);
  if (invalid.empty()) {
    if (declared && std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      diagnostics.push_back({Severity::warning, "input.charset", "the page declares EUC-KR but its bytes are UTF-8; read as UTF-8", path});
    return as_utf8;
  }
  if (std::string legacy = strict_cp949(bytes); !legacy.empty()) {
    if (!declared)
      diagnostics.push_back({Severity::warning, "input.charset",
                             "the page is not UTF-8 but reads as EUC-KR/CP949 without error; read as CP949", path});
    return legacy;
  }
  diagnostics.push_back({Severity::warning, "input.invalid-utf8",
                         std::to_string(invalid.size()) + " invalid UTF-8 byte(s) replaced with U+FFFD, first at byte offset " +
                             std::to_string(invalid.front().offset),
                         path});
  return as_utf8;
}

// How deeply arrays and objects nest in a JSON text, brackets inside strings not counted. Counting
// stops once past `limit`.
std::size_t json_nesting_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size() && deepest <= limit; ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

class Reader {
 public:
  Reader(const rules::RuleSet& rules, const Limits& limits, ReadResult& result, const ArticleSink* sink)
      : rules_(rules), limits_(limits), result_(result), sink_(sink) {}

  void read_path(const std::string& arg, std::istream* stdin_stream) {
    if (arg == "-") {
      if (!stdin_stream) return skip("-", "standard input is not available");
      read_jsonl_stream(*stdin_stream, "-");
      return;
    }
    std::error_code ec;
    fs::path path(arg);
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return skip(arg, "no such file or folder");
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
      if (ec) skip(arg, "could not list the folder: " + ec.message());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::string name = f.filename().string();
        if (!name.empty() && name[0] == '.') continue;  // hidden files are not articles
        read_file(f);
      }
      return;
    }
    read_file(path);
  }

  // Builds what is still queued; call once after the last path.
  void finish() { flush(); }

 private:
  // An article read but not yet cleaned and split: that work runs on all cores a batch at a time,
  // and the articles join the result in input order.
  struct Pending {
    std::string raw;
    std::string jsonl_line;  // a JSONL line not yet parsed: parsing, too, runs on all cores
    std::string skip_reason;  // set when the line turns out not to be an article
    ArticleMeta meta;         // meta.id is the id asked for; it is made unique in input order
    std::vector<core::SkippedRegion> pre_skipped;
    std::string path;
    core::Diagnostics diagnostics;  // raised while reading it, then while building it
    core::Article article;
  };
  static constexpr std::size_t kBatch = 256;
  std::vector<Pending> pending_;

  const rules::RuleSet& rules_;
  const Limits& limits_;
  ReadResult& result_;
  const ArticleSink* sink_;  // null: articles are collected in result_
  std::set<std::string> ids_;

  void skip(const std::string& path, const std::string& reason) {
    flush();  // the queued articles come first, as they came first in the input
    record_skipped(path, reason);
  }
  void record_skipped(const std::string& path, const std::string& reason) {
    result_.inputs.push_back({path, "skipped", reason});
    result_.diagnostics.push_back({Severity::error, "input.skipped", reason, path});
  }

  std::string unique_id(std::string id) {
    std::string candidate = id;
    for (int n = 2; !ids_.insert(candidate).second; ++n) candidate = id + "#" + std::to_string(n);
    return candidate;
  }

  void read_file(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec) return skip(name, "cannot read: " + ec.message());
    if (size > limits_.max_file_bytes) return skip(name, "file is larger than the 1 GiB input limit");
    std::ifstream in(path, std::ios::binary);
    if (!in) return skip(name, "cannot open the file (permission denied?)");
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (size == 0 || core::trim(head).empty()) return skip(name, "empty file");
    if (head.find('\0') != std::string::npos) return skip(name, "binary file (NUL bytes), not text");
    Format format = format_of(path, head);
    // A report crosscheck wrote itself, left in an input folder, is no article.
    if (format == Format::html && head.find("<meta name=\"generator\" content=\"crosscheck\">") != std::string::npos)
      return skip(name, "a crosscheck report, not an article");
    in.clear();
    in.seekg(0);
    if (format == Format::jsonl) return read_jsonl_stream(in, name);
    if (size > limits_.max_article_bytes) return skip(name, "article is larger than the 64 MiB limit");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.find('\0') != std::string::npos) return skip(name, "binary file (NUL bytes), not text");

    Pending p;
    p.path = name;
    p.meta.path = name;
    p.meta.id = path.stem().string();
    if (format == Format::html) {
      std::string text = page_text(bytes, name, p.diagnostics);
      HtmlPage page = read_html(text, rules_);
      for (const auto& note : page.notes)
        if (note.rfind("error:", 0) == 0) p.diagnostics.push_back({Severity::warning, "input.html", note.substr(7), name});
      p.meta.title = page.title;
      p.meta.published = page.published;
      p.meta.url = page.url;
      p.meta.outlet = page.outlet;
      p.raw = std::move(page.text);
      p.pre_skipped = std::move(page.skipped);
    } else {
      p.raw = page_text(bytes, name, p.diagnostics);
    }
    queue(std::move(p));
  }

  void queue(Pending p) {
    pending_.push_back(std::move(p));
    if (pending_.size() >= kBatch) flush();
  }

  void flush() {
    if (pending_.empty()) return;
    core::parallel_for(pending_.size(), [this](std::size_t i) {
      Pending& p = pending_[i];
      if (!p.jsonl_line.empty() && !parse_jsonl_line(p)) return;
      p.article = build_article(p.raw, std::move(p.meta), rules_, p.diagnostics, limits_, p.pre_skipped);
      std::string().swap(p.raw);
    });
    std::vector<Pending> built;
    built.swap(pending_);
    pending_.reserve(kBatch);  // the next batch is queued without moving what is queued as it grows
    for (auto& p : built) {
      if (!p.skip_reason.empty()) {
        record_skipped(p.path, p.skip_reason);
        continue;
      }
      // Ids are made unique here, in input order, so a run's ids do not depend on batching.
      p.article.id = unique_id(p.article.id);
      std::size_t before = result_.diagnostics.size();
      result_.diagnostics.insert(result_.diagnostics.end(), p.diagnostics.begin(), p.diagnostics.end());
      add(std::move(p.article), p.path, before);
    }
    if (sink_ && !result_.articles.empty()) {
      std::vector<core::Article> batch;
      batch.swap(result_.articles);
      (*sink_)(std::move(batch));
    }
  }

  void add(core::Article article, const std::string& path, std::size_t diagnostics_before) {
    bool warned = result_.diagnostics.size() > diagnostics_before;
    if (article.sentences.empty()) {
      result_.inputs.push_back({path, "ok", "no article text left after removing page furniture"});
    } else {
      result_.inputs.push_back({path, warned ? "warning" : "ok", warned ? result_.diagnostics.back().message : ""});
    }
    for (std::size_t i = diagnostics_before; i < result_.diagnostics.size(); ++i)
      if (result_.diagnostics[i].file.empty()) result_.diagnostics[i].file = path;
    result_.articles.push_back(std::move(article));
  }

  void read_jsonl_stream(std::istream& in, const std::string& name) {
    std::string line;
    int line_no = 0;
    int lines_read = 0;  // lines that were not blank
    core::LineReader lines(in, limits_.max_line_bytes);
    bool overlong = false;
    const std::string id_prefix = fs::path(name).stem().string() + "-";
    while (lines.next(line, overlong)) {
      ++line_no;
      std::string where = name + ":" + std::to_string(line_no);
      if (core::trim(line).empty()) continue;
      if (overlong) {
        ++lines_read;
        skip(where, "line is longer than the 64 MiB limit");
        continue;
      }
      Pending p;
      p.path = where;
      p.meta.path = where;
      // The id a line without one gets; parse_jsonl_line keeps it only when the line has none.
      p.meta.id = id_prefix + std::to_string(line_no);
      p.jsonl_line = std::move(line);
      queue(std::move(p));
      ++lines_read;
    }
    if (lines_read == 0) skip(name, "empty file");
  }

  // Reads one JSONL line into p (on a worker thread): its text and metadata, or why it is skipped.
  bool parse_jsonl_line(Pending& p) const {
    std::vector<core::InvalidByte> invalid;
    std::string text = core::repair_utf8(p.jsonl_line, invalid);
    std::string().swap(p.jsonl_line);
    ArticleMeta& meta = p.meta;
    auto is_metadata = [](std::string_view key) {
      return key == "id" || key == "outlet" || key == "url" || key == "published" || key == "title" || key == "text";
    };
    if (auto flat = read_flat_object(text)) {
      // The usual line: string members only, read without a JSON tree.
      bool has_text = false;
      for (auto& [key, value] : *flat) {
        if (key == "text") has_text = true, p.raw = std::move(value);
        else if (key == "id") { if (!value.empty()) meta.id = std::move(value); }
        else if (key == "outlet") meta.outlet = std::move(value);
        else if (key == "url") meta.url = std::move(value);
        else if (key == "published") meta.published = std::move(value);
        else if (key == "title") meta.title = std::move(value);
        else meta.extra[key] = std::move(value);
      }
      if (!has_text) {
        p.skip_reason = "no string field 'text'";
        return false;
      }
    } else {
      if (json_nesting_depth(text, limits_.max_json_depth) > limits_.max_json_depth) {
        p.skip_reason = "JSON nested deeper than " + std::to_string(limits_.max_json_depth) + " levels";
        return false;
      }
      nlohmann::ordered_json j;
      try {
        j = nlohmann::ordered_json::parse(text);
      } catch (const nlohmann::json::exception& first) {
        // Well-formed JSON a strict reader cannot hold (a number past the range of a double, a
        // lone surrogate escape) keeps its article: such numbers are kept as their text and lone
        // surrogates become U+FFFD, with a warning.
        bool changed = false;
        std::string lenient = lenient_json(text, changed);
        try {
          if (!changed) throw;
          j = nlohmann::ordered_json::parse(lenient);
          p.diagnostics.push_back({Severity::warning, "input.json-lenient",
                                   "a number no double holds was kept as text, or a lone surrogate became U+FFFD", p.path});
        } catch (const nlohmann::json::parse_error& e) {
          p.skip_reason = std::string("not JSON: ") + e.what();
          return false;
        } catch (const nlohmann::json::exception& e) {
          p.skip_reason = std::string("unreadable JSON: ") + e.what();
          return false;
        }
      }
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        p.skip_reason = "no string field 'text'";
        return false;
      }
      auto field = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
      if (!field("id").empty()) meta.id = field("id");
      meta.outlet = field("outlet");
      meta.url = field("url");
      meta.published = field("published");
      meta.title = field("title");
      for (auto it = j.begin(); it != j.end(); ++it)
        if (!is_metadata(it.key())) meta.extra[it.key()] = it.value();
      p.raw = j["text"].get<std::string>();
    }
    if (!invalid.empty())
      p.diagnostics.push_back({Severity::warning, "input.invalid-utf8", "invalid UTF-8 replaced with U+FFFD", p.path});
    if (p.raw.size() > limits_.max_article_bytes) {
      p.skip_reason = "article is larger than the 64 MiB limit";
      std::string().swap(p.raw);
      return false;
    }
    return true;
  }
};

// Normalizes piecewise so that regions found in the raw text keep their places.
std::string normalize_keeping(std::string_view raw, std::vector<core::SkippedRegion>& regions) {
  if (regions.empty()) return normalize_text(raw);
  std::vector<std::size_t> cuts{0, raw.size()};
  for (const auto& r : regions) {
    cuts.push_back(std::min(r.span.start, raw.size()));
    cuts.push_back(std::min(r.span.end, raw.size()));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::string out;
  std::map<std::size_t, std::size_t> moved;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    moved[cuts[i]] = out.size();
    out += normalize_text(raw.substr(cuts[i], cuts[i + 1] - cuts[i]));
  }
  moved[raw.size()] = out.size();
  for (auto& r : regions) {
    r.span.start = moved[std::min(r.span.start, raw.size())];
    r.span.end = moved[std::min(r.span.end, raw.size())];
  }
  return out;
}

}  // namespace

core::Article build_article(std::string_view raw, ArticleMeta meta, const rules::RuleSet& rules,
                            core::Diagnostics& diagnostics, const Limits& limits,
                            const std::vector<core::SkippedRegion>& pre_skipped) {
  core::Article article;
  article.id = meta.id;
  article.outlet = meta.outlet;
  article.url = meta.url;
  article.published = meta.published;
  article.title = std::string(core::trim(normalize_text(meta.title)));
  article.path = meta.path;
  article.extra = meta.extra;
  if (auto date = core::parse_iso_date(article.published)) article.published_date = *date;
  else if (!article.published.empty())
    diagnostics.push_back({Severity::warning, "input.date", "'published' is not an ISO 8601 date: " + article.published, meta.path});

  std::vector<std::string_view> unused;
  std::vector<core::InvalidByte> invalid;
  std::string valid = core::repair_utf8(raw, invalid);
  std::vector<core::SkippedRegion> regions = pre_skipped;
  article.text = normalize_keeping(valid, regions);
  Cleaned cleaned = remove_boilerplate(article.text, rules, regions);
  article.paragraphs = std::move(cleaned.paragraphs);
  article.skipped = std::move(cleaned.skipped);
  for (const auto& p : article.paragraphs) {
    auto s = split_sentences(article.text, p, limits.max_sentence_code_points, &rules);
    article.sentences.insert(article.sentences.end(), s.begin(), s.end());
  }
  infer_metadata(article, article.text, rules);
  return article;
}

namespace {

ReadResult read_all(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                    const Limits& limits, const ArticleSink* sink) {
  ReadResult result;
  Reader reader(rules, limits, result, sink);
  for (const auto& p : paths) reader.read_path(p, stdin_stream);
  reader.finish();
  return result;
}

}  // namespace

ReadResult read_inputs(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                       const Limits& limits) {
  return read_all(paths, rules, stdin_stream, limits, nullptr);
}

ReadResult read_inputs(const std::vector<std::string>& paths, const rules::RuleSet& rules, std::istream* stdin_stream,
                       const Limits& limits, const ArticleSink& sink) {
  return read_all(paths, rules, stdin_stream, limits, &sink);
}

}  // namespace crosscheck::ingest

#include "cli/claims_input.hpp"

#include <cstdlib>
#include <limits>
#include <map>

#include "core/line_reader.hpp"

namespace crosscheck::cli {

namespace {

using json = nlohmann::json;

std::string text(const json& j, const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

double number(const json& j, const char* key, double unbounded) {
  return j.contains(key) && j[key].is_number() ? j[key].get<double>() : unbounded;
}

// Fields of the wrong type read as absent: a hand-edited line must not stop the run.
std::size_t offset(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number_unsigned() ? j[key].get<std::size_t>() : 0;
}

bool flag(const json& j, const char* key, bool fallback) {
  return j.contains(key) && j[key].is_boolean() ? j[key].get<bool>() : fallback;
}

core::PartialDate partial_date(const std::string& s) {
  core::PartialDate d;
  int* parts[] = {&d.year, &d.month, &d.day};
  std::size_t start = 0;
  for (int i = 0; i < 3 && start <= s.size() && !s.empty(); ++i) {
    std::size_t dash = s.find('-', start);
    std::string part = s.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    *parts[i] = part == "?" ? 0 : std::atoi(part.c_str());
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return d;
}

core::Dimension dimension(const std::string& name) {
  for (auto d : {core::Dimension::money, core::Dimension::percent, core::Dimension::percentage_points, core::Dimension::multiple,
                 core::Dimension::count, core::Dimension::duration, core::Dimension::measure, core::Dimension::score, core::Dimension::entity})
    if (name == core::dimension_name(d)) return d;
  return core::Dimension::count;
}

}  // namespace

ClaimsInput read_claims(std::istream& in, const std::string& name, std::size_t max_line_bytes) {
  ClaimsInput result;
  std::map<std::string, std::size_t> article_index;
  std::vector<std::pair<std::size_t, std::string>> links;  // claim index → id of its main figure
  std::map<std::string, std::size_t> claim_index;
  // Claims with the same subject, attribute, unit or key share one copy of each.
  core::WordPool words;
  std::string line;
  int line_no = 0;
  const double inf = std::numeric_limits<double>::infinity();
  core::LineReader lines(in, max_line_bytes);
  bool overlong = false;
  auto skip = [&](const std::string& where, const std::string& reason) {
    result.inputs.push_back({where, "skipped", reason});
    result.diagnostics.push_back({core::Severity::error, "input.skipped", reason, where});
  };
  while (lines.next(line, overlong)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = name + ":" + std::to_string(line_no);
    if (overlong) {
      skip(where, "line is longer than the limit of " + std::to_string(max_line_bytes) + " bytes");
      continue;
    }
    json j;
    try {
      j = json::parse(line);
    } catch (const json::parse_error& e) {
      skip(where, std::string("not JSON: ") + e.what());
      continue;
    } catch (const json::exception& e) {
      // Well-formed JSON the reader cannot hold, such as a number past the range of a double.
      skip(where, std::string("unreadable JSON: ") + e.what());
      continue;
    }
    if (!j.is_object() || !j.contains("id") || !j.contains("article") || !j.contains("value") || !j["value"].is_object()) {
      skip(where, "not a claim (needs id, article and value)");
      continue;
    }
    if (!j["id"].is_string() || !j["article"].is_string()) {
      skip(where, "'id' and 'article' must be strings");
      continue;
    }
    std::string article_id = text(j, "article");
    auto [it, fresh] = article_index.emplace(article_id, result.articles.size());
    if (fresh) {
      core::Article a;
      a.id = article_id;
      a.outlet = text(j, "article_outlet");
      a.published = text(j, "article_published");
      if (auto d = core::parse_iso_date(a.published)) a.published_date = *d;
      a.path = name;
      result.articles.push_back(std::move(a));
    }
    core::Claim c;
    c.id = text(j, "id");
    c.article = it->second;
    auto& q = c.quantity;
    q.surface = text(j, "text");
    q.span = {offset(j, "start"), offset(j, "end")};
    if (q.span.end < q.span.start) q.span.end = q.span.start;
    const json& v = j["value"];
    q.point = number(v, "point", 0);
    q.value = {number(v, "lo", -inf), number(v, "hi", inf), flag(v, "lo_closed", true), flag(v, "hi_closed", true)};
    q.unit = text(v, "unit");
    q.dimension = dimension(text(j, "dimension"));
    q.counted = text(j, "counted");
    if (j.contains("modifiers") && j["modifiers"].is_array())
      for (const auto& m : j["modifiers"])
        if (m.is_string()) q.modifiers.push_back(m.get<std::string>());
    q.link = text(j, "link");
    c.sentence_text = text(j, "sentence");
    c.sentence_start = offset(j, "sentence_start");
    c.subject = text(j, "subject");
    c.subject_root = text(j, "subject_root");
    c.subject_source = text(j, "subject_source");
    c.attribute = text(j, "attribute");
    c.attribute_source = text(j, "attribute_source");
    c.measure_word = text(j, "measure");
    if (j.contains("scope") && j["scope"].is_object()) {
      const json& s = j["scope"];
      c.scope.date = partial_date(text(s, "date"));
      c.scope.period = text(s, "period");
      c.scope.window = text(s, "window");
      c.scope.basis = text(s, "basis");
      c.scope.kind = text(s, "kind");
      c.scope.direction = text(s, "direction");
      c.scope.attribution = text(s, "attribution");
      c.scope.qualifier = text(s, "qualifier");
      c.scope.role = text(s, "role");
      c.scope.as_of = text(s, "as_of");
      c.scope.as_of_source = text(s, "as_of_source");
      c.scope.period_source = text(s, "period_source");
      c.scope.date_source = text(s, "date_source");
    }
    c.key = text(j, "key");
    c.relation_value = text(j, "relation_value");
    c.attributed_to = text(j, "attributed_to");
    if (!text(j, "linked_to").empty()) links.push_back({result.claims.size(), text(j, "linked_to")});
    claim_index[c.id] = result.claims.size();
    core::share_words(c, words);
    result.claims.push_back(std::move(c));
  }
  // Links name their main figure by id; a link to a claim not in this input is dropped.
  for (const auto& [index, main] : links) {
    auto it = claim_index.find(main);
    if (it != claim_index.end()) result.claims[index].linked_to = static_cast<int>(it->second);
  }
  result.inputs.push_back({name, "ok", ""});
  return result;
}

}  // namespace crosscheck::cli

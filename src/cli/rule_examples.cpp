#include "cli/rule_examples.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "extract/extract.hpp"
#include "frame/frame.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::cli {

namespace {

bool close_to(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

std::string str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string check_quantity(const nlohmann::json& ex, const extract::Extraction& extraction) {
  std::string text = str(ex, "text");
  std::string surface = ex.contains("surface") ? str(ex, "surface") : text;
  auto it = std::find_if(extraction.quantities.begin(), extraction.quantities.end(),
                         [&](const core::Quantity& q) { return q.surface == surface && q.linked_to < 0; });
  if (it == extraction.quantities.end()) {
    std::string found;
    for (const auto& q : extraction.quantities) found += (found.empty() ? "" : ", ") + std::string("'") + q.surface + "'";
    return "no figure '" + surface + "' read (read: " + (found.empty() ? "nothing" : found) + ")";
  }
  const core::Quantity& q = *it;
  if (ex.contains("value") && !close_to(q.point, ex["value"].get<double>()))
    return "value " + core::format_number(q.point) + ", expected " + core::format_number(ex["value"].get<double>());
  if (ex.contains("lo") && !close_to(q.value.lo, ex["lo"].get<double>()))
    return "interval " + q.value.to_string() + ", expected lo " + core::format_number(ex["lo"].get<double>());
  if (ex.contains("hi") && !close_to(q.value.hi, ex["hi"].get<double>()))
    return "interval " + q.value.to_string() + ", expected hi " + core::format_number(ex["hi"].get<double>());
  if (ex.contains("unit") && q.unit != str(ex, "unit")) return "unit " + q.unit + ", expected " + str(ex, "unit");
  if (ex.contains("modifiers"))
    for (const auto& want : ex["modifiers"]) {
      std::string w = want.get<std::string>();
      if (std::none_of(q.modifiers.begin(), q.modifiers.end(), [&](const std::string& m) { return m.rfind(w, 0) == 0; }))
        return "modifier '" + w + "' missing";
    }
  if (ex.contains("linked")) {
    int main_index = static_cast<int>(it - extraction.quantities.begin());
    std::string want = str(ex, "linked");
    bool found = std::any_of(extraction.quantities.begin(), extraction.quantities.end(),
                             [&](const core::Quantity& l) { return l.linked_to == main_index && l.surface == want; });
    if (!found) return "no linked figure '" + want + "'";
  }
  return "";
}

std::string check_frame(const nlohmann::json& ex, const rules::RuleSet& rules) {
  core::Article article = extract::snippet_article(str(ex, "text"));
  auto extraction = extract::extract(article, rules);
  auto claims = frame::frame(article, 0, extraction, rules);
  std::string surface = str(ex, "surface");
  auto it = std::find_if(claims.begin(), claims.end(), [&](const core::Claim& c) { return c.quantity.surface == surface; });
  if (it == claims.end()) return "no figure '" + surface + "' read";
  if (ex.contains("attribute") && it->attribute != str(ex, "attribute"))
    return "attribute '" + it->attribute + "', expected '" + str(ex, "attribute") + "'";
  if (ex.contains("subject") && it->subject != str(ex, "subject"))
    return "subject '" + it->subject + "', expected '" + str(ex, "subject") + "'";
  if (ex.contains("as_of") && it->scope.as_of != str(ex, "as_of"))
    return "as of '" + it->scope.as_of + "', expected '" + str(ex, "as_of") + "'";
  if (ex.contains("field")) {
    std::string field = str(ex, "field"), got;
    const auto& s = it->scope;
    if (field == "window") got = s.window;
    else if (field == "basis") got = s.basis;
    else if (field == "kind") got = s.kind;
    else if (field == "direction") got = s.direction;
    else if (field == "attribution") got = s.attribution;
    else if (field == "period") got = s.period;
    else if (field == "earlier") got = s.earlier;
    else if (field == "qualifier") got = s.qualifier;
    if (got != str(ex, "expect")) return field + " '" + got + "', expected '" + str(ex, "expect") + "'";
  }
  return "";
}

std::string check_time(const nlohmann::json& ex, const rules::RuleSet& rules) {
  auto extraction = extract::extract_snippet(str(ex, "text"), rules);
  if (extraction.times.empty()) return "no time expression read";
  const auto& t = extraction.times.front();
  if (ex.contains("time_kind") && t.kind != str(ex, "time_kind")) return "kind '" + t.kind + "', expected '" + str(ex, "time_kind") + "'";
  if (ex.contains("date") && t.date.to_string() != str(ex, "date")) return "date '" + t.date.to_string() + "', expected '" + str(ex, "date") + "'";
  for (const auto& q : extraction.quantities)
    if (q.span.start < t.span.end && q.span.end > t.span.start) return "also read as an amount: '" + q.surface + "'";
  return "";
}

std::string check_boilerplate(const nlohmann::json& ex, const rules::RuleSet& rules) {
  std::string text = str(ex, "text");
  auto cleaned = ingest::remove_boilerplate(text, rules);
  std::string reason = cleaned.skipped.empty() ? "" : cleaned.skipped.front().reason;
  if (ex.contains("keep") && ex["keep"].get<bool>()) return reason.empty() ? "" : "dropped as '" + reason + "', expected kept";
  if (reason != str(ex, "reason")) return "reason '" + reason + "', expected '" + str(ex, "reason") + "'";
  return "";
}

std::string check_metadata(const nlohmann::json& ex, const rules::RuleSet& rules) {
  core::Article article;
  article.text = str(ex, "text");
  ingest::infer_metadata(article, article.text, rules);
  if (ex.contains("published") && article.published != str(ex, "published"))
    return "published '" + article.published + "', expected '" + str(ex, "published") + "'";
  if (ex.contains("byline") && article.byline != str(ex, "byline")) return "byline '" + article.byline + "', expected '" + str(ex, "byline") + "'";
  if (ex.contains("outlet") && article.outlet != str(ex, "outlet")) return "outlet '" + article.outlet + "', expected '" + str(ex, "outlet") + "'";
  return "";
}

}  // namespace

ExampleResult run_example(const rules::Example& example, const rules::RuleSet& rules) {
  ExampleResult result{&example, false, ""};
  const auto& ex = example.fields;
  const std::string& kind = example.kind;
  std::string problem;
  if (example.negative) {
    // With a `surface`, only that text must stay no amount; the sentence's other figures may be read.
    auto extraction = extract::extract_snippet(str(ex, "text"), rules);
    for (const auto& q : extraction.quantities) {
      if (ex.contains("surface") && q.surface != str(ex, "surface")) continue;
      problem = "read an amount '" + q.surface + "' where none is";
      break;
    }
  } else if (kind == "numbers" || kind == "units" || kind == "modifiers") {
    problem = check_quantity(ex, extract::extract_snippet(str(ex, "text"), rules));
  } else if (kind == "time") {
    problem = check_time(ex, rules);
  } else if (kind == "boilerplate") {
    problem = check_boilerplate(ex, rules);
  } else if (kind == "metadata") {
    problem = check_metadata(ex, rules);
  } else if (kind == "entities") {
    auto ids = frame::entities_in(str(ex, "text"), rules);
    if (ids.empty() || ids.front() != str(ex, "entity"))
      problem = "first entity '" + (ids.empty() ? std::string("none") : ids.front()) + "', expected '" + str(ex, "entity") + "'";
  } else if (kind == "relation-cues") {
    core::Article article = extract::snippet_article(str(ex, "text"));
    auto claims = frame::frame(article, 0, extract::extract(article, rules), rules);
    bool found = std::any_of(claims.begin(), claims.end(), [&](const core::Claim& c) {
      return c.quantity.dimension == core::Dimension::entity && c.attribute == str(ex, "relation") && c.relation_value == str(ex, "entity");
    });
    if (!found) problem = "no '" + str(ex, "relation") + "' claim with value '" + str(ex, "entity") + "'";
  } else if (kind == "attribute-cues" || kind == "scope-cues" || kind == "grammar") {
    problem = check_frame(ex, rules);
  } else {
    problem = "examples are not supported for kind '" + kind + "'";
  }
  result.passed = problem.empty();
  result.message = problem;
  return result;
}

std::vector<ExampleResult> run_examples(const rules::RuleSet& rules, const std::string& only_under) {
  std::vector<ExampleResult> results;
  for (const auto& example : rules.examples)
    if (only_under.empty() || example.file.rfind(only_under, 0) == 0) results.push_back(run_example(example, rules));
  return results;
}

}  // namespace crosscheck::cli

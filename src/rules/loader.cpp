#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <re2/re2.h>

#include "core/dates.hpp"
#include "rules/rule_set.hpp"
#include "rules/toml_schema.hpp"
#include "core/text.hpp"

namespace fs = std::filesystem;

namespace crosscheck::rules {

namespace {

constexpr std::uintmax_t kMaxRuleFileBytes = 1 << 20;  // documented in docs/limits.md

using core::Diagnostic;
using core::Diagnostics;
using core::Severity;
using F = FieldType;

const TableSpec kExampleSpec{{
    {"text", F::string, true},       {"surface", F::string},      {"value", F::number},
    {"lo", F::number},               {"hi", F::number},           {"unit", F::string},
    {"modifiers", F::string_array},  {"linked", F::string},       {"reason", F::string},
    {"keep", F::boolean},            {"entity", F::string},       {"attribute", F::string},
    {"subject", F::string},          {"as_of", F::string},
    {"field", F::string},            {"expect", F::string},       {"date", F::string},
    {"time_kind", F::string},        {"published", F::string},    {"byline", F::string},
    {"outlet", F::string},           {"note", F::string},         {"count", F::integer},
    {"relation", F::string},
}};
const TableSpec kNegativeSpec{{{"text", F::string, true}, {"note", F::string}, {"surface", F::string}}};

std::vector<FieldSpec> common_fields() {
  return {{"kind", F::string, true},        {"schema", F::integer, true},
          {"language", F::string},          {"description", F::string},
          {"examples", F::table_array, false, &kExampleSpec},
          {"negative", F::table_array, false, &kNegativeSpec}};
}

TableSpec with_common(std::vector<FieldSpec> fields) {
  auto all = common_fields();
  all.insert(all.end(), fields.begin(), fields.end());
  return {all};
}

const TableSpec kNumberWordSpec{{{"word", F::string, true}, {"value", F::number, true}, {"needs_unit", F::boolean}}};
const TableSpec kVagueSpec{{{"words", F::string_array, true}, {"range", F::number_pair, true}}};
const TableSpec kUnitSpec{{{"words", F::string_array, true}, {"unit", F::string, true}, {"dimension", F::string, true},
                           {"prefix", F::boolean}, {"spaced", F::boolean}, {"factor", F::number}, {"counted", F::string},
                           {"after", F::string_array}}};
const TableSpec kAmountWordSpec{{{"words", F::string_array, true}, {"value", F::number, true}, {"unit", F::string, true},
                                 {"dimension", F::string, true}, {"after", F::string_array}}};
const TableSpec kModifierSpec{{{"words", F::string_array, true}, {"effect", F::string, true},
                               {"position", F::string, true}, {"widen", F::number}}};
const TableSpec kLineSpec{{{"reason", F::string, true}, {"match", F::string, true}, {"text", F::string, true},
                           {"max_length", F::integer}, {"tail", F::boolean}}};
const TableSpec kPatternSpec{{{"name", F::string, true}, {"regex", F::string, true}}};
const TableSpec kOutletSpec{{{"name", F::string, true}, {"aliases", F::string_array}}};
const TableSpec kEntitySpec{{{"id", F::string, true}, {"type", F::string, true}, {"part_of", F::string},
                             {"aliases", F::string_array, true}, {"label_en", F::string}, {"label_ko", F::string}}};
const TableSpec kAttributeSpec{{{"id", F::string, true}, {"label_en", F::string, true}, {"label_ko", F::string, true},
                                {"dimensions", F::string_array, true}, {"time_varying", F::boolean}, {"priority", F::integer},
                                {"subject_types", F::string_array}, {"cumulative", F::boolean}, {"event", F::boolean},
                                {"flow", F::boolean}, {"change", F::boolean}, {"bare_unit", F::string}, {"jurisdiction", F::boolean}, {"between_countries", F::boolean},
                                {"counts", F::string}}};
const TableSpec kCueSpec{{{"attribute", F::string, true}, {"words", F::string_array, true}, {"requires", F::string_array}}};
const TableSpec kScopeCueSpec{{{"field", F::string, true}, {"value", F::string, true}, {"words", F::string_array, true}}};
const TableSpec kRelationSpec{{{"id", F::string, true}, {"label_en", F::string, true}, {"label_ko", F::string, true},
                               {"subject_types", F::string_array, true}, {"value_types", F::string_array, true},
                               {"functional", F::boolean}}};
const TableSpec kRelationCueSpec{{{"relation", F::string, true}, {"words", F::string_array, true}}};
const TableSpec kCountClassSpec{{{"class", F::string, true}, {"words", F::string_array, true}}};
const TableSpec kRateSpec{{{"words", F::string_array, true}, {"per", F::string, true}, {"position", F::string, true},
                           {"unless_followed_by", F::string_array}}};
const TableSpec kConversionSpec{{{"unit", F::string, true}, {"base", F::string, true}, {"factor", F::number, true}}};
const TableSpec kParticleSpec{{{"words", F::string_array, true}, {"role", F::string, true}}};
const TableSpec kRelativeSpec{{{"words", F::string_array, true}, {"years", F::integer}, {"months", F::integer}, {"days", F::integer}}};

const std::map<std::string, TableSpec>& kind_specs() {
  static const std::map<std::string, TableSpec> specs = {
      {"numbers", with_common({{"sino_digits", F::integer_map}, {"small_scales", F::number_map}, {"big_scales", F::number_map},
                               {"english_scales", F::number_map}, {"currency_scales", F::number_map}, {"number_words", F::table_array, false, &kNumberWordSpec},
                               {"vague", F::table_array, false, &kVagueSpec}, {"range_separators", F::string_array},
                               {"range_words", F::string_array}, {"between_words", F::string_array}, {"measure_links", F::string_array}, {"level_verbs", F::string_array}, {"ellipsis_links", F::string_array}, {"priced_plurals", F::string_array}, {"rate_nouns", F::string_array}, {"score_before", F::string_array}, {"score_after", F::string_array},
                               {"referent_pronouns", F::string_array}, {"numbered_labels", F::string_array},
                               {"noun_determiners", F::string_array}, {"band_words", F::string_array},
                               {"change_from_words", F::string_array}, {"conversion_joiners", F::string_array},
                               {"change_base_before", F::string_array}, {"change_base_after", F::string_array}})},
      {"units", with_common({{"unit", F::table_array, false, &kUnitSpec}, {"counted_nouns", F::string_array},
                             {"not_counted", F::string_array},
                             {"count_class", F::table_array, false, &kCountClassSpec},
                             {"rate", F::table_array, false, &kRateSpec},
                             {"conversion", F::table_array, false, &kConversionSpec},
                             {"amount_word", F::table_array, false, &kAmountWordSpec}})},
      {"modifiers", with_common({{"modifier", F::table_array, true, &kModifierSpec}})},
      {"not-amounts", with_common({{"terms", F::string_array}, {"attached_prefixes", F::string_array}, {"particles", F::string_array}})},
      {"boilerplate", with_common({{"line", F::table_array, true, &kLineSpec}, {"item_markers", F::string_array},
                                   {"item_number_suffixes", F::string_array}, {"sentence_endings", F::string_array},
                                   {"field_separators", F::string_array}, {"numbered_items_without_mark", F::boolean},
                                   {"field_space_run", F::integer}, {"headline_labels", F::string_array}})},
      {"metadata", with_common({{"dateline", F::table_array, false, &kPatternSpec}, {"byline", F::table_array, false, &kPatternSpec},
                                {"outlet_pattern", F::table_array, false, &kPatternSpec}, {"outlet", F::table_array, false, &kOutletSpec}})},
      {"entities", with_common({{"entity", F::table_array, false, &kEntitySpec}, {"anaphors", F::string_array}, {"clause_breaks", F::string_array}})},
      {"attributes", with_common({{"attribute", F::table_array, true, &kAttributeSpec}})},
      {"attribute-cues", with_common({{"cue", F::table_array, true, &kCueSpec}})},
      {"scope-cues", with_common({{"cue", F::table_array, false, &kScopeCueSpec}, {"relative", F::table_array, false, &kRelativeSpec}})},
      {"time", with_common({{"year_suffix", F::string_array}, {"month_suffix", F::string_array}, {"day_suffix", F::string_array},
                            {"quarter_suffix", F::string_array}, {"decade_suffix", F::string_array}, {"century_suffix", F::string_array},
                            {"hour_suffix", F::string_array}, {"minute_suffix", F::string_array}, {"am", F::string_array},
                            {"pm", F::string_array}, {"local_time", F::string_array}, {"duration_after_day", F::string_array},
                            {"as_of_after", F::string_array}, {"as_of_before", F::string_array},
                            {"span_start_after", F::string_array}, {"span_start_before", F::string_array},
                            {"comparison_after", F::string_array}, {"comparison_before", F::string_array},
                            {"year_lead_words", F::string_array}, {"month_names", F::integer_map},
                            {"weekday_names", F::integer_map}, {"quarter_names", F::integer_map}})},
      {"messages", with_common({{"text", F::string_map, true}})},
      {"grammar", with_common({{"particle", F::table_array, false, &kParticleSpec}, {"endings", F::string_array},
                               {"list_words", F::string_array}, {"org_suffixes", F::string_array},
                               {"name_stop_words", F::string_array}, {"event_words", F::string_array},
                               {"function_words", F::string_array}, {"change_words", F::string_array},
                               {"source_words", F::string_array}, {"lexicon", F::string},
                               {"compound_endings", F::string_array}, {"byline_words", F::string_array},
                               {"person_titles", F::string_array}, {"not_surnames", F::string_array},
                               {"place_heads", F::string_array}, {"occasion_words", F::string_array}, {"whole_words", F::string_array}, {"record_verbs", F::string_array}, {"determiners", F::string_array}, {"prepositions", F::string_array}, {"linking_verbs", F::string_array}, {"predicate_verbs", F::string_array}, {"comparison_predicates", F::string_array}, {"report_verbs", F::string_array}, {"part_openers", F::string_array}, {"change_size_words", F::string_array}, {"home_jurisdiction", F::string}, {"tally_words", F::string_array}, {"place_suffixes", F::string_array}})},
      {"relations", with_common({{"relation", F::table_array, true, &kRelationSpec}})},
      {"relation-cues", with_common({{"cue", F::table_array, true, &kRelationCueSpec}})},
  };
  return specs;
}

std::vector<std::string> strings(const toml::node_view<const toml::node>& node) {
  std::vector<std::string> out;
  if (const auto* a = node.as_array())
    for (auto&& v : *a)
      if (auto s = v.value<std::string>()) out.push_back(*s);
  return out;
}

std::optional<core::Dimension> parse_dimension(const std::string& s) {
  static const std::map<std::string, core::Dimension> names = {
      {"money", core::Dimension::money},         {"percent", core::Dimension::percent},
      {"percentage-points", core::Dimension::percentage_points}, {"multiple", core::Dimension::multiple},
      {"count", core::Dimension::count},         {"duration", core::Dimension::duration},
      {"measure", core::Dimension::measure},     {"score", core::Dimension::score}};
  auto it = names.find(s);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

struct FileContext {
  const std::string& file;
  Diagnostics& diagnostics;
  void error(const toml::node& node, const std::string& code, const std::string& message, const std::string& note = "") const {
    diagnostics.push_back({Severity::error, code, message, file, line_of(node), column_of(node), note});
  }
};

std::shared_ptr<re2::RE2> compile(const std::string& pattern, const toml::node& node, const FileContext& ctx) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<re2::RE2>(pattern, options);
  if (!re->ok()) {
    ctx.error(node, "pattern.invalid", "bad regular expression: " + re->error(), "RE2 syntax; \\p{Hangul} for Korean letters");
    return nullptr;
  }
  return re;
}

void load_numbers(const toml::table& t, RuleSet& rules, const FileContext&) {
  if (auto m = t["sino_digits"].as_table())
    for (auto&& [k, v] : *m) rules.sino_digits.emplace_back(std::string(k.str()), static_cast<int>(v.value_or<int64_t>(0)));
  auto scales = [&](const char* key, std::vector<Scale>& out) {
    if (auto m = t[key].as_table())
      for (auto&& [k, v] : *m) out.push_back({std::string(k.str()), v.value_or<double>(1.0)});
  };
  scales("small_scales", rules.small_scales);
  scales("big_scales", rules.big_scales);
  scales("english_scales", rules.english_scales);
  scales("currency_scales", rules.currency_scales);
  if (auto a = t["number_words"].as_array())
    for (auto&& e : *a) {
      const auto& w = *e.as_table();
      rules.number_words.push_back({w["word"].value_or<std::string>(""), w["value"].value_or<double>(0), w["needs_unit"].value_or(true)});
    }
  if (auto a = t["vague"].as_array())
    for (auto&& e : *a) {
      const auto& w = *e.as_table();
      auto range = w["range"].as_array();
      double lo = range->get(0)->value_or<double>(0), hi = range->get(1)->value_or<double>(0);
      for (auto& word : strings(w["words"])) rules.vague_words.push_back({word, lo, hi});
    }
  for (auto& s : strings(t["range_separators"])) rules.range_separators.push_back(s);
  for (auto& s : strings(t["range_words"])) rules.range_words.push_back(s);
  for (auto& s : strings(t["between_words"])) rules.between_words.push_back(s);
  for (auto& s : strings(t["measure_links"])) rules.measure_links.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["level_verbs"])) rules.level_verbs.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["ellipsis_links"])) rules.ellipsis_links.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["priced_plurals"])) rules.priced_plurals.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["rate_nouns"])) rules.rate_nouns.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["score_before"])) rules.score_before.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["score_after"])) rules.score_after.push_back(s);
  for (auto& s : strings(t["referent_pronouns"])) rules.referent_pronouns.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["numbered_labels"])) rules.numbered_labels.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["noun_determiners"])) rules.noun_determiners.push_back(core::ascii_lower(s));
  for (auto& s : strings(t["band_words"])) rules.band_words.push_back(s);
  for (auto& s : strings(t["change_from_words"])) rules.change_from_words.push_back(s);
  for (auto& s : strings(t["change_base_before"])) rules.change_base_before.push_back(s);
  for (auto& s : strings(t["change_base_after"])) rules.change_base_after.push_back(s);
  for (auto& s : strings(t["conversion_joiners"])) rules.conversion_joiners.push_back(core::ascii_lower(s));
}

void load_units(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  if (auto a = t["unit"].as_array())
    for (auto&& e : *a) {
      const auto& u = *e.as_table();
      auto dim = parse_dimension(u["dimension"].value_or<std::string>(""));
      if (!dim) {
        ctx.error(*u.get("dimension"), "schema.value", "unknown dimension '" + u["dimension"].value_or<std::string>("") + "'",
                  "one of money, percent, percentage-points, multiple, count, duration, measure");
        continue;
      }
      std::vector<std::string> after = strings(u["after"]);
      if (!after.empty() && !u["prefix"].value_or(false))
        ctx.error(*u.get("after"), "schema.value", "'after' is for a unit written before the figure", "set prefix = true, or drop 'after'");
      for (auto& word : strings(u["words"]))
        rules.units.push_back({word, u["unit"].value_or<std::string>(""), *dim, u["prefix"].value_or(false),
                               u["spaced"].value_or(true), u["factor"].value_or<double>(1.0), u["counted"].value_or<std::string>(""), after});
    }
  if (auto a = t["amount_word"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      auto dim = parse_dimension(x["dimension"].value_or<std::string>(""));
      if (!dim) {
        ctx.error(*x.get("dimension"), "schema.value", "unknown dimension '" + x["dimension"].value_or<std::string>("") + "'",
                  "one of money, percent, percentage-points, multiple, count, duration, measure");
        continue;
      }
      for (auto& word : strings(x["words"]))
        rules.amount_words.push_back({word, x["value"].value_or<double>(0), x["unit"].value_or<std::string>(""), *dim, strings(x["after"])});
    }
  for (auto& s : strings(t["counted_nouns"])) rules.counted_nouns_en.push_back(s);
  for (auto& s : strings(t["not_counted"])) rules.not_counted_en.push_back(core::ascii_lower(s));
  if (auto a = t["rate"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      std::string position = x["position"].value_or<std::string>("");
      if (position != "before" && position != "after") {
        ctx.error(*x.get("position"), "schema.value", "unknown rate position '" + position + "'", "one of before, after");
        continue;
      }
      for (auto& w : strings(x["words"]))
        rules.rates.push_back({w, x["per"].value_or<std::string>(""), position == "before", strings(x["unless_followed_by"])});
    }
  if (auto a = t["conversion"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      double factor = x["factor"].value_or<double>(0);
      if (!(factor > 0)) {
        ctx.error(*x.get("factor"), "schema.value", "a conversion factor must be positive", "base units per one unit: 1 mi = 1609.344 m");
        continue;
      }
      rules.conversions[x["unit"].value_or<std::string>("")] = {x["base"].value_or<std::string>(""), factor};
    }
  if (auto a = t["count_class"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      for (auto& w : strings(x["words"])) rules.count_classes[core::ascii_lower(w)] = x["class"].value_or<std::string>("");
    }
}

void load_modifiers(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  static const std::map<std::string, ModifierEffect> effects = {
      {"hedge", ModifierEffect::hedge},   {"nearly", ModifierEffect::nearly},     {"below", ModifierEffect::below},
      {"at-most", ModifierEffect::at_most}, {"above", ModifierEffect::above},     {"at-least", ModifierEffect::at_least},
      {"plus", ModifierEffect::plus},     {"emphasis", ModifierEffect::emphasis}};
  static const std::map<std::string, Modifier::Position> positions = {
      {"prefix", Modifier::Position::prefix}, {"suffix", Modifier::Position::suffix}, {"infix", Modifier::Position::infix}};
  for (auto&& e : *t["modifier"].as_array()) {
    const auto& m = *e.as_table();
    auto effect = effects.find(m["effect"].value_or<std::string>(""));
    auto position = positions.find(m["position"].value_or<std::string>(""));
    if (effect == effects.end()) {
      ctx.error(*m.get("effect"), "schema.value", "unknown effect '" + m["effect"].value_or<std::string>("") + "'",
                "one of hedge, nearly, below, at-most, above, at-least, plus, emphasis");
      continue;
    }
    if (position == positions.end()) {
      ctx.error(*m.get("position"), "schema.value", "unknown position", "one of prefix, suffix, infix");
      continue;
    }
    for (auto& word : strings(m["words"]))
      rules.modifiers.push_back({word, effect->second, position->second, m["widen"].value_or<double>(0.1)});
  }
}

void load_line_rules(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  for (auto&& e : *t["line"].as_array()) {
    const auto& l = *e.as_table();
    LineRule rule{l["reason"].value_or<std::string>(""), l["match"].value_or<std::string>(""), l["text"].value_or<std::string>(""),
                  static_cast<int>(l["max_length"].value_or<int64_t>(0)), l["tail"].value_or(false), nullptr};
    static const std::map<std::string, LineRule::Kind> kinds = {{"equals", LineRule::Kind::equals},
                                                                {"starts", LineRule::Kind::starts},
                                                                {"contains", LineRule::Kind::contains},
                                                                {"regex", LineRule::Kind::regex},
                                                                {"html-class", LineRule::Kind::html_class}};
    auto kind = kinds.find(rule.match);
    if (kind == kinds.end()) {
      ctx.error(*l.get("match"), "schema.value", "unknown match '" + rule.match + "'", "one of equals, starts, contains, regex, html-class");
      continue;
    }
    rule.kind = kind->second;
    if (rule.kind == LineRule::Kind::regex) {
      rule.regex = compile(rule.text, *l.get("text"), ctx);
      if (!rule.regex) continue;
    }
    rules.line_rules.push_back(std::move(rule));
  }
  for (auto& s : strings(t["item_markers"])) rules.item_markers.push_back(s);
  for (auto& s : strings(t["item_number_suffixes"])) rules.item_number_suffixes.push_back(s);
  for (auto& s : strings(t["sentence_endings"])) rules.sentence_endings.push_back(s);
  for (auto& s : strings(t["field_separators"])) rules.field_separators.push_back(s);
  for (auto& s : strings(t["headline_labels"])) rules.headline_labels.push_back(s);
  if (t["numbered_items_without_mark"].value_or(false)) rules.numbered_items_without_mark = true;
  if (auto run = t["field_space_run"].value<int64_t>(); run && *run > 0)
    rules.field_space_run = rules.field_space_run == 0 ? static_cast<int>(*run) : std::min(rules.field_space_run, static_cast<int>(*run));
}

void load_patterns(const toml::table& t, const char* key, std::vector<PatternRule>& out, const FileContext& ctx) {
  if (auto a = t[key].as_array())
    for (auto&& e : *a) {
      const auto& p = *e.as_table();
      auto re = compile(p["regex"].value_or<std::string>(""), *p.get("regex"), ctx);
      if (re) out.push_back({p["name"].value_or<std::string>(""), re});
    }
}

// A dateline captures year, month, day, hour and minute in that order, or by name (year, month,
// day, hour, minute, ampm), so "25 August 2024 7:00 a.m." can put the day first.
void load_datelines(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  static const std::set<std::string> known = {"year", "month", "day", "hour", "minute", "ampm"};
  if (auto a = t["dateline"].as_array())
    for (auto&& e : *a) {
      const auto& p = *e.as_table();
      auto re = compile(p["regex"].value_or<std::string>(""), *p.get("regex"), ctx);
      if (!re) continue;
      const auto& names = re->NamedCapturingGroups();
      bool ok = true;
      for (const auto& [name, index] : names)
        if (!known.count(name)) {
          ctx.error(*p.get("regex"), "schema.value", "unknown dateline group '" + name + "'", "name groups year, month, day, hour, minute or ampm");
          ok = false;
        }
      // A wire dateline names no year ("SEOUL, July 11 (Meridian) -"): named month and day are enough.
      bool complete = names.empty() ? re->NumberOfCapturingGroups() == 5 : names.count("month") && names.count("day");
      if (!complete) {
        ctx.error(*p.get("regex"), "schema.value", "a dateline must capture month and day, and year where it gives one",
                  "five groups in order (year, month, day, hour, minute), or named groups such as (?P<day>[0-9]{1,2})");
        ok = false;
      }
      if (ok) rules.datelines.push_back({p["name"].value_or<std::string>(""), re});
    }
}

void load_metadata(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  load_datelines(t, rules, ctx);
  load_patterns(t, "byline", rules.bylines, ctx);
  load_patterns(t, "outlet_pattern", rules.outlet_patterns, ctx);
  if (auto a = t["outlet"].as_array())
    for (auto&& e : *a) {
      const auto& o = *e.as_table();
      rules.outlets.push_back({o["name"].value_or<std::string>(""), strings(o["aliases"])});
    }
}

void load_entities(const toml::table& t, RuleSet& rules, const FileContext&) {
  if (auto a = t["entity"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      Entity entity{x["id"].value_or<std::string>(""), x["type"].value_or<std::string>(""),
                    x["part_of"].value_or<std::string>(""), strings(x["aliases"]), {}};
      for (const char* lang : {"en", "ko"})
        if (auto label = x[std::string("label_") + lang].value<std::string>(); label && !label->empty()) entity.labels[lang] = *label;
      // A user's folder may add aliases to a bundled entity.
      auto existing = std::find_if(rules.entities.begin(), rules.entities.end(), [&](const Entity& en) { return en.id == entity.id; });
      if (existing != rules.entities.end()) {
        existing->aliases.insert(existing->aliases.end(), entity.aliases.begin(), entity.aliases.end());
        if (!entity.part_of.empty()) existing->part_of = entity.part_of;
        for (const auto& [lang, label] : entity.labels) existing->labels[lang] = label;
      } else {
        rules.entities.push_back(std::move(entity));
      }
    }
  for (auto& s : strings(t["anaphors"])) rules.anaphors.push_back(s);
  for (auto& s : strings(t["clause_breaks"])) rules.clause_breaks.push_back(s);
}

void load_attributes(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  for (auto&& e : *t["attribute"].as_array()) {
    const auto& x = *e.as_table();
    Attribute attribute;
    attribute.id = x["id"].value_or<std::string>("");
    attribute.labels["en"] = x["label_en"].value_or<std::string>("");
    attribute.labels["ko"] = x["label_ko"].value_or<std::string>("");
    attribute.time_varying = x["time_varying"].value_or(false);
    attribute.priority = static_cast<int>(x["priority"].value_or<int64_t>(0));
    attribute.subject_types = strings(x["subject_types"]);
    attribute.cumulative = x["cumulative"].value_or(false);
    attribute.event = x["event"].value_or(false);
    attribute.jurisdiction = x["jurisdiction"].value_or(false);
    attribute.between_countries = x["between_countries"].value_or(false);
    attribute.flow = x["flow"].value_or(false);
    attribute.bare_unit = x["bare_unit"].value_or<std::string>("");
    attribute.counts = x["counts"].value_or<std::string>("");
    attribute.change = x["change"].value_or(false);
    for (auto& d : strings(x["dimensions"])) {
      auto dim = parse_dimension(d);
      if (!dim) ctx.error(*x.get("dimensions"), "schema.value", "unknown dimension '" + d + "'");
      else attribute.dimensions.push_back(*dim);
    }
    auto existing = std::find_if(rules.attributes.begin(), rules.attributes.end(), [&](const Attribute& a) { return a.id == attribute.id; });
    if (existing != rules.attributes.end()) *existing = attribute;
    else rules.attributes.push_back(std::move(attribute));
  }
}

void load_attribute_cues(const toml::table& t, RuleSet& rules, const FileContext&) {
  for (auto&& e : *t["cue"].as_array()) {
    const auto& x = *e.as_table();
    std::string attribute = x["attribute"].value_or<std::string>("");
    int block = rules.cue_blocks++;
    bool needs = !strings(x["requires"]).empty();
    for (auto& w : strings(x["words"])) rules.attribute_cues.push_back({attribute, w, false, block, needs});
    for (auto& w : strings(x["requires"])) rules.attribute_cues.push_back({attribute, w, true, block, needs});
  }
}

void load_scope_cues(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  static const std::vector<std::string> fields = {"window", "basis", "kind", "direction", "attribution", "period", "as_of", "total",
                                                  "whole_before", "whole_after", "earlier_before", "earlier_after"};
  if (auto a = t["cue"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      std::string field = x["field"].value_or<std::string>("");
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
        std::string hint = core::did_you_mean(field, fields);
        ctx.error(*x.get("field"), "schema.value", "unknown scope field '" + field + "'",
                  hint.empty() ? "one of window, basis, kind, direction, attribution, period, as_of, total, whole_before, whole_after, earlier_before, earlier_after" : "did you mean '" + hint + "'?");
        continue;
      }
      std::string value = x["value"].value_or<std::string>("");
      if (field.rfind("earlier_", 0) == 0 && core::span_months(value) == 0) {
        ctx.error(*x.get("value"), "schema.value", "an earlier-period cue's value must be a span such as '1 year'",
                  "a number and year, quarter or month: '1 year', '1 quarter'");
        continue;
      }
      for (auto& w : strings(x["words"])) rules.scope_cues.push_back({field, value, w});
    }
  if (auto a = t["relative"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      for (auto& w : strings(x["words"]))
        rules.relative_times.push_back({w, static_cast<int>(x["years"].value_or<int64_t>(0)), static_cast<int>(x["months"].value_or<int64_t>(0)),
                                        static_cast<int>(x["days"].value_or<int64_t>(0)), x.contains("years"), x.contains("months"),
                                        x.contains("days")});
    }
}

void load_grammar(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  if (auto a = t["particle"].as_array())
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      std::string name = x["role"].value_or<std::string>("");
      Role role = parse_role(name);
      if (role == Role::none) {
        ctx.error(*x.get("role"), "schema.value", "unknown role '" + name + "'",
                  "one of topic, subject, object, owner, adverbial, comparison, list, copula");
        continue;
      }
      for (auto& w : strings(x["words"])) rules.grammar.particles.push_back({w, role});
    }
  auto add = [&](const char* key, std::vector<std::string>& out) {
    for (auto& s : strings(t[key])) out.push_back(s);
  };
  add("endings", rules.grammar.endings);
  add("list_words", rules.grammar.list_words);
  add("org_suffixes", rules.grammar.org_suffixes);
  add("name_stop_words", rules.grammar.name_stop_words);
  add("event_words", rules.grammar.event_words);
  add("function_words", rules.grammar.function_words);
  add("change_words", rules.grammar.change_words);
  add("source_words", rules.grammar.source_words);
  add("byline_words", rules.grammar.byline_words);
  add("person_titles", rules.grammar.person_titles);
  add("not_surnames", rules.grammar.not_surnames);
  add("place_heads", rules.grammar.place_heads);
  add("occasion_words", rules.grammar.occasion_words);
  add("whole_words", rules.grammar.whole_words);
  add("report_verbs", rules.grammar.report_verbs);
  add("record_verbs", rules.grammar.record_verbs);
  add("determiners", rules.grammar.determiners);
  add("prepositions", rules.grammar.prepositions);
  add("linking_verbs", rules.grammar.linking_verbs);
  add("predicate_verbs", rules.grammar.predicate_verbs);
  add("comparison_predicates", rules.grammar.comparison_predicates);
  add("part_openers", rules.grammar.part_openers);
  add("change_size_words", rules.grammar.change_size_words);
  add("place_suffixes", rules.grammar.place_suffixes);
  for (auto& w : strings(t["tally_words"])) rules.grammar.tally_words.push_back(core::ascii_lower(w));
  if (auto home = t["home_jurisdiction"].value<std::string>()) rules.grammar.home_jurisdiction[t["language"].value_or<std::string>("")] = *home;
  rules.lexicon.add_compound_endings(strings(t["compound_endings"]));
  if (auto path = t["lexicon"].value<std::string>()) {
    // A relative path is the rule file's neighbour; a missing dictionary turns off finding names
    // by it, and says so, but stops nothing.
    fs::path dictionary(*path);
    if (dictionary.is_relative()) dictionary = fs::path(ctx.file).parent_path() / dictionary;
    std::string problem = rules.lexicon.load(dictionary.string());
    if (!problem.empty())
      ctx.diagnostics.push_back({Severity::warning, "rules.lexicon-missing",
                                 "cannot use the dictionary " + dictionary.string() + " (" + problem + "): its words will not tell Korean names from common words",
                                 ctx.file, line_of(*t.get("lexicon")), column_of(*t.get("lexicon")),
                                 "install hunspell-ko (scripts/bootstrap.sh does) or point 'lexicon' at a hunspell .dic"});
  }
}

void load_time(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  auto add = [&](const char* key, std::vector<std::string>& out) {
    for (auto& s : strings(t[key])) out.push_back(s);
  };
  auto& w = rules.time;
  add("year_suffix", w.year_suffix);   add("month_suffix", w.month_suffix); add("day_suffix", w.day_suffix);
  add("quarter_suffix", w.quarter_suffix); add("decade_suffix", w.decade_suffix); add("century_suffix", w.century_suffix);
  add("hour_suffix", w.hour_suffix);   add("minute_suffix", w.minute_suffix); add("am", w.am); add("pm", w.pm);
  add("local_time", w.local_time);     add("duration_after_day", w.duration_after_day);
  add("as_of_after", w.as_of_after);   add("as_of_before", w.as_of_before);
  add("span_start_after", w.span_start_after);
  add("span_start_before", w.span_start_before);
  add("comparison_after", w.comparison_after);
  add("comparison_before", w.comparison_before);
  add("year_lead_words", w.year_lead_words);
  if (auto m = t["month_names"].as_table())
    for (auto&& [k, v] : *m) w.month_names[std::string(k.str())] = static_cast<int>(v.value_or<int64_t>(0));
  if (auto m = t["weekday_names"].as_table())
    for (auto&& [k, v] : *m) w.weekday_names[std::string(k.str())] = static_cast<int>(v.value_or<int64_t>(0));
  if (auto m = t["quarter_names"].as_table())
    for (auto&& [k, v] : *m) {
      int q = static_cast<int>(v.value_or<int64_t>(0));
      if (q < 1 || q > 4) ctx.error(*v.as_integer(), "schema.value", "a quarter name's number must be 1 to 4", "\"first quarter\" = 1");
      else w.quarter_names[std::string(k.str())] = q;
    }
}

void load_messages(const toml::table& t, RuleSet& rules, const FileContext& ctx) {
  std::string language = t["language"].value_or<std::string>("");
  if (language.empty()) {
    ctx.error(t, "schema.missing-key", "a messages file needs 'language'");
    return;
  }
  for (auto&& [k, v] : *t["text"].as_table()) {
    std::string key(k.str());
    std::string text = v.value_or<std::string>("");
    if (key.rfind("scale.", 0) == 0) {
      // A scale word: "scale.<power of ten>" = a template with {n} ("scale.8" = "{n}억").
      std::string power = key.substr(6);
      bool digits = !power.empty() && power.size() <= 2 && std::all_of(power.begin(), power.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || std::stoi(power) < 1 || std::stoi(power) > 24) {
        ctx.error(v, "schema.value", "a scale key is 'scale.' and a power of ten from 1 to 24, not '" + key + "'", "\"scale.12\" = \"{n}T\"");
        continue;
      }
      if (text.find("{n}") == std::string::npos) {
        ctx.error(v, "schema.value", "the scale '" + key + "' has no {n} for the number", "\"scale.12\" = \"{n}T\"");
        continue;
      }
    }
    rules.messages[language][key] = std::move(text);
  }
}

void load_relations(const toml::table& t, RuleSet& rules, const FileContext&) {
  for (auto&& e : *t["relation"].as_array()) {
    const auto& x = *e.as_table();
    Relation r;
    r.id = x["id"].value_or<std::string>("");
    r.labels["en"] = x["label_en"].value_or<std::string>("");
    r.labels["ko"] = x["label_ko"].value_or<std::string>("");
    r.subject_types = strings(x["subject_types"]);
    r.value_types = strings(x["value_types"]);
    r.functional = x["functional"].value_or(true);
    rules.relations.push_back(std::move(r));
  }
}

void load_relation_cues(const toml::table& t, RuleSet& rules, const FileContext&) {
  for (auto&& e : *t["cue"].as_array()) {
    const auto& x = *e.as_table();
    for (auto& w : strings(x["words"])) rules.relation_cues.push_back({x["relation"].value_or<std::string>(""), w});
  }
}

void load_not_amounts(const toml::table& t, RuleSet& rules, const FileContext&) {
  for (auto& s : strings(t["terms"])) rules.not_amount_terms.push_back(s);
  for (auto& s : strings(t["attached_prefixes"])) rules.attached_prefixes.push_back(s);
  for (auto& s : strings(t["particles"])) rules.particles.push_back(s);
}

void collect_examples(const toml::table& t, const std::string& kind, const std::string& file, RuleSet& rules) {
  for (const char* key : {"examples", "negative"}) {
    const auto* a = t[key].as_array();
    if (!a) continue;
    for (auto&& e : *a) {
      const auto& x = *e.as_table();
      Example example{file, line_of(e), kind, std::string(key) == "negative", nlohmann::json::object()};
      for (auto&& [k, v] : x) {
        std::string name(k.str());
        if (auto s = v.value<std::string>()) example.fields[name] = *s;
        else if (v.is_integer()) example.fields[name] = v.value_or<int64_t>(0);
        else if (v.is_floating_point()) example.fields[name] = v.value_or<double>(0);
        else if (auto b = v.value<bool>()) example.fields[name] = *b;
        else if (auto arr = v.as_array()) {
          auto list = nlohmann::json::array();
          for (auto&& item : *arr)
            if (auto s = item.value<std::string>()) list.push_back(*s);
          example.fields[name] = list;
        }
      }
      rules.examples.push_back(std::move(example));
    }
  }
}

void load_toml_file(const fs::path& path, RuleSet& rules, Diagnostics& diagnostics) {
  const std::string file = path.string();
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    diagnostics.push_back({Severity::error, "input.unreadable", "cannot read rule file: " + ec.message(), file});
    return;
  }
  if (size > kMaxRuleFileBytes) {
    diagnostics.push_back({Severity::error, "limit.rule-file", "rule file is larger than 1 MiB", file, 0, 0, "split it by language or dimension"});
    return;
  }
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    diagnostics.push_back({Severity::error, "syntax.toml", std::string(e.description()), file,
                           static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), ""});
    return;
  }
  FileContext ctx{file, diagnostics};
  auto kind_node = table["kind"];
  if (!kind_node.is_string()) {
    diagnostics.push_back({Severity::error, "schema.missing-key", "missing key 'kind'", file, 1, 0, "every rule file says what it is"});
    return;
  }
  std::string kind = *kind_node.value<std::string>();
  const auto& specs = kind_specs();
  auto spec = specs.find(kind);
  if (spec == specs.end()) {
    std::vector<std::string> kinds;
    for (auto& [k, v] : specs) kinds.push_back(k);
    std::string hint = core::did_you_mean(kind, kinds);
    ctx.error(*kind_node.node(), "schema.unknown-kind", "unknown kind '" + kind + "'", hint.empty() ? "" : "did you mean '" + hint + "'?");
    return;
  }
  std::size_t before = diagnostics.size();
  validate_table(table, spec->second, file, "", diagnostics);
  if (table["schema"].value_or<int64_t>(0) != 1 && table["schema"].is_integer())
    ctx.error(*table.get("schema"), "schema.version", "unsupported schema version", "this crosscheck reads schema = 1");
  if (diagnostics.size() != before) return;  // convert only files that validated

  static const std::map<std::string, void (*)(const toml::table&, RuleSet&, const FileContext&)> loaders = {
      {"numbers", load_numbers},       {"units", load_units},           {"modifiers", load_modifiers},
      {"not-amounts", load_not_amounts}, {"boilerplate", load_line_rules}, {"metadata", load_metadata},
      {"entities", load_entities},     {"attributes", load_attributes}, {"attribute-cues", load_attribute_cues},
      {"scope-cues", load_scope_cues}, {"time", load_time},             {"messages", load_messages},
      {"relations", load_relations},   {"relation-cues", load_relation_cues}, {"grammar", load_grammar}};
  loaders.at(kind)(table, rules, ctx);
  collect_examples(table, kind, file, rules);
}

void load_folder(const fs::path& folder, RuleSet& rules, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    diagnostics.push_back({Severity::error, "input.missing", "rules folder not found", folder.string()});
    return;
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // deterministic order
  for (const auto& path : files) {
    if (path.extension() == ".toml") {
      load_toml_file(path, rules, diagnostics);
    } else if (path.extension() == ".csv") {
      std::ifstream in(path, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      if (buffer.str().size() > (std::size_t{16} << 20)) {
        diagnostics.push_back({Severity::error, "limit.rule-file", "rate table is larger than 16 MiB", path.string()});
        continue;
      }
      auto d = rules.fx.load(buffer.str(), path.string());
      diagnostics.insert(diagnostics.end(), d.begin(), d.end());
    }
  }
}

void check_references(RuleSet& rules, Diagnostics& diagnostics) {
  for (const auto& c : rules.relation_cues)
    if (!rules.relation(c.relation))
      diagnostics.push_back({Severity::error, "schema.reference", "cue '" + c.word + "' names unknown relation '" + c.relation + "'", "relation-cues"});
  for (const auto& e : rules.entities)
    if (!e.part_of.empty() && !rules.entity(e.part_of))
      diagnostics.push_back({Severity::error, "schema.reference", "entity '" + e.id + "' is part_of unknown entity '" + e.part_of + "'", "entities"});
  for (const auto& [language, id] : rules.grammar.home_jurisdiction) {
    const Entity* e = rules.entity(id);
    if (!e || e->type != "country")
      diagnostics.push_back({Severity::error, "schema.reference",
                             "home_jurisdiction '" + id + "' (" + language + ") is no entity of type country", "grammar"});
  }
  for (const auto& c : rules.attribute_cues)
    if (!rules.attribute(c.attribute)) {
      std::vector<std::string> ids;
      for (auto& a : rules.attributes) ids.push_back(a.id);
      std::string hint = core::did_you_mean(c.attribute, ids);
      diagnostics.push_back({Severity::error, "schema.reference", "cue '" + c.word + "' names unknown attribute '" + c.attribute + "'",
                             "attribute-cues", 0, 0, hint.empty() ? "" : "did you mean '" + hint + "'?"});
    }
}

}  // namespace

const char* modifier_effect_name(ModifierEffect e) {
  switch (e) {
    case ModifierEffect::hedge: return "hedge";
    case ModifierEffect::nearly: return "nearly";
    case ModifierEffect::below: return "below";
    case ModifierEffect::at_most: return "at-most";
    case ModifierEffect::above: return "above";
    case ModifierEffect::at_least: return "at-least";
    case ModifierEffect::plus: return "plus";
    case ModifierEffect::emphasis: return "emphasis";
  }
  return "hedge";
}

const Attribute* RuleSet::attribute(const std::string& id) const {
  for (const auto& a : attributes)
    if (a.id == id) return &a;
  return nullptr;
}

const Relation* RuleSet::relation(const std::string& id) const {
  for (const auto& r : relations)
    if (r.id == id) return &r;
  return nullptr;
}

const Entity* RuleSet::entity(const std::string& id) const {
  for (const auto& e : entities)
    if (e.id == id) return &e;
  return nullptr;
}

const std::string* RuleSet::find_message(const std::string& lang, const std::string& key) const {
  for (const std::string& l : {lang, std::string("en")}) {
    auto m = messages.find(l);
    if (m == messages.end()) continue;
    auto it = m->second.find(key);
    if (it != m->second.end()) return &it->second;
  }
  return nullptr;
}

std::string RuleSet::message(const std::string& lang, const std::string& key) const {
  const std::string* text = find_message(lang, key);
  return text ? *text : key;
}

std::string RuleSet::message_for_count(const std::string& lang, const std::string& key, std::size_t n) const {
  if (n == 1) {
    auto m = messages.find(lang);
    if (m == messages.end()) m = messages.find("en");
    if (m != messages.end())
      if (auto it = m->second.find(key + ".one"); it != m->second.end()) return it->second;
  }
  return message(lang, key);
}

const NumberScale& RuleSet::number_scale(const std::string& lang, double value) const {
  static const NumberScale kNone;
  double magnitude = std::fabs(value);
  auto it = scales.find(lang);
  if (it == scales.end()) it = scales.find("en");
  if (it == scales.end()) return kNone;
  for (const auto& scale : it->second)  // largest first
    if (magnitude >= scale.power) return scale;
  return kNone;
}

std::string RuleSet::unit_name(const std::string& lang, std::string_view unit) const {
  std::string key = "unit." + std::string(unit);
  const std::string* text = find_message(lang, key);
  return text ? *text : std::string(unit);
}

std::string RuleSet::scope_label(const std::string& lang, std::string_view field, std::string_view value) const {
  std::string key = std::string(field) + "." + std::string(value);
  std::string count;
  if (field == "window") {
    // "4 trading-day": a count, then a unit the messages may name.
    std::size_t space = value.rfind(' ');
    if (space == std::string_view::npos) return std::string(value);
    count = std::string(value.substr(0, space));
    key = "window." + std::string(value.substr(space + 1));
  }
  const std::string* found = find_message(lang, key);
  if (!found) return std::string(value);
  std::string text = *found;
  for (std::size_t at = text.find("{n}"); at != std::string::npos; at = text.find("{n}", at + count.size())) text.replace(at, 3, count);
  return text;
}

std::string RuleSet::count_class(std::string_view counted) const {
  std::string lowered = core::ascii_lower(counted);
  auto it = count_classes.find(lowered);
  return it == count_classes.end() ? lowered : it->second;
}

Role parse_role(std::string_view name) {
  static const std::pair<std::string_view, Role> names[] = {
      {"topic", Role::topic},   {"subject", Role::subject},       {"object", Role::object}, {"owner", Role::owner},
      {"adverbial", Role::adverbial}, {"comparison", Role::comparison}, {"list", Role::list}, {"copula", Role::copula}};
  for (const auto& [n, r] : names)
    if (n == name) return r;
  return Role::none;
}

void RuleSet::build_tables() {
  auto lower = [](const std::string& s) { return core::ascii_lower(s); };
  // The clause framer tries the longest particle and ending first ("에서는" before "는").
  auto longer = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::stable_sort(grammar.particles.begin(), grammar.particles.end(),
                   [](const ParticleRole& a, const ParticleRole& b) { return a.word.size() > b.word.size(); });
  std::stable_sort(grammar.endings.begin(), grammar.endings.end(), longer);
  std::stable_sort(grammar.org_suffixes.begin(), grammar.org_suffixes.end(), longer);
  grammar.stop_lower.clear();
  grammar.function_lower.clear();
  grammar.change_lower.clear();
  for (const auto& w : grammar.name_stop_words) grammar.stop_lower.insert(lower(w));
  for (const auto& w : grammar.function_words) grammar.function_lower.insert(lower(w));
  for (const auto& w : grammar.change_words) grammar.change_lower.push_back(lower(w));
  for (auto& w : grammar.part_openers) w = lower(w);
  grammar.change_size_lower.clear();
  for (const auto& w : grammar.change_size_words) grammar.change_size_lower.push_back(lower(w));
  // Each language's scale words, largest first: every large figure a report writes looks here.
  scales.clear();
  for (const auto& [language, texts] : messages) {
    std::vector<NumberScale> list;
    for (const auto& [key, text] : texts) {
      if (key.rfind("scale.", 0) != 0) continue;
      std::size_t slot = text.find("{n}");  // the loader let no scale without one through
      list.push_back({std::pow(10.0, std::stoi(key.substr(6))), text.substr(0, slot), text.substr(slot + 3)});
    }
    std::sort(list.begin(), list.end(), [](const NumberScale& a, const NumberScale& b) { return a.power > b.power; });
    if (!list.empty()) scales[language] = std::move(list);
  }
  // Each cue knows its attribute by index, and each attribute whether a cue of it is a required
  // word: the framer asks both for every figure near a cue.
  for (auto& cue : attribute_cues) {
    const Attribute* a = attribute(cue.attribute);
    cue.attribute_index = a ? static_cast<int>(a - attributes.data()) : -1;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    unit_table.add(lower(units[i].word), static_cast<int>(i));
    if (units[i].prefix) prefix_unit_table.add(lower(units[i].word), static_cast<int>(i));
  }
  for (std::size_t i = 0; i < modifiers.size(); ++i) {
    modifiers[i].lowered = lower(modifiers[i].word);
    modifier_table.add(modifiers[i].lowered, static_cast<int>(i));
  }
  // A country names only the subject of a national statistic (frame/jurisdiction.cpp), so it
  // is looked up in a table of its own and never as a subject of any other figure.
  for (std::size_t i = 0; i < entities.size(); ++i)
    for (const auto& alias : entities[i].aliases) (entities[i].type == "country" ? jurisdiction_table : entity_table).add(alias, static_cast<int>(i));
  for (std::size_t i = 0; i < anaphors.size(); ++i) anaphor_table.add(lower(anaphors[i]), static_cast<int>(i));
  for (std::size_t i = 0; i < clause_breaks.size(); ++i) clause_break_table.add(clause_breaks[i], static_cast<int>(i));
  for (std::size_t i = 0; i < attribute_cues.size(); ++i) cue_table.add(lower(attribute_cues[i].word), static_cast<int>(i));
  for (std::size_t i = 0; i < scope_cues.size(); ++i) {
    scope_cues[i].lowered = lower(scope_cues[i].word);
    scope_cues[i].field_slot = scope_cue_field_slot(scope_cues[i].field);
    scope_table.add(scope_cues[i].lowered, static_cast<int>(i));
    if (scope_cues[i].field == "total") total_words.push_back(scope_cues[i].lowered);
    if (scope_cues[i].field == "whole_before") whole_before_words.push_back(scope_cues[i].lowered);
    if (scope_cues[i].field == "whole_after") whole_after_words.push_back(scope_cues[i].lowered);
    if (scope_cues[i].field == "earlier_before") earlier_before_words.emplace_back(scope_cues[i].lowered, scope_cues[i].value);
    if (scope_cues[i].field == "earlier_after") earlier_after_words.emplace_back(scope_cues[i].lowered, scope_cues[i].value);
  }
  for (std::size_t i = 0; i < relative_times.size(); ++i) {
    relative_times[i].lowered = lower(relative_times[i].word);
    relative_table.add(relative_times[i].lowered, static_cast<int>(i));
  }
  for (std::size_t i = 0; i < not_amount_terms.size(); ++i) term_table.add(not_amount_terms[i], static_cast<int>(i));
  for (std::size_t i = 0; i < english_scales.size(); ++i) scale_table.add(english_scales[i].word, static_cast<int>(i));
  for (std::size_t i = 0; i < number_words.size(); ++i) number_word_table.add(lower(number_words[i].word), static_cast<int>(i));
  for (std::size_t i = 0; i < vague_words.size(); ++i) vague_table.add(lower(vague_words[i].word), static_cast<int>(i));
  for (std::size_t i = 0; i < counted_nouns_en.size(); ++i) counted_table.add(lower(counted_nouns_en[i]), static_cast<int>(i));
  for (std::size_t i = 0; i < particles.size(); ++i) particle_table.add(particles[i], static_cast<int>(i));
  for (std::size_t i = 0; i < relation_cues.size(); ++i) relation_cue_table.add(lower(relation_cues[i].word), static_cast<int>(i));
  for (std::size_t i = 0; i < sino_digits.size(); ++i) sino_digit_table.add(sino_digits[i].first, static_cast<int>(i));
  for (std::size_t i = 0; i < small_scales.size(); ++i) small_scale_table.add(small_scales[i].word, static_cast<int>(i));
  for (std::size_t i = 0; i < big_scales.size(); ++i) big_scale_table.add(big_scales[i].word, static_cast<int>(i));
  auto starts_english_time = [&](std::string_view word) {
    if (!word.empty() && static_cast<unsigned char>(word[0]) < 128) time_english_start[static_cast<unsigned char>(word[0])] = true;
  };
  for (const auto& [name, month] : time.month_names) starts_english_time(name), month_table.add(name, month);
  for (const auto& [name, day] : time.weekday_names) starts_english_time(name), weekday_table.add(name, day);
  for (const auto& [name, q] : time.quarter_names) starts_english_time(name), quarter_table.add(name, q);
  starts_english_time("q");  // Q4: quarters are written with the letter, in either case
  for (auto& rule : line_rules)
    if (rule.regex) rule.regex_slot = (rule.max_length > 0 ? short_line_regexes : line_regexes).add(rule.text);
  line_regexes.compile();
  short_line_regexes.compile();
  auto group = [](const std::vector<PatternRule>& patterns, RegexGroup& out) {
    for (const auto& p : patterns) out.add(p.regex->pattern());
    out.compile();
  };
  group(datelines, dateline_regexes);
  group(bylines, byline_regexes);
  group(outlet_patterns, outlet_regexes);
}

std::string bundled_rules_dir(const std::string& argv0) {
  if (const char* env = std::getenv("CROSSCHECK_RULES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::path(argv0);
  for (auto candidate : {exe.parent_path() / "rules", exe.parent_path().parent_path() / "rules",
                         exe.parent_path().parent_path() / "share" / "crosscheck" / "rules"})
    if (fs::is_directory(candidate / "common", ec)) return candidate.string();
  return CROSSCHECK_RULES_DIR;
}

LoadResult load_rules(const std::vector<std::string>& folders) {
  auto rules = std::make_shared<RuleSet>();
  Diagnostics diagnostics;
  for (const auto& folder : folders) {
    rules->sources.push_back(folder);
    load_folder(folder, *rules, diagnostics);
  }
  check_references(*rules, diagnostics);
  // A folder with none of the kinds every run needs (an empty one, a wrong path in
  // CROSSCHECK_RULES) would run with no rules and print raw message keys: an error instead.
  std::string where;
  for (const auto& f : folders) where += (where.empty() ? "" : ", ") + f;
  auto require = [&](bool present, const char* kind) {
    if (!present)
      diagnostics.push_back({Severity::error, "rules.missing", std::string("no rule file of kind '") + kind + "' in " + where, where, 0, 0,
                             "point --rules or CROSSCHECK_RULES at a folder holding the bundled rules/ (or add your files beside them)"});
  };
  require(!rules->messages.empty(), "messages");
  require(!rules->units.empty(), "units");
  require(!rules->attributes.empty(), "attributes");
  rules->build_tables();
  LoadResult result;
  result.diagnostics = std::move(diagnostics);
  if (!core::has_errors(result.diagnostics)) result.rules = std::move(rules);
  return result;
}

}  // namespace crosscheck::rules

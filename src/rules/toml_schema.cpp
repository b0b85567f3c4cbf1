#include "rules/toml_schema.hpp"

namespace crosscheck::rules {

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }
int column_of(const toml::node& node) { return static_cast<int>(node.source().begin.column); }

static const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::string: return "a string";
    case FieldType::integer: return "an integer";
    case FieldType::number: return "a number";
    case FieldType::boolean: return "true or false";
    case FieldType::string_array: return "an array of strings";
    case FieldType::number_pair: return "an array of two numbers";
    case FieldType::table_array: return "an array of tables ([[...]])";
    case FieldType::string_map: return "a table of strings";
    case FieldType::integer_map: return "a table of integers";
    case FieldType::number_map: return "a table of numbers";
  }
  return "a value";
}

static bool is_number(const toml::node& n) { return n.is_integer() || n.is_floating_point(); }

static bool map_of(const toml::node& node, bool (*ok)(const toml::node&)) {
  const auto* t = node.as_table();
  if (!t) return false;
  for (auto&& [k, v] : *t)
    if (!ok(v)) return false;
  return true;
}

static bool type_ok(const toml::node& node, FieldType type) {
  switch (type) {
    case FieldType::string: return node.is_string();
    case FieldType::integer: return node.is_integer();
    case FieldType::number: return is_number(node);
    case FieldType::boolean: return node.is_boolean();
    case FieldType::string_array: {
      const auto* a = node.as_array();
      if (!a) return false;
      for (auto&& v : *a)
        if (!v.is_string()) return false;
      return true;
    }
    case FieldType::number_pair: {
      const auto* a = node.as_array();
      return a && a->size() == 2 && is_number(*a->get(0)) && is_number(*a->get(1));
    }
    case FieldType::table_array: return node.is_array_of_tables();
    case FieldType::string_map: return map_of(node, [](const toml::node& n) { return n.is_string(); });
    case FieldType::integer_map: return map_of(node, [](const toml::node& n) { return n.is_integer(); });
    case FieldType::number_map: return map_of(node, [](const toml::node& n) { return is_number(n); });
  }
  return false;
}

void validate_table(const toml::table& table, const TableSpec& spec, const std::string& file,
                    const std::string& where, core::Diagnostics& out) {
  std::vector<std::string> known;
  for (const auto& f : spec.fields) known.push_back(f.name);
  for (auto&& [key, node] : table) {
    std::string name(key.str());
    const FieldSpec* field = nullptr;
    for (const auto& f : spec.fields)
      if (f.name == name) field = &f;
    if (!field) {
      std::string hint = core::did_you_mean(name, known);
      out.push_back({core::Severity::error, "schema.unknown-key",
                     "unknown key '" + name + "'" + (where.empty() ? "" : " in " + where), file,
                     line_of(node), column_of(node), hint.empty() ? "" : "did you mean '" + hint + "'?"});
      continue;
    }
    if (!type_ok(node, field->type)) {
      out.push_back({core::Severity::error, "schema.type", "'" + name + "' must be " + type_name(field->type), file,
                     line_of(node), column_of(node), ""});
      continue;
    }
    // A word list holding "" would match at every place of every text (every figure a band, a
    // rate, a conversion): an empty word is an error, wherever a word list is.
    if (field->type == FieldType::string_array)
      for (auto&& v : *node.as_array())
        if (v.value<std::string>().value_or("").find_first_not_of(" \t") == std::string::npos) {
          out.push_back({core::Severity::error, "schema.value", "'" + name + "' holds an empty word", file, line_of(v), column_of(v),
                         "remove it: an empty word matches everywhere"});
          break;
        }
    if (field->type == FieldType::table_array && field->entries) {
      const auto* array = node.as_array();
      std::size_t index = 0;
      for (auto&& element : *array) {
        validate_table(*element.as_table(), *field->entries, file, name + "[" + std::to_string(index) + "]", out);
        ++index;
      }
    }
  }
  for (const auto& f : spec.fields) {
    if (f.required && !table.contains(f.name)) {
      int line = static_cast<int>(table.source().begin.line);
      out.push_back({core::Severity::error, "schema.missing-key",
                     "missing key '" + f.name + "'" + (where.empty() ? "" : " in " + where), file, line, 0,
                     std::string("it must be ") + type_name(f.type)});
    }
  }
}

}  // namespace crosscheck::rules

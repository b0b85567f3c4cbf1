#pragma once
// A small schema checker for rule files: unknown keys ("did you mean"), wrong types and
// missing keys are each reported with the file, line and column toml++ remembers.
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.hpp"

namespace crosscheck::rules {

enum class FieldType { string, integer, number, boolean, string_array, number_pair, table_array, string_map, integer_map, number_map };

struct TableSpec;

struct FieldSpec {
  std::string name;
  FieldType type;
  bool required = false;
  const TableSpec* entries = nullptr;  // for table_array
};

struct TableSpec {
  std::vector<FieldSpec> fields;
};

void validate_table(const toml::table& table, const TableSpec& spec, const std::string& file,
                    const std::string& where, core::Diagnostics& out);

int line_of(const toml::node& node);
int column_of(const toml::node& node);

}  // namespace crosscheck::rules

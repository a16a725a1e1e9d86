// core/catalogue: an import plan as JSON (what `lantai catalogue import --json` prints; the schema
// is in tools/catalogue/CATALOGUE.md)
#pragma once

#include "core/catalogue/catalogue_import.h"

#include <nlohmann/json.hpp>

namespace lantai::core {

// {"file", "sheet", "header_row", "columns": [...], "summary": {...}, "changes": [...],
//  "images": [...]}: cells named like diagnostics (目录!C17, or line:column in a CSV file), values
// typed by field (text and dates as strings, tags and images as arrays, highlight as a boolean,
// a move as "exhibition/chapter").
nlohmann::ordered_json cataloguePlanToJson(const CataloguePlan& plan, const Sheet& sheet);

} // namespace lantai::core

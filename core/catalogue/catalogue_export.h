// core/catalogue: a pack's items as a catalogue table — one row per item, every column of the
// field table, texts as a spreadsheet shows them (the writers in tools/catalogue lay it out)
#pragma once

#include "core/catalogue/catalogue_fields.h"
#include "core/pack/model.h"

#include <string>
#include <vector>

namespace lantai::core {

struct CatalogueTable {
    std::vector<CatalogueField> columns;        // catalogueFields() order
    std::vector<std::vector<std::string>> rows; // one per item, in pack order
};

// Every item of every chapter of every exhibition: its id, the ids of its exhibition and chapter,
// then its fields (lists joined with "; ", the highlight flag as 是 / 否). Importing the table
// unchanged changes nothing.
CatalogueTable catalogueTable(const Pack& pack);

} // namespace lantai::core

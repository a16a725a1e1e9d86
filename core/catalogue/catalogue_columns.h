// core/catalogue: which column is which field — headers matched by Chinese and English synonyms
// (档号 / 参考号 / Reference code, "题名 Title", "英文题名 Title (English)"), saved mapping files,
// the header row, and the problems of a header (unknown, duplicated or merged columns)
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/result.h"
#include "core/catalogue/catalogue_fields.h"
#include "core/catalogue/sheet.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

inline constexpr const char* kCatalogueUnknownColumn = "catalogue.unknown_column";
inline constexpr const char* kCatalogueColumnDuplicate = "catalogue.column_duplicate";
inline constexpr const char* kCatalogueHeaderMerged = "catalogue.header_merged";
inline constexpr const char* kCatalogueHeaderMissing = "catalogue.header_missing";
inline constexpr const char* kCatalogueNoKeyColumn = "catalogue.no_key_column";
inline constexpr const char* kCatalogueMappingInvalid = "catalogue.mapping_invalid";
inline constexpr const char* kCatalogueMappingUnused = "catalogue.mapping_unused";
inline constexpr const char* kCatalogueSheetMissing = "catalogue.sheet_missing";

// The field a header names by itself: its Chinese and Latin words are matched against every
// field's synonyms (case, full-width letters, spaces and brackets do not matter); 英文 / English /
// en pick the English twin of a bilingual field. nullopt when the header names none, or its
// Chinese and English words name two different fields.
std::optional<CatalogueField> fieldForHeader(std::string_view header);

// A mapping saved in a file (or, later, in the pack): the header texts and what they are.
struct SavedMapping {
    std::string sheet; // the sheet to read ("" = choose)
    int headerRow = 0; // 1-based; 0 = find it
    struct Column {
        std::string header;                  // the header cell's text, trimmed
        std::optional<CatalogueField> field; // nullopt: ignore the column without a warning
    };
    std::vector<Column> columns;
};

// Reads a mapping file (JSON, see tools/catalogue/CATALOGUE.md):
//   {"lantai_catalogue_mapping": 1, "sheet": "目录", "header_row": 2,
//    "columns": {"档号": "reference", "题名": "title.zh", "责任者": null}}
// Problems (JSON syntax, an unknown field key, a wrong type) are added with line:column; the
// mapping is usable when none is an error.
SavedMapping readMappingFile(std::string_view text, const std::string& fileName,
                             Diagnostics& diagnostics);

enum class ColumnSource {
    Auto,    // the header names the field by itself
    Saved,   // a saved mapping says so
    Ignored, // a saved mapping says to ignore it
    Unknown, // nobody knows: reported, not imported
};
const char* columnSourceName(ColumnSource source); // "auto", "mapping", "ignored", "unknown"

struct ColumnAssignment {
    int column = 0;     // 0-based
    std::string header; // the header cell's text ("" when the header cell is empty)
    std::optional<CatalogueField> field;
    ColumnSource source = ColumnSource::Unknown;
};

// The columns of one sheet. The editor's mapping dialog shows `columns`, lets the curator change
// a field, and plans the import again with the changed mapping.
struct ColumnMapping {
    int headerRow = -1; // 0-based; -1 when the sheet has no header row
    std::vector<ColumnAssignment> columns;

    std::optional<int> columnOf(CatalogueField field) const;
    // The mapping as a saved mapping (header text -> field or ignore), for a mapping file.
    SavedMapping toSaved(const std::string& sheetName) const;
};

// The mapping file text of `saved` (the format readMappingFile reads), UTF-8, trailing newline.
std::string mappingFileText(const SavedMapping& saved);

// Finds the header row (the saved one, else the first of the first 20 non-blank rows where two
// headers name fields, else the first non-blank row) and maps its cells. Reports: a header row
// that is missing or names no field (error), merged header cells (error), two columns for one
// field (error, both cells named), a column nobody knows, including data under an empty header
// (warning: reported, not imported), a saved header the sheet lacks (warning), and a sheet with
// neither a 档号 nor an id column (error: rows could never be matched to items again).
ColumnMapping mapCatalogueColumns(const Sheet& sheet, const SavedMapping* saved,
                                  Diagnostics& diagnostics);

// The sheet to import: the one named `name` (catalogue.sheet_missing, listing the workbook's
// sheets, when there is none), else the first with a row among its first 20 non-blank ones whose
// headers name two fields, else the first sheet.
Result<std::size_t> chooseCatalogueSheet(const Workbook& workbook, const std::string& name);

} // namespace lantai::core

// tools/editor: the catalogue import the editor's dialog walks through — the file read, the sheet
// chosen, the columns mapped (pre-filled from the pack's remembered mapping), the plan, and
// applying it as one undo step; no drawing here (catalogue_dialog.cpp draws it)
#pragma once

#include "core/catalogue/catalogue_import.h"
#include "core/edit/edit_session.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lantai::editor {

// One column of the sheet as the dialog shows it.
struct CatalogueColumnChoice {
    int column = 0;
    std::string header;
    std::optional<core::CatalogueField> field; // nullopt: not imported
    core::ColumnSource source = core::ColumnSource::Unknown;
    bool changed = false; // the curator chose it in the dialog
};

class CatalogueImport {
  public:
    // Reads `file` ("" encoding: detected; "utf-8", "gb18030" for CSV), reads the pack's
    // remembered mapping, chooses the sheet (the remembered one when the file has it) and maps
    // its columns. False when the file cannot be read (fileProblems() says why).
    bool load(const core::edit::EditSession& session, const std::filesystem::path& file,
              const std::string& encoding);
    bool loaded() const { return m_book.has_value(); }
    const std::filesystem::path& file() const { return m_file; }
    const std::string& encoding() const { return m_encoding; }
    bool isCsv() const { return loaded() && !m_book->sheets.empty() && m_book->sheets[0].csv; }
    const core::Diagnostics& fileProblems() const { return m_fileProblems; }

    std::vector<std::string> sheetNames() const;
    std::size_t sheetIndex() const { return m_sheet; }
    void selectSheet(std::size_t index); // maps its columns again (remembered mapping, headers)
    const core::Sheet& sheet() const { return m_book->sheets[m_sheet]; }

    std::vector<CatalogueColumnChoice>& columns() { return m_columns; }
    int headerRow() const { return m_headerRow; } // 0-based, -1 none
    // The column problems of the automatic mapping (before the curator's changes).
    const core::Diagnostics& columnProblems() const { return m_columnProblems; }

    std::string newItemChapter; // the chapter rows without a 单元 cell create items in
    std::string imagesDir;      // where the images column's files are looked for ("" = the pack)

    // Plans the import with the columns as chosen: the plan's diagnostics include the mapping's.
    void plan(const core::edit::EditSession& session);
    // Whether the plan is of the columns as chosen now and of the pack at `revision`.
    bool plannedFor(std::uint64_t revision) const {
        return m_planned && m_plannedRevision == revision;
    }
    void invalidatePlan() { m_planned = false; }
    // Grows with every plan (what the preview derives from a plan is kept until it changes).
    std::uint64_t planGeneration() const { return m_generation; }
    const core::CataloguePlan& currentPlan() const { return m_plan; }

    // Applies the plan as one undo step (planned again first when the pack changed since) and
    // remembers the mapping in the pack (catalogue-mapping.json). The Status is the edit's; a
    // mapping that could not be written is `mappingProblem`.
    core::Status apply(core::edit::EditSession& session, std::string& mappingProblem);

    // The mapping the dialog would remember: every column with a header that is mapped or that
    // the curator set to "ignore" (columns nobody knows stay unknown, reported next time too).
    core::SavedMapping savedMapping() const;

    // For the editor's state file: the file, sheet, columns, and the plan as --json prints it.
    nlohmann::json stateJson() const;

  private:
    void mapColumns();
    core::ColumnMapping chosenMapping(core::Diagnostics& diagnostics) const;

    std::filesystem::path m_file;
    std::string m_encoding;
    std::optional<core::Workbook> m_book;
    core::Diagnostics m_fileProblems;
    std::optional<core::SavedMapping> m_remembered;
    core::Diagnostics m_rememberedProblems;
    std::size_t m_sheet = 0;
    int m_headerRow = -1;
    std::vector<CatalogueColumnChoice> m_columns;
    core::Diagnostics m_columnProblems;
    core::CataloguePlan m_plan;
    bool m_planned = false;
    std::uint64_t m_plannedRevision = 0;
    std::uint64_t m_generation = 0;
};

} // namespace lantai::editor

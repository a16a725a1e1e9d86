// tools/editor: the catalogue import's steps — read, choose the sheet, map, plan, apply as one
// undo step, remember the mapping
#include "tools/editor/catalogue_import.h"

#include "core/catalogue/catalogue_json.h"
#include "core/catalogue/catalogue_pack_mapping.h"
#include "core/edit/catalogue_command.h"
#include "tools/catalogue/catalogue_io.h"

#include <algorithm>

namespace lantai::editor {

namespace fs = std::filesystem;

bool CatalogueImport::load(const core::edit::EditSession& session, const fs::path& file,
                           const std::string& encoding) {
    m_file = file;
    m_encoding = encoding;
    m_book.reset();
    m_fileProblems = {};
    m_planned = false;
    m_rememberedProblems = {};
    m_remembered = core::readPackMapping(session.root(), m_rememberedProblems);
    core::catalogue_io::ReadOptions options;
    options.encoding = encoding;
    auto book = core::catalogue_io::readCatalogueFile(file, file.filename().string(), options);
    if (!book) {
        m_fileProblems.add(std::move(book).error());
        return false;
    }
    if (book->sheets.empty()) {
        m_fileProblems.add(core::operationalError(core::kCatalogueSheetMissing, file.string(),
                                                  "The file has no sheet.", "文件中没有工作表。"));
        return false;
    }
    m_book = std::move(*book);
    // The remembered sheet when this file has it, else the one chooseCatalogueSheet picks.
    std::string wanted = m_remembered ? m_remembered->sheet : std::string();
    if (std::none_of(m_book->sheets.begin(), m_book->sheets.end(),
                     [&](const core::Sheet& s) { return s.name == wanted; }))
        wanted.clear();
    auto chosen = core::chooseCatalogueSheet(*m_book, wanted);
    selectSheet(chosen ? *chosen : 0);
    return true;
}

std::vector<std::string> CatalogueImport::sheetNames() const {
    std::vector<std::string> names;
    if (m_book)
        for (const auto& sheet : m_book->sheets)
            names.push_back(sheet.name);
    return names;
}

void CatalogueImport::selectSheet(std::size_t index) {
    if (!m_book || index >= m_book->sheets.size()) return;
    m_sheet = index;
    m_planned = false;
    mapColumns();
}

void CatalogueImport::mapColumns() {
    m_columnProblems = m_rememberedProblems;
    // The remembered header texts, not its header row: this file may have its header elsewhere.
    std::optional<core::SavedMapping> remembered = m_remembered;
    if (remembered) remembered->headerRow = 0;
    const core::ColumnMapping mapping =
        core::mapCatalogueColumns(sheet(), remembered ? &*remembered : nullptr, m_columnProblems);
    m_headerRow = mapping.headerRow;
    m_columns.clear();
    for (const auto& c : mapping.columns)
        m_columns.push_back({c.column, c.header, c.field, c.source, false});
}

core::SavedMapping CatalogueImport::savedMapping() const {
    core::SavedMapping saved;
    if (m_book) saved.sheet = sheet().name;
    for (const auto& c : m_columns) {
        if (c.header.empty()) continue;
        const bool ignored = !c.field && (c.changed || c.source == core::ColumnSource::Ignored);
        if (c.field || ignored) saved.columns.push_back({c.header, c.field});
    }
    return saved;
}

core::ColumnMapping CatalogueImport::chosenMapping(core::Diagnostics& diagnostics) const {
    core::SavedMapping saved = savedMapping();
    saved.headerRow = m_headerRow + 1;
    return core::mapCatalogueColumns(sheet(), &saved, diagnostics);
}

void CatalogueImport::plan(const core::edit::EditSession& session) {
    if (!m_book) return;
    core::Diagnostics columns = m_rememberedProblems;
    const core::ColumnMapping mapping = chosenMapping(columns);
    core::CatalogueImportOptions options;
    options.newItemChapter = newItemChapter;
    if (!imagesDir.empty()) options.imagesDir = fs::absolute(imagesDir);
    m_plan = columns.hasErrors()
                 ? core::CataloguePlan{}
                 : core::planCatalogueImport(session.pack(), sheet(), mapping, options);
    if (m_plan.file.empty()) { // not planned: the columns have errors
        m_plan.file = sheet().file;
        m_plan.sheet = sheet().name;
        m_plan.mapping = mapping;
    }
    core::Diagnostics all = std::move(columns);
    all.append(m_plan.diagnostics);
    m_plan.diagnostics = std::move(all);
    m_planned = true;
    m_plannedRevision = session.revision();
    ++m_generation;
}

core::Status CatalogueImport::apply(core::edit::EditSession& session, std::string& mappingProblem) {
    if (!plannedFor(session.revision())) plan(session);
    auto command = core::edit::catalogueImportCommand(session.pack(), session.root(), m_plan);
    if (!command) return std::move(command).error();
    if (core::Status applied = session.apply(std::move(*command)); !applied) return applied;
    m_planned = false; // the pack changed: this plan is spent
    if (core::Status remembered = core::writePackMapping(session.root(), savedMapping());
        !remembered)
        mappingProblem = core::formatDiagnostic(remembered.error(), true);
    return {};
}

nlohmann::json CatalogueImport::stateJson() const {
    nlohmann::json out = {{"file", m_file.string()},
                          {"encoding", m_encoding},
                          {"loaded", loaded()},
                          {"planned", m_planned}};
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& d : m_fileProblems.items())
        problems.push_back(d.code);
    out["file_problems"] = problems;
    if (!m_book) return out;
    out["sheets"] = sheetNames();
    out["sheet"] = sheet().name;
    out["header_row"] = m_headerRow + 1;
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& c : m_columns)
        columns.push_back({{"column", core::columnName(c.column)},
                           {"header", c.header},
                           {"field", c.field ? nlohmann::json(core::fieldInfo(*c.field).key)
                                             : nlohmann::json(nullptr)},
                           {"source", core::columnSourceName(c.source)},
                           {"changed", c.changed}});
    out["columns"] = columns;
    out["new_item_chapter"] = newItemChapter;
    if (m_generation > 0) { // the last plan (`planned`: of the columns and pack as they are)
        out["plan"] = nlohmann::json::parse(core::cataloguePlanToJson(m_plan, sheet()).dump());
        out["diagnostics"] = core::diagnosticsToJson(m_plan.diagnostics);
    }
    return out;
}

} // namespace lantai::editor

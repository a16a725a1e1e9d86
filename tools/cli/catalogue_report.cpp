// tools/cli: printing catalogue import plans and their diagnostics
#include "tools/cli/catalogue_report.h"

#include "core/base/utf8.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

namespace lantai::cli {

namespace {

using core::CatalogueField;

// A value on one line: text quoted with JSON escapes (line breaks as \n), shortened past 120
// characters; lists joined with "; "; the flag as 是 / 否 or yes / no.
std::string shown(CatalogueField field, const core::FieldValue& value, bool zh) {
    const auto shape = core::fieldInfo(field).shape;
    if (shape == core::FieldShape::Flag)
        return value.flag ? (zh ? "是" : "yes") : (zh ? "否" : "no");
    std::string text = core::displayValue(field, value);
    if (core::codePointCount(text) > 120) {
        std::size_t pos = 0;
        for (int n = 0; n < 117 && pos < text.size(); ++n)
            core::nextCodePoint(text, pos);
        text = text.substr(0, pos) + "…";
    }
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string at(const core::Sheet& sheet, int row, int column) {
    return core::cellName(sheet, row, column);
}

void printColumns(const core::CataloguePlan& plan, bool zh) {
    std::string line = zh ? "列：" : "columns: ";
    bool first = true;
    for (const auto& c : plan.mapping.columns) {
        if (!first) line += zh ? "；" : "; ";
        first = false;
        line += core::columnName(c.column) + " " +
                (c.header.empty() ? std::string(zh ? "（无表头）" : "(no header)") : c.header);
        if (c.field)
            line += std::string(" → ") + core::fieldInfo(*c.field).key;
        else
            line += c.source == core::ColumnSource::Ignored
                        ? (zh ? "（忽略）" : " (ignored)")
                        : (zh ? "（不导入）" : " (not imported)");
    }
    std::printf("%s\n", line.c_str());
}

} // namespace

void printCataloguePlan(const core::CataloguePlan& plan, const core::Sheet& sheet, bool zh) {
    if (zh)
        std::printf("%s，工作表“%s”：%d 行数据，表头在第 %d 行\n", plan.file.c_str(),
                    plan.sheet.c_str(), plan.rows, plan.mapping.headerRow + 1);
    else
        std::printf("%s, sheet \"%s\": %d data row%s, header row %d\n", plan.file.c_str(),
                    plan.sheet.c_str(), plan.rows, plan.rows == 1 ? "" : "s",
                    plan.mapping.headerRow + 1);
    printColumns(plan, zh);
    for (const auto& change : plan.changes) {
        const bool update = change.action == core::ItemAction::Update;
        const std::string row =
            sheet.csv ? (zh ? "第 " : "line ") + at(sheet, change.row, -1) + (zh ? " 行" : "")
                      : at(sheet, change.row, -1);
        const std::string reference = change.reference.empty() ? "" : change.reference;
        if (update)
            std::printf(zh ? "更新 %s（档号 %s，%s）\n" : "update %s (reference %s, %s)\n",
                        change.itemId.c_str(), reference.empty() ? "-" : reference.c_str(),
                        row.c_str());
        else
            std::printf(zh ? "新增 %s 于 %s/%s（%s）\n" : "create %s in %s/%s (%s)\n",
                        change.itemId.c_str(), change.exhibition.c_str(), change.chapter.c_str(),
                        row.c_str());
        for (const auto& f : change.fields) {
            const std::string cell =
                f.column >= 0
                    ? (zh ? "（" : " (") + at(sheet, change.row, f.column) + (zh ? "）" : ")")
                    : "";
            const char* key = core::fieldInfo(f.field).key;
            if (update)
                std::printf("  %s%s: %s → %s\n", key, cell.c_str(),
                            shown(f.field, f.before, zh).c_str(),
                            shown(f.field, f.after, zh).c_str());
            else
                std::printf("  %s%s: %s\n", key, cell.c_str(), shown(f.field, f.after, zh).c_str());
        }
    }
    for (const auto& copy : plan.copies)
        std::printf(zh ? "复制 %s ← %s（%s）\n" : "copy %s <- %s (%s)\n", copy.packPath.c_str(),
                    copy.source.string().c_str(), at(sheet, copy.row, copy.column).c_str());
    const std::size_t updated = plan.updatedCount(), created = plan.createdCount();
    const std::size_t fields = plan.changedFieldCount(), images = plan.copies.size();
    if (zh)
        std::printf("更新 %zu 件展品（%zu 个字段），新增 %zu 件，复制 %zu 个图像；%d 行无变化；"
                    "内容包中有 %d 件展品不在表中（保持不变）\n",
                    updated, fields, created, images, plan.unchanged, plan.notInSheet);
    else
        std::printf("%zu item%s updated (%zu field%s), %zu created, %zu image%s copied; %d row%s "
                    "unchanged; %d item%s of the pack not in the sheet (left as they are)\n",
                    updated, updated == 1 ? "" : "s", fields, fields == 1 ? "" : "s", created,
                    images, images == 1 ? "" : "s", plan.unchanged, plan.unchanged == 1 ? "" : "s",
                    plan.notInSheet, plan.notInSheet == 1 ? "" : "s");
}

void printCatalogueDiagnostics(const core::Diagnostics& diagnostics, bool zh) {
    std::map<std::string, std::size_t> warnings;
    for (const auto& d : diagnostics.items())
        if (d.severity == core::Severity::Warning) ++warnings[d.code];
    std::map<std::string, bool> summarised;
    for (const auto& d : diagnostics.items()) {
        if (d.severity == core::Severity::Warning && warnings[d.code] > 10) {
            if (summarised[d.code]) continue;
            summarised[d.code] = true;
            const std::string first = core::formatDiagnostic(d, zh);
            if (zh)
                std::fprintf(stderr, "%s\n（另有 %zu 个同类警告 [%s]）\n", first.c_str(),
                             warnings[d.code] - 1, d.code.c_str());
            else
                std::fprintf(stderr, "%s\n(and %zu more warnings [%s])\n", first.c_str(),
                             warnings[d.code] - 1, d.code.c_str());
            continue;
        }
        std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, zh).c_str());
    }
}

} // namespace lantai::cli

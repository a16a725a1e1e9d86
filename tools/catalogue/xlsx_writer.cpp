// tools/catalogue: the export table as .xlsx with libxlsxwriter (frozen bilingual header row,
// autofilter, column widths, text-formatted columns)
#include "tools/catalogue/xlsx_writer.h"

#include "core/base/file_io.h"
#include "core/base/utf8.h"

#include <xlsxwriter.h>

namespace lantai::core::catalogue_io {

namespace {

constexpr std::size_t kMaxCellCharacters = 32767;

Diagnostic writeError(const std::filesystem::path& file, const std::string& why) {
    return operationalError(kFileWriteFailed, file.string(),
                            "Cannot write " + file.string() + ": " + why + ".",
                            "无法写入 " + file.string() + "：" + why + "。");
}

} // namespace

Status writeCatalogueXlsx(const std::filesystem::path& file, const CatalogueTable& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            if (codePointCount(table.rows[r][c]) > kMaxCellCharacters)
                return operationalError(
                    kFileWriteFailed, file.string(),
                    "The item \"" + table.rows[r][0] + "\" has a " +
                        fieldInfo(table.columns[c]).key +
                        " longer than an Excel cell holds (32,767 characters); export as .csv.",
                    "展品“" + table.rows[r][0] + "”的 " + fieldInfo(table.columns[c]).key +
                        " 超过 Excel 单元格的上限（32767 个字符）；请导出为 .csv。");

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE; // shared strings: every reader (and liborcus) reads them
    lxw_workbook* workbook = workbook_new_opt(file.string().c_str(), &options);
    if (!workbook) return writeError(file, "the workbook cannot be created");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "目录");
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xF2E6D9);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(header);
    lxw_format* text = workbook_add_format(workbook);
    format_set_num_format(text, "@"); // 档号 0012 and dates 1949-10 stay as typed
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);

    lxw_error error = LXW_NO_ERROR;
    auto check = [&](lxw_error e) {
        if (error == LXW_NO_ERROR) error = e;
    };
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto column = static_cast<lxw_col_t>(c);
        check(worksheet_set_column(sheet, column, column, fieldInfo(table.columns[c]).width, text));
        check(worksheet_write_string(sheet, 0, column, exportedHeader(table.columns[c]).c_str(),
                                     header));
    }
    worksheet_set_row(sheet, 0, 30, nullptr);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size(); ++c)
            if (!table.rows[r][c].empty())
                check(worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1),
                                             static_cast<lxw_col_t>(c), table.rows[r][c].c_str(),
                                             text));
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.columns.empty())
        check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                   static_cast<lxw_col_t>(table.columns.size() - 1)));
    const lxw_error closed = workbook_close(workbook);
    if (error == LXW_NO_ERROR) error = closed;
    if (error != LXW_NO_ERROR) return writeError(file, lxw_strerror(error));
    return {};
}

} // namespace lantai::core::catalogue_io

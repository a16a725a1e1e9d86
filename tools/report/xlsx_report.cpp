// tools/report: the activity report as an Excel workbook with native charts (libxlsxwriter)
#include "tools/report/xlsx_report.h"

#include "core/report/report_summary.h"
#include "core/report/report_text.h"
#include "tools/report/report_tables.h"

#include <algorithm>
#include <set>
#include <system_error>
#include <unistd.h>
#include <xlsxwriter.h>

namespace lantai::report {

namespace {

using core::Language;
using core::reportText;

constexpr lxw_color_t kRed = 0xB8241C;
constexpr lxw_color_t kHeader = 0xF1E7E4;
constexpr lxw_color_t kManual = 0xF6EFDC;

struct Formats {
    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* manualHeader = nullptr;
    lxw_format* note = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* number = nullptr;
    lxw_format* decimal = nullptr;
};

Formats makeFormats(lxw_workbook* wb) {
    Formats f;
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_font_color(f.title, kRed);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, kHeader);
    format_set_border(f.header, LXW_BORDER_THIN);
    f.manualHeader = workbook_add_format(wb);
    format_set_bold(f.manualHeader);
    format_set_bg_color(f.manualHeader, kManual);
    format_set_border(f.manualHeader, LXW_BORDER_THIN);
    f.note = workbook_add_format(wb);
    format_set_italic(f.note);
    format_set_font_color(f.note, 0x555555);
    f.wrap = workbook_add_format(wb);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.number = workbook_add_format(wb);
    format_set_num_format(f.number, "0");
    f.decimal = workbook_add_format(wb);
    format_set_num_format(f.decimal, "0.0");
    return f;
}

// A sheet name Excel accepts: none of []:*?/\, at most 31 characters, unique in the workbook.
std::string sheetName(const std::string& wanted, std::set<std::string>& used) {
    std::string name;
    for (const char c : wanted)
        name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : ' ';
    name = cutText(name, 31, "");
    std::string unique = name;
    for (int n = 2; used.count(unique); ++n) {
        const std::string suffix = " " + std::to_string(n);
        unique = cutText(name, 31 - suffix.size(), "") + suffix;
    }
    used.insert(unique);
    return unique;
}

void writeCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const ReportCell& cell,
               const Formats& f) {
    if (cell.number) {
        const bool whole =
            *cell.number == static_cast<double>(static_cast<long long>(*cell.number));
        worksheet_write_number(ws, row, col, *cell.number, whole ? f.number : f.decimal);
    } else {
        worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
    }
}

// Header row at `row`, data below it; returns the row after the table.
lxw_row_t writeTable(lxw_worksheet* ws, lxw_row_t row, const ReportTable& t, const Formats& f) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), t.columns[c].c_str(),
                               t.manual ? f.manualHeader : f.header);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.rows[r].size(); ++c)
            writeCell(ws, static_cast<lxw_row_t>(row + 1 + r), static_cast<lxw_col_t>(c),
                      t.rows[r][c], f);
    return static_cast<lxw_row_t>(row + 1 + t.rows.size());
}

void addChart(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet, lxw_row_t header,
              const ReportTable& t) {
    const std::size_t rows = std::min(t.chart->rows, t.rows.size());
    if (rows == 0) return;
    lxw_chart* chart =
        workbook_add_chart(wb, t.chart->horizontal ? LXW_CHART_BAR : LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const auto first = static_cast<lxw_row_t>(header + 1);
    const auto last = static_cast<lxw_row_t>(header + rows);
    const auto value = static_cast<lxw_col_t>(t.chart->valueColumn);
    chart_series_set_categories(series, sheet.c_str(), first, 0, last, 0);
    chart_series_set_values(series, sheet.c_str(), first, value, last, value);
    chart_series_set_name_range(series, sheet.c_str(), header, value);
    lxw_chart_fill fill = {kRed, 0, 0};
    chart_series_set_fill(series, &fill);
    chart_title_set_name(chart, t.title.c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    if (t.chart->horizontal) chart_axis_set_reverse(chart->y_axis); // the first row on top
    lxw_chart_options where = {};
    where.x_scale = 1.5;
    where.y_scale = t.chart->horizontal ? std::max(1.0, 0.08 * double(rows)) : 1.2;
    worksheet_insert_chart_opt(ws, header, static_cast<lxw_col_t>(t.columns.size() + 1), chart,
                               &where);
}

void overviewSheet(lxw_workbook* wb, const core::Report& r, Language l, const Formats& f,
                   std::set<std::string>& used) {
    const std::string name = sheetName(reportText("report.table.overview", l), used);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, 1, 22, nullptr);
    worksheet_set_column(ws, 2, 5, 14, nullptr);
    worksheet_write_string(ws, 0, 0, reportText("report.title", l).c_str(), f.title);
    std::string booths;
    for (const auto& b : r.booths)
        booths += (booths.empty() ? "" : ", ") + b.id;
    worksheet_write_string(ws, 1, 0, reportText("report.booths", l).c_str(), nullptr);
    worksheet_write_string(ws, 1, 1, booths.c_str(), nullptr);
    worksheet_write_string(ws, 3, 0, reportText("report.summary", l).c_str(), f.header);
    worksheet_set_row(ws, 4, 96, nullptr);
    worksheet_merge_range(ws, 4, 0, 4, 5, core::reportSummary(r, l).c_str(), f.wrap);
    worksheet_write_string(ws, 6, 0, reportText("report.auto_note", l).c_str(), f.note);
    const lxw_row_t after = writeTable(ws, 7, overviewTable(r, l), f);
    worksheet_write_string(
        ws, after + 1, 0,
        reportText(r.tallies.empty() ? "report.no_tallies" : "report.manual_note", l).c_str(),
        f.note);
    if (!r.tallies.empty()) {
        ReportTable totals;
        totals.manual = true;
        totals.columns = {reportText("report.col.figure", l), reportText("report.col.value", l)};
        totals.rows = {{{reportText("report.tally_visitors", l), {}},
                        {std::to_string(r.tallyVisitors), double(r.tallyVisitors)}},
                       {{reportText("report.tally_leaflets", l), {}},
                        {std::to_string(r.tallyLeaflets), double(r.tallyLeaflets)}}};
        writeTable(ws, after + 2, totals, f);
    }
}

core::Diagnostic writeFailed(const std::filesystem::path& out, const std::string& why) {
    return core::operationalError("report.write_failed", out.string(),
                                  "Cannot write the report \"" + out.string() + "\": " + why + ".",
                                  "无法写入报告“" + out.string() + "”：" + why + "。");
}

} // namespace

core::Status writeXlsxReport(const core::Report& r, Language l, const std::filesystem::path& out) {
    const std::filesystem::path dir = out.has_parent_path() ? out.parent_path() : ".";
    const std::filesystem::path temp =
        dir / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()));
    lxw_workbook_options options = {};
    lxw_workbook* wb = workbook_new_opt(temp.c_str(), &options);
    if (!wb) return writeFailed(out, "the workbook cannot be created");
    const Formats f = makeFormats(wb);
    std::set<std::string> used;
    overviewSheet(wb, r, l, f, used);
    for (const ReportTable& t : reportTables(r, l)) {
        const std::string name = sheetName(t.sheet, used);
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        worksheet_set_column(ws, 0, 0, t.key == "booths" ? 16 : 34, nullptr);
        worksheet_set_column(ws, 1, static_cast<lxw_col_t>(t.columns.size()), 14, nullptr);
        worksheet_write_string(ws, 0, 0, t.title.c_str(), f.title);
        if (t.manual)
            worksheet_write_string(ws, 1, 0, reportText("report.manual_note", l).c_str(), f.note);
        constexpr lxw_row_t kHeaderRow = 2;
        writeTable(ws, kHeaderRow, t, f);
        worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
        if (t.chart) addChart(wb, ws, name, kHeaderRow, t);
    }
    const lxw_error closed = workbook_close(wb);
    std::error_code ec;
    if (closed != LXW_NO_ERROR) {
        std::filesystem::remove(temp, ec);
        return writeFailed(out, lxw_strerror(closed));
    }
    std::filesystem::rename(temp, out, ec);
    if (ec) {
        const std::string why = ec.message();
        std::filesystem::remove(temp, ec);
        return writeFailed(out, why);
    }
    return {};
}

} // namespace lantai::report

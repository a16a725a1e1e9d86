// tools/report: the activity report as CSV (UTF-8 with a BOM, CRLF) for Excel
#include "tools/report/csv_report.h"

#include "core/report/report_summary.h"
#include "core/report/report_text.h"
#include "tools/report/report_tables.h"

namespace lantai::report {

namespace {

std::string field(const std::string& text, bool numeric) {
    const bool formulaLike =
        !numeric && !text.empty() && std::string("=+-@").find(text.front()) != std::string::npos;
    std::string value = formulaLike ? std::string(1, '\'') : std::string();
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void line(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += fields[i];
    }
    out += "\r\n";
}

void table(std::string& out, const ReportTable& t) {
    line(out, {field(t.title, false)});
    std::vector<std::string> header;
    for (const std::string& c : t.columns)
        header.push_back(field(c, false));
    line(out, header);
    for (const auto& row : t.rows) {
        std::vector<std::string> cells;
        for (const ReportCell& cell : row)
            cells.push_back(field(cell.text, cell.number.has_value()));
        line(out, cells);
    }
    out += "\r\n";
}

} // namespace

std::string csvReport(const core::Report& r, core::Language l) {
    std::string out = "\xEF\xBB\xBF";
    line(out, {field(core::reportText("report.title", l), false)});
    line(out, {field(core::reportText("report.summary", l), false),
               field(core::reportSummary(r, l), false)});
    out += "\r\n";
    table(out, overviewTable(r, l));
    for (const ReportTable& t : reportTables(r, l))
        table(out, t);
    return out;
}

} // namespace lantai::report

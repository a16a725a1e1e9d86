// tools/report: writing the report in the format its file name asks for
#include "tools/report/report_writer.h"

#include "core/base/file_io.h"
#include "tools/report/csv_report.h"
#include "tools/report/html_report.h"
#include "tools/report/json_report.h"
#include "tools/report/xlsx_report.h"

#include <algorithm>

namespace lantai::report {

std::string reportFormatOf(const std::filesystem::path& out) {
    std::string ext = out.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* known : {".html", ".xlsx", ".csv", ".json"})
        if (ext == known) return ext.substr(1);
    return {};
}

core::Status writeReport(const core::Report& report, core::Language language,
                         const std::filesystem::path& out) {
    const std::string format = reportFormatOf(out);
    if (format == "xlsx") return writeXlsxReport(report, language, out);
    if (format == "html") return core::writeFileAtomic(out, htmlReport(report, language));
    if (format == "csv") return core::writeFileAtomic(out, csvReport(report, language));
    if (format == "json") return core::writeFileAtomic(out, jsonReport(report).dump(2) + "\n");
    return core::operationalError(
        "report.unknown_format", out.string(),
        "Cannot tell the report's format from \"" + out.string() +
            "\": name it .html, .xlsx, .csv or .json.",
        "无法从“" + out.string() + "”判断报告格式：文件名请以 .html、.xlsx、.csv 或 .json 结尾。");
}

} // namespace lantai::report

// tools/report: the activity report as one self-contained HTML page (inline SVG, A4 print)
#include "tools/report/html_report.h"

#include "core/report/report_summary.h"
#include "core/report/report_text.h"
#include "tools/gallery/export/html.h"
#include "tools/report/report_tables.h"
#include "tools/report/svg_chart.h"

namespace lantai::report {

namespace {

using core::Language;
using core::reportText;
using core::web::esc;

constexpr std::size_t kHtmlRows = 50; // longer tables are complete in the XLSX and CSV files

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; color: #1a1a1a; background: #fff;
  font: 10.5pt/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #8f1d14; }
h2 { font-size: 13.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #8f1d14; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
p.meta, p.note, footer { color: #555; font-size: 9pt; margin: 0 0 2mm; }
.summary { border: 1pt solid #8f1d14; background: #fbf4f2; padding: 3mm 4mm; margin-top: 5mm; }
.summary h2 { border: 0; margin-top: 0; }
.summary p { margin: 0; font-size: 11pt; }
dl.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 3mm 0; }
dl.figures div { border: 0.75pt solid #ddd; padding: 1.5mm 2mm; break-inside: avoid; }
dl.figures dt { font-size: 8.5pt; color: #555; }
dl.figures dd { margin: 0; font-size: 13pt; font-weight: bold; }
section.table { break-inside: avoid-page; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 1mm 0 2mm; }
th, td { border: 0.5pt solid #bbb; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f1e7e4; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
svg.chart { width: 100%; height: auto; display: block; margin: 1mm 0; }
svg .bar { fill: #b8241c; }
svg .axis { fill: #888; }
svg text { font-size: 11px; fill: #333; }
svg .value { font-size: 10px; fill: #111; }
.manual { border-left: 3pt solid #a0760a; padding-left: 3mm; }
.manual h2 { border-color: #a0760a; color: #6b4e05; }
.manual th { background: #f6efdc; }
footer { margin-top: 8mm; border-top: 0.5pt solid #ccc; padding-top: 1mm; }
)css";

std::string cellHtml(const ReportCell& cell, bool numeric) {
    return std::string(numeric ? "<td class=\"n\">" : "<td>") + esc(cell.text) + "</td>";
}

std::string tableHtml(const ReportTable& t, Language l, bool chart) {
    std::string out =
        "<section class=\"table\" id=\"" + esc(t.key) + "\"><h3>" + esc(t.title) + "</h3>";
    if (t.rows.empty())
        return out + "<p class=\"note\">" + esc(reportText("report.none", l)) + "</p></section>";
    if (chart) out += svgChart(t);
    out += "<table><thead><tr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        out +=
            std::string(t.numeric[c] ? "<th class=\"n\">" : "<th>") + esc(t.columns[c]) + "</th>";
    out += "</tr></thead><tbody>";
    const std::size_t shown = std::min(t.rows.size(), kHtmlRows);
    for (std::size_t r = 0; r < shown; ++r) {
        out += "<tr>";
        for (std::size_t c = 0; c < t.rows[r].size(); ++c)
            out += cellHtml(t.rows[r][c], t.numeric[c]);
        out += "</tr>";
    }
    out += "</tbody></table>";
    if (t.rows.size() > shown)
        out += "<p class=\"note\">" +
               esc(core::reportCount("report.more", static_cast<long long>(t.rows.size() - shown),
                                     l)) +
               "</p>";
    return out + "</section>";
}

std::string figuresHtml(const ReportTable& overview) {
    std::string out = "<dl class=\"figures\">";
    for (const auto& row : overview.rows)
        out += "<div><dt>" + esc(row[0].text) + "</dt><dd>" + esc(row[1].text) + "</dd></div>";
    return out + "</dl>";
}

} // namespace

std::string htmlReport(const core::Report& r, Language l) {
    const std::vector<ReportTable> tables = reportTables(r, l);
    std::string booths;
    for (const auto& b : r.booths)
        booths += (booths.empty() ? "" : l == Language::Zh ? "、" : ", ") + b.id;
    const std::string period = r.firstDay.empty() ? reportText("report.none", l)
                                                  : core::reportPeriod(r.firstDay, r.lastDay, l);
    const char* colon = l == Language::Zh ? "：" : ": ";
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += l == Language::Zh ? "zh-CN" : "en";
    out += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>" +
           esc(reportText("report.title", l) + " · " + period) + "</title><style>" + kStyle +
           "</style></head><body>\n<header><h1>" + esc(reportText("report.title", l)) +
           "</h1><p class=\"meta\">" + esc(reportText("report.period", l)) + colon + esc(period) +
           " · " + esc(reportText("report.booths", l)) + colon + esc(booths) +
           "</p></header>\n<section class=\"summary\"><h2>" + esc(reportText("report.summary", l)) +
           "</h2><p>" + esc(core::reportSummary(r, l)) +
           "</p></section>\n<section class=\"auto\"><h2>" +
           esc(reportText("report.section.auto", l)) + "</h2><p class=\"note\">" +
           esc(reportText("report.auto_note", l)) + "</p>" + figuresHtml(overviewTable(r, l));
    std::string manual, sources;
    for (const ReportTable& t : tables) {
        if (t.manual)
            manual += tableHtml(t, l, false);
        else if (t.key == "booths")
            sources = tableHtml(t, l, false);
        else
            out += tableHtml(t, l, true) + "\n";
    }
    out += "</section>\n<section class=\"manual\"><h2>" +
           esc(reportText("report.section.manual", l)) + "</h2><p class=\"note\">" +
           esc(reportText(r.tallies.empty() ? "report.no_tallies" : "report.manual_note", l)) +
           "</p>" + (r.tallies.empty() ? std::string() : manual) + "</section>\n<section>" +
           sources + "</section>\n<footer>" + esc(reportText("report.made_by", l)) +
           " · lantai " LANTAI_VERSION "</footer>\n</body></html>\n";
    return out;
}

} // namespace lantai::report

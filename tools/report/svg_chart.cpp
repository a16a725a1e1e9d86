// tools/report: a bar chart as inline SVG for the HTML report
#include "tools/report/svg_chart.h"

#include "tools/gallery/export/html.h"

#include <algorithm>
#include <cstdio>

namespace lantai::report {

namespace {

using core::web::esc;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A label cut to `max` characters (CJK and Latin alike), with an ellipsis.
std::string shortLabel(const std::string& label, std::size_t max) {
    return cutText(label, max, "…");
}

double valueOf(const ReportTable& t, std::size_t row) {
    const auto& cell = t.rows[row][static_cast<std::size_t>(t.chart->valueColumn)];
    return cell.number.value_or(0.0);
}

std::string horizontal(const ReportTable& t, std::size_t rows, double top) {
    constexpr double kLabel = 230, kBar = 22, kGap = 8, kWidth = 720, kValue = 70;
    const double height = double(rows) * (kBar + kGap) + kGap;
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                      "\" role=\"img\" aria-label=\"" + esc(t.title) + "\">";
    for (std::size_t i = 0; i < rows; ++i) {
        const double y = kGap + double(i) * (kBar + kGap);
        const double v = valueOf(t, i);
        const double w = top > 0 ? (kWidth - kLabel - kValue) * v / top : 0;
        svg += "<text class=\"label\" x=\"" + num(kLabel - 8) + "\" y=\"" + num(y + kBar * 0.7) +
               "\" text-anchor=\"end\">" + esc(shortLabel(t.rows[i][0].text, 16)) + "</text>";
        svg += "<rect class=\"bar\" x=\"" + num(kLabel) + "\" y=\"" + num(y) + "\" width=\"" +
               num(std::max(w, v > 0 ? 1.0 : 0.0)) + "\" height=\"" + num(kBar) + "\"/>";
        svg += "<text class=\"value\" x=\"" + num(kLabel + w + 6) + "\" y=\"" +
               num(y + kBar * 0.7) + "\">" +
               esc(t.rows[i][static_cast<std::size_t>(t.chart->valueColumn)].text) + "</text>";
    }
    return svg + "</svg>";
}

std::string columns(const ReportTable& t, std::size_t rows, double top) {
    constexpr double kWidth = 720, kPlot = 150, kTop = 20, kAxis = 1, kMaxBar = 44;
    const bool turned = rows > 12;
    const double labels = turned ? 70 : 24;
    const double height = kTop + kPlot + labels;
    const double step = kWidth / double(std::max<std::size_t>(rows, 1));
    const double bar = std::clamp(step * 0.7, 2.0, kMaxBar);
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                      "\" role=\"img\" aria-label=\"" + esc(t.title) + "\">";
    svg += "<rect class=\"axis\" x=\"0\" y=\"" + num(kTop + kPlot) + "\" width=\"" + num(kWidth) +
           "\" height=\"" + num(kAxis) + "\"/>";
    for (std::size_t i = 0; i < rows; ++i) {
        const double v = valueOf(t, i);
        const double h = top > 0 ? kPlot * v / top : 0;
        const double x = double(i) * step + (step - bar) / 2;
        const double cx = x + bar / 2;
        svg += "<rect class=\"bar\" x=\"" + num(x) + "\" y=\"" + num(kTop + kPlot - h) +
               "\" width=\"" + num(bar) + "\" height=\"" + num(h) + "\"/>";
        if (v > 0)
            svg += "<text class=\"value\" x=\"" + num(cx) + "\" y=\"" + num(kTop + kPlot - h - 4) +
                   "\" text-anchor=\"middle\">" +
                   esc(t.rows[i][static_cast<std::size_t>(t.chart->valueColumn)].text) + "</text>";
        const std::string label = esc(shortLabel(t.rows[i][0].text, turned ? 10 : 12));
        const double ly = kTop + kPlot + 16;
        if (turned)
            svg += "<text class=\"label\" transform=\"translate(" + num(cx + 4) + " " + num(ly) +
                   ") rotate(-60)\" text-anchor=\"end\">" + label + "</text>";
        else
            svg += "<text class=\"label\" x=\"" + num(cx) + "\" y=\"" + num(ly) +
                   "\" text-anchor=\"middle\">" + label + "</text>";
    }
    return svg + "</svg>";
}

} // namespace

std::string svgChart(const ReportTable& t) {
    if (!t.chart) return {};
    const std::size_t rows = std::min(t.chart->rows, t.rows.size());
    if (rows == 0) return {};
    double top = 0;
    for (std::size_t i = 0; i < rows; ++i)
        top = std::max(top, valueOf(t, i));
    return t.chart->horizontal ? horizontal(t, rows, top) : columns(t, rows, top);
}

} // namespace lantai::report

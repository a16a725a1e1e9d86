// tests: the report's outputs — CSV for Excel (BOM, CRLF, quoting, no formulas), the JSON fields
// the issue names, a self-contained and escaped HTML page, an XLSX workbook with its charts
#include "core/report/report_builder.h"
#include "tests/unit/report/report_fixture.h"
#include "tools/report/csv_report.h"
#include "tools/report/html_report.h"
#include "tools/report/json_report.h"
#include "tools/report/report_writer.h"

#include <fstream>

using namespace lantai::report_test;
using namespace lantai::report;

namespace {

class ReportWritersTest : public ReportFixture {
  protected:
    void SetUp() override {
        ReportFixture::SetUp();
        auto built = readReport({boothA, boothB}, {}, china);
        ASSERT_TRUE(built);
        report = std::move(built).value();
    }
    Report report;
};

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_F(ReportWritersTest, CsvOpensInExcelOnChineseWindows) {
    const std::string csv = csvReport(report, Language::Zh);
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 with a BOM";
    for (std::size_t at = csv.find('\n'); at != std::string::npos; at = csv.find('\n', at + 1))
        ASSERT_EQ(csv[at - 1], '\r') << "a bare LF at byte " << at;
    EXPECT_TRUE(has(csv, "\r\n每日互动人次\r\n日期,人次\r\n2024-06-09,3\r\n2024-06-10,2\r\n"));
    EXPECT_TRUE(has(csv, "\"日记, 第一册\",diary,1,10,10,0,1\r\n")) << "a comma is quoted";
    EXPECT_TRUE(has(csv, "人工统计\r\n")) << "the staff's counts";
    const std::string en = csvReport(report, Language::En);
    EXPECT_TRUE(has(en, "'=Diary,diary")) << "a title is never a formula";
}

TEST_F(ReportWritersTest, JsonHasTheFieldsTheIssueNames) {
    const auto j = jsonReport(report);
    EXPECT_EQ(j["sessions"], 5);
    EXPECT_EQ(j["session_seconds_median"], 75.0);
    EXPECT_EQ(j["items"][0]["id"], "letter");
    EXPECT_EQ(j["items"][0]["views"], 3);
    EXPECT_EQ(j["items"][0]["dwell_seconds"], 90.0);
    EXPECT_EQ(j["videos"][0]["id"], "clip");
    EXPECT_EQ(j["videos"][0]["plays"], 2);
    EXPECT_EQ(j["videos"][0]["completed"], 1);
    EXPECT_EQ(j["quiz"]["sessions"], 3);
    EXPECT_EQ(j["quiz"]["average_score"], 1000.0);
    EXPECT_EQ(j["quiz"]["questions"][0]["id"], "q2");
    EXPECT_EQ(j["quiz"]["questions"][0]["answers"], 2);
    EXPECT_EQ(j["quiz"]["questions"][0]["correct"], 0);
    ASSERT_EQ(j["tallies"].size(), 2u);
    EXPECT_EQ(j["tallies"][1]["leaflets"], nullptr);
    EXPECT_EQ(j["tallies"][0]["visitors"], 500);
    EXPECT_EQ(j["format_version"], 1);
    EXPECT_TRUE(has(j["summary"]["zh"].get<std::string>(), "展台共接待互动 5 人次"));
}

TEST_F(ReportWritersTest, HtmlIsOneEscapedPageWithoutScriptOrNetwork) {
    const std::string html = htmlReport(report, Language::Zh);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(has(html, "<html lang=\"zh-CN\">"));
    EXPECT_FALSE(has(html, "<script"));
    EXPECT_FALSE(has(html, "http://"));
    EXPECT_FALSE(has(html, "https://"));
    EXPECT_FALSE(has(html, "src="));
    EXPECT_FALSE(has(html, ">report.")) << "a text key without its text";
    EXPECT_TRUE(has(html, "@page { size: A4;"));
    EXPECT_TRUE(has(html, "<svg class=\"chart\""));
    EXPECT_TRUE(has(html, "&lt;b&gt;奠基&lt;/b&gt;"));
    EXPECT_FALSE(has(html, "<b>奠基"));
    EXPECT_TRUE(has(html, "展台共接待互动 5 人次"));
    EXPECT_TRUE(has(html, "<section class=\"manual\"><h2>工作人员人工统计</h2>"));
    const std::string en = htmlReport(report, Language::En);
    EXPECT_TRUE(has(en, "<html lang=\"en\">"));
    EXPECT_TRUE(has(en, "Counted by staff"));
}

TEST_F(ReportWritersTest, XlsxIsAWorkbookWithNativeCharts) {
    const fs::path out = m_dir / "report.xlsx";
    ASSERT_TRUE(writeReport(report, Language::Zh, out));
    const std::string bytes = readBytes(out);
    ASSERT_EQ(bytes.rfind("PK\x03\x04", 0), 0u) << "a zip package";
    EXPECT_TRUE(has(bytes, "xl/charts/chart1.xml"));
    EXPECT_TRUE(has(bytes, "xl/worksheets/sheet15.xml")) << "the overview and 14 tables";
    for (const auto& entry : fs::directory_iterator(m_dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
            << "no temporary file left";
}

TEST_F(ReportWritersTest, TheFormatComesFromTheFileName) {
    EXPECT_EQ(reportFormatOf("a/Report.HTML"), "html");
    EXPECT_EQ(reportFormatOf("r.json"), "json");
    EXPECT_EQ(reportFormatOf("r.txt"), "");
    const auto refused = writeReport(report, Language::Zh, m_dir / "report.pdf");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "report.unknown_format");
    ASSERT_TRUE(writeReport(report, Language::Zh, m_dir / "r.csv"));
    EXPECT_EQ(readBytes(m_dir / "r.csv"), csvReport(report, Language::Zh));
}

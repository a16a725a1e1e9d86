// tests: catalogue dates — text forms, Excel serials (1900 and 1904 systems), date number formats
#include "core/catalogue/catalogue_dates.h"

#include <gtest/gtest.h>

namespace lantai::core {
namespace {

TEST(CatalogueDates, TextForms) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"1949", "1949"},
        {"1949年", "1949"},
        {"1949年10月", "1949-10"},
        {"1949年10月1日", "1949-10-01"},
        {"1949年10月1号", "1949-10-01"},
        {"1949-10", "1949-10"},
        {"1949-10-01", "1949-10-01"},
        {"1949-1-5", "1949-01-05"},
        {"1949.10", "1949-10"},
        {"1949.10.1", "1949-10-01"},
        {"1949/10/1", "1949-10-01"},
        {"194910", "1949-10"},
        {"19491001", "1949-10-01"},
        {"  1949-10-01  ", "1949-10-01"},
        {"１９４９年１０月", "1949-10"},       // full-width digits
        {"1949－10－01", "1949-10-01"},        // full-width hyphens
        {"1949-10-01 00:00:00", "1949-10-01"}, // a date-time as spreadsheets write it
        {"1949/10/1 0:00", "1949-10-01"},
        {"2000-02-29", "2000-02-29"},
    };
    for (const auto& [text, expected] : cases) {
        const auto parsed = parseCatalogueDate(text);
        ASSERT_TRUE(parsed) << text;
        EXPECT_EQ(*parsed, expected) << text;
    }
}

TEST(CatalogueDates, NotDates) {
    for (const char* text :
         {"", "1930年代", "民国时期", "49", "1949-13", "1949-02-30", "1900-02-29", "19491301",
          "1949年13月", "1949.10.", "1949-10/01x", "1949-10-01 25:00", "10/1/1949", "abc",
          "1949年10月1日上午", "12345", "1949-10-01T"})
        EXPECT_FALSE(parseCatalogueDate(text)) << text;
}

TEST(CatalogueDates, ExcelSerials) {
    EXPECT_EQ(*excelSerialToDate(1, DatePrecision::Day), "1900-01-01");
    EXPECT_EQ(*excelSerialToDate(59, DatePrecision::Day), "1900-02-28");
    EXPECT_FALSE(excelSerialToDate(60, DatePrecision::Day)); // Lotus' 29 February 1900
    EXPECT_EQ(*excelSerialToDate(61, DatePrecision::Day), "1900-03-01");
    EXPECT_EQ(*excelSerialToDate(18172, DatePrecision::Day), "1949-10-01");
    EXPECT_EQ(*excelSerialToDate(18172.75, DatePrecision::Day), "1949-10-01"); // time ignored
    EXPECT_EQ(*excelSerialToDate(18172, DatePrecision::Month), "1949-10");
    EXPECT_EQ(*excelSerialToDate(18172, DatePrecision::Year), "1949");
    EXPECT_EQ(*excelSerialToDate(25569, DatePrecision::Day), "1970-01-01");
    EXPECT_EQ(*excelSerialToDate(2958465, DatePrecision::Day), "9999-12-31");
    EXPECT_FALSE(excelSerialToDate(0.5, DatePrecision::Day));
    EXPECT_FALSE(excelSerialToDate(-3, DatePrecision::Day));
    EXPECT_EQ(*excelSerialToDate(0, DatePrecision::Day, true), "1904-01-01");
    EXPECT_EQ(*excelSerialToDate(16710, DatePrecision::Day, true), "1949-10-01");
}

TEST(CatalogueDates, NumberFormats) {
    const std::vector<std::pair<std::string, std::optional<DatePrecision>>> cases = {
        {"General", std::nullopt},
        {"", std::nullopt},
        {"0", std::nullopt},
        {"0000", std::nullopt},
        {"@", std::nullopt},
        {"0.00E+00", std::nullopt},
        {"#,##0.00;[Red](#,##0.00)", std::nullopt},
        {"h:mm", std::nullopt},
        {"h:mm:ss AM/PM", std::nullopt},
        {"[h]:mm:ss", std::nullopt},
        {"mm:ss", std::nullopt},
        {"上午/下午h\"时\"mm\"分\"", std::nullopt},
        {"m/d/yyyy", DatePrecision::Day},
        {"yyyy-mm-dd", DatePrecision::Day},
        {"YYYY-MM-DD", DatePrecision::Day},
        {"d-mmm-yy", DatePrecision::Day},
        {"m/d/yyyy h:mm", DatePrecision::Day},
        {"yyyy\"年\"m\"月\"", DatePrecision::Month},
        {"yyyy\"年\"m\"月\"d\"日\"", DatePrecision::Day},
        {"[$-804]yyyy\"年\"m\"月\"", DatePrecision::Month},
        {"mmm-yy", DatePrecision::Month},
        {"yyyy", DatePrecision::Year},
        {"yyyy\\-mm", DatePrecision::Month},
    };
    for (const auto& [code, expected] : cases)
        EXPECT_EQ(dateFormatPrecision(code), expected) << code;
}

} // namespace
} // namespace lantai::core

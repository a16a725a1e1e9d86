// core/catalogue: dates as catalogues write them (1949年10月, 1949-10-01, 1949.10, 19491001) and as
// spreadsheets store them (Excel date serials with a date number format) -> the pack's partial ISO
// date
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

enum class DatePrecision { Year, Month, Day };

// A date written as text -> "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt when it is not one.
// Accepted (full-width digits and punctuation too, surrounding space ignored):
//   1949 · 1949年 · 1949年10月 · 1949年10月1日 (or 号) · 1949-10 · 1949-10-01 · 1949.10 ·
//   1949.10.1 · 1949/10/1 · 194910 · 19491001 · any of the day forms followed by a time
//   (00:00 or 00:00:00, as spreadsheet programs write a date-time).
// Months and days must exist (1949-02-30 is not a date).
std::optional<std::string> parseCatalogueDate(std::string_view text);

// An Excel date serial -> the partial ISO date at `precision`. The 1900 system counts 1 as
// 1900-01-01 and keeps Lotus 1-2-3's 29 February 1900 (serial 60, refused); the 1904 system
// counts 0 as 1904-01-01. The time of day (the fraction) is ignored. nullopt outside
// 0001-01-01 ... 9999-12-31 and for serials below 1.
std::optional<std::string> excelSerialToDate(double serial, DatePrecision precision,
                                             bool date1904 = false);

// Whether a number format code shows a date, and to which precision: `yyyy"年"m"月"` -> Month,
// `yyyy-mm-dd`, `m/d/yyyy`, `[$-804]yyyy年m月d日` -> Day, `yyyy` -> Year. Quoted text, escaped
// characters and [..] sections (colours, locales, elapsed time) are skipped; `m` next to `h` or
// `s` is minutes. nullopt for number, text and time-only formats ("General", "0000", "@", "h:mm").
std::optional<DatePrecision> dateFormatPrecision(std::string_view formatCode);

} // namespace lantai::core

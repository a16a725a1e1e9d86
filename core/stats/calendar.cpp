// core/stats: calendar maths — local days, dates and times at a given UTC offset (proleptic
// Gregorian, H. Hinnant's days_from_civil)
#include "core/stats/calendar.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <system_error>

namespace lantai::core {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = floorDiv(y, 400);
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
    static constexpr std::array<unsigned, 12> days = {31, 28, 31, 30, 31, 30,
                                                      31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

} // namespace

TimeRange localDayRange(std::int64_t unixSeconds, int utcOffsetSeconds) {
    const std::int64_t day = floorDiv(unixSeconds + utcOffsetSeconds, 86400);
    const std::int64_t begin = day * 86400 - utcOffsetSeconds;
    return {begin, begin + 86400};
}

std::optional<std::int64_t> parseLocalDate(std::string_view date, int utcOffsetSeconds) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len, int& out) {
        const char* first = date.data() + pos;
        for (std::size_t i = 0; i < len; ++i)
            if (first[i] < '0' || first[i] > '9') return false;
        return std::from_chars(first, first + len, out).ec == std::errc();
    };
    int y = 0, m = 0, d = 0;
    if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > static_cast<int>(daysInMonth(y, static_cast<unsigned>(m))))
        return std::nullopt;
    return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 -
           utcOffsetSeconds;
}

std::string formatLocalTime(std::int64_t unixSeconds, int utcOffsetSeconds) {
    const std::int64_t local = unixSeconds + utcOffsetSeconds;
    const Civil c = civilFromDays(floorDiv(local, 86400));
    const std::int64_t secs = local - floorDiv(local, 86400) * 86400;
    // secs is 0..86399, so the narrowing casts below are exact.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02d:%02d:%02d",
                  static_cast<long long>(c.year), c.month, c.day, static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

int localUtcOffsetSeconds(std::int64_t unixSeconds) {
    const auto t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return 0;
    return static_cast<int>(tm.tm_gmtoff);
}

} // namespace lantai::core

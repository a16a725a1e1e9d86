// core/stats: calendar maths — local days, dates and times at a given UTC offset (pure: the
// caller passes the time and the offset)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

// Unix seconds, [begin, end).
struct TimeRange {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

// The local calendar day containing `unixSeconds`, for a zone `utcOffsetSeconds` east of UTC
// (China: 8 × 3600). "Today's" leaderboard is the day around now.
TimeRange localDayRange(std::int64_t unixSeconds, int utcOffsetSeconds);
// Local midnight of "YYYY-MM-DD"; nullopt when malformed.
std::optional<std::int64_t> parseLocalDate(std::string_view date, int utcOffsetSeconds);
// "YYYY-MM-DD HH:MM:SS" in the given offset.
std::string formatLocalTime(std::int64_t unixSeconds, int utcOffsetSeconds);
// The machine's UTC offset at that moment (localtime_r; reads the time zone, not the clock).
int localUtcOffsetSeconds(std::int64_t unixSeconds);

} // namespace lantai::core

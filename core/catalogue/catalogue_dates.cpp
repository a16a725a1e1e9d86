// core/catalogue: catalogue dates — text forms, Excel serials, date number formats
#include "core/catalogue/catalogue_dates.h"

#include "core/base/utf8.h"
#include "core/pack/validator.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace lantai::core {

namespace {

// Full-width digits and date punctuation as ASCII, the ideographic space as a space.
std::string halfWidth(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = nextCodePoint(text, pos);
        if (cp >= U'\uFF10' && cp <= U'\uFF19')
            out += static_cast<char>('0' + (cp - U'\uFF10'));
        else if (cp == U'\uFF0D' || cp == U'\u2010' || cp == U'\u2013')
            out += '-';
        else if (cp == U'\uFF0E')
            out += '.';
        else if (cp == U'\uFF0F')
            out += '/';
        else if (cp == U'\uFF1A')
            out += ':';
        else if (cp == U'\u3000')
            out += ' ';
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads 1..max digits at `pos`.
bool readNumber(std::string_view s, std::size_t& pos, std::size_t max, int& value,
                std::size_t* count = nullptr) {
    std::size_t n = 0;
    value = 0;
    while (pos < s.size() && isDigit(s[pos]) && n < max) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++n;
    }
    if (count) *count = n;
    return n > 0 && (pos >= s.size() || !isDigit(s[pos]));
}

bool consume(std::string_view s, std::size_t& pos, std::string_view word) {
    if (s.substr(pos, word.size()) != word) return false;
    pos += word.size();
    return true;
}

// " 00:00" / "T00:00:00" / " 0:00:00.000" at the end, as spreadsheet programs write date-times.
bool timeOrEnd(std::string_view s, std::size_t pos) {
    if (pos == s.size()) return true;
    if (s[pos] != ' ' && s[pos] != 'T') return false;
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T'))
        ++pos;
    int value = 0;
    if (!readNumber(s, pos, 2, value) || value > 23 || !consume(s, pos, ":") ||
        !readNumber(s, pos, 2, value) || value > 59)
        return false;
    if (consume(s, pos, ":")) {
        if (!readNumber(s, pos, 2, value) || value > 59) return false;
        if (consume(s, pos, "."))
            while (pos < s.size() && isDigit(s[pos]))
                ++pos;
    }
    return pos == s.size();
}

std::string twoDigits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

std::optional<std::string> checked(int year, int month, int day) {
    char buffer[16];
    std::string date;
    std::snprintf(buffer, sizeof buffer, "%04d", year);
    date = buffer;
    if (month > 0) date += "-" + twoDigits(month);
    if (day > 0) date += "-" + twoDigits(day);
    if (!isPartialIsoDate(date)) return std::nullopt;
    return date;
}

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> year, month, day.
void civilFromDays(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

} // namespace

std::optional<std::string> parseCatalogueDate(std::string_view raw) {
    std::string text = halfWidth(raw);
    std::size_t b = 0, e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r'))
        ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n' ||
                     text[e - 1] == '\r'))
        --e;
    const std::string_view s = std::string_view(text).substr(b, e - b);
    std::size_t pos = 0, digits = 0;
    int first = 0;
    while (pos < s.size() && isDigit(s[pos]) && digits < 9) {
        first = first * 10 + (s[pos] - '0');
        ++pos;
        ++digits;
    }
    if (digits == 8 && timeOrEnd(s, pos))
        return checked(first / 10000, first / 100 % 100, first % 100);
    if (digits == 6 && pos == s.size()) return checked(first / 100, first % 100, 0);
    if (digits != 4) return std::nullopt;
    const int year = first;
    if (pos == s.size()) return checked(year, 0, 0);
    int month = 0, day = 0;
    if (consume(s, pos, "年")) {
        if (pos == s.size()) return checked(year, 0, 0);
        if (!readNumber(s, pos, 2, month) || !consume(s, pos, "月")) return std::nullopt;
        if (pos == s.size()) return checked(year, month, 0);
        if (!readNumber(s, pos, 2, day) || !(consume(s, pos, "日") || consume(s, pos, "号")))
            return std::nullopt;
        return timeOrEnd(s, pos) ? checked(year, month, day) : std::nullopt;
    }
    const char separator = s[pos];
    if (separator != '-' && separator != '.' && separator != '/') return std::nullopt;
    ++pos;
    if (!readNumber(s, pos, 2, month)) return std::nullopt;
    if (pos == s.size()) return checked(year, month, 0);
    if (s[pos] != separator) return std::nullopt;
    ++pos;
    if (!readNumber(s, pos, 2, day)) return std::nullopt;
    return timeOrEnd(s, pos) ? checked(year, month, day) : std::nullopt;
}

std::optional<std::string> excelSerialToDate(double serial, DatePrecision precision,
                                             bool date1904) {
    if (!std::isfinite(serial) || serial < (date1904 ? 0.0 : 1.0) || serial > 3.0e6)
        return std::nullopt;
    const auto whole = static_cast<long long>(std::floor(serial));
    long long days1970 = 0; // days since 1970-01-01
    if (date1904)
        days1970 = whole - 24107; // 1904-01-01 is 24107 days before 1970-01-01
    else if (whole == 60)
        return std::nullopt; // 1900-02-29, which never was
    else if (whole < 60)
        days1970 = whole - 25568; // serial 1 = 1900-01-01
    else
        days1970 = whole - 25569; // serial 61 = 1900-03-01 (one day skipped for serial 60)
    int y = 0, m = 0, d = 0;
    civilFromDays(days1970, y, m, d);
    if (y < 1 || y > 9999) return std::nullopt;
    return checked(y, precision == DatePrecision::Year ? 0 : m,
                   precision == DatePrecision::Day ? d : 0);
}

std::optional<DatePrecision> dateFormatPrecision(std::string_view code) {
    bool year = false, month = false, day = false;
    char previous = 0; // the previous date/time letter: y m d h s
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char raw = code[i];
        const char c = static_cast<char>(raw >= 'A' && raw <= 'Z' ? raw - 'A' + 'a' : raw);
        if (raw == ';') break; // only the first section (positive numbers) is looked at
        if (raw == '"') {
            for (++i; i < code.size() && code[i] != '"'; ++i) {
            }
            continue;
        }
        if (raw == '\\' || raw == '_' || raw == '*') {
            ++i;
            continue;
        }
        if (raw == '[') {
            // [h] / [mm] / [ss]: elapsed time, not a date; [Red], [$-804]: skipped.
            for (++i; i < code.size() && code[i] != ']'; ++i) {
            }
            continue;
        }
        const std::string_view rest = code.substr(i);
        auto startsWithNoCase = [&](std::string_view word) {
            if (rest.size() < word.size()) return false;
            for (std::size_t k = 0; k < word.size(); ++k) {
                char x = rest[k];
                if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
                if (x != word[k]) return false;
            }
            return true;
        };
        if (startsWithNoCase("am/pm")) {
            i += 4;
            continue;
        }
        if (startsWithNoCase("a/p")) {
            i += 2;
            continue;
        }
        if (c == 'y') {
            year = true;
            previous = 'y';
        } else if (c == 'd') {
            day = true;
            previous = 'd';
        } else if (c == 'h' || c == 's') {
            previous = c;
        } else if (c == 'm') {
            std::size_t end = i;
            while (end < code.size() && (code[end] == 'm' || code[end] == 'M'))
                ++end;
            // Minutes when right after hours, or followed by seconds.
            std::size_t next = end;
            while (next < code.size() && !std::isalpha(static_cast<unsigned char>(code[next])))
                ++next;
            const bool minutes =
                previous == 'h' || (next < code.size() && (code[next] == 's' || code[next] == 'S'));
            if (!minutes) month = true;
            previous = 'm';
            i = end - 1;
        }
    }
    if (day) return DatePrecision::Day;
    if (month) return DatePrecision::Month;
    if (year) return DatePrecision::Year;
    return std::nullopt;
}

} // namespace lantai::core

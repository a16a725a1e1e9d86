// core/phones: where the teacher's class results CSVs are kept (<state>/class-results), their
// names, and copying them elsewhere (the staff's USB export)
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// The folder under the kiosk's state folder the teacher's exports go to.
inline constexpr std::string_view kClassResultsFolder = "class-results";

// "class-results-YYYYmmdd-HHMMSS.csv" at `unixTime` in the local time zone.
std::string classResultsFileName(std::int64_t unixTime);
// A name classResultsFileName makes ("class-results-" … ".csv"); nothing else is copied.
bool isClassResultsFileName(std::string_view name);

// Copies every class results CSV that is a regular file in `from` into `to` (created when there
// is one to copy), each written atomically. The names copied, sorted; none when `from` is
// missing. The error names the file that could not be read or written.
Result<std::vector<std::string>> copyClassResults(const std::filesystem::path& from,
                                                  const std::filesystem::path& to);

} // namespace lantai::core

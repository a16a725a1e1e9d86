// core/phones: the class results CSVs' folder and names; copying them (staff's USB export)
#include "core/phones/class_results_files.h"

#include "core/base/file_io.h"

#include <algorithm>
#include <ctime>

namespace lantai::core {

namespace {

constexpr std::string_view kPrefix = "class-results-";
constexpr std::string_view kSuffix = ".csv";
constexpr std::size_t kMaxCsvBytes = 16 * 1024 * 1024; // 80 players × a few questions: kilobytes

} // namespace

std::string classResultsFileName(std::int64_t unixTime) {
    const std::time_t t = static_cast<std::time_t>(unixTime);
    std::tm local{};
    localtime_r(&t, &local);
    char name[64];
    std::strftime(name, sizeof name, "class-results-%Y%m%d-%H%M%S.csv", &local);
    return name;
}

bool isClassResultsFileName(std::string_view name) {
    return name.size() > kPrefix.size() + kSuffix.size() && name.starts_with(kPrefix) &&
           name.ends_with(kSuffix) && name.find('/') == std::string_view::npos;
}

Result<std::vector<std::string>> copyClassResults(const std::filesystem::path& from,
                                                  const std::filesystem::path& to) {
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(from, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code typeError;
        if (isClassResultsFileName(name) && it->is_regular_file(typeError)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    if (!names.empty()) std::filesystem::create_directories(to, ec);
    for (const std::string& name : names) {
        auto text = readFile(from / name, kMaxCsvBytes);
        if (!text) return text.error();
        if (Status written = writeFileAtomic(to / name, *text); !written) return written.error();
    }
    return names;
}

} // namespace lantai::core

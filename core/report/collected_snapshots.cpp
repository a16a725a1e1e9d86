// core/report: the newest statistics snapshot of each booth in a collected reports folder
#include "core/report/collected_snapshots.h"

#include <algorithm>

namespace lantai::core {

namespace fs = std::filesystem;

Result<std::vector<fs::path>> latestBoothSnapshots(const fs::path& reportsDir) {
    std::vector<fs::path> snapshots;
    std::error_code ec;
    std::vector<fs::path> booths;
    for (const auto& entry : fs::directory_iterator(reportsDir, ec))
        if (entry.is_directory(ec) && entry.path().filename().string().front() != '.')
            booths.push_back(entry.path());
    std::sort(booths.begin(), booths.end());
    for (const fs::path& booth : booths) {
        fs::path newest;
        for (const auto& day : fs::directory_iterator(booth, ec)) {
            std::error_code fileError;
            const fs::path database = day.path() / "lantai.sqlite";
            if (fs::is_regular_file(database, fileError) &&
                (newest.empty() || day.path().filename() > newest.parent_path().filename()))
                newest = database;
        }
        if (!newest.empty()) snapshots.push_back(newest);
    }
    if (snapshots.empty())
        return operationalError(
            kReportNoSnapshots, reportsDir.string(),
            "\"" + reportsDir.string() +
                "\" holds no booth snapshots (BOOTH/YYYY-MM-DD/lantai.sqlite, as lantai-sync "
                "sends them)",
            "“" + reportsDir.string() +
                "”中没有展台统计快照（展台/YYYY-MM-DD/lantai.sqlite，由 lantai-sync 发送）");
    return snapshots;
}

} // namespace lantai::core

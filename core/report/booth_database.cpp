// core/report: opening a booth's statistics database for reading — in place, immutable, or from a
// temporary copy
#include "core/report/booth_database.h"

#include <cstdlib>
#include <system_error>

namespace lantai::core {

namespace fs = std::filesystem;

BoothDatabase::~BoothDatabase() {
    m_store.close();
    removeCopy();
}

void BoothDatabase::removeCopy() {
    if (m_copyDir.empty()) return;
    std::error_code ec;
    fs::remove_all(m_copyDir, ec);
    m_copyDir.clear();
}

Status BoothDatabase::open(const fs::path& stateDirOrFile) {
    m_store.close();
    removeCopy();
    m_readAs.clear();
    std::error_code ec;
    const fs::path file = fs::is_directory(stateDirOrFile, ec)
                              ? StatsStore::databasePath(stateDirOrFile)
                              : stateDirOrFile;
    if (!fs::exists(file, ec)) {
        const std::string where = stateDirOrFile.string();
        return operationalError(
            kStatsCannotOpen, file.string(),
            "There is no statistics database in \"" + where +
                "\": give a kiosk's state folder (state_dir, e.g. /var/lib/lantai) or a copy of "
                "it, holding lantai.sqlite.",
            "“" + where +
                "”中没有统计数据库：请指定展台的状态文件夹（state_dir，例如 "
                "/var/lib/lantai）或其副本，"
                "其中应有 lantai.sqlite。");
    }
    StatsStoreOptions readOnly;
    readOnly.readOnly = true;
    readOnly.quickCheck = false; // a damaged page the queries read is an error all the same
    Status first = m_store.open(file, 0, readOnly);
    if (first) return first;
    const std::string code = first.error().code;
    if (code == kStatsCorrupt || code == kStatsSchemaNewer || code == kStatsSchemaOlder)
        return first;

    const fs::path wal = file.string() + "-wal";
    const bool walHolds = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0 && !ec;
    if (!walHolds) {
        StatsStoreOptions immutable = readOnly;
        immutable.immutable = true;
        if (m_store.open(file, 0, immutable)) {
            m_readAs = "immutable";
            return {};
        }
    }

    std::string pattern = (fs::temp_directory_path(ec) / "lantai-report-XXXXXX").string();
    if (ec || !::mkdtemp(pattern.data())) return first;
    m_copyDir = pattern;
    const fs::path copy = m_copyDir / "lantai.sqlite";
    fs::copy_file(file, copy, ec);
    if (!ec && walHolds) fs::copy_file(wal, copy.string() + "-wal", ec);
    if (ec || !m_store.open(copy, 0, readOnly)) {
        removeCopy();
        return first;
    }
    m_readAs = "copy";
    return {};
}

} // namespace lantai::core

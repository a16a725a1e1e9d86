// tools/editor: the recent packs list — read, remember (atomic write), forget the missing
#include "tools/editor/recent_packs.h"

#include "core/base/file_io.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace lantai::editor {

namespace fs = std::filesystem;

namespace {

core::Status writeList(const fs::path& file, const std::vector<fs::path>& packs) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& pack : packs)
        list.push_back(pack.string());
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    return core::writeFileAtomic(file,
                                 nlohmann::json{{"version", 1}, {"packs", list}}.dump(2) + "\n");
}

} // namespace

fs::path recentPacksFile() {
    if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config)
        return fs::path(config) / "lantai" / "editor-recent.json";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "lantai" / "editor-recent.json";
    return {};
}

std::vector<fs::path> readRecentPacks(const fs::path& file) {
    std::vector<fs::path> packs;
    if (file.empty()) return packs;
    auto text = core::readFile(file);
    if (!text) return packs;
    const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object() || !json.contains("packs") || !json["packs"].is_array()) return packs;
    for (const auto& entry : json["packs"])
        if (entry.is_string() && !entry.get<std::string>().empty() &&
            packs.size() < kMaxRecentPacks)
            packs.emplace_back(entry.get<std::string>());
    return packs;
}

core::Status rememberRecentPack(const fs::path& file, const fs::path& pack) {
    if (file.empty()) return {};
    std::error_code ec;
    fs::path absolute = fs::absolute(pack, ec).lexically_normal();
    if (ec) absolute = pack;
    if (absolute.has_filename() == false) absolute = absolute.parent_path(); // "dir/" -> "dir"
    std::vector<fs::path> packs = readRecentPacks(file);
    packs.erase(std::remove(packs.begin(), packs.end(), absolute), packs.end());
    packs.insert(packs.begin(), absolute);
    if (packs.size() > kMaxRecentPacks) packs.resize(kMaxRecentPacks);
    return writeList(file, packs);
}

core::Status forgetMissingRecentPacks(const fs::path& file) {
    if (file.empty()) return {};
    std::vector<fs::path> packs = readRecentPacks(file);
    packs.erase(std::remove_if(packs.begin(), packs.end(),
                               [](const fs::path& p) { return !recentPackExists(p); }),
                packs.end());
    return writeList(file, packs);
}

bool recentPackExists(const fs::path& pack) {
    std::error_code ec;
    return fs::is_regular_file(pack / "pack.json", ec);
}

} // namespace lantai::editor

// core/staff: where staff find packs and USB sticks — installed packs in the packs folder,
// packs and free space on removable media mounted under /media or /run/media
#include "core/staff/pack_finder.h"

#include "core/base/file_io.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> subFolders(const fs::path& folder) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.' || name == "derived") continue;
        std::error_code kind;
        if (it->is_directory(kind)) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool isMountPoint(const fs::path& folder) {
    struct stat self {
    }, parent{};
    if (::stat(folder.c_str(), &self) != 0 || ::stat(folder.parent_path().c_str(), &parent) != 0)
        return false;
    return self.st_dev != parent.st_dev;
}

PackCandidate describe(const fs::path& folder, bool removable) {
    PackCandidate c;
    c.folder = folder;
    c.removable = removable;
    c.title = folder.filename().string();
    auto text = readFile(folder / "pack.json", 16u << 20);
    if (!text) return c;
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object()) return c;
    if (const auto id = json.find("id"); id != json.end() && id->is_string()) c.id = *id;
    if (const auto title = json.find("title"); title != json.end()) {
        if (title->is_string()) {
            c.title = *title;
        } else if (title->is_object()) {
            for (const char* lang : {"zh", "en"})
                if (const auto t = title->find(lang); t != title->end() && t->is_string()) {
                    c.title = *t;
                    break;
                }
        }
    }
    return c;
}

void collect(const fs::path& folder, int depth, bool removable, std::vector<PackCandidate>& out) {
    std::error_code ec;
    if (fs::is_regular_file(folder / "pack.json", ec)) {
        out.push_back(describe(folder, removable));
        return;
    }
    if (depth <= 0) return;
    for (const fs::path& sub : subFolders(folder))
        collect(sub, depth - 1, removable, out);
}

} // namespace

std::vector<fs::path> splitPathList(std::string_view list) {
    std::vector<fs::path> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t colon = list.find(':', start);
        const std::string_view part = list.substr(
            start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
        if (!part.empty()) out.emplace_back(std::string(part));
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    return out;
}

std::vector<fs::path> removableMedia(const std::vector<fs::path>& roots) {
    std::vector<fs::path> media;
    for (const fs::path& root : roots)
        for (const fs::path& first : subFolders(root)) {
            if (isMountPoint(first)) {
                media.push_back(first);
                continue;
            }
            for (const fs::path& second : subFolders(first))
                media.push_back(second);
        }
    std::sort(media.begin(), media.end());
    return media;
}

std::vector<PackCandidate> findPacks(const fs::path& folder, int depth, bool removable) {
    std::vector<PackCandidate> out;
    collect(folder, depth, removable, out);
    std::sort(out.begin(), out.end(),
              [](const PackCandidate& a, const PackCandidate& b) { return a.folder < b.folder; });
    return out;
}

} // namespace lantai::core

// tools/builder: remembers each source file's sha256 by its stat, so a rebuild re-hashes only what
// changed
#include "tools/builder/source_hash_cache.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCacheFile = ".build-cache.json";
constexpr int kCacheVersion = 1;
constexpr std::int64_t kRacyMarginNs = 1'000'000'000; // a second: far above any clock tick

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t toNs(const timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// The stat part of an entry (sha256 left empty); nullopt when the path cannot be stat'ed.
std::optional<SourceHashCache::Entry> statEntry(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    SourceHashCache::Entry entry;
    entry.size = static_cast<std::uint64_t>(st.st_size);
    entry.inode = static_cast<std::uint64_t>(st.st_ino);
    entry.mtimeNs = toNs(st.st_mtim);
    entry.ctimeNs = toNs(st.st_ctim);
    return entry;
}

bool isSha256Hex(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

} // namespace

SourceHashCache::SourceHashCache(const fs::path& derivedDir) : m_startedNs(nowNs()) {
    const auto text = readFile(derivedDir / kCacheFile);
    if (!text) return;
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object() || json.value("version", 0) != kCacheVersion) return;
    const auto files = json.find("files");
    if (files == json.end() || !files->is_object()) return;
    for (const auto& [relative, v] : files->items()) {
        if (!v.is_array() || v.size() != 5 || !v[0].is_number_unsigned() ||
            !v[1].is_number_unsigned() || !v[2].is_number_integer() || !v[3].is_number_integer() ||
            !v[4].is_string())
            continue;
        Entry entry{v[0].get<std::uint64_t>(), v[1].get<std::uint64_t>(), v[2].get<std::int64_t>(),
                    v[3].get<std::int64_t>(), v[4].get<std::string>()};
        if (isSha256Hex(entry.sha256)) m_previous.emplace(relative, std::move(entry));
    }
}

Result<std::string> SourceHashCache::sha256(const fs::path& root, const std::string& relative) {
    const fs::path file = root / relative;
    const auto before = statEntry(file);
    if (before) {
        std::lock_guard lock(m_mutex);
        if (auto it = m_current.find(relative); it != m_current.end()) return it->second.sha256;
        if (auto it = m_previous.find(relative); it != m_previous.end()) {
            Entry candidate = *before;
            candidate.sha256 = it->second.sha256;
            if (candidate == it->second) {
                m_current[relative] = candidate;
                ++m_reused;
                return candidate.sha256;
            }
        }
    }
    auto computed = sha256File(file); // names the file and the problem when it fails
    if (!computed) return computed;
    std::lock_guard lock(m_mutex);
    ++m_hashed;
    // Remember it only when the file sat still: unchanged across the hash and older than this
    // build by more than a clock tick. Anything else is hashed again next time.
    const auto after = statEntry(file);
    if (before && after && *before == *after && after->mtimeNs < m_startedNs - kRacyMarginNs &&
        after->ctimeNs < m_startedNs - kRacyMarginNs) {
        Entry entry = *after;
        entry.sha256 = *computed;
        m_current[relative] = std::move(entry);
    }
    return computed;
}

Status SourceHashCache::save(const fs::path& derivedDir) const {
    nlohmann::json files = nlohmann::json::object();
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [relative, e] : m_current)
            files[relative] = {e.size, e.inode, e.mtimeNs, e.ctimeNs, e.sha256};
    }
    const nlohmann::json json = {
        {"version", kCacheVersion},
        {"about", "lantai build's private stat cache (size, inode, mtime ns, ctime ns, sha256); "
                  "safe to delete"},
        {"files", files}};
    return writeFileAtomic(derivedDir / kCacheFile, json.dump() + "\n");
}

} // namespace lantai::core

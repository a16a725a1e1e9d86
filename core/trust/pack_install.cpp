// core/trust: installing a pack into a state folder — staging, checks, one rename of `current`,
// pruning
#include "core/trust/pack_install.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/trust/signed_pack.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStateFile = "install-state.json";
constexpr const char* kStagingPrefix = ".staging-";

Diagnostic installError(const std::string& code, const std::string& file, const std::string& en,
                        const std::string& zh) {
    return operationalError(code, file, en, zh);
}

Diagnostic systemError(const char* doing, const char* doingZh, const fs::path& path, int error) {
    return installError("trust.install_failed", path.string(),
                        std::string("Cannot ") + doing + " \"" + path.string() +
                            "\": " + std::strerror(error) + ".",
                        std::string("无法") + doingZh + "“" + path.string() + "”：" +
                            std::strerror(error) + "。");
}

Status fsyncPath(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return systemError("open", "打开", path, errno);
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0) return systemError("flush", "写入", path, error);
    return {};
}

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    void reset(int fd) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = fd;
    }

  private:
    int m_fd;
};

// Copies one regular file, hashing the bytes as they pass. ENOENT is reported as `missing`.
struct CopiedFile {
    bool missing = false;
    std::uint64_t size = 0;
    std::string sha256;
};
Result<CopiedFile> copyAndHash(const fs::path& from, const fs::path& to, const std::string& shown) {
    FileDescriptor in(::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (in.get() < 0) {
        if (errno == ENOENT) return CopiedFile{true, 0, ""};
        return systemError("read", "读取", from, errno);
    }
    struct stat info {};
    if (::fstat(in.get(), &info) != 0 || !S_ISREG(info.st_mode))
        return installError("trust.not_regular", shown,
                            "\"" + shown + "\" in the pack is not a plain file.",
                            "内容包中的“" + shown + "”不是普通文件。");
    FileDescriptor out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (out.get() < 0) return systemError("create", "创建", to, errno);
    ::posix_fadvise(in.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    static thread_local std::vector<unsigned char> buffer(1 << 20);
    Sha256Hasher hasher;
    CopiedFile copied;
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return systemError("read", "读取", from, errno);
        }
        if (n == 0) break;
        hasher.update(buffer.data(), static_cast<std::size_t>(n));
        for (ssize_t written = 0; written < n;) {
            const ssize_t w =
                ::write(out.get(), buffer.data() + written, static_cast<std::size_t>(n - written));
            if (w < 0) {
                if (errno == EINTR) continue;
                return systemError("write", "写入", to, errno);
            }
            written += w;
        }
        copied.size += static_cast<std::uint64_t>(n);
    }
    copied.sha256 = hasher.finishHex();
    return copied;
}

// DIR/packs/.install.lock, flock'ed into `lock`. A reader without write access to the lock file
// (the kiosk's user, when root installed) still locks it through a read-only descriptor.
Status takeInstallLock(const fs::path& packs, FileDescriptor& lock) {
    const fs::path lockFile = packs / ".install.lock";
    int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EACCES) fd = ::open(lockFile.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return systemError("open", "打开", lockFile, errno);
    lock.reset(fd);
    while (::flock(lock.get(), LOCK_EX) != 0)
        if (errno != EINTR) return systemError("lock", "锁定", lockFile, errno);
    return {};
}

std::string utcStamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

std::string linkTargetName(const fs::path& link) {
    std::error_code error;
    const fs::path target = fs::read_symlink(link, error);
    return error ? std::string() : target.filename().string();
}

void removeStale(const fs::path& packs) {
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(packs, error)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(kStagingPrefix) || name.starts_with(".current.new-") ||
            name.starts_with(".last-good.new-") || name.starts_with(".removing-"))
            fs::remove_all(entry.path(), error);
    }
}

void prune(const fs::path& stateDir, InstallState& state, int keep,
           std::vector<std::string>& removed) {
    const std::set<std::string> pinned = {linkTargetName(currentPackLink(stateDir)),
                                          linkTargetName(lastGoodPackLink(stateDir))};
    const std::size_t keepCount = static_cast<std::size_t>(std::max(keep, 1));
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < state.installed.size(); ++i) {
        const std::string& name = state.installed[i];
        const bool recent = state.installed.size() - i <= keepCount;
        if (recent || pinned.count(name)) {
            kept.push_back(name);
            continue;
        }
        // Renamed aside first, so a kill mid-delete leaves no half pack under its own name.
        std::error_code error;
        const fs::path aside = packsFolder(stateDir) / (".removing-" + name);
        fs::rename(packsFolder(stateDir) / name, aside, error);
        fs::remove_all(error ? packsFolder(stateDir) / name : aside, error);
        removed.push_back(name);
    }
    state.installed = std::move(kept);
}

} // namespace

fs::path packsFolder(const fs::path& stateDir) {
    return stateDir / "packs";
}
fs::path currentPackLink(const fs::path& stateDir) {
    return packsFolder(stateDir) / "current";
}
fs::path lastGoodPackLink(const fs::path& stateDir) {
    return packsFolder(stateDir) / "last-good";
}

bool InstallState::wasRolledBack(const std::string& packId, std::uint64_t version) const {
    return std::any_of(rolledBack.begin(), rolledBack.end(), [&](const RolledBack& entry) {
        return entry.packId == packId && entry.version == version;
    });
}

Result<InstallState> readInstallState(const fs::path& stateDir) {
    const fs::path file = packsFolder(stateDir) / kStateFile;
    std::error_code error;
    if (!fs::exists(fs::symlink_status(file, error))) return InstallState{};
    Result<std::string> text = readFile(file);
    if (!text) return std::move(text).error();
    const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
    const auto damaged = [&] {
        return installError("trust.state_invalid", file.string(),
                            "The install state \"" + file.string() +
                                "\" is damaged; restore it or remove it deliberately (the highest "
                                "installed version is kept there).",
                            "安装状态文件“" + file.string() +
                                "”已损坏；请恢复，或确认后删除（其中记录已安装的最高版本）。");
    };
    if (!json.is_object() || !json.contains("highest_version") ||
        !json["highest_version"].is_number_unsigned())
        return damaged();
    InstallState state;
    state.highestVersion = json["highest_version"].get<std::uint64_t>();
    for (const nlohmann::json& entry : json.value("rolled_back", nlohmann::json::array())) {
        if (!entry.is_object() || !entry.value("pack_id", nlohmann::json()).is_string() ||
            !entry.value("version", nlohmann::json()).is_number_unsigned())
            return damaged();
        state.rolledBack.push_back(
            {entry["pack_id"].get<std::string>(), entry["version"].get<std::uint64_t>()});
    }
    for (const nlohmann::json& entry : json.value("installed", nlohmann::json::array())) {
        if (!entry.is_string()) return damaged();
        state.installed.push_back(entry.get<std::string>());
    }
    return state;
}

Status writeInstallState(const fs::path& stateDir, const InstallState& state) {
    nlohmann::json json = {{"highest_version", state.highestVersion},
                           {"rolled_back", nlohmann::json::array()},
                           {"installed", state.installed}};
    for (const InstallState::RolledBack& entry : state.rolledBack)
        json["rolled_back"].push_back({{"pack_id", entry.packId}, {"version", entry.version}});
    if (Status written = writeFileAtomic(packsFolder(stateDir) / kStateFile, json.dump(2) + "\n");
        !written)
        return written;
    return fsyncPath(packsFolder(stateDir));
}

Status replaceSymlink(const fs::path& link, const fs::path& target) {
    const fs::path temp = link.parent_path() /
                          ("." + link.filename().string() + ".new-" + std::to_string(::getpid()));
    ::unlink(temp.c_str());
    if (::symlink(target.c_str(), temp.c_str()) != 0)
        return systemError("create the link", "创建链接", temp, errno);
    if (::rename(temp.c_str(), link.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return systemError("replace", "替换", link, error);
    }
    return fsyncPath(link.parent_path());
}

Result<InstallOutcome> installPack(const fs::path& source, const fs::path& stateDir,
                                   const InstallOptions& options) {
    const auto step = [&](std::string_view name) {
        if (options.onStep) options.onStep(name);
    };
    const fs::path packs = packsFolder(stateDir);
    std::error_code error;
    fs::create_directories(packs, error);
    if (error) return systemError("create", "创建", packs, error.value());

    // 1. One install at a time; whatever staging is left belongs to an install that died.
    FileDescriptor lock(-1);
    if (Status locked = takeInstallLock(packs, lock); !locked) return std::move(locked).error();
    removeStale(packs);
    step("staging-cleaned");

    Result<InstallState> state = readInstallState(stateDir);
    if (!state) return std::move(state).error();

    // 2. What is being installed, and may it be?
    InstallOutcome outcome;
    std::vector<ManifestFile> expected;
    bool haveManifest = false;
    std::string manifestText;
    if (!options.keys.empty()) {
        Result<SignedManifest> signedManifest = readSignedManifest(source, options.keys);
        if (!signedManifest) return std::move(signedManifest).error();
        outcome.manifest = signedManifest->manifest;
        manifestText = signedManifest->manifestText;
        haveManifest = true;
        const PackManifest& manifest = outcome.manifest;
        const std::string versionText = std::to_string(manifest.version);
        if (state->wasRolledBack(manifest.packId, manifest.version))
            return installError(
                "trust.rolled_back", source.string(),
                "Version " + versionText + " of \"" + manifest.packId +
                    "\" made the kiosk fail and was rolled back; sign a fixed pack with a higher "
                    "version.",
                "“" + manifest.packId + "”的版本 " + versionText +
                    " 曾导致展台故障并已回退；请修正后以更高版本重新签名。");
        if (manifest.version < state->highestVersion)
            return installError(
                "trust.downgrade", source.string(),
                "The pack \"" + manifest.packId + "\" has version " + versionText +
                    ", lower than version " + std::to_string(state->highestVersion) +
                    " already installed here; an older pack is never installed again.",
                "内容包“" + manifest.packId + "”的版本 " + versionText + " 低于本机已安装的版本 " +
                    std::to_string(state->highestVersion) + "；不会重新安装较旧的内容包。");
        outcome.folder = packs / (manifest.packId + "-" + versionText);
        if (linkTargetName(currentPackLink(stateDir)) == outcome.folder.filename().string() &&
            fs::exists(outcome.folder / kManifestFile, error)) {
            outcome.alreadyCurrent = true;
            return outcome;
        }
        expected = manifest.files;
    } else {
        Result<std::string> id = readPackId(source);
        if (!id) return std::move(id).error();
        outcome.manifest.packId = *id;
        outcome.folder = packs / (*id + "-unsigned-" + utcStamp());
    }

    // 3. Copy into staging, hashing on the way; compare with the manifest.
    Result<std::vector<std::string>> present = listPackPaths(source);
    if (!present) return std::move(present).error();
    if (!haveManifest)
        for (const std::string& path : *present)
            expected.push_back({path, 0, ""});
    const fs::path staging = packs / (kStagingPrefix + std::to_string(::getpid()));
    fs::create_directory(staging, error);
    if (error) return systemError("create", "创建", staging, error.value());
    const auto abandon = [&](Diagnostic failure) -> Result<InstallOutcome> {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return failure;
    };
    PackDifferences differences;
    std::set<std::string> madeFolders;
    for (const ManifestFile& file : expected) {
        const fs::path to = staging / file.path;
        const std::string parent = to.parent_path().string();
        if (!madeFolders.count(parent)) {
            fs::create_directories(to.parent_path(), error);
            if (error)
                return abandon(systemError("create", "创建", to.parent_path(), error.value()));
            madeFolders.insert(parent);
        }
        Result<CopiedFile> copied = copyAndHash(source / file.path, to, file.path);
        if (!copied) return abandon(std::move(copied).error());
        if (copied->missing)
            differences.missing.push_back(file.path);
        else if (haveManifest && (copied->size != file.size || copied->sha256 != file.sha256))
            differences.changed.push_back(file.path);
    }
    if (haveManifest) {
        std::set<std::string> listed;
        for (const ManifestFile& file : expected)
            listed.insert(file.path);
        for (const std::string& path : *present)
            if (!listed.count(path)) differences.added.push_back(path);
    }
    if (!differences.empty()) return abandon(filesDifferError(source, differences));
    if (haveManifest) {
        Result<std::string> signature = readFile(source / kManifestSignatureFile, 64 * 1024);
        if (!signature) return abandon(std::move(signature).error());
        if (Status written = writeFileAtomic(staging / kManifestFile, manifestText); !written)
            return abandon(std::move(written).error());
        if (Status written = writeFileAtomic(staging / kManifestSignatureFile, *signature);
            !written)
            return abandon(std::move(written).error());
    }
    step("copied");

    // 4. Content beyond hashes.
    if (options.checkContent)
        if (Status checked = options.checkContent(staging); !checked)
            return abandon(std::move(checked).error());
    step("checked");

    // 5. Everything on disk before the pack gets its name.
    {
        FileDescriptor folder(::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (folder.get() < 0 || ::syncfs(folder.get()) != 0)
            return abandon(systemError("flush", "写入", staging, errno));
    }
    step("synced");
    if (fs::exists(fs::symlink_status(outcome.folder, error))) {
        // An earlier install of this version that never became current: replace it.
        const fs::path aside = packs / (".removing-" + outcome.folder.filename().string());
        fs::rename(outcome.folder, aside, error);
        fs::remove_all(aside, error);
    }
    if (::rename(staging.c_str(), outcome.folder.c_str()) != 0)
        return abandon(systemError("rename", "重命名", staging, errno));
    if (Status synced = fsyncPath(packs); !synced) return std::move(synced).error();
    step("moved");

    // 6. The highest version first: a pack that went live is never below it.
    InstallState next = *state;
    const std::string name = outcome.folder.filename().string();
    next.installed.erase(std::remove(next.installed.begin(), next.installed.end(), name),
                         next.installed.end());
    next.installed.push_back(name);
    next.highestVersion = std::max(next.highestVersion, outcome.manifest.version);
    if (Status written = writeInstallState(stateDir, next); !written)
        return std::move(written).error();

    // 7. The switch: one rename.
    if (Status switched = replaceSymlink(currentPackLink(stateDir), name); !switched)
        return std::move(switched).error();
    step("switched");

    // 8. Older versions beyond `keep`.
    prune(stateDir, next, options.keep, outcome.removed);
    if (!outcome.removed.empty())
        if (Status written = writeInstallState(stateDir, next); !written)
            return std::move(written).error();
    return outcome;
}

Status updateInstallState(const fs::path& stateDir,
                          const std::function<void(InstallState&)>& change) {
    const fs::path packs = packsFolder(stateDir);
    std::error_code error;
    fs::create_directories(packs, error);
    if (error) return systemError("create", "创建", packs, error.value());
    FileDescriptor lock(-1);
    if (Status locked = takeInstallLock(packs, lock); !locked) return locked;
    Result<InstallState> state = readInstallState(stateDir);
    if (!state) return std::move(state).error();
    change(*state);
    return writeInstallState(stateDir, *state);
}

} // namespace lantai::core

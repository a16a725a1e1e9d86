// tools/gallery/export: OUT and its hidden siblings — the folder being written, the atomic swap,
// leftovers, removal off the critical path
#include "tools/gallery/export/site_folder.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace lantai::core::web {

namespace fs = std::filesystem;

namespace {

std::atomic<int> g_trashCount{0};

fs::path sibling(const fs::path& out, const std::string& suffix) {
    return out.parent_path() / ("." + out.filename().string() + "." + suffix);
}

fs::path newTrashPath(const fs::path& out) {
    return sibling(out,
                   "trash-" + std::to_string(::getpid()) + "-" + std::to_string(g_trashCount++));
}

bool allDigits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// An export with this pid may still be writing (a pid of this process is a leftover of an
// earlier process that had the same pid).
bool exportRunning(const std::string& pid) {
    if (pid.size() > 9) return false;
    const long value = std::stol(pid);
    if (value <= 0 || value == ::getpid()) return false;
    return ::kill(static_cast<pid_t>(value), 0) == 0 || errno == EPERM;
}

} // namespace

fs::path tempSiteFolder(const fs::path& out) {
    return sibling(out, "tmp-" + std::to_string(::getpid()));
}

fs::path toTrash(const fs::path& dir, const fs::path& out) {
    const fs::path trash = newTrashPath(out);
    return ::rename(dir.c_str(), trash.c_str()) == 0 ? trash : dir;
}

std::vector<fs::path> claimLeftovers(const fs::path& out) {
    const std::string prefix = "." + out.filename().string() + ".";
    std::vector<fs::path> finishedOld, claim;
    std::error_code ec;
    for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = name.substr(prefix.size());
        const auto dash = rest.find('-');
        if (dash == std::string::npos) continue;
        const std::string kind = rest.substr(0, dash), id = rest.substr(dash + 1);
        if (kind == "trash") {
            const auto second = id.find('-');
            if (second != std::string::npos && allDigits(id.substr(0, second)) &&
                allDigits(id.substr(second + 1)))
                claim.push_back(it->path());
        } else if ((kind == "tmp" || kind == "old") && allDigits(id) && !exportRunning(id)) {
            if (kind == "old" && fs::exists(it->path() / kStampName, ec))
                finishedOld.push_back(it->path());
            else
                claim.push_back(it->path());
        }
    }
    for (const fs::path& old : finishedOld) {
        if (!fs::exists(out, ec) && ::rename(old.c_str(), out.c_str()) == 0) continue;
        claim.push_back(old);
    }
    std::vector<fs::path> trash;
    for (const fs::path& dir : claim)
        trash.push_back(toTrash(dir, out));
    return trash;
}

bool swapInSite(const fs::path& tmp, const fs::path& out, fs::path& previous, std::string& error) {
    previous.clear();
    // No site at `out` yet (or an empty folder): one rename.
    if (::rename(tmp.c_str(), out.c_str()) == 0) return true;
    if (errno != EEXIST && errno != ENOTEMPTY) {
        error = out.string() + ": cannot move the new site into place: " + std::strerror(errno);
        return false;
    }
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
        previous = toTrash(tmp, out);
        ::unlink((previous / kStampName).c_str());
        return true;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
        error = out.string() +
                ": cannot exchange the new site with the previous one: " + std::strerror(errno);
        return false;
    }
    const fs::path old = sibling(out, "old-" + std::to_string(::getpid()));
    if (::rename(out.c_str(), old.c_str()) != 0) {
        error = out.string() + ": cannot move the previous site aside: " + std::strerror(errno);
        return false;
    }
    if (::rename(tmp.c_str(), out.c_str()) != 0) {
        error = out.string() + ": cannot move the new site into place: " + std::strerror(errno);
        ::rename(old.c_str(), out.c_str());
        return false;
    }
    previous = toTrash(old, out);
    ::unlink((previous / kStampName).c_str());
    return true;
}

void removeInBackground(const std::vector<fs::path>& dirs) {
    if (dirs.empty()) return;
    // sh starts rm in the background and exits at once: rm is re-parented to init, so nothing
    // waits for it and no zombie is left; it runs in its own session with stdio on /dev/null, so a
    // caller reading this process's output sees the end when this process exits.
    std::vector<std::string> args = {"sh", "-c", "nice -n 19 rm -rf -- \"$@\" &", "sh"};
    for (const fs::path& dir : dirs)
        args.push_back(dir.string());
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    for (const int fd : {0, 1, 2})
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd ? O_WRONLY : O_RDONLY, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    int status = 0;
    if (failed == 0) {
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
    }
    std::error_code ec;
    for (const fs::path& dir : dirs)
        fs::remove_all(dir, ec);
}

} // namespace lantai::core::web

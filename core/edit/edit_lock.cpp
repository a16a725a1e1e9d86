// core/edit: flock-based edit lock with the holder's user, host, pid and time inside
#include "core/edit/edit_lock.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace lantai::core::edit {

namespace {

std::optional<LockHolder> readHolder(int fd) {
    std::string text;
    char buffer[4096];
    for (off_t at = 0;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, at);
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        at += n;
        if (text.size() > 65536) break;
    }
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) return std::nullopt;
    LockHolder holder;
    holder.user = json.value("user", "");
    holder.host = json.value("host", "");
    holder.pid = json.value("pid", 0L);
    holder.time = json.value("time", std::int64_t{0});
    return holder;
}

bool writeHolder(int fd, const LockHolder& me) {
    const std::string text = nlohmann::json{{"user", me.user},
                                            {"host", me.host},
                                            {"pid", me.pid},
                                            {"time", me.time},
                                            {"program", "lantai edit session"}}
                                 .dump() +
                             "\n";
    if (::ftruncate(fd, 0) != 0) return false;
    if (::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()))
        return false;
    return ::fsync(fd) == 0;
}

bool processAlive(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

Diagnostic lockError(const std::string& path, int error) {
    return operationalError("edit.lock_failed", path,
                            "Cannot open the edit lock " + path + ": " + std::strerror(error) + ".",
                            "无法打开编辑锁 " + path + "：" + std::strerror(error) + "。");
}

} // namespace

LockHolder currentLockHolder(std::int64_t now) {
    LockHolder me;
    if (const char* user = std::getenv("USER"); user && *user)
        me.user = user;
    else if (const passwd* pw = ::getpwuid(::getuid()))
        me.user = pw->pw_name;
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0) me.host = host;
    me.pid = static_cast<long>(::getpid());
    me.time = now;
    return me;
}

Result<EditLock> EditLock::acquire(const EditFolder& folder, const LockHolder& me, bool force) {
    if (Status ok = ensureEditFolder(folder); !ok) return std::move(ok).error();
    const std::string path = folder.lock().string();
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) return lockError(path, errno);
        EditLock lock;
        lock.m_path = path;
        const std::optional<LockHolder> previous = readHolder(fd);
        const bool flocked = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
        const int flockError = errno;
        if (!flocked && flockError == EWOULDBLOCK) {
            lock.m_holder = readHolder(fd).value_or(previous.value_or(LockHolder{}));
            ::close(fd);
            return lock; // held by a live session
        }
        if (flocked) {
            // The file may have been removed (a clean close) between open and flock: retry on
            // the new one.
            struct stat opened {
            }, named{};
            if (::fstat(fd, &opened) != 0 || ::stat(path.c_str(), &named) != 0 ||
                opened.st_ino != named.st_ino || opened.st_dev != named.st_dev) {
                ::close(fd);
                continue;
            }
        }
        const std::optional<LockHolder> holder = readHolder(fd);
        const bool sameHost = holder && holder->host == me.host;
        const bool foreign = holder && !holder->host.empty() && !sameHost;
        // Without flock, a live holder on this host (another process) keeps its lock.
        const bool aliveHere =
            !flocked && sameHost && holder->pid != me.pid && processAlive(holder->pid);
        if ((foreign && !force) || aliveHere) {
            if (flocked) ::flock(fd, LOCK_UN);
            ::close(fd);
            lock.m_holder = holder;
            return lock;
        }
        if (!writeHolder(fd, me)) {
            const int error = errno;
            ::close(fd);
            return lockError(path, error);
        }
        lock.m_fd = fd;
        if (holder && !holder->host.empty()) {
            lock.m_holder = holder;
            lock.m_tookOver = true;
        }
        return lock;
    }
    return lockError(path, EAGAIN);
}

EditLock::EditLock(EditLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)),
      m_holder(std::move(other.m_holder)), m_tookOver(other.m_tookOver) {}

EditLock& EditLock::operator=(EditLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
        m_holder = std::move(other.m_holder);
        m_tookOver = other.m_tookOver;
    }
    return *this;
}

EditLock::~EditLock() {
    // Not removed: a session dropped without close() is treated like a crash (its journal is
    // kept); the released flock lets the next session take over.
    if (m_fd >= 0) ::close(m_fd);
}

void EditLock::release() {
    if (m_fd < 0) return;
    ::unlink(m_path.c_str());
    ::close(m_fd);
    m_fd = -1;
}

} // namespace lantai::core::edit

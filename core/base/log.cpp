// core/base: process log with rotation
#include "core/base/log.h"

#include "core/base/file_io.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace lantai::core {

namespace {

// fopen(path, "a") without ever blocking: a FIFO in the log's place would wait for a reader
// forever. O_NONBLOCK on the open, then anything but a regular file is refused.
FILE* openForAppend(const std::filesystem::path& path) {
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) return nullptr;
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        errno = EINVAL;
        return nullptr;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    FILE* file = ::fdopen(fd, "a");
    if (!file) ::close(fd);
    return file;
}

Diagnostic logOpenError(const std::filesystem::path& file, const std::string& why,
                        const std::string& whyZh) {
    return operationalError("log.cannot_open", file.string(),
                            "Lantai cannot open log file " + file.string() + " (" + why +
                                "); the log goes to stderr only.",
                            "无法打开日志文件 " + file.string() + "（" + whyZh +
                                "），日志仅输出到标准错误。");
}

struct LogState {
    std::mutex mutex;
    std::FILE* file = nullptr;
    std::filesystem::path path;
    std::size_t maxBytes = 10u << 20;
    int keepFiles = 5;
    std::size_t written = 0;
    LogLevel level = LogLevel::Info;
    bool toStderr = true;
};

LogState& state() {
    static LogState s;
    return s;
}

void rotateLocked(LogState& s) {
    if (s.file) std::fclose(s.file);
    s.file = nullptr;
    std::error_code ec;
    for (int i = s.keepFiles - 1; i >= 1; --i) {
        const auto from = s.path.string() + "." + std::to_string(i);
        const auto to = s.path.string() + "." + std::to_string(i + 1);
        if (std::filesystem::exists(from, ec)) std::filesystem::rename(from, to, ec);
    }
    if (s.keepFiles >= 1)
        std::filesystem::rename(s.path, s.path.string() + ".1", ec);
    else
        std::filesystem::remove(s.path, ec);
    s.file = openForAppend(s.path);
    s.written = 0;
}

} // namespace

Status openLog(const std::filesystem::path& file, std::size_t maxBytes, int keepFiles) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    if (s.file) std::fclose(s.file);
    s.file = nullptr;
    s.path = file;
    s.maxBytes = std::max<std::size_t>(maxBytes, 4096);
    s.keepFiles = std::max(0, keepFiles);
    if (file.empty()) return {};
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (auto existing = checkRegularFile(file); !existing && existing.error().code != kFileMissing)
        return logOpenError(file, existing.error().message, existing.error().messageZh);
    s.file = openForAppend(file);
    if (!s.file) return logOpenError(file, std::strerror(errno), std::strerror(errno));
    s.written = static_cast<std::size_t>(std::filesystem::file_size(file, ec));
    if (ec) s.written = 0;
    return {};
}

const char* logLevelName(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    default:
        return "info";
    }
}

bool parseLogLevel(std::string_view text, LogLevel& out) {
    if (text == "debug")
        out = LogLevel::Debug;
    else if (text == "info")
        out = LogLevel::Info;
    else if (text == "warning")
        out = LogLevel::Warning;
    else if (text == "error")
        out = LogLevel::Error;
    else
        return false;
    return true;
}

void setLogLevel(LogLevel level) {
    std::lock_guard lock(state().mutex);
    state().level = level;
}

void setLogToStderr(bool enabled) {
    std::lock_guard lock(state().mutex);
    state().toStderr = enabled;
}

void logMessage(LogLevel level, std::string_view message) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    if (static_cast<int>(level) < static_cast<int>(s.level)) return;
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    localtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    std::string line = std::string(stamp) + " [" + logLevelName(level) + "] ";
    line.append(message);
    line += '\n';
    if (s.toStderr) std::fputs(line.c_str(), stderr);
    if (s.file) {
        if (s.written + line.size() > s.maxBytes) rotateLocked(s);
        if (s.file) {
            std::fputs(line.c_str(), s.file);
            std::fflush(s.file);
            s.written += line.size();
        }
    }
}

void logDebug(std::string_view message) {
    logMessage(LogLevel::Debug, message);
}
void logInfo(std::string_view message) {
    logMessage(LogLevel::Info, message);
}
void logWarning(std::string_view message) {
    logMessage(LogLevel::Warning, message);
}
void logError(std::string_view message) {
    logMessage(LogLevel::Error, message);
}

} // namespace lantai::core

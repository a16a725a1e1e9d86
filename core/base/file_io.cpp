// core/base: regular-file checks, non-blocking open, whole-file read with a size cap, atomic write
#include "core/base/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace lantai::core {

namespace {

std::string quoted(const std::filesystem::path& file) {
    return "\"" + file.string() + "\"";
}
std::string quotedZh(const std::filesystem::path& file) {
    return "“" + file.string() + "”";
}

// The Diagnostic for an errno from stat/open/read of `file`.
Diagnostic errnoError(const std::filesystem::path& file, int error, const char* doing) {
    if (error == ENOENT || error == ENOTDIR)
        return operationalError(kFileMissing, file.string(),
                                "The file " + quoted(file) + " does not exist.",
                                "文件" + quotedZh(file) + "不存在。");
    if (error == ELOOP)
        return operationalError(kFileLinkLoop, file.string(),
                                quoted(file) +
                                    " is a symbolic link that leads back to itself (a link loop).",
                                quotedZh(file) + "是指向自身的符号链接（链接循环），无法读取。");
    return operationalError(kFileUnreadable, file.string(),
                            "Cannot " + std::string(doing) + " " + quoted(file) + ": " +
                                std::strerror(error) + ".",
                            "无法读取" + quotedZh(file) + "：" + std::strerror(error) + "。");
}

// The Diagnostic for a path that exists but is not a regular file, or nullopt when it is one.
std::optional<Diagnostic> notRegular(const std::filesystem::path& file, mode_t mode) {
    if (S_ISREG(mode)) return std::nullopt;
    const FileKindName kind = fileKindName(mode);
    return operationalError(
        kFileNotRegular, file.string(),
        quoted(file) + " is " + kind.en + ", not a regular file. Lantai reads only regular files.",
        quotedZh(file) + "是" + kind.zh + "，不是普通文件；兰台只读取普通文件。");
}

} // namespace

std::string formatMegabytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

FileKindName fileKindName(unsigned mode) {
    if (S_ISREG(mode)) return {"a file", "文件"};
    if (S_ISDIR(mode)) return {"a folder", "文件夹"};
    if (S_ISFIFO(mode)) return {"a named pipe (FIFO)", "命名管道（FIFO）"};
    if (S_ISCHR(mode)) return {"a character device", "字符设备"};
    if (S_ISBLK(mode)) return {"a block device", "块设备"};
    if (S_ISSOCK(mode)) return {"a socket", "套接字"};
    return {"a special file", "特殊文件"};
}

Diagnostic operationalError(std::string code, std::string file, std::string message,
                            std::string messageZh) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = std::move(code);
    d.file = std::move(file);
    d.message = std::move(message);
    d.messageZh = std::move(messageZh);
    return d;
}

Result<RegularFile> checkRegularFile(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return errnoError(file, errno, "read");
    if (auto bad = notRegular(file, info.st_mode)) return std::move(*bad);
    return RegularFile{static_cast<std::uint64_t>(info.st_size)};
}

ReadableFile::ReadableFile(ReadableFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size) {}

ReadableFile& ReadableFile::operator=(ReadableFile&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_size = other.m_size;
    }
    return *this;
}

ReadableFile::~ReadableFile() {
    if (m_fd >= 0) ::close(m_fd);
}

long long ReadableFile::readAt(std::uint64_t offset, void* buffer, std::size_t n) const {
    for (;;) {
        const ssize_t got = ::pread(m_fd, buffer, n, static_cast<off_t>(offset));
        if (got >= 0) return got;
        if (errno != EINTR) return -1;
    }
}

Result<ReadableFile> openRegularFile(const std::filesystem::path& file) {
    // Check first: open() of a FIFO with O_NONBLOCK succeeds, of a tape device it may rewind;
    // the fstat below catches a path swapped between the two.
    if (auto checked = checkRegularFile(file); !checked) return std::move(checked).error();
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return errnoError(file, errno, "open");
    ReadableFile opened;
    opened.m_fd = fd;
    struct stat info {};
    if (::fstat(fd, &info) != 0) return errnoError(file, errno, "read");
    if (auto bad = notRegular(file, info.st_mode)) return std::move(*bad);
    // Regular files ignore O_NONBLOCK for reads; clear it anyway so semantics are plain.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    opened.m_size = static_cast<std::uint64_t>(info.st_size);
    return opened;
}

Result<std::string> readFile(const std::filesystem::path& file, std::size_t maxBytes) {
    auto opened = openRegularFile(file);
    if (!opened) return std::move(opened).error();
    const auto tooLarge = [&](std::uint64_t size) {
        return operationalError(kFileTooLarge, file.string(),
                                quoted(file) + " is " + formatMegabytes(size) + ", more than the " +
                                    formatMegabytes(maxBytes) +
                                    " Lantai reads for this kind of file.",
                                quotedZh(file) + "大小为 " + formatMegabytes(size) +
                                    "，超过此类文件 " + formatMegabytes(maxBytes) + " 的上限。");
    };
    if (opened->size() > maxBytes) return tooLarge(opened->size());
    std::string out(static_cast<std::size_t>(opened->size()), '\0');
    std::size_t have = 0;
    while (have < out.size()) {
        const long long n = opened->readAt(have, out.data() + have, out.size() - have);
        if (n < 0) return errnoError(file, errno, "read");
        if (n == 0) break; // shrank since fstat
        have += static_cast<std::size_t>(n);
    }
    out.resize(have);
    if (have == opened->size()) { // it may have grown since fstat (or reports size 0, like /proc)
        char chunk[65536];
        for (;;) {
            const long long n = opened->readAt(have, chunk, sizeof chunk);
            if (n < 0) return errnoError(file, errno, "read");
            if (n == 0) break;
            if (have + static_cast<std::size_t>(n) > maxBytes)
                return tooLarge(have + static_cast<std::size_t>(n));
            out.append(chunk, static_cast<std::size_t>(n));
            have += static_cast<std::size_t>(n);
        }
    }
    return out;
}

Status writeFileAtomic(const std::filesystem::path& file, std::string_view data) {
    const std::filesystem::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
    const auto failed = [&](const char* doing, const char* doingZh, int error) {
        ::unlink(temp.c_str());
        return operationalError(
            kFileWriteFailed, file.string(),
            "Cannot " + std::string(doing) + " " + quoted(file) + ": " + std::strerror(error) + ".",
            "无法" + std::string(doingZh) + quotedZh(file) + "：" + std::strerror(error) + "。");
    };
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int error = errno;
        return operationalError(kFileWriteFailed, file.string(),
                                "Cannot create " + quoted(temp) + ": " + std::strerror(error) + ".",
                                "无法创建" + quotedZh(temp) + "：" + std::strerror(error) + "。");
    }
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            return failed("write", "写入", error);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        return failed("flush", "写入", error);
    }
    if (::close(fd) != 0) return failed("flush", "写入", errno);
    if (std::rename(temp.c_str(), file.c_str()) != 0) return failed("replace", "替换", errno);
    return {};
}

Diagnostic showFileAs(Diagnostic error, const std::filesystem::path& file,
                      const std::string& shown) {
    const std::string full = file.string();
    const auto replaceAll = [&](std::string& text) {
        for (std::size_t at = text.find(full); !full.empty() && at != std::string::npos;
             at = text.find(full, at + shown.size()))
            text.replace(at, full.size(), shown);
    };
    replaceAll(error.message);
    replaceAll(error.messageZh);
    if (error.file == full) error.file = shown;
    return error;
}

} // namespace lantai::core

// core/base: whole-file read with a size cap and atomic write
#include "core/base/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace lantai::core {

bool readFile(const std::filesystem::path& file, std::string& out, std::string& error,
              std::size_t maxBytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        error = "is a directory, not a file";
        return false;
    }
    FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) {
        error = std::strerror(errno);
        return false;
    }
    out.clear();
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (out.size() + n > maxBytes) {
            std::fclose(f);
            error = "file is larger than " + std::to_string(maxBytes >> 20) + " MB";
            return false;
        }
        out.append(buffer, n);
    }
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
        error = "read error";
        return false;
    }
    return true;
}

bool writeFileAtomic(const std::filesystem::path& file, const std::string& data,
                     std::string& error) {
    const std::filesystem::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot create " + temp.string() + ": " + std::strerror(errno);
        return false;
    }
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = "cannot write " + temp.string() + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = "cannot flush " + temp.string() + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    if (std::rename(temp.c_str(), file.c_str()) != 0) {
        error = "cannot replace " + file.string() + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

} // namespace lantai::core

// tests: paths that are not regular files — a FIFO, a character device, a socket, a symbolic-link
// loop — and a deadline that fails a test which would block on one instead of hanging it
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

namespace lantai::test {

// A reader that blocks on a special file would hang the test: SIGALRM ends the process
// instead, which fails the test with "Alarm clock" rather than waiting for ctest's timeout.
class Deadline {
  public:
    explicit Deadline(unsigned seconds) { ::alarm(seconds); }
    ~Deadline() { ::alarm(0); }
    Deadline(const Deadline&) = delete;
    Deadline& operator=(const Deadline&) = delete;
};

// A Unix socket file at `path` (the socket itself is closed; the file stays). False on failure.
inline bool makeSocketFile(const std::filesystem::path& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

struct SpecialPath {
    std::string kind; // for SCOPED_TRACE
    std::filesystem::path path;
    std::string code;  // what core/base/file_io reports: file.not_regular, file.link_loop
    std::string words; // in its English message: "named pipe (FIFO)", "link loop", ...
};

// In `dir`: a FIFO, a socket and a symbolic link to itself, each named `name` in a subfolder of
// its kind (fifo/, socket/, loop/), and /dev/zero for a device. Empty when one cannot be made.
inline std::vector<SpecialPath> makeSpecialPaths(const std::filesystem::path& dir,
                                                 const std::string& name) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const char* kind : {"fifo", "socket", "loop"})
        fs::create_directories(dir / kind, ec);
    const fs::path fifo = dir / "fifo" / name, socket = dir / "socket" / name,
                   loop = dir / "loop" / name;
    if (::mkfifo(fifo.c_str(), 0644) != 0 || !makeSocketFile(socket)) return {};
    fs::create_symlink(loop, loop, ec);
    if (ec) return {};
    return {{"FIFO", fifo, "file.not_regular", "named pipe (FIFO)"},
            {"character device", "/dev/zero", "file.not_regular", "character device"},
            {"socket", socket, "file.not_regular", "a socket"},
            {"symlink loop", loop, "file.link_loop", "link loop"}};
}

} // namespace lantai::test

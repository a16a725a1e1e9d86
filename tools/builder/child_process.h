// tools/builder: running a helper program (espeak-ng, ffmpeg) as a child process, no shell
#pragma once

#include <string>
#include <vector>

namespace lantai::core {

struct ChildResult {
    bool started = false; // false: the program could not be run (not installed)
    int exitCode = -1;    // the exit status; -1 when it was killed by a signal
    std::string errors;   // what it wrote to stderr (the last 4 KiB)
    bool ok() const { return started && exitCode == 0; }
};

// Runs argv[0] (looked up in PATH) with the arguments, stdin and stdout on /dev/null, and waits.
// Thread-safe (posix_spawnp; nothing shared).
ChildResult runChild(const std::vector<std::string>& argv);

// True when `program` is found in PATH.
bool programInPath(const std::string& program);

} // namespace lantai::core

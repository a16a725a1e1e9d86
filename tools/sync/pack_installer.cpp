// tools/sync: `lantai pack install` as the installer of synced packs (posix_spawn, no shell)
#include "tools/sync/pack_installer.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace lantai::sync {

namespace fs = std::filesystem;

fs::path findLantaiCli(const char* argv0) {
    if (const char* env = std::getenv("LANTAI_CLI"); env && *env) return env;
    std::error_code ec;
    const fs::path self = fs::canonical("/proc/self/exe", ec);
    const fs::path dir = ec ? fs::path(argv0).parent_path() : self.parent_path();
    for (const fs::path& beside : {dir / "lantai", dir / ".." / "cli" / "lantai"})
        if (::access(beside.c_str(), X_OK) == 0) return beside;
    return "lantai";
}

core::PackInstaller cliPackInstaller(fs::path cli, fs::path stateDir,
                                     std::vector<std::string> publicKeyFiles) {
    return [cli = std::move(cli), stateDir = std::move(stateDir),
            keys = std::move(publicKeyFiles)](const fs::path& pack) {
        std::vector<std::string> argv = {cli.string(),  "pack",        "install",
                                         pack.string(), "--state-dir", stateDir.string()};
        for (const std::string& key : keys) {
            argv.push_back("--public-key");
            argv.push_back(key);
        }
        std::vector<char*> args;
        for (auto& a : argv)
            args.push_back(a.data());
        args.push_back(nullptr);
        // Its error output goes to a temporary file read back for the message.
        char errorPath[] = "/tmp/lantai-sync-install-XXXXXX";
        const int errorFd = ::mkstemp(errorPath);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        if (errorFd >= 0) posix_spawn_file_actions_adddup2(&actions, errorFd, 2);
        pid_t pid = 0;
        const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        int status = 0;
        if (spawned == 0)
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
        std::string message;
        if (errorFd >= 0) {
            char buffer[4096];
            ssize_t n = ::pread(errorFd, buffer, sizeof buffer, 0);
            if (n > 0) message.assign(buffer, static_cast<std::size_t>(n));
            ::close(errorFd);
            ::unlink(errorPath);
        }
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        if (spawned == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) return core::Status{};
        const std::string what =
            spawned != 0 ? "cannot run " + cli.string()
                         : "`" + cli.string() + " pack install` exit " +
                               std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return core::Status{core::operationalError("fleet.install_failed", pack.string(),
                                                   what + (message.empty() ? "" : ": " + message),
                                                   what + (message.empty() ? "" : "：" + message))};
    };
}

} // namespace lantai::sync

// tools/editor: external file choosers (the portal, zenity, kdialog) in order, and the built-in
// browser's listing
#include "tools/editor/file_dialog.h"

#include "core/base/log.h"
#include "tools/editor/portal_chooser.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace lantai::editor {

namespace fs = std::filesystem;

namespace {

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string dirs = path;
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

// Runs argv and returns its first line of output (exit status 0 only).
std::optional<std::string> firstLineOf(const std::vector<std::string>& argv) {
    int pipefd[2];
    if (::pipe(pipefd) != 0) return std::nullopt;
    const pid_t pid = ::fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        ::dup2(pipefd[1], 1);
        ::close(pipefd[0]);
        ::close(pipefd[1]);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(pipefd[1]);
    std::string out;
    std::array<char, 4096> buffer{};
    ssize_t n;
    while ((n = ::read(pipefd[0], buffer.data(), buffer.size())) > 0)
        out.append(buffer.data(), static_cast<std::size_t>(n));
    ::close(pipefd[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    if (auto newline = out.find('\n'); newline != std::string::npos) out.resize(newline);
    if (out.empty()) return std::nullopt;
    return out;
}

} // namespace

std::string pickChooser(const ChooserProbe& probe) {
    if (!probe.display) return {};
    if (probe.forced) return *probe.forced;
    if (probe.portal && probe.portal()) return "portal";
    for (const char* program : {"zenity", "kdialog"})
        if (probe.installed && probe.installed(program)) return program;
    return {};
}

namespace {

ChooserProbe desktopProbe(bool withPortal) {
    ChooserProbe probe;
    probe.display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (const char* forced = std::getenv("LANTAI_FILE_CHOOSER")) probe.forced = forced;
    if (withPortal)
        probe.portal = [] {
            static const bool answers = portalFileChooserVersion().has_value();
            return answers;
        };
    probe.installed = onPath;
    return probe;
}

} // namespace

std::string externalChooser() {
    return pickChooser(desktopProbe(true));
}

std::optional<fs::path> runExternalChooser(ChooserKind kind, const std::string& title) {
    std::string chooser = externalChooser();
    if (chooser == "portal") {
        PortalChoice choice = runPortalChooser(kind != ChooserKind::OpenFile, title);
        if (choice.outcome == PortalChoice::Outcome::Chosen) return choice.path;
        if (choice.outcome == PortalChoice::Outcome::Cancelled) return std::nullopt;
        core::logWarning("file chooser portal: " + choice.error + "; trying the next chooser");
        chooser = pickChooser(desktopProbe(false));
    }
    std::vector<std::string> argv;
    if (chooser == "zenity") {
        argv = {"zenity", "--file-selection", "--title=" + title};
        if (kind != ChooserKind::OpenFile) argv.push_back("--directory");
    } else if (chooser == "kdialog") {
        argv = {"kdialog", "--title", title,
                kind == ChooserKind::OpenFile ? "--getopenfilename" : "--getexistingdirectory",
                std::getenv("HOME") ? std::getenv("HOME") : "/"};
    } else {
        return std::nullopt;
    }
    auto line = firstLineOf(argv);
    if (!line) return std::nullopt;
    return fs::path(*line);
}

std::vector<BrowserEntry> listFolder(const fs::path& dir) {
    std::vector<BrowserEntry> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        out.push_back({name, entry.is_directory(ec)});
    }
    std::sort(out.begin(), out.end(), [](const BrowserEntry& a, const BrowserEntry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
    return out;
}

} // namespace lantai::editor

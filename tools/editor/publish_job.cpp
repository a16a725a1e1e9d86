// tools/editor: build/export/copy jobs as child processes of the `lantai` CLI
#include "tools/editor/publish_job.h"

#include "core/edit/edit_folder.h"

#include <array>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace lantai::editor {

namespace fs = std::filesystem;

PublishJob::~PublishJob() {
    cancel();
    if (m_thread.joinable()) m_thread.join();
}

std::string PublishJob::cli() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& candidate :
             {self.parent_path() / "lantai", self.parent_path().parent_path() / "cli" / "lantai"})
            if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return "lantai";
}

std::vector<PublishJob::Step> PublishJob::copyToUsbSteps(const fs::path& pack,
                                                         const fs::path& target) {
    const std::string cli = PublishJob::cli();
    std::error_code ec;
    const fs::path packDir = fs::weakly_canonical(pack, ec);
    const fs::path out = fs::weakly_canonical(target, ec) / packDir.filename();
    // Never copy over the pack itself or into it (the old copy is removed first).
    const auto rel = out.lexically_relative(packDir);
    if (out == packDir || (!rel.empty() && *rel.begin() != "..")) return {};
    return {{cli, "build", packDir.string()},
            {cli, "validate", packDir.string()},
            {"rm", "-rf", "--one-file-system", out.string()},
            {"cp", "-a", packDir.string(), out.string()},
            {"rm", "-rf", (out / core::edit::kEditFolderName).string()},
            {"sync"}};
}

void PublishJob::start(std::string title, std::vector<Step> steps) {
    if (m_running) return;
    if (m_thread.joinable()) m_thread.join();
    {
        std::lock_guard lock(m_mutex);
        m_state = {};
        m_state.title = std::move(title);
        m_state.steps = steps.size();
    }
    m_cancel = false;
    m_running = true;
    m_thread = std::thread([this, steps = std::move(steps)]() mutable { run(std::move(steps)); });
}

void PublishJob::cancel() {
    m_cancel = true;
    // The step's whole process group: a shell step's children too.
    if (const int pid = m_pid.load(); pid > 0) ::kill(-pid, SIGTERM);
}

PublishJob::State PublishJob::state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

void PublishJob::run(std::vector<Step> steps) {
    bool ok = true;
    for (std::size_t i = 0; i < steps.size() && ok && !m_cancel; ++i) {
        {
            std::lock_guard lock(m_mutex);
            m_state.step = i + 1;
            std::string command;
            for (const auto& a : steps[i])
                command += (command.empty() ? "$ " : " ") + a;
            m_state.lines.push_back(command);
        }
        int pipefd[2];
        if (::pipe(pipefd) != 0) {
            ok = false;
            break;
        }
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::setpgid(0, 0);
            ::dup2(pipefd[1], 1);
            ::dup2(pipefd[1], 2);
            ::close(pipefd[0]);
            ::close(pipefd[1]);
            std::vector<char*> args;
            for (auto& a : steps[i])
                args.push_back(a.data());
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
        ::close(pipefd[1]);
        if (pid > 0) ::setpgid(pid, pid); // either side may run first
        m_pid = pid;
        if (m_cancel && pid > 0) ::kill(-pid, SIGTERM); // cancelled while it was starting
        std::string pending;
        std::array<char, 4096> buffer{};
        ssize_t n;
        while ((n = ::read(pipefd[0], buffer.data(), buffer.size())) > 0) {
            pending.append(buffer.data(), static_cast<std::size_t>(n));
            std::size_t newline;
            std::lock_guard lock(m_mutex);
            while ((newline = pending.find('\n')) != std::string::npos) {
                m_state.lines.push_back(pending.substr(0, newline));
                pending.erase(0, newline + 1);
                if (m_state.lines.size() > 200) m_state.lines.erase(m_state.lines.begin());
            }
            if (m_wake) m_wake();
        }
        ::close(pipefd[0]);
        if (!pending.empty()) { // a last line without a newline
            std::lock_guard lock(m_mutex);
            m_state.lines.push_back(pending);
            if (m_state.lines.size() > 200) m_state.lines.erase(m_state.lines.begin());
        }
        int status = 0;
        if (pid < 0) {
            ok = false;
            break;
        }
        ::waitpid(pid, &status, 0);
        m_pid = 0;
        ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    {
        std::lock_guard lock(m_mutex);
        m_state.finished = true;
        m_state.cancelled = m_cancel;
        m_state.ok = ok && !m_cancel;
    }
    m_running = false;
    if (m_wake) m_wake();
}

} // namespace lantai::editor

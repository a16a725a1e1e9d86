// tools/editor: build and publish from the editor — `lantai build`, `lantai export web` and the
// copy to a USB stick, run as child processes with their output, a progress count and cancel
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lantai::editor {

// One job: a list of steps (each an argv run in turn; a failing step stops the job). The
// `lantai` CLI is the one beside the editor's binary (or on PATH), so the editor builds exactly
// what `lantai build` builds. Threading: start/cancel/state from the main thread; the steps run
// on the job's thread, which calls `wake` as output arrives.
class PublishJob {
  public:
    using Step = std::vector<std::string>;
    explicit PublishJob(std::function<void()> wake) : m_wake(std::move(wake)) {}
    ~PublishJob();

    void start(std::string title, std::vector<Step> steps);
    void cancel();
    bool running() const { return m_running; }

    struct State {
        std::string title;
        std::size_t step = 0, steps = 0;
        std::vector<std::string> lines; // the output so far (last 200 lines)
        bool finished = false, ok = false, cancelled = false;
    };
    State state() const;

    // The `lantai` CLI to run.
    static std::string cli();
    // Steps of "copy to a USB stick": build, validate, then copy the pack without the editor's
    // folder into `target/<pack folder name>` (an earlier copy there is replaced). Empty when
    // that would be the pack itself or inside it.
    static std::vector<Step> copyToUsbSteps(const std::filesystem::path& pack,
                                            const std::filesystem::path& target);

  private:
    void run(std::vector<Step> steps);
    std::function<void()> m_wake;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_pid{0};
    mutable std::mutex m_mutex;
    State m_state;
};

} // namespace lantai::editor

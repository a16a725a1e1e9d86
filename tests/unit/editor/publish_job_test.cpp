// tests/unit/editor: the editor's build/publish job — steps in turn with their output, a failing
// step stops the rest, cancel ends a running step's whole process group, and the USB copy's
// steps never copy the pack into itself
#include "tools/editor/publish_job.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

namespace lantai::editor {
namespace {

namespace fs = std::filesystem;

PublishJob::State waitFinished(const PublishJob& job, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (job.running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return job.state();
}

bool hasLine(const PublishJob::State& state, const std::string& line) {
    return std::find(state.lines.begin(), state.lines.end(), line) != state.lines.end();
}

TEST(PublishJob, StepsRunInTurnAndAFailingStepStopsTheRest) {
    PublishJob job({});
    job.start("测试 test", {{"sh", "-c", "echo one"},
                            {"sh", "-c", "echo two; printf 'no newline'; exit 3"},
                            {"sh", "-c", "echo three"}});
    const PublishJob::State state = waitFinished(job, 20);
    ASSERT_TRUE(state.finished);
    EXPECT_FALSE(state.ok);
    EXPECT_FALSE(state.cancelled);
    EXPECT_EQ(state.title, "测试 test");
    EXPECT_EQ(state.step, 2u);
    EXPECT_EQ(state.steps, 3u);
    EXPECT_TRUE(hasLine(state, "$ sh -c echo one"));
    EXPECT_TRUE(hasLine(state, "one"));
    EXPECT_TRUE(hasLine(state, "two"));
    EXPECT_TRUE(hasLine(state, "no newline")) << "a last line without a newline is kept";
    EXPECT_FALSE(hasLine(state, "three")) << "the step after a failing one ran";
}

TEST(PublishJob, AllStepsOkAndAMissingProgramFails) {
    PublishJob ok({});
    ok.start("ok", {{"true"}, {"sh", "-c", "echo done"}});
    EXPECT_TRUE(waitFinished(ok, 20).ok);
    PublishJob missing({});
    missing.start("missing", {{"/nonexistent/lantai-no-such-program"}});
    const auto state = waitFinished(missing, 20);
    EXPECT_TRUE(state.finished);
    EXPECT_FALSE(state.ok);
}

TEST(PublishJob, CancelEndsTheRunningStepAndItsChildren) {
    const fs::path marker =
        fs::temp_directory_path() / ("lantai-publish-cancel-" + std::to_string(::getpid()));
    fs::remove(marker);
    int wakes = 0;
    PublishJob job([&] { ++wakes; });
    // A shell step whose child outlives a SIGTERM to the shell alone would write the marker.
    job.start("cancel", {{"sh", "-c", "(sleep 3; touch '" + marker.string() + "') & sleep 30"},
                         {"sh", "-c", "echo never"}});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_TRUE(job.running());
    const auto started = std::chrono::steady_clock::now();
    job.cancel();
    const PublishJob::State state = waitFinished(job, 10);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
              5.0);
    EXPECT_TRUE(state.finished);
    EXPECT_TRUE(state.cancelled);
    EXPECT_FALSE(state.ok);
    EXPECT_FALSE(hasLine(state, "never"));
    EXPECT_GE(wakes, 1) << "the editor is woken when the job ends";
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));
    EXPECT_FALSE(fs::exists(marker)) << "the step's child survived the cancel";
    fs::remove(marker);
}

TEST(PublishJob, CopyToUsbNeverCopiesThePackIntoItself) {
    const fs::path root =
        fs::temp_directory_path() / ("lantai-publish-usb-" + std::to_string(::getpid()));
    fs::create_directories(root / "我的展览");
    fs::create_directories(root / "stick");
    EXPECT_TRUE(PublishJob::copyToUsbSteps(root / "我的展览", root).empty())
        << "the stick's folder would be the pack itself";
    EXPECT_TRUE(PublishJob::copyToUsbSteps(root / "我的展览", root / "我的展览").empty())
        << "a copy inside the pack";
    const auto steps = PublishJob::copyToUsbSteps(root / "我的展览", root / "stick");
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.front()[1], "build");
    bool copies = false;
    for (const auto& step : steps)
        if (step.front() == "cp")
            copies = step.back() == (fs::weakly_canonical(root) / "stick" / "我的展览").string();
    EXPECT_TRUE(copies) << "copied to <stick>/<pack folder name>";
    fs::remove_all(root);
}

} // namespace
} // namespace lantai::editor

// tests: the process log — lines reach the file, rotation keeps N files, levels filter
#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/config/kiosk_config.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

fs::path freshDir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string("lantai-log-test-") + name + "-" +
                                                      std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& file) {
    auto text = readFile(file);
    return text ? *text : std::string();
}

TEST(Log, WritesTimestampedLinesWithLevel) {
    const auto dir = freshDir("write");
    setLogToStderr(false);
    setLogLevel(LogLevel::Info);
    ASSERT_TRUE(openLog(dir / "logs" / "kiosk.log", 1 << 20, 3));
    logInfo("pack loaded");
    logDebug("not shown at info level");
    logError("image failed: 档案.jpg");
    const std::string text = slurp(dir / "logs" / "kiosk.log");
    EXPECT_NE(text.find("[info] pack loaded"), std::string::npos);
    EXPECT_NE(text.find("[error] image failed: 档案.jpg"), std::string::npos);
    EXPECT_EQ(text.find("not shown"), std::string::npos);
    (void)openLog({}, 0, 0);
    setLogToStderr(true);
}

TEST(Log, RotatesAndKeepsTheConfiguredNumberOfFiles) {
    const auto dir = freshDir("rotate");
    setLogToStderr(false);
    setLogLevel(LogLevel::Info);
    ASSERT_TRUE(openLog(dir / "kiosk.log", 4096, 2));
    const std::string line(200, 'x');
    for (int i = 0; i < 200; ++i)
        logInfo(line + std::to_string(i));
    (void)openLog({}, 0, 0);
    setLogToStderr(true);
    EXPECT_TRUE(fs::exists(dir / "kiosk.log"));
    EXPECT_TRUE(fs::exists(dir / "kiosk.log.1"));
    EXPECT_TRUE(fs::exists(dir / "kiosk.log.2"));
    EXPECT_FALSE(fs::exists(dir / "kiosk.log.3"));
    EXPECT_LE(fs::file_size(dir / "kiosk.log"), 4096u);
    EXPECT_NE(slurp(dir / "kiosk.log").find(line + "199"),
              std::string::npos); // newest line in the live file
}

TEST(Log, UnwritableFileIsReportedAndLoggingContinues) {
    std::string error;
    const Status opened = openLog("/proc/lantai-cannot-write/kiosk.log", 4096, 1);
    EXPECT_FALSE(opened);
    if (!opened) error = opened.error().message;
    EXPECT_NE(error.find("cannot open log file"), std::string::npos);
    logInfo("still works (stderr)");
    (void)openLog({}, 0, 0);
}

// A FIFO where the log belongs is refused at once (a blocking open would hang the kiosk
// before its window opens), and logging goes on to stderr.
TEST(Log, FifoInPlaceOfTheLogIsRefusedWithoutBlocking) {
    const auto dir = freshDir("fifo");
    ASSERT_EQ(::mkfifo((dir / "kiosk.log").c_str(), 0644), 0);
    ::alarm(10); // a blocking open would end the test with SIGALRM instead of hanging
    const Status opened = openLog(dir / "kiosk.log", 4096, 1);
    ::alarm(0);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, "log.cannot_open");
    EXPECT_NE(opened.error().message.find("named pipe"), std::string::npos)
        << opened.error().message;
    logInfo("still works (stderr)");
    (void)openLog({}, 0, 0);
}

} // namespace

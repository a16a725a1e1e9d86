// tests/unit/editor: which file chooser the editor uses — the portal, then zenity, then kdialog,
// then the built-in browser — and the portal probe answering "no" without a bus, with a bus
// that has no portal or never answers, and never crashing
#include "tools/editor/file_dialog.h"
#include "tools/editor/portal_chooser.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <set>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace lantai::editor;

namespace {

ChooserProbe desktop(bool portal, std::set<std::string> programs) {
    ChooserProbe probe;
    probe.display = true;
    probe.portal = [portal] { return portal; };
    probe.installed = [programs](const std::string& p) { return programs.count(p) > 0; };
    return probe;
}

TEST(FileChooserOrder, PortalThenZenityThenKdialogThenBuiltIn) {
    EXPECT_EQ(pickChooser(desktop(true, {"zenity", "kdialog"})), "portal");
    EXPECT_EQ(pickChooser(desktop(false, {"zenity", "kdialog"})), "zenity");
    EXPECT_EQ(pickChooser(desktop(false, {"kdialog"})), "kdialog");
    EXPECT_EQ(pickChooser(desktop(false, {})), "");
}

TEST(FileChooserOrder, NoDisplayOrAForcedChooserSkipsTheBusProbe) {
    bool asked = false;
    ChooserProbe probe = desktop(true, {"zenity"});
    probe.portal = [&asked] {
        asked = true;
        return true;
    };
    probe.display = false;
    EXPECT_EQ(pickChooser(probe), "");
    probe.display = true;
    probe.forced = "";
    EXPECT_EQ(pickChooser(probe), ""); // LANTAI_FILE_CHOOSER= : the built-in browser
    probe.forced = "kdialog";
    EXPECT_EQ(pickChooser(probe), "kdialog");
    EXPECT_FALSE(asked);
}

// Sets an environment variable for one scope.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

TEST(PortalProbe, NoSessionBusMeansNoPortalWithoutCrashing) {
    ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", nullptr);
    ScopedEnv runtime("XDG_RUNTIME_DIR", "/nonexistent-lantai-runtime");
    EXPECT_FALSE(sessionBusAddress().has_value());
    EXPECT_FALSE(portalFileChooserVersion().has_value());
    const PortalChoice choice = runPortalChooser(false, "t");
    EXPECT_EQ(choice.outcome, PortalChoice::Outcome::Failed);
    EXPECT_FALSE(choice.error.empty());
}

TEST(PortalProbe, ABusAddressNobodyListensOnMeansNoPortal) {
    ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent-lantai/bus");
    EXPECT_EQ(sessionBusAddress(), "unix:path=/nonexistent-lantai/bus");
    EXPECT_FALSE(portalFileChooserVersion(500).has_value());
}

// A private dbus-daemon with no services at all: the bus answers, the portal does not, and the
// probe says so within its timeout.
TEST(PortalProbe, ABusWithoutThePortalMeansNoPortal) {
    if (::access("/usr/bin/dbus-daemon", X_OK) != 0) GTEST_SKIP() << "no dbus-daemon";
    const std::string dir =
        std::string(::testing::TempDir()) + "lantai-bus-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string config = dir + "/bus.conf";
    std::ofstream(config)
        << R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path=)"
        << dir << R"(/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
<allow own="*"/></policy></busconfig>
)";
    const pid_t daemon = ::fork();
    ASSERT_GE(daemon, 0);
    if (daemon == 0) {
        ::execl("/usr/bin/dbus-daemon", "dbus-daemon", "--nofork", "--nopidfile",
                ("--config-file=" + config).c_str(), nullptr);
        ::_exit(127);
    }
    const std::string socket = dir + "/bus";
    for (int i = 0; i < 200 && !std::filesystem::exists(socket); ++i)
        ::usleep(10000);
    ASSERT_TRUE(std::filesystem::exists(socket)) << "dbus-daemon did not start";
    {
        ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + socket).c_str());
        const auto start = std::chrono::steady_clock::now();
        EXPECT_FALSE(portalFileChooserVersion(1000).has_value());
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
        const PortalChoice choice = runPortalChooser(true, "t");
        EXPECT_EQ(choice.outcome, PortalChoice::Outcome::Failed);
        EXPECT_NE(choice.error.find("does not answer"), std::string::npos) << choice.error;
    }
    ::kill(daemon, SIGTERM);
    ::waitpid(daemon, nullptr, 0);
    std::filesystem::remove_all(dir);
}

} // namespace

namespace {

// A socket that takes the connection and never says a word: the probe gives up on time.
TEST(PortalProbe, ABusThatNeverAnswersTimesOut) {
    const std::string path =
        std::string(::testing::TempDir()) + "lantai-mute-bus-" + std::to_string(::getpid());
    const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
    ::unlink(path.c_str());
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener, 4), 0);
    {
        ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + path).c_str());
        const auto start = std::chrono::steady_clock::now();
        EXPECT_FALSE(portalFileChooserVersion(300).has_value());
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    }
    ::close(listener);
    ::unlink(path.c_str());
}

} // namespace

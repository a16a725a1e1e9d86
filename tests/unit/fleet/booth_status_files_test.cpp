// tests: core/fleet's small status files — the kiosk's kiosk-alive.json (written, read, the
// heartbeat's last frame) and sync/status.json as the staff screen summarises it
#include "core/base/file_io.h"
#include "core/fleet/booth_report.h"
#include "core/fleet/http_client.h"
#include "core/fleet/kiosk_alive.h"
#include "core/fleet/sync_status.h"
#include "tests/unit/support/temp_dir.h"

#include <chrono>
#include <ctime>
#include <gtest/gtest.h>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

int utc(std::int64_t) {
    return 0;
}
int china(std::int64_t) {
    return 8 * 3600;
}

constexpr std::int64_t kNoon = 1780747200; // 2026-06-06T12:00:00Z

} // namespace

using lantai::test::TempDir;

TEST(KioskAlive, ParsesUtcTimestampsAndRefusesOthers) {
    EXPECT_EQ(parseUtcTimestamp("2026-06-06T12:00:00Z"), kNoon);
    EXPECT_EQ(parseUtcTimestamp("1970-01-01T00:00:00Z"), 0);
    EXPECT_FALSE(parseUtcTimestamp("2026-06-06T12:00:00"));
    EXPECT_FALSE(parseUtcTimestamp("2026-06-06T12:00:00Z trailing"));
    EXPECT_FALSE(parseUtcTimestamp("2026-13-06T12:00:00Z"));
    EXPECT_FALSE(parseUtcTimestamp(""));
}

TEST(KioskAlive, WrittenWithoutATemporaryLeftAndReadBack) {
    TempDir dir;
    const fs::path file = kioskAlivePath(dir.path());
    EXPECT_EQ(file, dir.path() / "kiosk-alive.json");
    EXPECT_FALSE(readKioskAlive(file)); // none yet
    ASSERT_TRUE(writeKioskAlive(file, {kNoon, 4242, "valid-minimal", "0123456789ab"}));
    ASSERT_TRUE(writeKioskAlive(file, {kNoon + 30, 4242, "valid-minimal", "0123456789ab"}));
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
    const auto alive = readKioskAlive(file);
    ASSERT_TRUE(alive);
    EXPECT_EQ(alive->lastFrame, kNoon + 30);
    EXPECT_EQ(alive->pid, 4242);
    EXPECT_EQ(alive->packId, "valid-minimal");
    EXPECT_EQ(alive->packVersion, "0123456789ab");
}

TEST(KioskAlive, AMalformedFileIsNoMark) {
    TempDir dir;
    const fs::path file = kioskAlivePath(dir.path());
    for (const char* text : {"", "{", "[]", R"({"pid": 1})", R"({"last_frame": 12})",
                             R"({"last_frame": "yesterday"})"}) {
        ASSERT_TRUE(writeFileAtomic(file, text));
        EXPECT_FALSE(readKioskAlive(file)) << text;
    }
}

TEST(KioskAlive, TheHeartbeatsLastFrameComesFromIt) {
    TempDir dir;
    BoothReportSettings settings{"http://origin/reports/", "hall-east", dir.path(), {}};
    EXPECT_TRUE(heartbeatJson(settings, kNoon)["last_frame"].is_null()); // no kiosk has drawn
    ASSERT_TRUE(writeKioskAlive(kioskAlivePath(dir.path()), {kNoon - 20, 77, "museum", "abc"}));
    const auto frame = heartbeatJson(settings, kNoon)["last_frame"];
    EXPECT_EQ(frame["time"], "2026-06-06T11:59:40Z");
    EXPECT_EQ(frame["age_s"], 20);
    EXPECT_EQ(frame["pid"], 77);
    EXPECT_EQ(frame["pack_id"], "museum");
    EXPECT_EQ(frame["pack_version"], "abc");

    // --kiosk-state overrides it: that file's modification time.
    const fs::path stateOut = dir.path() / "state.json";
    ASSERT_TRUE(writeFileAtomic(stateOut, "{}"));
    fs::last_write_time(stateOut, fs::file_time_type::clock::now() - std::chrono::hours(1));
    settings.kioskStateFile = stateOut;
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    const auto overridden = heartbeatJson(settings, now)["last_frame"];
    EXPECT_NEAR(overridden["age_s"].get<double>(), 3600, 5);
    EXPECT_FALSE(overridden.contains("pid"));
    settings.kioskStateFile = dir.path() / "missing.json";
    EXPECT_TRUE(heartbeatJson(settings, now)["last_frame"].is_null());
}

TEST(SyncSummary, EachOutcomeWithItsLocalTime) {
    EXPECT_FALSE(summarizeSyncStatus(nullptr, utc));
    EXPECT_FALSE(summarizeSyncStatus({{"result", "installed"}}, utc));
    EXPECT_FALSE(summarizeSyncStatus({{"time", "noon"}, {"result", "installed"}}, utc));

    auto installed = summarizeSyncStatus({{"time", "2026-06-06T12:00:00Z"},
                                          {"result", "installed"},
                                          {"pack_id", "museum"},
                                          {"version", 7},
                                          {"error_code", ""}},
                                         china);
    ASSERT_TRUE(installed);
    EXPECT_EQ(installed->localTime, "2026-06-06 20:00");
    EXPECT_EQ(installed->outcomeKey, "staff.sync_installed");
    EXPECT_EQ(installed->detail, "museum v7");

    auto current = summarizeSyncStatus(
        {{"time", "2026-06-06T12:00:00Z"}, {"result", "unchanged"}, {"pack_id", ""}}, utc);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->localTime, "2026-06-06 12:00");
    EXPECT_EQ(current->outcomeKey, "staff.sync_up_to_date");
    EXPECT_EQ(current->detail, "");

    auto offline = summarizeSyncStatus(
        {{"time", "2026-06-06T12:00:00Z"}, {"result", "failed"}, {"error_code", kFleetUnreachable}},
        utc);
    ASSERT_TRUE(offline);
    EXPECT_EQ(offline->outcomeKey, "staff.sync_unreachable");

    auto refused = summarizeSyncStatus({{"time", "2026-06-06T12:00:00Z"},
                                        {"result", "failed"},
                                        {"error_code", "fleet.object_invalid"}},
                                       utc);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->outcomeKey, "staff.sync_failed");
    EXPECT_EQ(refused->detail, "fleet.object_invalid");
}

TEST(SyncSummary, ReadsWhatWriteSyncStatusWrote) {
    TempDir dir;
    EXPECT_FALSE(summarizeSyncStatus(readSyncStatus(dir.path()), utc));
    ASSERT_TRUE(writeSyncStatus(dir.path(), kNoon, "up_to_date", "museum", 3, std::nullopt));
    auto summary = summarizeSyncStatus(readSyncStatus(dir.path()), utc);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->localTime, "2026-06-06 12:00");
    EXPECT_EQ(summary->outcomeKey, "staff.sync_up_to_date");
    EXPECT_EQ(summary->detail, "museum v3");
}

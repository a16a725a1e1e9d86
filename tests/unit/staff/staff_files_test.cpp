// tests: staff mode's files — the audit log (appended JSON lines, a torn line skipped), the run
// counter (restarts, crashes), packs and USB sticks found, the statistics copy (a valid SQLite
// database taken while a writer holds it open)
#include "core/staff/audit_log.h"
#include "core/staff/pack_finder.h"
#include "core/staff/run_counter.h"
#include "core/stats/sqlite.h"
#include "core/stats/stats_backup.h"
#include "tests/unit/support/temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

} // namespace

TEST(AuditLog, AppendsOneJsonLinePerAction) {
    lantai::test::TempDir dir;
    const fs::path file = auditLogPath(dir.path());
    AuditRecord unlock;
    unlock.unixTime = 1717900000;
    unlock.action = "unlock";
    unlock.result = "refused";
    unlock.details = {{"failures", 4}, {"wait_s", 30}};
    ASSERT_TRUE(appendAuditRecord(file, unlock));
    AuditRecord exported;
    exported.unixTime = 1717900060;
    exported.action = "export";
    exported.details = {{"folder", "/media/staff/U盘/lantai-x"}};
    ASSERT_TRUE(appendAuditRecord(file, exported));

    std::ifstream in(file);
    std::string first, second, third;
    ASSERT_TRUE(std::getline(in, first));
    ASSERT_TRUE(std::getline(in, second));
    EXPECT_FALSE(std::getline(in, third));
    const auto line = nlohmann::json::parse(first);
    EXPECT_EQ(line["action"], "unlock");
    EXPECT_EQ(line["result"], "refused");
    EXPECT_EQ(line["details"]["wait_s"], 30);
    EXPECT_EQ(line["unix"], 1717900000);
    EXPECT_EQ(line["time"].get<std::string>().size(), 19u) << line["time"];

    std::ofstream(file, std::ios::app) << "{\"action\": \"cut by a power l"; // torn last line
    auto records = readAuditLog(file);
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 2u);
    EXPECT_EQ((*records)[1].action, "export");
    EXPECT_EQ((*records)[1].details["folder"], "/media/staff/U盘/lantai-x");
}

TEST(AuditLog, AnUnwritableFileIsAnErrorNamingIt) {
    lantai::test::TempDir dir;
    const fs::path file = dir.path() / "missing-folder" / "staff-audit.jsonl";
    AuditRecord r;
    r.action = "leave";
    const Status written = appendAuditRecord(file, r);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, "staff.audit_log");
    EXPECT_NE(written.error().message.find(file.string()), std::string::npos);
    EXPECT_FALSE(written.error().messageZh.empty());
}

TEST(RunCounter, CountsRestartsAndRunsWithoutACleanStop) {
    lantai::test::TempDir dir;
    const fs::path file = runCounterPath(dir.path());
    auto first = countKioskStart(file);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->starts, 1);
    EXPECT_EQ(first->restarts(), 0);
    EXPECT_EQ(first->crashes, 0);
    ASSERT_TRUE(markKioskStopped(file));
    auto second = countKioskStart(file); // clean stop before: no crash
    ASSERT_TRUE(second);
    EXPECT_EQ(second->restarts(), 1);
    EXPECT_EQ(second->crashes, 0);
    auto third = countKioskStart(file); // the second run never stopped cleanly
    ASSERT_TRUE(third);
    EXPECT_EQ(third->restarts(), 2);
    EXPECT_EQ(third->crashes, 1);
    writeText(file, "not json");
    auto fresh = countKioskStart(file);
    ASSERT_TRUE(fresh);
    EXPECT_EQ(fresh->starts, 1);
}

TEST(PackFinder, FindsPacksAndSticks) {
    lantai::test::TempDir dir;
    const fs::path packs = dir.path() / "packs";
    writeText(packs / "expo-a" / "pack.json",
              R"({"id": "expo-a", "title": {"zh": "展览甲", "en": "Expo A"}})");
    writeText(packs / "expo-b" / "pack.json", "not json");
    writeText(packs / "expo-b" / "derived" / "pack.json", "{}"); // inside a pack: not searched
    writeText(packs / ".hidden" / "pack.json", "{}");
    const auto found = findPacks(packs, 1, false);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].id, "expo-a");
    EXPECT_EQ(found[0].title, "展览甲");
    EXPECT_EQ(found[1].id, "");
    EXPECT_EQ(found[1].title, "expo-b");

    const fs::path media = dir.path() / "media";
    writeText(media / "staff" / "STICK" / "exhibitions" / "expo-c" / "pack.json",
              R"({"id": "expo-c"})");
    fs::create_directories(media / "staff" / "OTHER");
    const auto sticks = removableMedia({media, dir.path() / "no-such-root"});
    ASSERT_EQ(sticks.size(), 2u);
    EXPECT_EQ(sticks[0], media / "staff" / "OTHER");
    EXPECT_EQ(sticks[1], media / "staff" / "STICK");
    const auto onStick = findPacks(sticks[1], 2, true);
    ASSERT_EQ(onStick.size(), 1u);
    EXPECT_EQ(onStick[0].id, "expo-c");
    EXPECT_TRUE(onStick[0].removable);
    EXPECT_TRUE(findPacks(sticks[1], 1, true).empty()) << "depth is honoured";

    const auto list = splitPathList("/media::/run/media:");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1], fs::path("/run/media"));
}

TEST(StatsBackup, CopiesADatabaseAWriterHoldsOpen) {
    lantai::test::TempDir dir;
    const fs::path live = dir.path() / "lantai.sqlite";
    SqliteConnection writer;
    ASSERT_TRUE(writer.open(live, false));
    const StatsAction act{"test", "测试"};
    ASSERT_TRUE(writer.exec("PRAGMA journal_mode=WAL", act));
    ASSERT_TRUE(writer.exec("CREATE TABLE t(x INTEGER)", act));
    for (int i = 0; i < 100; ++i)
        ASSERT_TRUE(writer.exec("INSERT INTO t VALUES (1)", act));
    // Rows still in the -wal file: a raw copy of lantai.sqlite would miss them.
    const fs::path copy = dir.path() / "stick" / "lantai.sqlite";
    fs::create_directories(copy.parent_path());
    ASSERT_TRUE(backupStatsDatabase(live, copy));
    EXPECT_FALSE(fs::exists(dir.path() / "stick" / "lantai.sqlite.partial"));
    SqliteConnection reader;
    ASSERT_TRUE(reader.open(copy, true, /*immutable=*/true));
    SqliteStatement count(reader, "SELECT count(*) FROM t");
    ASSERT_EQ(count.step(), SQLITE_ROW);
    EXPECT_EQ(count.int64(0), 100);
    SqliteStatement check(reader, "PRAGMA integrity_check");
    ASSERT_EQ(check.step(), SQLITE_ROW);
    EXPECT_EQ(check.text(0), "ok");
}

TEST(StatsBackup, AMissingDatabaseIsAnError) {
    lantai::test::TempDir dir;
    const Status copied =
        backupStatsDatabase(dir.path() / "none.sqlite", dir.path() / "copy.sqlite");
    EXPECT_FALSE(copied);
    EXPECT_FALSE(fs::exists(dir.path() / "copy.sqlite"));
}

// tests/unit/trust: mark good and rollback — the start decision (failed starts of a new pack within
// the window roll it back; a good pack, a clean stop or old failures never do) and the rollback
// itself (one link switched, the version recorded as rolled back)
#include "core/trust/pack_install.h"
#include "core/trust/pack_runs.h"
#include "core/trust/signed_pack.h"
#include "tests/unit/support/temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kT = 1'790'000'000; // some unix time

// A start of `pack` at `t`, written back as the kiosk does.
StartDecision startAt(PackRuns& runs, const std::string& pack, std::int64_t t) {
    StartDecision d = decidePackStart(runs, pack, t);
    runs = d.runs;
    return d;
}

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

} // namespace

TEST(PackRuns, TwoFailedStartsOfANewPackRollItBackAtTheThird) {
    PackRuns runs;
    EXPECT_FALSE(startAt(runs, "expo-2", kT).rollBack);     // crashes (never stopped)
    EXPECT_FALSE(startAt(runs, "expo-2", kT + 5).rollBack); // one failure, crashes again
    const StartDecision third = startAt(runs, "expo-2", kT + 40);
    EXPECT_TRUE(third.rollBack);
    EXPECT_EQ(third.recentFailures, 2);
}

TEST(PackRuns, CleanStopsAndGoodRunsAreNotFailures) {
    PackRuns runs;
    startAt(runs, "expo-2", kT);
    runs = packRunStopped(runs); // SIGTERM, a staff restart
    EXPECT_EQ(startAt(runs, "expo-2", kT + 5).recentFailures, 0);
    startAt(runs, "expo-2", kT + 10); // the previous run crashed: one failure
    EXPECT_EQ(runs.failedStarts.size(), 1u);
    runs = packRunGood(runs); // this one ran its clean minute
    EXPECT_TRUE(runs.failedStarts.empty());
    // A good pack is never rolled back, however it fails afterwards (systemd's fallback unit is
    // for that).
    startAt(runs, "expo-2", kT + 100);
    startAt(runs, "expo-2", kT + 105);
    EXPECT_FALSE(startAt(runs, "expo-2", kT + 110).rollBack);
}

TEST(PackRuns, FailuresFarApartOrOfAnotherPackDoNotAddUp) {
    PackRuns runs;
    startAt(runs, "expo-2", kT); // a power cut in the first minute
    const StartDecision later = startAt(runs, "expo-2", kT + kFailedStartsWindowSeconds + 100);
    EXPECT_EQ(later.recentFailures, 0) << "the first failure is too old";
    EXPECT_FALSE(startAt(runs, "expo-2", kT + kFailedStartsWindowSeconds + 110).rollBack);
    // A different pack starts a new history.
    const StartDecision other = startAt(runs, "expo-3", kT + kFailedStartsWindowSeconds + 120);
    EXPECT_EQ(other.recentFailures, 0);
    EXPECT_FALSE(other.rollBack);
}

TEST(PackRuns, FileRoundTripAndDamagedFileIsNoHistory) {
    lantai::test::TempDir dir;
    const fs::path file = packRunsPath(dir.path());
    PackRuns runs;
    startAt(runs, "expo-2", kT);
    startAt(runs, "expo-2", kT + 3);
    ASSERT_TRUE(writePackRuns(file, runs));
    const PackRuns back = readPackRuns(file);
    EXPECT_EQ(back.pack, "expo-2");
    EXPECT_TRUE(back.running);
    EXPECT_EQ(back.startedAt, kT + 3);
    EXPECT_EQ(back.failedStarts, std::vector<std::int64_t>{kT});
    writeText(file, "{not json");
    EXPECT_EQ(readPackRuns(file).pack, "");
}

TEST(PackRuns, RollbackSwitchesCurrentAndRecordsTheVersion) {
    lantai::test::TempDir dir;
    const fs::path packs = packsFolder(dir.path());
    const fs::path bad = packs / "expo-20260101000002";
    writeText(packs / "expo-20260101000001/pack.json", R"({"id": "expo"})");
    writeText(bad / "pack.json", R"({"id": "expo"})");
    writeText(bad / kManifestFile,
              canonicalManifestJson({"expo", 20260101000002, {}})); // signature not needed here
    fs::create_directory_symlink("expo-20260101000002", currentPackLink(dir.path()));
    fs::create_directory_symlink("expo-20260101000001", lastGoodPackLink(dir.path()));

    auto rolled =
        rollBackPack(currentPackLink(dir.path()), lastGoodPackLink(dir.path()), dir.path());
    ASSERT_TRUE(rolled) << rolled.error().message;
    EXPECT_EQ(rolled->from, "expo-20260101000002");
    EXPECT_EQ(rolled->to, "expo-20260101000001");
    EXPECT_EQ(fs::read_symlink(currentPackLink(dir.path())), "expo-20260101000001");
    auto state = readInstallState(dir.path());
    ASSERT_TRUE(state);
    EXPECT_TRUE(state->wasRolledBack("expo", 20260101000002));

    // Now current is the last good pack: nothing further to go back to.
    auto again =
        rollBackPack(currentPackLink(dir.path()), lastGoodPackLink(dir.path()), dir.path());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "trust.rollback_impossible");
}

TEST(PackRuns, NoLastGoodPackMeansNoRollback) {
    lantai::test::TempDir dir;
    const fs::path packs = packsFolder(dir.path());
    writeText(packs / "expo-2/pack.json", "{}");
    fs::create_directory_symlink("expo-2", currentPackLink(dir.path()));
    auto rolled =
        rollBackPack(currentPackLink(dir.path()), lastGoodPackLink(dir.path()), dir.path());
    ASSERT_FALSE(rolled);
    EXPECT_EQ(rolled.error().code, "trust.rollback_impossible");
    EXPECT_EQ(fs::read_symlink(currentPackLink(dir.path())), "expo-2");
}

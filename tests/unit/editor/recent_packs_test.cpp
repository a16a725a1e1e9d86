// tests/unit/editor: File → Open recent — newest first, at most eight, missing packs told and
// removed, a broken list read as empty, the file in $XDG_CONFIG_HOME
#include "core/base/file_io.h"
#include "tools/editor/recent_packs.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace lantai::editor;

namespace {

class RecentPacks : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir =
            fs::temp_directory_path() /
            ("lantai-recent-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        m_file = m_dir / "config" / "lantai" / "editor-recent.json";
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path makePack(const std::string& name) {
        const fs::path pack = m_dir / name;
        fs::create_directories(pack);
        std::ofstream(pack / "pack.json") << "{}";
        return pack;
    }
    fs::path m_dir, m_file;
};

TEST_F(RecentPacks, NewestFirstWithoutDuplicatesAndAtMostEight) {
    std::vector<fs::path> packs;
    for (int i = 0; i < 10; ++i) {
        packs.push_back(makePack("pack" + std::to_string(i)));
        ASSERT_TRUE(rememberRecentPack(m_file, packs.back()));
    }
    ASSERT_TRUE(rememberRecentPack(m_file, packs[5])); // opened again: to the front, once
    const auto recent = readRecentPacks(m_file);
    ASSERT_EQ(recent.size(), kMaxRecentPacks);
    EXPECT_EQ(recent[0], packs[5]);
    EXPECT_EQ(recent[1], packs[9]);
    EXPECT_EQ(std::count(recent.begin(), recent.end(), packs[5]), 1);
    EXPECT_EQ(std::count(recent.begin(), recent.end(), packs[0]), 0); // the oldest fell off
}

TEST_F(RecentPacks, RelativeAndTrailingSlashPathsAreOneEntry) {
    const fs::path pack = makePack("展览 一");
    const fs::path previous = fs::current_path();
    fs::current_path(m_dir);
    ASSERT_TRUE(rememberRecentPack(m_file, "展览 一/"));
    ASSERT_TRUE(rememberRecentPack(m_file, "./展览 一"));
    fs::current_path(previous);
    const auto recent = readRecentPacks(m_file);
    ASSERT_EQ(recent.size(), 1u);
    EXPECT_EQ(recent[0], pack);
}

TEST_F(RecentPacks, MissingPacksAreToldAndRemoved) {
    const fs::path kept = makePack("kept");
    const fs::path gone = makePack("gone");
    ASSERT_TRUE(rememberRecentPack(m_file, gone));
    ASSERT_TRUE(rememberRecentPack(m_file, kept));
    fs::remove_all(gone);
    EXPECT_TRUE(recentPackExists(kept));
    EXPECT_FALSE(recentPackExists(gone));
    ASSERT_EQ(readRecentPacks(m_file).size(), 2u); // still listed (greyed) until removed
    ASSERT_TRUE(forgetMissingRecentPacks(m_file));
    EXPECT_EQ(readRecentPacks(m_file), std::vector<fs::path>{kept});
}

TEST_F(RecentPacks, ABrokenOrMissingListIsEmpty) {
    EXPECT_TRUE(readRecentPacks(m_file).empty());
    fs::create_directories(m_file.parent_path());
    std::ofstream(m_file) << "{\"packs\": [\"/a\", 3, null";
    EXPECT_TRUE(readRecentPacks(m_file).empty());
    std::ofstream(m_file) << R"({"version": 1, "packs": ["/a", 3, "", "/b"]})";
    EXPECT_EQ(readRecentPacks(m_file), (std::vector<fs::path>{"/a", "/b"}));
    // Remembering over a broken list starts a new one (written whole: no temp file left).
    std::ofstream(m_file) << "not json";
    ASSERT_TRUE(rememberRecentPack(m_file, makePack("p")));
    EXPECT_EQ(readRecentPacks(m_file).size(), 1u);
    for (const auto& entry : fs::directory_iterator(m_file.parent_path()))
        EXPECT_EQ(entry.path().filename(), "editor-recent.json");
}

TEST_F(RecentPacks, TheFileIsInTheUsersConfigFolder) {
    const char* savedConfig = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = savedConfig ? savedConfig : "";
    ::setenv("XDG_CONFIG_HOME", "/somewhere/config", 1);
    EXPECT_EQ(recentPacksFile(), fs::path("/somewhere/config/lantai/editor-recent.json"));
    ::unsetenv("XDG_CONFIG_HOME");
    if (const char* home = std::getenv("HOME"); home && *home) {
        EXPECT_EQ(recentPacksFile(), fs::path(home) / ".config/lantai/editor-recent.json");
    }
    if (savedConfig) ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
}

} // namespace

// tests/unit: the builder's stat cache of source hashes — reuse only when a file sat still
#include "core/base/sha256.h"
#include "tests/unit/support/temp_dir.h"
#include "tools/builder/source_hash_cache.h"

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

void writeText(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// Files older than the cache's racy margin (a second) before the next build starts.
void letFilesSettle() {
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
}

class SourceHashCacheTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_FALSE(dir.path().empty());
        fs::create_directories(root / "derived");
    }
    std::string hashWithNewCache(const std::string& relative, std::size_t* hashed = nullptr) {
        SourceHashCache cache(root / "derived");
        auto sha = cache.sha256(root, relative);
        EXPECT_TRUE(sha.ok());
        EXPECT_TRUE(cache.save(root / "derived").ok());
        if (hashed) *hashed = cache.hashed();
        return sha.ok() ? *sha : std::string();
    }
    test::TempDir dir{"lantai-hash-cache"};
    fs::path root = dir.path();
};

TEST_F(SourceHashCacheTest, UnchangedFileIsNotReadAgain) {
    writeText(root / "a.txt", "甲骨文");
    letFilesSettle();
    std::size_t hashed = 0;
    const std::string first = hashWithNewCache("a.txt", &hashed);
    EXPECT_EQ(hashed, 1u);
    EXPECT_EQ(first, sha256Hex("甲骨文"));

    SourceHashCache cache(root / "derived");
    auto again = cache.sha256(root, "a.txt");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, first);
    EXPECT_EQ(cache.hashed(), 0u);
    EXPECT_EQ(cache.reused(), 1u);
}

TEST_F(SourceHashCacheTest, SameSizeRewriteWithOldMtimeIsHashedAgain) {
    writeText(root / "a.txt", "AAAA");
    letFilesSettle();
    const std::string first = hashWithNewCache("a.txt");
    struct stat before {};
    ASSERT_EQ(::stat((root / "a.txt").c_str(), &before), 0);
    // Same size, and the modification time set back: only the change time tells.
    writeText(root / "a.txt", "BBBB");
    const timespec times[2] = {before.st_atim, before.st_mtim};
    ASSERT_EQ(::utimensat(AT_FDCWD, (root / "a.txt").c_str(), times, 0), 0);
    std::size_t hashed = 0;
    const std::string second = hashWithNewCache("a.txt", &hashed);
    EXPECT_EQ(hashed, 1u);
    EXPECT_NE(second, first);
    EXPECT_EQ(second, sha256Hex("BBBB"));
}

TEST_F(SourceHashCacheTest, FileReplacedByRenameIsHashedAgain) {
    writeText(root / "a.txt", "old!");
    letFilesSettle();
    hashWithNewCache("a.txt");
    writeText(root / "new.txt", "new!");
    fs::rename(root / "new.txt", root / "a.txt");
    std::size_t hashed = 0;
    EXPECT_EQ(hashWithNewCache("a.txt", &hashed), sha256Hex("new!"));
    EXPECT_EQ(hashed, 1u);
}

TEST_F(SourceHashCacheTest, FileChangedJustBeforeTheBuildIsNotTrustedNextTime) {
    writeText(root / "a.txt", "fresh"); // changed less than a clock tick's margin ago
    hashWithNewCache("a.txt");
    std::size_t hashed = 0;
    hashWithNewCache("a.txt", &hashed);
    EXPECT_EQ(hashed, 1u);
}

TEST_F(SourceHashCacheTest, DamagedOrForeignCacheMeansHashEverything) {
    writeText(root / "a.txt", "内容");
    letFilesSettle();
    for (const std::string bad :
         {"{", "[]", R"({"version": 99, "files": {}})",
          R"({"version": 1, "files": {"a.txt": [1, 2, 3, 4, "not a hash"]}})",
          R"({"version": 1, "files": {"a.txt": "x"}})"}) {
        writeText(root / "derived" / ".build-cache.json", bad);
        SourceHashCache cache(root / "derived");
        auto sha = cache.sha256(root, "a.txt");
        ASSERT_TRUE(sha.ok()) << bad;
        EXPECT_EQ(*sha, sha256Hex("内容")) << bad;
        EXPECT_EQ(cache.hashed(), 1u) << bad;
    }
}

TEST_F(SourceHashCacheTest, MissingFileIsAnErrorNamingIt) {
    SourceHashCache cache(root / "derived");
    auto sha = cache.sha256(root, "images/missing.jpg");
    ASSERT_FALSE(sha.ok());
    EXPECT_NE(sha.error().message.find("missing.jpg"), std::string::npos);
}

TEST_F(SourceHashCacheTest, EntriesOfFilesNoLongerAskedForAreDropped) {
    writeText(root / "a.txt", "a");
    writeText(root / "b.txt", "b");
    letFilesSettle();
    {
        SourceHashCache cache(root / "derived");
        ASSERT_TRUE(cache.sha256(root, "a.txt").ok());
        ASSERT_TRUE(cache.sha256(root, "b.txt").ok());
        ASSERT_TRUE(cache.save(root / "derived").ok());
    }
    hashWithNewCache("a.txt"); // a build that no longer has b.txt
    SourceHashCache cache(root / "derived");
    ASSERT_TRUE(cache.sha256(root, "b.txt").ok());
    EXPECT_EQ(cache.hashed(), 1u);
}

} // namespace
} // namespace lantai::core

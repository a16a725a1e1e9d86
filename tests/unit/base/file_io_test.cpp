// tests: core/base/file_io — regular files only (FIFO, device, socket, folder, link loop are
// errors that never block), size cap checked before reading, atomic write, Result shape
#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "tests/unit/support/special_files.h"
#include "tests/unit/support/temp_dir.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace lantai::core;
using lantai::test::Deadline;
using lantai::test::makeSocketFile;
using lantai::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct SpecialFile {
    const char* name;
    const char* expectCode;
    const char* expectWords; // in the English message
};

} // namespace

// Each kind of path that is not a regular file, through every reading entry point.
TEST(FileIo, SpecialFilesAreErrorsThatNeverBlock) {
    TempDir dir;
    const fs::path fifo = dir.path() / "fifo", socket = dir.path() / "socket",
                   loop = dir.path() / "loop", folder = dir.path() / "folder";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    ASSERT_TRUE(makeSocketFile(socket));
    fs::create_symlink(loop, loop);
    fs::create_directory(folder);
    const std::vector<std::pair<fs::path, SpecialFile>> cases = {
        {fifo, {"FIFO", kFileNotRegular, "named pipe (FIFO)"}},
        {"/dev/zero", {"character device", kFileNotRegular, "character device"}},
        {socket, {"socket", kFileNotRegular, "a socket"}},
        {loop, {"symlink loop", kFileLinkLoop, "link loop"}},
        {folder, {"folder", kFileNotRegular, "a folder"}},
        {dir.path() / "missing", {"missing", kFileMissing, "does not exist"}},
    };
    Deadline deadline(20);
    for (const auto& [path, expect] : cases) {
        SCOPED_TRACE(expect.name);
        const auto read = readFile(path);
        ASSERT_FALSE(read);
        EXPECT_EQ(read.error().code, expect.expectCode);
        EXPECT_NE(read.error().message.find(expect.expectWords), std::string::npos)
            << read.error().message;
        EXPECT_NE(read.error().message.find(path.string()), std::string::npos);
        EXPECT_FALSE(read.error().messageZh.empty());
        EXPECT_EQ(read.error().file, path.string());

        const auto checked = checkRegularFile(path);
        ASSERT_FALSE(checked);
        EXPECT_EQ(checked.error().code, expect.expectCode);
        const auto opened = openRegularFile(path);
        ASSERT_FALSE(opened);
        EXPECT_EQ(opened.error().code, expect.expectCode);
        const auto hash = sha256File(path);
        ASSERT_FALSE(hash);
        EXPECT_EQ(hash.error().code, expect.expectCode);
    }
}

TEST(FileIo, SizeLimitIsCheckedBeforeReadingAndNamedInTheMessage) {
    TempDir dir;
    const fs::path big = dir.path() / "big.gift";
    { std::ofstream(big) << "x"; }
    fs::resize_file(big, std::uintmax_t{3} << 30); // sparse: reading it would take a while
    Deadline deadline(10);
    const auto read = readFile(big, std::size_t{1} << 20);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, kFileTooLarge);
    EXPECT_NE(read.error().message.find("3072.0 MB"), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().message.find("1.0 MB"), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().message.find(big.string()), std::string::npos);
}

TEST(FileIo, ReadsRegularFilesWholeIncludingEmptyAndProcFiles) {
    TempDir dir;
    const fs::path file = dir.path() / "a.txt";
    ASSERT_TRUE(writeFileAtomic(file, std::string_view("第一行\nline 2\n")));
    const auto read = readFile(file);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(*read, "第一行\nline 2\n");
    ASSERT_TRUE(writeFileAtomic(file, std::string_view()));
    EXPECT_EQ(readFile(file).valueOr("not empty"), "");
    // /proc files report size 0 but have content.
    const auto status = readFile("/proc/self/status");
    ASSERT_TRUE(status);
    EXPECT_NE(status->find("Name:"), std::string::npos);
    // A symbolic link to a regular file is followed.
    fs::create_symlink(file, dir.path() / "link");
    EXPECT_TRUE(readFile(dir.path() / "link"));
}

TEST(FileIo, AtomicWriteLeavesNoTemporaryAndReportsWhereItFailed) {
    TempDir dir;
    const fs::path file = dir.path() / "pack.json";
    ASSERT_TRUE(writeFileAtomic(file, std::string_view("{}\n")));
    ASSERT_TRUE(writeFileAtomic(file, std::string_view("{\"a\": 1}\n")));
    EXPECT_EQ(*readFile(file), "{\"a\": 1}\n");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path()))
        ++entries;
    EXPECT_EQ(entries, 1u);
    const Status failed =
        writeFileAtomic(dir.path() / "no" / "such" / "x.json", std::string_view("x"));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, kFileWriteFailed);
    EXPECT_FALSE(failed.error().messageZh.empty());
}

TEST(FileIo, ShowFileAsReplacesTheFullPathEverywhere) {
    const auto read = readFile("/tmp/lantai-no-such-dir/subs/a.srt");
    ASSERT_FALSE(read);
    const Diagnostic shown =
        showFileAs(read.error(), "/tmp/lantai-no-such-dir/subs/a.srt", "subs/a.srt");
    EXPECT_EQ(shown.file, "subs/a.srt");
    EXPECT_EQ(shown.message, "The file \"subs/a.srt\" does not exist.");
    EXPECT_EQ(shown.messageZh, "文件“subs/a.srt”不存在。");
}

TEST(Result, HoldsAValueOrOneDiagnostic) {
    Result<int> good = 7;
    ASSERT_TRUE(good);
    EXPECT_EQ(*good, 7);
    Result<int> bad = operationalError("x.code", "f", "English.", "中文。");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, "x.code");
    EXPECT_EQ(bad.valueOr(3), 3);
    Status fine;
    EXPECT_TRUE(fine.ok());
    Status failed = operationalError("y.code", "", "E.", "中。");
    EXPECT_EQ(failed.error().messageZh, "中。");
}

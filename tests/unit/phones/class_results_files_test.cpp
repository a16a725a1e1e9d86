// tests: the class results CSVs' names and their copy (the staff's USB export): only
// class-results-*.csv regular files, a missing folder copies nothing
#include "core/base/file_io.h"
#include "core/phones/class_results_files.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const char* name) {
    const fs::path dir =
        fs::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST(ClassResultsFiles, NamesMatchWhatTheExportWrites) {
    const std::string name = classResultsFileName(1780000000);
    EXPECT_EQ(name.rfind("class-results-20", 0), 0u);
    EXPECT_EQ(name.size(), std::string("class-results-20260528-201320.csv").size());
    EXPECT_TRUE(isClassResultsFileName(name));
    EXPECT_FALSE(isClassResultsFileName("class-results-.csv"));
    EXPECT_FALSE(isClassResultsFileName("notes.txt"));
    EXPECT_FALSE(isClassResultsFileName("class-results-1.csv.tmp-12"));
}

TEST(ClassResultsFiles, CopiesOnlyTheCsvs) {
    const fs::path dir = freshDir("lantai-class-results");
    const fs::path from = dir / "state" / "class-results";
    fs::create_directories(from / "class-results-sub.csv"); // a folder: not copied
    ASSERT_TRUE(writeFileAtomic(from / "class-results-20260101-100000.csv", "\"rank\"\r\n"));
    ASSERT_TRUE(writeFileAtomic(from / "class-results-20260102-100000.csv", "b"));
    ASSERT_TRUE(writeFileAtomic(from / "notes.txt", "not a result"));
    const auto copied = copyClassResults(from, dir / "stick" / "class-results");
    ASSERT_TRUE(copied) << copied.error().message;
    EXPECT_EQ(*copied, (std::vector<std::string>{"class-results-20260101-100000.csv",
                                                 "class-results-20260102-100000.csv"}));
    EXPECT_EQ(readFile(dir / "stick" / "class-results" / "class-results-20260101-100000.csv"),
              std::string("\"rank\"\r\n"));
    EXPECT_FALSE(fs::exists(dir / "stick" / "class-results" / "notes.txt"));
    // No folder, nothing to copy, nothing created.
    const auto none = copyClassResults(dir / "missing", dir / "stick2" / "class-results");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    EXPECT_FALSE(fs::exists(dir / "stick2"));
    fs::remove_all(dir);
}

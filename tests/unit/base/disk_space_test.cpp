// tests: free space on the disk that holds a path (statvfs)
#include "core/base/disk_space.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace lantai::core;

TEST(DiskSpace, OfAFolderThatExists) {
    const auto space = diskSpace(std::filesystem::temp_directory_path());
    ASSERT_TRUE(space) << space.error().message;
    EXPECT_GT(space->totalBytes, 0u);
    EXPECT_LE(space->availableBytes, space->totalBytes);
}

TEST(DiskSpace, OfAPathThatDoesNotExistIsAnError) {
    const auto space = diskSpace("/nonexistent-lantai-folder/state");
    ASSERT_FALSE(space);
    EXPECT_EQ(space.error().code, kDiskSpaceUnknown);
    EXPECT_EQ(space.error().file, "/nonexistent-lantai-folder/state");
    EXPECT_NE(space.error().message.find("No such file or directory"), std::string::npos)
        << space.error().message;
    EXPECT_FALSE(space.error().messageZh.empty());
}

// tests: replacing and rotating an item's image — the new file comes in, the old one goes to the
// trash (back on undo, byte for byte), one undo step, journal replay after a crash
#include "core/edit/edit_folder.h"
#include "core/edit/edit_session.h"
#include "core/edit/media_files.h"
#include "tests/unit/edit/edit_test_support.h"

#include <gtest/gtest.h>

namespace lantai::core::edit {
namespace {

using test::openOrFail;
using test::PackCopy;
using test::readText;
namespace fs = std::filesystem;

constexpr const char* kItem = "letter-1931";

TEST(EditImageSwap, RotateReplacesTheFileAndUndoRestoresTheOldBytes) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    const std::string oldFile = session->pack().findItem(kItem)->images[0].file;
    const std::string oldBytes = readText(copy.path() / oldFile);
    const std::size_t depth = session->undoDepth();

    auto rotated = stageMediaBytes(copy.path(), "rotated pixels", "letter.png", "test");
    ASSERT_TRUE(rotated) << rotated.error().message;
    ASSERT_TRUE(session->rotateImage(kItem, 0, *rotated));
    const std::string newFile = session->pack().findItem(kItem)->images[0].file;
    EXPECT_NE(newFile, oldFile); // a new name: caches keyed by path see a new image
    EXPECT_EQ(readText(copy.path() / newFile), "rotated pixels");
    EXPECT_FALSE(fs::exists(copy.path() / oldFile)); // in the trash, not in the pack
    EXPECT_EQ(session->undoDepth(), depth + 1);
    EXPECT_EQ(session->undoLabel()->en, "Rotate image");
    EXPECT_EQ(session->pack().findItem(kItem)->images[0].alt.en, "A yellowed handwritten page");

    ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
    EXPECT_EQ(readText(copy.path() / oldFile), oldBytes);
    EXPECT_FALSE(fs::exists(copy.path() / newFile));
    ASSERT_TRUE(session->redo());
    EXPECT_EQ(readText(copy.path() / newFile), "rotated pixels");
    EXPECT_FALSE(fs::exists(copy.path() / oldFile));
    ASSERT_TRUE(session->save());
    ASSERT_TRUE(session->close());
    EXPECT_FALSE(fs::exists(copy.path() / kEditFolderName / "trash"));
}

TEST(EditImageSwap, ASharedFileStaysWhileAnotherEntryNamesIt) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const std::string oldFile = session->pack().findItem(kItem)->images[0].file;
    auto twin = session->duplicate(NodeRef::item(kItem));
    ASSERT_TRUE(twin);
    ASSERT_TRUE(session->setField({NodeRef::item(*twin), "/images/0/file"}, oldFile));
    auto replacement = stageMediaBytes(copy.path(), "new scan", "scan.png", "test");
    ASSERT_TRUE(replacement);
    ASSERT_TRUE(session->replaceImage(kItem, 0, *replacement));
    EXPECT_TRUE(fs::exists(copy.path() / oldFile));
    EXPECT_EQ(session->pack().findItem(*twin)->images[0].file, oldFile);
    EXPECT_EQ(session->undoLabel()->en, "Replace image");
}

TEST(EditImageSwap, ANonexistentImageIsRefusedAndNothingChanges) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    auto staged = stageMediaBytes(copy.path(), "x", "x.png", "test");
    ASSERT_TRUE(staged);
    EXPECT_FALSE(session->rotateImage(kItem, 7, *staged));
    EXPECT_FALSE(session->rotateImage("no-such-item", 0, *staged));
    EXPECT_FALSE(session->canUndo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
}

TEST(EditImageSwap, AJournalReplayAfterACrashRotatesAgain) {
    PackCopy copy(test::kPacks / "valid-minimal");
    std::string newFile, oldFile;
    {
        auto session = openOrFail(copy.path());
        ASSERT_TRUE(session);
        oldFile = session->pack().findItem(kItem)->images[0].file;
        auto rotated = stageMediaBytes(copy.path(), "turned", "letter.png", "test");
        ASSERT_TRUE(rotated);
        ASSERT_TRUE(session->rotateImage(kItem, 0, *rotated));
        newFile = session->pack().findItem(kItem)->images[0].file;
        // Dropped without close(): a crash as far as the pack is concerned.
    }
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->recoverableEdits());
    auto replayed = session->recover();
    ASSERT_TRUE(replayed) << replayed.error().message;
    EXPECT_EQ(*replayed, 1u);
    EXPECT_EQ(session->pack().findItem(kItem)->images[0].file, newFile);
    EXPECT_EQ(readText(copy.path() / newFile), "turned");
    ASSERT_TRUE(session->undo());
    EXPECT_EQ(session->pack().findItem(kItem)->images[0].file, oldFile);
    EXPECT_TRUE(fs::exists(copy.path() / oldFile));
}

} // namespace
} // namespace lantai::core::edit

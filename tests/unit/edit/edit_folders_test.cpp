// tests: whole pack folders and files — "save as" into another folder (documents, media, the
// translation memory; cancel and refusals leave nothing behind) and file fields pointed at staged
// copies in one undo step
#include "core/edit/edit_session.h"
#include "core/edit/pack_folders.h"
#include "core/pack/loader.h"
#include "tests/unit/edit/edit_test_support.h"

#include <fstream>
#include <gtest/gtest.h>

namespace lantai::core::edit {
namespace {

namespace fs = std::filesystem;
using test::openOrFail;
using test::PackCopy;

std::size_t errorCount(const fs::path& pack) {
    return loadAndValidatePack(pack).diagnostics.errorCount();
}

TEST(EditSaveAs, WritesThePackAsEditedIntoAnotherFolder) {
    for (const fs::path& source : {test::kPacks / "valid-minimal", test::kDemoPack}) {
        SCOPED_TRACE(source.string());
        PackCopy copy(source);
        test::TempDir target;
        auto session = openOrFail(copy.path());
        ASSERT_TRUE(session);
        ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::Zh, "另存的标题"));
        ASSERT_TRUE(session->setText({NodeRef::pack(), "/organiser"}, Language::Zh, "改过"));
        auto plan = session->planCopy();
        ASSERT_TRUE(plan);
        std::size_t calls = 0, total = 0;
        const fs::path dir = target.path() / "saved-as";
        ASSERT_TRUE(writePackCopy(*plan, dir, [&](std::size_t done, std::size_t all) {
            EXPECT_EQ(done, ++calls);
            total = all;
            return true;
        }));
        EXPECT_EQ(calls, total);
        EXPECT_EQ(total, plan->media.size() + plan->documents.size());
        // The copy holds what the session shows, in the same shape, with every named file that
        // exists; the original keeps its saved state and its unsaved edits.
        for (const auto& file : plan->media)
            EXPECT_TRUE(fs::is_regular_file(dir / file)) << file;
        EXPECT_FALSE(fs::exists(dir / ".lantai-edit/journal.jsonl"));
        EXPECT_TRUE(fs::exists(dir / ".lantai-edit/translation.json"));
        EXPECT_EQ(errorCount(dir), errorCount(source));
        EXPECT_SAME_FILES(test::filesOnDisk(dir, plan->documents), plan->documents);
        EXPECT_SAME_FILES(test::filesOnDisk(copy.path(), plan->documents),
                          test::filesOnDisk(source, plan->documents));
        EXPECT_TRUE(session->isDirty());
        auto other = openOrFail(dir);
        ASSERT_TRUE(other);
        EXPECT_FALSE(other->recoverableEdits());
        EXPECT_EQ(other->pack().title.zh, "另存的标题");
        EXPECT_SAME_FILES(other->serializedFiles(), session->serializedFiles());
        EXPECT_EQ(other->translationStatus().outdatedCount,
                  session->translationStatus().outdatedCount);
    }
}

TEST(EditSaveAs, RefusesAFolderInUseAndUndoesACancelledCopy) {
    PackCopy copy(test::kPacks / "valid-minimal");
    test::TempDir target;
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    auto plan = session->planCopy();
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->media, std::vector<std::string>{"images/letter.png"});
    // Not into the pack itself, not into a folder with something in it.
    EXPECT_EQ(writePackCopy(*plan, copy.path()).error().code, "edit.copy_target");
    fs::create_directories(target.path() / "busy");
    std::ofstream(target.path() / "busy/notes.txt") << "mine";
    EXPECT_EQ(writePackCopy(*plan, target.path() / "busy").error().code, "edit.copy_target");
    EXPECT_TRUE(fs::exists(target.path() / "busy/notes.txt"));
    // Cancelled half way: a folder it made goes, an empty folder it was given stays empty.
    const auto cancelAfter = [](std::size_t n) {
        return [n](std::size_t done, std::size_t) { return done < n; };
    };
    auto cancelled = writePackCopy(*plan, target.path() / "new", cancelAfter(2));
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code, "edit.cancelled");
    EXPECT_FALSE(fs::exists(target.path() / "new"));
    fs::create_directories(target.path() / "empty");
    EXPECT_FALSE(writePackCopy(*plan, target.path() / "empty", cancelAfter(3)));
    EXPECT_TRUE(fs::is_empty(target.path() / "empty"));
    ASSERT_TRUE(writePackCopy(*plan, target.path() / "empty"));
    EXPECT_EQ(errorCount(target.path() / "empty"), 0u);
}

TEST(EditMedia, FileFieldsTakeAStagedCopyInOneStep) {
    PackCopy copy(test::kPacks / "valid-minimal");
    test::TempDir outside;
    test::writeTestImage(outside.path() / "Cover.PNG");
    std::ofstream(outside.path() / "clip.mp4") << "not really a video";
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    auto cover = stageMediaFile(copy.path(), outside.path() / "Cover.PNG", "cover.png");
    ASSERT_TRUE(cover);
    ASSERT_TRUE(
        session->setFileField({NodeRef::exhibition("letters"), "/cover/file"}, *cover, "images"));
    ASSERT_TRUE(session->pack().exhibitions[0].cover);
    EXPECT_EQ(session->pack().exhibitions[0].cover->file, "images/cover.png");
    EXPECT_TRUE(fs::exists(copy.path() / "images/cover.png"));
    Video video;
    video.title = {"片段", "Clip"};
    auto videoId = session->addVideo(video);
    ASSERT_TRUE(videoId);
    auto clip = stageMediaFile(copy.path(), outside.path() / "clip.mp4", "clip.mp4");
    ASSERT_TRUE(clip);
    ASSERT_TRUE(session->setFileField({NodeRef::video(*videoId), "/file"}, *clip, "videos"));
    EXPECT_EQ(session->pack().findVideo(*videoId)->file, "videos/clip.mp4");
    EXPECT_EQ(session->undoLabel()->en, "Set file");
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(fs::exists(copy.path() / "videos/clip.mp4"));
    EXPECT_TRUE(session->pack().findVideo(*videoId)->file.empty());
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(fs::exists(copy.path() / "images/cover.png"));
    EXPECT_SAME_FILES(session->serializedFiles(), original);
}

} // namespace
} // namespace lantai::core::edit

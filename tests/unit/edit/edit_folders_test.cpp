// tests: whole pack folders and files — "save as" into another folder (documents, media and
// narration audio, the translation memory, the synthetic-narration list; cancel and refusals leave
// nothing behind) and file fields pointed at staged copies in one undo step, narration included
#include "core/base/sha256.h"
#include "core/edit/edit_session.h"
#include "core/edit/media_files.h"
#include "core/edit/pack_folders.h"
#include "core/edit/validation.h"
#include "core/pack/loader.h"
#include "core/pack/narration_sidecar.h"
#include "core/pack/writer.h"
#include "tests/unit/edit/edit_test_support.h"
#include "tests/unit/support/wav_bytes.h"

#include <algorithm>
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

std::size_t countCode(const fs::path& pack, const std::string& code) {
    const PackLoadResult loaded = loadAndValidatePack(pack);
    std::size_t n = 0;
    for (const auto& d : loaded.diagnostics.items())
        n += d.code == code;
    return n;
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// Rewrites a JSON document of the pack through `change`.
template <class Change> void editDocument(const fs::path& file, Change change) {
    auto doc = Json::parse(test::readText(file));
    change(doc);
    writeBytes(file, serializePackDocument(doc));
}

// valid-minimal with narration: the chapter (zh), the item (zh; en shared with the question's en),
// the item's zh listed in derived/narration.json as synthetic.
void addNarration(const fs::path& root) {
    writeBytes(root / "audio/chapter.zh.wav", test::wavBytes(1000));
    writeBytes(root / "audio/narration/item-letter-1931.zh.wav", test::wavBytes(1500));
    writeBytes(root / "audio/shared.en.wav", test::wavBytes(2000));
    editDocument(root / "pack.json", [](Json& doc) {
        Json& chapter = doc["exhibitions"][0]["chapters"][0];
        chapter["narration"] = {{"zh", "audio/chapter.zh.wav"}};
        chapter["items"][0]["narration"] = {{"zh", "audio/narration/item-letter-1931.zh.wav"},
                                            {"en", "audio/shared.en.wav"}};
    });
    editDocument(root / "quiz/basics.json", [](Json& bank) {
        bank["questions"][0]["narration"] = {{"en", "audio/shared.en.wav"}};
    });
    const std::string synthetic = "audio/narration/item-letter-1931.zh.wav";
    const Json sidecar = {{"lantai_narration", 1},
                          {"files",
                           {{synthetic,
                             {{"owner", "item:letter-1931"},
                              {"lang", "zh"},
                              {"voice", "cmn"},
                              {"text_sha256", "0"},
                              {"audio_sha256", *sha256File(root / synthetic)}}}}}};
    writeBytes(root / kNarrationSidecar, sidecar.dump(1));
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

TEST(EditSaveAs, CopiesNarrationAudioAndWhichOfItIsSynthetic) {
    PackCopy copy(test::kPacks / "valid-minimal");
    addNarration(copy.path());
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const Pack& pack = session->pack();
    const std::vector<std::string> audio = {
        "audio/chapter.zh.wav", "audio/narration/item-letter-1931.zh.wav", "audio/shared.en.wav"};
    const auto named = referencedFiles(pack);
    for (const auto& file : audio)
        EXPECT_TRUE(named.count(file)) << file;
    EXPECT_EQ(referenceCount(pack, "audio/chapter.zh.wav"), 1u);
    EXPECT_EQ(referenceCount(pack, "audio/shared.en.wav"), 2u); // the item's and the question's
    EXPECT_EQ(referenceCount(pack, "audio/nothing.wav"), 0u);

    auto plan = session->planCopy();
    ASSERT_TRUE(plan);
    for (const auto& file : audio)
        EXPECT_EQ(std::count(plan->media.begin(), plan->media.end(), file), 1) << file;
    EXPECT_EQ(std::count(plan->media.begin(), plan->media.end(), kNarrationSidecar), 1);
    test::TempDir target;
    const fs::path dir = target.path() / "copy";
    ASSERT_TRUE(writePackCopy(*plan, dir));
    for (const auto& file : audio) {
        EXPECT_TRUE(fs::is_regular_file(dir / file)) << file;
        EXPECT_EQ(test::readText(dir / file), test::readText(copy.path() / file)) << file;
    }
    EXPECT_EQ(countCode(dir, "asset.missing"), 0u);
    EXPECT_EQ(errorCount(dir), 0u);
    const auto sidecar = readNarrationSidecar(dir);
    EXPECT_TRUE(isSyntheticNarration(dir, sidecar, "audio/narration/item-letter-1931.zh.wav"));
    EXPECT_FALSE(isSyntheticNarration(dir, sidecar, "audio/chapter.zh.wav"));
    // A curator's recording put in its place (other bytes) is no longer synthetic.
    writeBytes(dir / "audio/narration/item-letter-1931.zh.wav", test::wavBytes(900));
    EXPECT_FALSE(isSyntheticNarration(dir, sidecar, "audio/narration/item-letter-1931.zh.wav"));
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

TEST(EditMedia, NarrationFilesComeAndGoInOneStepEach) {
    PackCopy copy(test::kPacks / "valid-minimal");
    // The chapter names a file that is not there (yet): a new file must not take its name.
    editDocument(copy.path() / "pack.json", [](Json& doc) {
        doc["exhibitions"][0]["chapters"][0]["narration"] = {{"zh", "audio/narration/reading.wav"}};
    });
    test::TempDir outside;
    writeBytes(outside.path() / "reading.wav", test::wavBytes(1200));
    writeBytes(outside.path() / "notes.txt", "not audio");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    const NodeRef letter = NodeRef::item("letter-1931");
    const auto narration = [&] { return session->pack().findItem("letter-1931")->narration; };

    auto zh = stageMediaFile(copy.path(), outside.path() / "reading.wav", "reading.wav");
    ASSERT_TRUE(zh);
    ASSERT_TRUE(session->setFileField({letter, "/narration/zh"}, *zh, "audio/narration"));
    const std::string zhFile = narration().zh;
    EXPECT_EQ(zhFile, "audio/narration/reading-2.wav");
    EXPECT_TRUE(fs::is_regular_file(copy.path() / zhFile));
    EXPECT_EQ(session->undoLabel()->en, "Set file");
    auto en = stageMediaFile(copy.path(), outside.path() / "reading.wav", "reading.wav");
    ASSERT_TRUE(en);
    ASSERT_TRUE(session->setFileField({letter, "/narration/en"}, *en, "audio/narration"));
    const std::string enFile = narration().en;
    EXPECT_EQ(enFile, "audio/narration/reading-3.wav");
    EXPECT_EQ(narration().zh, zhFile);
    EXPECT_EQ(referenceCount(session->pack(), enFile), 1u);
    ASSERT_TRUE(session->save());
    auto saved = Json::parse(test::readText(copy.path() / "pack.json"));
    EXPECT_EQ(saved["exhibitions"][0]["chapters"][0]["items"][0]["narration"],
              (Json{{"zh", zhFile}, {"en", enFile}}));
    EXPECT_EQ(countCode(copy.path(), "asset.missing"), 1u); // the chapter's reading.wav only
    // A narration's "en" is an audio file, not a translation to keep track of.
    EXPECT_EQ(test::readText(copy.path() / ".lantai-edit/translation.json").find("narration"),
              std::string::npos);

    // Undo takes the en file out of the pack with its field; redo brings both back.
    ASSERT_TRUE(session->undo());
    EXPECT_TRUE(narration().en.empty());
    EXPECT_EQ(narration().zh, zhFile);
    EXPECT_FALSE(fs::exists(copy.path() / enFile));
    ASSERT_TRUE(session->redo());
    EXPECT_TRUE(fs::is_regular_file(copy.path() / enFile));

    // Removing both languages leaves no "narration": {} behind.
    ASSERT_TRUE(session->setField({letter, "/narration/en"}, nullptr));
    EXPECT_TRUE(narration().en.empty());
    EXPECT_EQ(narration().zh, zhFile);
    ASSERT_TRUE(session->setField({letter, "/narration/zh"}, nullptr));
    EXPECT_TRUE(narration().empty());
    ASSERT_TRUE(session->save());
    saved = Json::parse(test::readText(copy.path() / "pack.json"));
    EXPECT_FALSE(saved["exhibitions"][0]["chapters"][0]["items"][0].contains("narration"));
    EXPECT_EQ(errorCount(copy.path()), 0u);

    // A file that is not audio is the validator's warning, placed on the field that names it.
    auto text = stageMediaFile(copy.path(), outside.path() / "notes.txt", "notes.txt");
    ASSERT_TRUE(text);
    ASSERT_TRUE(session->setFileField({letter, "/narration/en"}, *text, "audio/narration"));
    const ValidationReport report = runValidation(validationRequest(*session));
    const auto mismatch =
        std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                     [](const auto& d) { return d.diagnostic.code == "asset.type_mismatch"; });
    ASSERT_NE(mismatch, report.diagnostics.end());
    ASSERT_TRUE(mismatch->target);
    EXPECT_EQ(toString(*mismatch->target), toString(FieldRef{letter, "/narration/en"}));

    while (session->canUndo())
        ASSERT_TRUE(session->undo());
    EXPECT_FALSE(fs::exists(copy.path() / zhFile));
    EXPECT_FALSE(fs::exists(copy.path() / enFile));
    EXPECT_SAME_FILES(session->serializedFiles(), original);
}

} // namespace
} // namespace lantai::core::edit

// tests: the edit session — round trips, field edits and coalescing, dirty flag, structure
// commands, batch edits, media copies, quiz import, save shape
#include "core/edit/edit_session.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"
#include "tests/unit/edit/edit_test_support.h"

#include <fstream>
#include <gtest/gtest.h>

namespace lantai::core::edit {
namespace {

using test::openOrFail;
namespace fs = std::filesystem;
using test::PackCopy;
using test::readText;

// ---- round trips ---------------------------------------------------------------------------

void expectByteIdenticalSave(const fs::path& source) {
    PackCopy copy(source);
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto before = session->serializedFiles();
    // What save would write is what is on disk, byte for byte.
    EXPECT_EQ(before, test::filesOnDisk(copy.path(), before));
    ASSERT_TRUE(session->save());
    EXPECT_EQ(test::filesOnDisk(copy.path(), before), test::filesOnDisk(source, before));
    // An edit and its undo save the original bytes too.
    ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::Zh, "改过的标题"));
    ASSERT_TRUE(session->save());
    EXPECT_NE(readText(copy.path() / "pack.json"), readText(source / "pack.json"));
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->save());
    EXPECT_EQ(test::filesOnDisk(copy.path(), before), test::filesOnDisk(source, before));
}

TEST(EditRoundTrip, ValidMinimalSavesByteIdentical) {
    expectByteIdenticalSave(test::kPacks / "valid-minimal");
}

TEST(EditRoundTrip, DemoSavesByteIdentical) {
    // The demo spells out defaults the writer leaves out ("kiosk", "theme", "difficulty": 1):
    // the shape memory keeps them.
    expectByteIdenticalSave(test::kDemoPack);
}

TEST(EditRoundTrip, UnknownFieldsLanguagesAndDefaultsSurviveEdits) {
    PackCopy copy(test::kPacks / "valid-minimal");
    // A hand-written pack with things the model does not keep.
    auto doc = Json::parse(readText(copy.path() / "pack.json"));
    doc["$schema"] = "../../content/pack.schema.json";
    Json& item = doc["exhibitions"][0]["chapters"][0]["items"][0];
    item["curator_note"] = "ask the donor about page 2";
    item["title"]["fr"] = "Une lettre de 1931";
    item["highlight"] = false;
    item["images"][0]["scan_batch"] = 7;
    item["date"] = 1931; // not a string: the loader cannot read it (a warning), keep it anyway
    doc["kiosk"] = {{"idle_timeout_s", 90}, {"orientation", "auto"}};
    {
        std::ofstream out(copy.path() / "pack.json", std::ios::binary | std::ios::trunc);
        out << serializePackDocument(doc);
    }
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    EXPECT_EQ(session->serializedFiles()["pack.json"], readText(copy.path() / "pack.json"));
    const NodeRef letter = NodeRef::item("letter-1931");
    ASSERT_TRUE(session->setText({letter, "/title"}, Language::En, "A letter, 1931"));
    ASSERT_TRUE(session->setField({letter, "/reference"}, "J001-001-0002"));
    ASSERT_TRUE(session->save());
    Json expected = doc;
    Json& expectedItem = expected["exhibitions"][0]["chapters"][0]["items"][0];
    expectedItem["title"]["en"] = "A letter, 1931";
    expectedItem["reference"] = "J001-001-0002";
    EXPECT_EQ(readText(copy.path() / "pack.json"), serializePackDocument(expected));

    // A text the curator clears goes, with its other languages.
    ASSERT_TRUE(session->setField({letter, "/caption"}, nullptr));
    ASSERT_TRUE(session->save());
    expectedItem.erase("caption");
    EXPECT_EQ(readText(copy.path() / "pack.json"), serializePackDocument(expected));

    // Deleted, saved, undone, saved: the item comes back with its unknown fields.
    ASSERT_TRUE(session->remove(letter));
    ASSERT_TRUE(session->save());
    EXPECT_EQ(readText(copy.path() / "pack.json").find("curator_note"), std::string::npos);
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->save());
    EXPECT_EQ(readText(copy.path() / "pack.json"), serializePackDocument(expected));
}

TEST(EditRoundTrip, NarrationSurvivesEditsOfItsNode) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto doc = Json::parse(readText(copy.path() / "pack.json"));
    Json& chapter = doc["exhibitions"][0]["chapters"][0];
    chapter["narration"] = {{"zh", "audio/chapter.zh.mp3"}};
    chapter["items"][0]["narration"] = {{"zh", "audio/letter.zh.mp3"},
                                        {"en", "audio/letter.en.mp3"}};
    {
        std::ofstream out(copy.path() / "pack.json", std::ios::binary | std::ios::trunc);
        out << serializePackDocument(doc);
    }
    auto bank = Json::parse(readText(copy.path() / "quiz/basics.json"));
    bank["questions"][0]["narration"] = {{"en", "audio/q.en.mp3"}};
    {
        std::ofstream out(copy.path() / "quiz/basics.json", std::ios::binary | std::ios::trunc);
        out << serializePackDocument(bank);
    }
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const NodeRef letter = NodeRef::item("letter-1931");
    ASSERT_TRUE(session->setText({letter, "/title"}, Language::En, "A letter, 1931"));
    ASSERT_TRUE(session->setText({NodeRef::question("letter-year"), "/prompt"}, Language::En,
                                 "Which year?"));
    ASSERT_TRUE(session->save());
    const auto saved = Json::parse(readText(copy.path() / "pack.json"));
    EXPECT_EQ(saved["exhibitions"][0]["chapters"][0]["narration"], chapter["narration"]);
    EXPECT_EQ(saved["exhibitions"][0]["chapters"][0]["items"][0]["narration"],
              chapter["items"][0]["narration"]);
    EXPECT_EQ(Json::parse(readText(copy.path() / "quiz/basics.json"))["questions"][0]["narration"],
              bank["questions"][0]["narration"]);
    // The edit model reads it like the loader does.
    const Item* item = session->pack().findItem("letter-1931");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->narration.en, "audio/letter.en.mp3");
}

// ---- fields --------------------------------------------------------------------------------

TEST(EditFields, SetUndoRedoAreExact) {
    PackCopy copy(test::kDemoPack);
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    const NodeRef item = NodeRef::item("sample-2-03-form");
    ASSERT_TRUE(session->setField({item, "/date"}, "1950-03"));
    ASSERT_TRUE(session->setField({item, "/highlight"}, true));
    ASSERT_TRUE(session->setField({item, "/images/0/alt/en"}, "A form"));
    ASSERT_TRUE(session->setField({NodeRef::question("q-fonds"), "/difficulty"}, 1));
    ASSERT_TRUE(session->setField({NodeRef::pack(), "/kiosk/idle_timeout_s"}, 120));
    const auto edited = session->serializedFiles();
    EXPECT_NE(edited, original);
    const auto& model = session->pack();
    EXPECT_EQ(model.kiosk.idleTimeoutS, 120);
    EXPECT_EQ(model.findItem("sample-2-03-form")->date, "1950-03");
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
    EXPECT_FALSE(session->canUndo());
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(session->redo());
    EXPECT_SAME_FILES(session->serializedFiles(), edited);
}

TEST(EditFields, RefusesWhatTheFormatDoesNotAllow) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const NodeRef item = NodeRef::item("letter-1931");
    const auto refused = [&](const FieldRef& field, const Json& value) {
        const Status status = session->setField(field, value);
        return !status.ok();
    };
    EXPECT_TRUE(refused({item, "/id"}, "other"));                               // ids never change
    EXPECT_TRUE(refused({item, "/highlight"}, "yes"));                          // wrong type
    EXPECT_TRUE(refused({item, "/curator_note"}, "x"));                         // unknown field
    EXPECT_TRUE(refused({NodeRef::question("letter-year"), "/difficulty"}, 7)); // out of range
    EXPECT_TRUE(refused({item, "/web/publish"}, "everywhere")); // not an allowed value
    EXPECT_TRUE(refused({NodeRef::chapter("early-years"), "/items"}, Json::array()));
    EXPECT_TRUE(refused({NodeRef::item("nope"), "/title/zh"}, "x")); // no such node
    EXPECT_FALSE(session->canUndo());
    // Work in progress is fine: the validator lists it.
    EXPECT_TRUE(session->setField({item, "/date"}, "19"));
    EXPECT_TRUE(session->setText({item, "/title"}, Language::Zh, ""));
}

TEST(EditFields, OneActivationIsOneUndoStep) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    const FieldRef caption{NodeRef::item("letter-1931"), "/caption"};
    for (const char* typed : {"手", "手写", "手写信"})
        ASSERT_TRUE(session->setText(caption, Language::Zh, typed, 7));
    ASSERT_TRUE(session->setText(caption, Language::Zh, "手写信札", 8)); // a new activation
    ASSERT_TRUE(session->undo());
    EXPECT_EQ(session->pack().findItem("letter-1931")->caption.zh, "手写信");
    ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
    EXPECT_FALSE(session->canUndo());
    // Typed and typed back within one activation: no step at all.
    ASSERT_TRUE(session->setText(caption, Language::En, "x", 9));
    ASSERT_TRUE(session->setText(caption, Language::En, "Handwritten letter, one page", 9));
    EXPECT_FALSE(session->canUndo());
    EXPECT_TRUE(session->canRedo() == false);
}

TEST(EditFields, DirtyFollowsTheSavedState) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const FieldRef title{NodeRef::item("letter-1931"), "/title"};
    EXPECT_FALSE(session->isDirty());
    ASSERT_TRUE(session->setText(title, Language::En, "One", 1));
    EXPECT_TRUE(session->isDirty());
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(session->isDirty());
    ASSERT_TRUE(session->redo());
    EXPECT_TRUE(session->isDirty());
    ASSERT_TRUE(session->save());
    EXPECT_FALSE(session->isDirty());
    // The same activation after a save is a new step: undo comes back to the saved text.
    ASSERT_TRUE(session->setText(title, Language::En, "One two", 1));
    EXPECT_TRUE(session->isDirty());
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(session->isDirty());
    EXPECT_EQ(session->pack().findItem("letter-1931")->title.en, "One");
    ASSERT_TRUE(session->undo());
    EXPECT_TRUE(session->isDirty());
    // A new edit from before the save makes the saved state unreachable by redo.
    ASSERT_TRUE(session->setText(title, Language::En, "Three"));
    EXPECT_TRUE(session->isDirty());
}

// ---- structure -----------------------------------------------------------------------------

TEST(EditStructure, AddDuplicateMoveRemoveUndoExactly) {
    PackCopy copy(test::kDemoPack);
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    Item item;
    item.title = {"新展品", "Letter from the front"};
    auto added = session->addItem("ch2-aspiration", item, 3);
    ASSERT_TRUE(added);
    EXPECT_EQ(*added, "letter-from-the-front");
    auto again = session->addItem("ch2-aspiration", item, 0);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, "letter-from-the-front-2");
    Item chinese;
    chinese.title = {"家书", ""}; // no transliterator here: the readable fallback
    auto fallback = session->addItem("ch2-aspiration", chinese);
    ASSERT_TRUE(fallback);
    EXPECT_EQ(*fallback, "item-1");

    auto copyId = session->duplicate(NodeRef::item("sample-1-01-letter"));
    ASSERT_TRUE(copyId);
    EXPECT_EQ(*copyId, "sample-1-01-letter-2");
    const auto slot = findParentSlot(session->pack(), NodeRef::item(*copyId));
    ASSERT_TRUE(slot);
    EXPECT_EQ(slot->parent, NodeRef::chapter("ch1-foundations"));
    EXPECT_EQ(slot->index, 1u);

    auto chapterCopy = session->duplicate(NodeRef::chapter("ch3-struggle"));
    ASSERT_TRUE(chapterCopy);
    EXPECT_TRUE(session->pack().findItem("sample-3-02-bigmap-2"));

    ASSERT_TRUE(session->move(NodeRef::item("sample-1-02-manuscript"),
                              NodeRef::chapter("ch5-forging-ahead"), 0));
    const auto moved = findParentSlot(session->pack(), NodeRef::item("sample-1-02-manuscript"));
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->parent, NodeRef::chapter("ch5-forging-ahead"));
    EXPECT_EQ(moved->index, 0u);
    ASSERT_TRUE(session->move(NodeRef::chapter("ch4-people"),
                              NodeRef::exhibition("red-archives-sample"), 0));
    EXPECT_FALSE(
        session
            ->move(NodeRef::item("sample-1-03-newspaper"), NodeRef::chapter("ch1-foundations"), 99)
            .ok());
    EXPECT_FALSE(session
                     ->move(NodeRef::item("sample-1-03-newspaper"),
                            NodeRef::exhibition("red-archives-sample"), 0)
                     .ok());
    const auto edited = session->serializedFiles();
    while (session->canUndo())
        ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
    while (session->canRedo())
        ASSERT_TRUE(session->redo());
    EXPECT_SAME_FILES(session->serializedFiles(), edited);
}

TEST(EditStructure, DeleteClearsReferencesInOneStep) {
    PackCopy copy(test::kDemoPack);
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    // sample-1-01-letter is in the attract loop, is video reading-archives-01's item and two
    // questions' item.
    ASSERT_TRUE(session->remove(NodeRef::item("sample-1-01-letter")));
    const Pack& pack = session->pack();
    EXPECT_FALSE(pack.findItem("sample-1-01-letter"));
    for (const auto& entry : pack.attract)
        EXPECT_NE(entry.id, "sample-1-01-letter");
    EXPECT_EQ(pack.findVideo("reading-archives-01")->item, "");
    EXPECT_EQ(pack.findQuestion("q-reference-code")->item, "");
    EXPECT_EQ(pack.findQuestion("q-handling-hands")->item, "");
    // A whole chapter: its items and the video's chapter link.
    ASSERT_TRUE(session->remove(NodeRef::chapter("ch5-forging-ahead")));
    EXPECT_EQ(pack.findVideo("reading-archives-02")->chapter, "");
    EXPECT_EQ(pack.findQuestion("q-handling-gloves")->item, "");
    ASSERT_TRUE(session->remove(NodeRef::question("q-mow-register")));
    ASSERT_TRUE(session->remove(NodeRef::video("reading-archives-01")));
    for (const auto& entry : pack.attract)
        EXPECT_NE(entry.id, "reading-archives-01");
    EXPECT_EQ(session->undoLabel()->en, "Delete video");
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
}

TEST(EditStructure, BatchEditIsOneStep) {
    PackCopy copy(test::kDemoPack);
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    const std::string rights = session->pack().findItem("sample-1-03-newspaper")->rights.zh;
    const std::vector<NodeRef> selection{NodeRef::item("sample-1-03-newspaper"),
                                         NodeRef::item("sample-2-05-photo"),
                                         NodeRef::item("sample-4-07-poster")};
    ASSERT_TRUE(session->setFieldOnAll(selection, "/holding",
                                       Json{{"zh", "市档案馆"}, {"en", "City Archives"}}));
    ASSERT_TRUE(
        session->setFieldOnAll(selection, "/badges", Json::array({{{"kind", "treasure"}}})));
    for (const auto& node : selection) {
        const Item* item = session->pack().findItem(node.id);
        EXPECT_EQ(item->holding.en, "City Archives");
        ASSERT_EQ(item->badges.size(), 1u);
        EXPECT_EQ(item->badges[0].kind, BadgeKind::Treasure);
    }
    EXPECT_EQ(session->undoLabel()->en, "Edit 3 items");
    // One bad node refuses the whole batch.
    EXPECT_FALSE(session
                     ->setFieldOnAll({NodeRef::item("sample-1-03-newspaper"), NodeRef::item("no")},
                                     "/rights", Json{{"zh", "x"}})
                     .ok());
    EXPECT_EQ(session->pack().findItem("sample-1-03-newspaper")->rights.zh, rights);
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);
}

// ---- media ---------------------------------------------------------------------------------

TEST(EditMedia, CopiesComeInAndUndoTakesThemOut) {
    PackCopy copy(test::kPacks / "valid-minimal");
    test::TempDir outside;
    test::writeTestImage(outside.path() / "Letter_1949-10.PNG");
    test::writeTestImage(outside.path() / "letter 1949 10.png");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    std::vector<StagedFile> staged;
    for (const char* name : {"Letter_1949-10.PNG", "letter 1949 10.png"}) {
        auto file =
            stageMediaFile(copy.path(), outside.path() / name, mediaFileName(name, nullptr));
        ASSERT_TRUE(file) << file.error().message;
        staged.push_back(*file);
    }
    auto ids = session->addImageItems("early-years", staged);
    ASSERT_TRUE(ids) << ids.error().message;
    ASSERT_EQ(ids->size(), 2u);
    EXPECT_EQ((*ids)[0], "letter-1949-10");
    EXPECT_EQ((*ids)[1], "letter-1949-10-2");
    const Item* first = session->pack().findItem("letter-1949-10");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->title.zh, "Letter 1949 10");
    EXPECT_EQ(first->images[0].file, "images/letter-1949-10.png");
    EXPECT_EQ(session->pack().findItem("letter-1949-10-2")->images[0].file,
              "images/letter-1949-10-2.png");
    EXPECT_TRUE(fs::exists(copy.path() / "images/letter-1949-10.png"));
    EXPECT_TRUE(fs::exists(copy.path() / "images/letter-1949-10-2.png"));
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(fs::exists(copy.path() / "images/letter-1949-10.png"));
    EXPECT_FALSE(fs::exists(copy.path() / "images/letter-1949-10-2.png"));
    ASSERT_TRUE(session->redo());
    EXPECT_TRUE(fs::exists(copy.path() / "images/letter-1949-10.png"));

    auto replacement =
        stageMediaFile(copy.path(), outside.path() / "Letter_1949-10.PNG", "scan.png");
    ASSERT_TRUE(replacement);
    ASSERT_TRUE(session->replaceImage("letter-1931", 0, *replacement));
    EXPECT_EQ(session->pack().findItem("letter-1931")->images[0].file, "images/scan.png");
    EXPECT_EQ(session->pack().findItem("letter-1931")->images[0].alt.en,
              "A yellowed handwritten page");
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(fs::exists(copy.path() / "images/scan.png"));
    ASSERT_TRUE(session->save());
    ASSERT_TRUE(session->close());
    EXPECT_FALSE(fs::exists(copy.path() / ".lantai-edit/trash"));
    const auto validated = loadAndValidatePack(copy.path());
    EXPECT_FALSE(validated.diagnostics.hasErrors());
}

// ---- quiz import ---------------------------------------------------------------------------

TEST(EditQuizImport, IsOneUndoStep) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    const auto original = session->serializedFiles();
    const std::string gift = "::year::兰台是什么？{=汉代宫中藏书之处 ~一座山}\n\n"
                             "档案日在六月。{T}\n";
    auto outcome = session->importQuestions(QuizFormat::Gift, gift, "new.gift", "", Language::Zh);
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_TRUE(outcome->applied);
    EXPECT_EQ(outcome->bankId, "basics");
    EXPECT_EQ(session->pack().quizBanks[0].questions.size(), 4u);
    EXPECT_EQ(session->undoLabel()->en, "Import 2 questions");
    ASSERT_TRUE(session->undo());
    EXPECT_SAME_FILES(session->serializedFiles(), original);

    // Into a new bank: the bank is part of the same step.
    auto into = session->importQuestions(QuizFormat::Gift, gift, "new.gift", "extra", Language::Zh);
    ASSERT_TRUE(into);
    EXPECT_TRUE(into->createdBank);
    ASSERT_TRUE(session->pack().quizBanks.size() == 2);
    EXPECT_EQ(session->pack().quizBanks[1].file, "quiz/extra.json");
    ASSERT_TRUE(session->save());
    EXPECT_TRUE(fs::exists(copy.path() / "quiz/extra.json"));
    EXPECT_FALSE(loadAndValidatePack(copy.path()).diagnostics.hasErrors());

    // A file with errors, or a link to a missing item, imports nothing.
    auto broken =
        session->importQuestions(QuizFormat::Gift, "Q? {=a ~b", "bad.gift", "", Language::Zh);
    ASSERT_TRUE(broken);
    EXPECT_FALSE(broken->applied);
    EXPECT_TRUE(broken->parsed.diagnostics.hasErrors());
    const std::string csv = "prompt_zh,option_a,option_b,correct,item\n问？,甲,乙,A,no-such-item\n";
    auto dangling = session->importQuestions(QuizFormat::Csv, csv, "q.csv", "", Language::Zh);
    ASSERT_TRUE(dangling);
    EXPECT_FALSE(dangling->applied);
    EXPECT_TRUE(dangling->parsed.diagnostics.hasCode("ref.dangling") ||
                dangling->parsed.diagnostics.hasCode("quiz.value"));
    EXPECT_FALSE(session->isDirty());
}

TEST(EditNewPack, TemplateOpensAndValidates) {
    test::TempDir dir;
    ASSERT_TRUE(
        createPack(dir.path() / "new", {"档案日展览", "Archives Day"}, {"市档案馆", ""}, nullptr));
    EXPECT_FALSE(createPack(dir.path() / "new", {"x", ""}, {"y", ""}, nullptr).ok());
    auto session = openOrFail(dir.path() / "new");
    ASSERT_TRUE(session);
    EXPECT_EQ(session->pack().id, "archives-day");
    ASSERT_EQ(session->pack().exhibitions.size(), 1u);
    EXPECT_EQ(session->pack().exhibitions[0].chapters.size(), 1u);
    auto exhibition = session->addExhibition({"第二展厅", "Hall two"});
    ASSERT_TRUE(exhibition);
    EXPECT_EQ(*exhibition, "hall-two");
    auto bank = session->addQuizBank({"题库", "Quiz"});
    ASSERT_TRUE(bank);
    Question question;
    question.type = QuestionType::TrueFalse;
    question.prompt = {"档案日在六月？", ""};
    question.answer = true;
    auto questionId = session->addQuestion(*bank, question);
    ASSERT_TRUE(questionId);
    EXPECT_EQ(*questionId, "quiz-1");
    ASSERT_TRUE(session->save());
    const auto loaded = loadPack(dir.path() / "new");
    EXPECT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.pack.questionCount(), 1u);
}

} // namespace
} // namespace lantai::core::edit

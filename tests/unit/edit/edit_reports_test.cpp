// tests: what the editor's panels read from the model — ids from titles (slugs, pinyin through ICU
// when built), translation status, the quiz checklist, and background validation (the same codes
// as `lantai validate`, each mapped to the node and field to select)
#include "core/base/json_reader.h"
#include "core/edit/edit_session.h"
#include "core/edit/quiz_checklist.h"
#include "core/edit/validation.h"
#include "core/i18n/pack_glyphs.h"
#include "core/pack/validator.h"
#include "tests/unit/edit/edit_test_support.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#ifdef LANTAI_TEST_HAVE_ICU
#include "core/edit/icu_transliterator.h"
#endif

namespace lantai::core::edit {
namespace {

namespace fs = std::filesystem;
using test::openOrFail;
using test::PackCopy;

// ---- ids -----------------------------------------------------------------------------------

TEST(EditIds, SlugsAreReadableAscii) {
    EXPECT_EQ(slugify("Mao's letter, 1949"), "maos-letter-1949");
    EXPECT_EQ(slugify("  --Hello   World--  "), "hello-world");
    EXPECT_EQ(slugify("国际档案日"), "");
    EXPECT_EQ(slugify("第3卷 Vol.3"), "3-vol-3");
    // Long titles are cut at a word boundary near the limit.
    EXPECT_EQ(slugify("the quick brown fox jumps over the lazy dog", 20), "the-quick-brown-fox");
    EXPECT_LE(slugify(std::string(100, 'a')).size(), 48u);
}

TEST(EditIds, NewIdsComeFromTheTitleAndAreUnique) {
    std::unordered_set<std::string> taken{"letter", "letter-2"};
    // English first; without a transliterator a Chinese-only title gives "<kind>-<n>".
    EXPECT_EQ(newId(taken, NodeKind::Item, {"家书", "Letter"}, nullptr), "letter-3");
    EXPECT_EQ(newId(taken, NodeKind::Item, {"家书", ""}, nullptr), "item-1");
    EXPECT_EQ(newId(taken, NodeKind::Item, {"家书", ""}, nullptr), "item-2");
    EXPECT_EQ(newId(taken, NodeKind::Chapter, {"", ""}, nullptr), "part-1");
    EXPECT_EQ(newId(taken, NodeKind::Item, {"1949年报纸", ""}, nullptr), "1949");
    for (const auto& id : taken)
        EXPECT_TRUE(isValidId(id)) << id;
    EXPECT_EQ(mediaFileName("Letter_1931-05.JPG", nullptr), "letter-1931-05.jpg");
    EXPECT_EQ(mediaFileName("家书.png", nullptr), "file.png");
    EXPECT_EQ(titleFromFileName("letter_1931-05.jpg"), "letter 1931 05");
}

#ifdef LANTAI_TEST_HAVE_ICU
TEST(EditIds, ChineseTitlesGivePinyin) {
    const auto icu = makeIcuTransliterator();
    ASSERT_TRUE(icu);
    std::unordered_set<std::string> taken;
    EXPECT_EQ(newId(taken, NodeKind::Exhibition, {"国际档案日", ""}, icu.get()),
              "guo-ji-dang-an-ri");
    EXPECT_EQ(newId(taken, NodeKind::Exhibition, {"国际档案日", ""}, icu.get()),
              "guo-ji-dang-an-ri-2");
    EXPECT_EQ(mediaFileName("国际档案日 海报.JPG", icu.get()), "guo-ji-dang-an-ri-hai-bao.jpg");
    EXPECT_EQ(slugify(icu->toAscii("Café")), "cafe");
}
#endif

TEST(EditIds, IdsNeverFollowTheTitleAndDeletedOnesAreNotReused) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    Item item;
    item.title = {"第二封信", "Second letter"};
    auto id = session->addItem("early-years", item);
    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "second-letter");
    ASSERT_TRUE(session->setText({NodeRef::item(*id), "/title"}, Language::En, "Another letter"));
    EXPECT_TRUE(session->pack().findItem("second-letter"));
    // Deleted and added again within the session: a new id (the old one's shape and undo steps
    // still name it).
    ASSERT_TRUE(session->remove(NodeRef::item("letter-1931")));
    item.title = {"信", "Letter 1931"};
    EXPECT_EQ(*session->addItem("early-years", item), "letter-1931-2");
}

// ---- translation status --------------------------------------------------------------------

TEST(EditTranslation, CountsMissingAndOutdatedEnglish) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    const auto before = session->translationStatus();
    EXPECT_EQ(before.outdatedCount, 0u);
    const FieldRef caption{NodeRef::item("letter-1931"), "/caption"};
    const FieldRef era{NodeRef::item("letter-1931"), "/era"};
    ASSERT_TRUE(session->setText(era, Language::Zh, "民国"));
    ASSERT_TRUE(session->setText(caption, Language::Zh, "手写信札，两页"));
    auto report = session->translationStatus();
    EXPECT_EQ(report.missingCount, before.missingCount + 1);
    EXPECT_EQ(report.outdatedCount, 1u);
    const auto status = [&](const FieldRef& field) {
        const auto it = std::find_if(report.fields.begin(), report.fields.end(),
                                     [&](const TextFieldStatus& s) { return s.field == field; });
        return it == report.fields.end() ? TextFieldStatus{} : *it;
    };
    EXPECT_TRUE(status(era).missingEnglish);
    EXPECT_TRUE(status(caption).englishOutdated);
    // Writing the English (even the same words) after the Chinese clears the mark; undo puts
    // it back.
    ASSERT_TRUE(session->setText(caption, Language::En, "Handwritten letter, two pages"));
    EXPECT_EQ(session->translationStatus().outdatedCount, 0u);
    ASSERT_TRUE(session->undo());
    EXPECT_EQ(session->translationStatus().outdatedCount, 1u);
}

TEST(EditTranslation, TheValidationWorkerMakesTheSameReport) {
    // The editor's fields panel reads the marks from the validation report (made on its worker
    // from a snapshot): they must be the session's own, outdated English included.
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    const FieldRef caption{NodeRef::item("letter-1931"), "/caption"};
    ASSERT_TRUE(session->setText(caption, Language::Zh, "手写信札，两页"));
    const ValidationRequest request = validationRequest(*session);
    // Edits after the snapshot do not reach the worker's copy.
    ASSERT_TRUE(session->setText(caption, Language::En, "Handwritten letter, two pages"));
    const TranslationReport worker = runValidation(request).translation;
    ASSERT_TRUE(session->undo());
    const TranslationReport own = session->translationStatus();
    EXPECT_EQ(worker.textCount, own.textCount);
    EXPECT_EQ(worker.missingCount, own.missingCount);
    EXPECT_EQ(worker.outdatedCount, 1u);
    ASSERT_EQ(worker.fields.size(), own.fields.size());
    for (std::size_t i = 0; i < own.fields.size(); ++i) {
        EXPECT_EQ(worker.fields[i].field, own.fields[i].field) << i;
        EXPECT_EQ(worker.fields[i].missingEnglish, own.fields[i].missingEnglish) << i;
        EXPECT_EQ(worker.fields[i].englishOutdated, own.fields[i].englishOutdated) << i;
    }
}

// ---- quiz checklist ------------------------------------------------------------------------

std::vector<ChecklistEntry::Kind> kinds(const BankChecklist& list) {
    std::vector<ChecklistEntry::Kind> out;
    for (const auto& entry : list.entries)
        out.push_back(entry.kind);
    return out;
}

TEST(EditQuizChecklist, FlagsWhatADraftBankLacks) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto session = openOrFail(copy.path());
    auto bankId = session->addQuizBank({"草稿", "Draft"});
    ASSERT_TRUE(bankId);
    const auto& pack = session->pack();
    const auto bank = [&]() -> const QuizBank& { return pack.quizBanks[*findBank(pack, *bankId)]; };
    using Kind = ChecklistEntry::Kind;
    EXPECT_EQ(kinds(quizChecklist(pack, bank(), 2)), std::vector<Kind>{Kind::NoQuestions});

    Question good;
    good.type = QuestionType::TrueFalse;
    good.prompt = {"档案馆保存书信？", "Do archives keep letters?"};
    good.answer = true;
    good.explanation = {"是的。", "Yes."};
    ASSERT_TRUE(session->addQuestion(*bankId, good));
    Question hard = good;
    hard.difficulty = 3;
    ASSERT_TRUE(session->addQuestion(*bankId, hard));
    // Two questions: enough for sessions of 2 adults; primary and secondary see only one.
    auto list = quizChecklist(pack, bank(), 2);
    EXPECT_EQ(kinds(list), (std::vector<Kind>{Kind::TooFewForAgeBand, Kind::TooFewForAgeBand}));
    ASSERT_EQ(list.bands.size(), 3u);
    EXPECT_EQ(list.bands[0].eligible, 1);
    EXPECT_EQ(list.bands[2].eligible, 2);
    EXPECT_EQ(list.entries[0].target, (FieldRef{NodeRef::quizBank(*bankId), ""}));

    // A question without explanation, linked to a missing item, with no correct option.
    Question bad;
    bad.type = QuestionType::Single;
    bad.prompt = {"哪一年？", "Which year?"};
    bad.options = {QuizOption{{"1931", ""}, false, {}, {}, {}, {}},
                   QuizOption{{"1949", ""}, false, {}, {}, {}, {}}};
    bad.item = "no-such-item";
    auto badId = session->addQuestion(*bankId, bad);
    ASSERT_TRUE(badId);
    list = quizChecklist(pack, bank(), 1);
    EXPECT_EQ(kinds(list), (std::vector<Kind>{Kind::MissingExplanation, Kind::LinkedItemMissing,
                                              Kind::NotAnswerable}));
    EXPECT_EQ(list.entries[1].target, (FieldRef{NodeRef::question(*badId), "/item"}));
    EXPECT_FALSE(list.complete());
    // Fixed through ordinary edits, the checklist clears.
    ASSERT_TRUE(session->setText({NodeRef::question(*badId), "/explanation"}, Language::Zh, "。"));
    ASSERT_TRUE(session->setField({NodeRef::question(*badId), "/item"}, "letter-1931"));
    ASSERT_TRUE(session->setField({NodeRef::question(*badId), "/options/0/correct"}, true));
    EXPECT_TRUE(quizChecklist(pack, bank(), 1).complete());
}

// ---- validation ----------------------------------------------------------------------------

const KioskFontSet& fonts() {
    static const KioskFontSet set = KioskFontSet::locate();
    return set;
}

// Every broken fixture's expected diagnostic is what the editor lists too: from loading
// (loadDiagnostics) or from the background validation, which points at the node and field.
TEST(EditValidation, ListsWhatLantaiValidateListsWithTargets) {
    int located = 0;
    for (const auto& entry : fs::directory_iterator(test::kPacks / "broken")) {
        const fs::path expectFile = entry.path() / "expect.json";
        if (!fs::exists(expectFile)) continue;
        const auto expect = nlohmann::json::parse(test::readText(expectFile));
        const std::string code = expect.value("code", "");
        SCOPED_TRACE(entry.path().filename().string());
        OpenOptions options = test::testOptions();
        options.readOnly = true; // writes nothing into the fixture
        auto session = EditSession::open(entry.path(), options);
        if (!session) {
            EXPECT_EQ(session.error().code, code);
            continue;
        }
        const auto report = runValidation(validationRequest(**session), &fonts());
        const auto found =
            std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                         [&](const LocatedDiagnostic& d) { return d.diagnostic.code == code; });
        if (found == report.diagnostics.end()) {
            const auto& loaded = (*session)->loadDiagnostics().items();
            EXPECT_TRUE(std::any_of(loaded.begin(), loaded.end(),
                                    [&](const Diagnostic& d) { return d.code == code; }))
                << code << " is listed neither when loading nor by the validation";
            continue;
        }
        EXPECT_EQ(found->diagnostic.pointer, expect.value("pointer", ""));
        if (found->diagnostic.file == "pack.json" && !found->diagnostic.pointer.empty()) {
            EXPECT_TRUE(found->target) << code << " at " << found->diagnostic.pointer;
            located += found->target ? 1 : 0;
        }
    }
    EXPECT_GE(located, 15);
}

TEST(EditValidation, TargetsFollowTheNodeAfterEdits) {
    PackCopy copy(test::kPacks / "broken" / "asset.missing");
    auto session = openOrFail(copy.path());
    const auto before = runValidation(validationRequest(*session), &fonts());
    const auto missing = [](const ValidationReport& report) {
        for (const auto& d : report.diagnostics)
            if (d.diagnostic.code == "asset.missing") return d;
        return LocatedDiagnostic{};
    };
    const LocatedDiagnostic first = missing(before);
    ASSERT_TRUE(first.target);
    const NodeRef item = first.target->node;
    EXPECT_EQ(item.kind, NodeKind::Item);
    EXPECT_EQ(first.target->pointer, "/images/0/file");
    // The item moves behind a new one: the diagnostic's pointer changes, its target does not.
    Item newcomer;
    newcomer.title = {"新", "Newcomer"};
    const std::string chapter = session->pack().exhibitions[0].chapters[0].id;
    ASSERT_TRUE(session->addItem(chapter, newcomer, 0));
    const auto request = validationRequest(*session);
    EXPECT_EQ(request.revision, session->revision());
    EXPECT_GT(request.revision, before.revision);
    const LocatedDiagnostic after = missing(runValidation(request, &fonts()));
    EXPECT_EQ(after.diagnostic.pointer, "/exhibitions/0/chapters/0/items/1/images/0/file");
    ASSERT_TRUE(after.target);
    EXPECT_EQ(*after.target, *first.target);
}

TEST(EditValidation, GlyphsAreCheckedAsTheCliDoes) {
    OpenOptions options = test::testOptions();
    options.readOnly = true;
    auto session = EditSession::open(test::kPacks / "broken" / "text.glyph_missing", options);
    ASSERT_TRUE(session);
    const auto request = validationRequest(**session);
    Diagnostics cli;
    validatePack(request.pack, cli);
    checkPackGlyphs(request.pack, fonts(), cli);
    ASSERT_TRUE(std::any_of(cli.items().begin(), cli.items().end(),
                            [](const Diagnostic& d) { return d.code == "text.glyph_missing"; }));
    const auto report = runValidation(request, &fonts());
    ASSERT_EQ(report.diagnostics.size(), cli.items().size());
    for (std::size_t i = 0; i < cli.items().size(); ++i)
        EXPECT_EQ(report.diagnostics[i].diagnostic.code, cli.items()[i].code);
    EXPECT_EQ(report.warnings, cli.warningCount());
    // Without fonts the glyph check is left out.
    for (const auto& d : runValidation(request).diagnostics)
        EXPECT_NE(d.diagnostic.code, "text.glyph_missing");
}

} // namespace
} // namespace lantai::core::edit

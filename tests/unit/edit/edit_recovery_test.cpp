// tests: never losing work — the journal after a dropped session and after SIGKILL, discarding
// a recovery, the lock (read-only second session, stale takeover), translation memory restarts
#include "core/edit/edit_session.h"
#include "core/edit/journal.h"
#include "tests/unit/edit/edit_test_support.h"

#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace lantai::core::edit {
namespace {

namespace fs = std::filesystem;
using test::openOrFail;
using test::PackCopy;

// A few edits of every kind, some undone and redone.
void editALot(EditSession& session, const fs::path& outside) {
    ASSERT_TRUE(
        session.setText({NodeRef::item("letter-1931"), "/caption"}, Language::En, "Letter", 3));
    ASSERT_TRUE(session.setText({NodeRef::item("letter-1931"), "/caption"}, Language::En,
                                "Letter, page 1", 3));
    Item item;
    item.title = {"新展品", "Second letter"};
    ASSERT_TRUE(session.addItem("early-years", item));
    ASSERT_TRUE(session.duplicate(NodeRef::item("letter-1931")));
    ASSERT_TRUE(session.move(NodeRef::item("letter-1931-2"), NodeRef::chapter("early-years"), 0));
    ASSERT_TRUE(
        session.setFieldOnAll({NodeRef::item("letter-1931"), NodeRef::item("second-letter")},
                              "/rights", Json{{"zh", "公开"}}));
    test::writeTestImage(outside / "scan.png");
    auto staged = stageMediaFile(session.root(), outside / "scan.png", "scan.png");
    ASSERT_TRUE(staged);
    ASSERT_TRUE(session.addImageItems("early-years", {*staged}));
    ASSERT_TRUE(session.undo());
    ASSERT_TRUE(session.redo());
    ASSERT_TRUE(session.importQuestions(QuizFormat::Aiken, "问？\nA) 甲\nB) 乙\nANSWER: A\n",
                                        "a.txt", "", Language::Zh));
    ASSERT_TRUE(session.remove(NodeRef::question("letter-year")));
    ASSERT_TRUE(session.undo());
}

TEST(EditRecovery, DroppedSessionIsRecoveredExactly) {
    PackCopy copy(test::kPacks / "valid-minimal");
    test::TempDir outside;
    std::map<std::string, std::string> before;
    std::string undoLabel;
    {
        auto session = openOrFail(copy.path());
        ASSERT_TRUE(session);
        editALot(*session, outside.path());
        before = session->serializedFiles();
        undoLabel = session->undoLabel()->en;
        ASSERT_TRUE(session->canRedo());
    } // dropped without saving: a crash as far as the pack knows
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->recoverableEdits());
    EXPECT_EQ(session->recoverableEdits()->edits, 12u);
    EXPECT_FALSE(session->recoverableEdits()->filesChanged);
    EXPECT_FALSE(session->setField({NodeRef::pack(), "/theme"}, "x").ok()); // decide first
    auto replayed = session->recover();
    ASSERT_TRUE(replayed);
    EXPECT_EQ(*replayed, 12u);
    EXPECT_EQ(session->serializedFiles(), before);
    EXPECT_TRUE(session->isDirty());
    // The stacks came back too.
    EXPECT_EQ(session->undoLabel()->en, undoLabel);
    ASSERT_TRUE(session->redo());
    ASSERT_TRUE(session->undo());
    EXPECT_EQ(session->serializedFiles(), before);
    // And the journal goes on: drop again, recover again.
    ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::En, "After recovery"));
    before = session->serializedFiles();
    session.reset();
    session = openOrFail(copy.path());
    ASSERT_TRUE(session->recover());
    EXPECT_EQ(session->serializedFiles(), before);
    ASSERT_TRUE(session->save());
    ASSERT_TRUE(session->close());
    session = openOrFail(copy.path());
    EXPECT_FALSE(session->recoverableEdits());
    EXPECT_EQ(session->serializedFiles(), before);
}

TEST(EditRecovery, UndoneStepsFromBeforeASaveReplay) {
    PackCopy copy(test::kPacks / "valid-minimal");
    std::map<std::string, std::string> before;
    {
        auto session = openOrFail(copy.path());
        ASSERT_TRUE(session->setText({NodeRef::item("letter-1931"), "/title"}, Language::En, "A"));
        ASSERT_TRUE(session->remove(NodeRef::question("letter-year")));
        ASSERT_TRUE(session->save());
        ASSERT_TRUE(session->undo()); // the journal starts after the save: these are orphans
        ASSERT_TRUE(session->undo());
        ASSERT_TRUE(session->redo());
        before = session->serializedFiles();
    }
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session->recover());
    EXPECT_EQ(session->serializedFiles(), before);
}

TEST(EditRecovery, SurvivesSigkill) {
    PackCopy copy(test::kPacks / "valid-minimal");
    test::TempDir outside;
    const fs::path expected = outside.path() / "expected.json";
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The child edits with fsync'ed journal lines, writes what it holds, and is killed.
        auto session = EditSession::open(copy.path(), test::testOptions(/*sync=*/true));
        if (!session) ::_exit(2);
        EditSession& s = **session;
        bool ok = s.setText({NodeRef::item("letter-1931"), "/title"}, Language::Zh, "家书", 1).ok();
        ok = ok &&
             s.setText({NodeRef::item("letter-1931"), "/title"}, Language::Zh, "家书一封", 1).ok();
        ok = ok && s.remove(NodeRef::question("archives-keep-letters")).ok();
        ok = ok && s.addChapter("letters", {"后来", "Later"}).ok();
        if (!ok) ::_exit(3);
        std::ofstream(expected) << nlohmann::json(s.serializedFiles()).dump();
        ::raise(SIGKILL);
        ::_exit(4);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exit " << WEXITSTATUS(status);
    const auto files =
        nlohmann::json::parse(test::readText(expected)).get<std::map<std::string, std::string>>();
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session);
    EXPECT_TRUE(session->tookOverStaleLock()); // the killed child held it
    ASSERT_TRUE(session->recoverableEdits());
    ASSERT_TRUE(session->recover());
    EXPECT_EQ(session->serializedFiles(), files);
}

TEST(EditRecovery, TornLastLineIsLeftOut) {
    PackCopy copy(test::kPacks / "valid-minimal");
    std::map<std::string, std::string> afterFirst;
    {
        auto session = openOrFail(copy.path());
        ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::En, "One"));
        afterFirst = session->serializedFiles();
        ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::En, "Two"));
    }
    // Cut the last line in half, as a power cut during the append would.
    const fs::path journal = copy.path() / ".lantai-edit/journal.jsonl";
    std::string text = test::readText(journal);
    text.resize(text.size() - 30);
    std::ofstream(journal, std::ios::binary | std::ios::trunc) << text;
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session->recoverableEdits());
    EXPECT_EQ(session->recoverableEdits()->unreadableLines, 1u);
    ASSERT_TRUE(session->recover());
    EXPECT_EQ(session->serializedFiles(), afterFirst);
    // New entries after a torn line are still read.
    ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::En, "Three"));
    const auto afterThird = session->serializedFiles();
    session.reset();
    session = openOrFail(copy.path());
    ASSERT_TRUE(session->recover());
    EXPECT_EQ(session->serializedFiles(), afterThird);
}

TEST(EditRecovery, DiscardForgetsEditsAndTheirCopies) {
    PackCopy copy(test::kPacks / "valid-minimal");
    test::TempDir outside;
    std::map<std::string, std::string> saved;
    {
        auto session = openOrFail(copy.path());
        saved = session->serializedFiles();
        test::writeTestImage(outside.path() / "new.png");
        auto staged = stageMediaFile(copy.path(), outside.path() / "new.png", "new.png");
        ASSERT_TRUE(staged);
        ASSERT_TRUE(session->addImageItems("early-years", {*staged}));
        EXPECT_TRUE(fs::exists(copy.path() / "images/new.png"));
    }
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session->recoverableEdits());
    ASSERT_TRUE(session->discardRecovery());
    EXPECT_FALSE(session->recoverableEdits());
    EXPECT_FALSE(fs::exists(copy.path() / "images/new.png"));
    EXPECT_EQ(session->serializedFiles(), saved);
    EXPECT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::En, "Edits again"));
    session.reset();
    session = openOrFail(copy.path());
    ASSERT_TRUE(session->recoverableEdits());
    EXPECT_EQ(session->recoverableEdits()->edits, 1u);
}

TEST(EditRecovery, FilesChangedOnDiskAreFlagged) {
    PackCopy copy(test::kPacks / "valid-minimal");
    {
        auto session = openOrFail(copy.path());
        ASSERT_TRUE(session->setText({NodeRef::pack(), "/title"}, Language::En, "Edited"));
    }
    std::ofstream(copy.path() / "pack.json", std::ios::app) << "\n";
    auto session = openOrFail(copy.path());
    ASSERT_TRUE(session->recoverableEdits());
    EXPECT_TRUE(session->recoverableEdits()->filesChanged);
}

// ---- the lock ------------------------------------------------------------------------------

TEST(EditLock, SecondSessionIsReadOnlyAndSaysWho) {
    PackCopy copy(test::kPacks / "valid-minimal");
    auto first = openOrFail(copy.path());
    ASSERT_TRUE(first);
    EXPECT_FALSE(first->readOnly());
    auto second = openOrFail(copy.path());
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->readOnly());
    const auto holder = second->lockHolder();
    ASSERT_TRUE(holder);
    const LockHolder me = currentLockHolder(0);
    EXPECT_EQ(holder->pid, me.pid);
    EXPECT_EQ(holder->host, me.host);
    EXPECT_EQ(holder->user, me.user);
    const Status refused = second->setField({NodeRef::pack(), "/theme"}, "x");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "edit.read_only");
    EXPECT_FALSE(second->save().ok());
    // The read-only session never touched the journal.
    ASSERT_TRUE(first->setText({NodeRef::pack(), "/title"}, Language::En, "By the first"));
    second.reset();
    ASSERT_TRUE(first->close());
    EXPECT_FALSE(fs::exists(copy.path() / ".lantai-edit/lock"));
    auto third = openOrFail(copy.path());
    EXPECT_FALSE(third->readOnly());
    EXPECT_FALSE(third->tookOverStaleLock());
    EXPECT_TRUE(third->recoverableEdits()); // the first closed with unsaved edits: kept
}

void writeLock(const fs::path& pack, const LockHolder& holder) {
    fs::create_directories(pack / ".lantai-edit");
    std::ofstream(pack / ".lantai-edit/lock") << nlohmann::json{
        {"user", holder.user},
        {"host", holder.host},
        {"pid", holder.pid},
        {"time", holder.time}}.dump();
}

TEST(EditLock, StaleLockOnThisHostIsTakenOver) {
    PackCopy copy(test::kPacks / "valid-minimal");
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0); // a pid that is certainly dead now
    LockHolder dead = currentLockHolder(1700000000);
    dead.pid = child;
    dead.user = "someone";
    writeLock(copy.path(), dead);
    auto session = openOrFail(copy.path());
    EXPECT_FALSE(session->readOnly());
    EXPECT_TRUE(session->tookOverStaleLock());
    EXPECT_EQ(session->lockHolder()->user, "someone");
}

TEST(EditLock, LockFromAnotherHostNeedsForce) {
    PackCopy copy(test::kPacks / "valid-minimal");
    LockHolder other{"curator", "archive-laptop-7", 4242, 1700000000};
    writeLock(copy.path(), other);
    auto session = openOrFail(copy.path());
    EXPECT_TRUE(session->readOnly());
    EXPECT_EQ(session->lockHolder()->host, "archive-laptop-7");
    session.reset();
    auto options = test::testOptions();
    options.forceLock = true;
    session = openOrFail(copy.path(), options);
    EXPECT_FALSE(session->readOnly());
    EXPECT_TRUE(session->tookOverStaleLock());
}

// ---- translation memory --------------------------------------------------------------------

TEST(EditTranslation, OutdatedEnglishSurvivesSaveAndCrash) {
    PackCopy copy(test::kPacks / "valid-minimal");
    const FieldRef title{NodeRef::item("letter-1931"), "/title"};
    const FieldRef caption{NodeRef::item("letter-1931"), "/caption"};
    {
        auto session = openOrFail(copy.path());
        const auto report = session->translationStatus();
        EXPECT_EQ(report.missingCount, 0u);
        EXPECT_EQ(report.outdatedCount, 0u);
        ASSERT_TRUE(session->setText(title, Language::Zh, "一九三一年的家书"));
        ASSERT_TRUE(session->setText(caption, Language::Zh, "手写信札，两页"));
        ASSERT_TRUE(session->setText(caption, Language::En, "Handwritten letter, two pages"));
        ASSERT_TRUE(session->addChapter("letters", {"后来", ""}));
        const auto after = session->translationStatus();
        EXPECT_EQ(after.outdatedCount, 1u); // the title; the caption's English was rewritten
        ASSERT_EQ(after.missingCount, 1u);  // the new chapter
        EXPECT_EQ(after.fields.size(), 2u);
        ASSERT_TRUE(session->save());
        ASSERT_TRUE(session->close());
    }
    auto session = openOrFail(copy.path());
    auto report = session->translationStatus();
    EXPECT_EQ(report.outdatedCount, 1u);
    bool titleOutdated = false;
    for (const auto& field : report.fields)
        titleOutdated |= field.field == title && field.englishOutdated;
    EXPECT_TRUE(titleOutdated);
    // English written now: no longer outdated; a crash before saving keeps that too.
    ASSERT_TRUE(session->setText(title, Language::En, "A family letter from 1931"));
    EXPECT_EQ(session->translationStatus().outdatedCount, 0u);
    ASSERT_TRUE(session->undo());
    EXPECT_EQ(session->translationStatus().outdatedCount, 1u);
    ASSERT_TRUE(session->redo());
    session.reset();
    session = openOrFail(copy.path());
    ASSERT_TRUE(session->recover());
    EXPECT_EQ(session->translationStatus().outdatedCount, 0u);
}

} // namespace
} // namespace lantai::core::edit

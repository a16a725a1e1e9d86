// core/edit: the edit session — one pack being edited: the model, undo/redo, save, the journal,
// the lock, and the edits the editor's panels make
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/result.h"
#include "core/edit/command_stack.h"
#include "core/edit/edit_folder.h"
#include "core/edit/edit_lock.h"
#include "core/edit/ids.h"
#include "core/edit/journal.h"
#include "core/edit/media_files.h"
#include "core/edit/pack_folders.h"
#include "core/edit/pack_shape.h"
#include "core/edit/translation_status.h"
#include "core/quiz/import.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace lantai::core::edit {

struct OpenOptions {
    // Makes ids and file names from Chinese titles (pinyin); not owned, outlives the session.
    const Transliterator* transliterator = nullptr;
    bool readOnly = false;  // open without taking the lock (a viewer)
    bool forceLock = false; // take a lock written on another host (the UI's "open anyway")
    // fdatasync() every journal line (off only for tests and benchmarks of the in-memory model).
    bool syncJournal = true;
    std::function<std::int64_t()> clock; // unix seconds; default: the system clock
    std::optional<LockHolder> identity;  // default: currentLockHolder()
};

// Unsaved edits a previous session left in the journal.
struct RecoveryInfo {
    std::size_t edits = 0;       // journal entries (edits, undos, redos)
    std::int64_t savedAt = 0;    // when the journal started (the last save or open)
    std::int64_t lastEditAt = 0; // time of the last entry
    bool filesChanged = false;   // the saved files changed on disk since (edited by hand?)
    std::size_t unreadableLines = 0;
};

// What importing a quiz file did.
struct QuizImportOutcome {
    QuizImportResult parsed; // the questions and every diagnostic (errors: nothing imported)
    std::string bankId;      // the bank they went (or would go) to
    bool createdBank = false;
    bool applied = false; // one undo step was added
};

// A media copy planned into the pack: its pack-relative path and the command that adopts it.
struct PlannedFile {
    std::string path;
    CommandPtr command;
};

// One pack being edited.
//
// The UI reads the model through pack() and changes it only through the calls below (or
// apply() with a Command); each change is one undo step, written to the journal before the call
// returns. Nodes are named by NodeRef (kind + id), fields by FieldRef (+ JSON pointer as
// FORMAT.md writes them), so a selection survives any edit. pack()'s SourceRefs are those of
// the last load (see validationRequest for current ones).
//
// Read-only sessions (the lock is held elsewhere, or OpenOptions::readOnly) refuse every change
// and save. While recoverableEdits() is set, changes are refused until recover() or
// discardRecovery() decides.
//
// Threading: every call on one thread (the UI's). stageMediaFile, runValidation and
// writePackCopy are the parts meant for worker threads; they never touch the session (their
// inputs are taken on the UI thread: a staged file, validationRequest, planCopy).
class EditSession {
  public:
    static Result<std::unique_ptr<EditSession>> open(const std::filesystem::path& packDir,
                                                     OpenOptions options = {});
    // Dropping a session without close() is a crash as far as the pack is concerned: the lock
    // is released and the journal kept, so the next session offers to recover.
    ~EditSession();
    EditSession(const EditSession&) = delete;
    EditSession& operator=(const EditSession&) = delete;

    // ---- state ---------------------------------------------------------------------------------
    const Pack& pack() const { return m_pack; }
    const std::filesystem::path& root() const { return m_root; }
    bool readOnly() const { return !m_lock || !m_lock->owned(); }
    // Who holds the lock when read-only; the stale holder taken over otherwise.
    std::optional<LockHolder> lockHolder() const;
    bool tookOverStaleLock() const { return m_lock && m_lock->tookOverStale(); }
    bool isDirty() const { return !m_stack.isSaved(); }
    // Changes with every edit, undo, redo, recovery (to tell a validation report is current).
    std::uint64_t revision() const { return m_revision; }
    // What loading the pack reported (syntax, schema, unknown fields).
    const Diagnostics& loadDiagnostics() const { return m_loadDiagnostics; }
    const Transliterator* transliterator() const { return m_options.transliterator; }

    // ---- any change ----------------------------------------------------------------------------
    Status apply(CommandPtr command);
    Status undo();
    Status redo();
    bool canUndo() const { return m_stack.canUndo(); }
    bool canRedo() const { return m_stack.canRedo(); }
    std::size_t undoDepth() const { return m_stack.undoDepth(); }
    std::size_t redoDepth() const { return m_stack.redoDepth(); }
    std::optional<LocalizedText> undoLabel() const;
    std::optional<LocalizedText> redoLabel() const;

    // ---- fields --------------------------------------------------------------------------------
    // `activation`: one id per activation of a widget (e.g. ImGui's id combined with a counter
    // bumped when it becomes active); edits of one field in one activation are one undo step.
    Status setField(const FieldRef& field, Json value, std::uint64_t activation = 0);
    Status setText(const FieldRef& text, Language language, std::string value,
                   std::uint64_t activation = 0);
    // Batch edit of a multi-selection: the same value at `pointer` of every node ("/holding",
    // "/date", "/rights", "/highlight", "/badges"), one undo step.
    Status setFieldOnAll(const std::vector<NodeRef>& nodes, const std::string& pointer,
                         const Json& value);

    // ---- structure -----------------------------------------------------------------------------
    // New nodes get an id from their title (ids.h) unless they carry one. `index` past the end
    // appends. Each returns the new node's id.
    Result<std::string> addExhibition(const LocalizedText& title, std::size_t index = SIZE_MAX);
    Result<std::string> addChapter(const std::string& exhibitionId, const LocalizedText& title,
                                   std::size_t index = SIZE_MAX);
    Result<std::string> addItem(const std::string& chapterId, Item item,
                                std::size_t index = SIZE_MAX);
    Result<std::string> addVideo(Video video, std::size_t index = SIZE_MAX);
    // A new bank in quiz/<id>.json.
    Result<std::string> addQuizBank(const LocalizedText& title);
    Result<std::string> addQuestion(const std::string& bankId, Question question,
                                    std::size_t index = SIZE_MAX);
    // A copy right after the original, with new ids (id-2, id-3 …) for it and everything in it.
    Result<std::string> duplicate(const NodeRef& node);
    // Deletes a node and clears what pointed at it (attract entries, an item's video or
    // questions, a question's or video's item, a video's chapter or exhibition): one undo step.
    Status remove(const NodeRef& node);
    // Reorders, or moves into another parent of the right kind (an item to another chapter);
    // `index` is the position in `parent` after the move.
    Status move(const NodeRef& node, const NodeRef& parent, std::size_t index);

    // ---- media (copies made with stageMediaFile, on any thread) --------------------------------
    // Where a staged copy goes in the pack (`folder`/name, made unique) and the command that
    // puts it there; for edits that combine files and fields in one step.
    PlannedFile planAdoption(const StagedFile& staged, const std::string& folder);
    // One item per image, titled after the file name, into `folder` (default "images"):
    // one undo step; returns the new item ids.
    Result<std::vector<std::string>> addImageItems(const std::string& chapterId,
                                                   const std::vector<StagedFile>& images,
                                                   std::size_t index = SIZE_MAX,
                                                   const std::string& folder = "images");
    // One item showing every image (a folder of pages).
    Result<std::string> addMultiImageItem(const std::string& chapterId, const LocalizedText& title,
                                          const std::vector<StagedFile>& images,
                                          std::size_t index = SIZE_MAX,
                                          const std::string& folder = "images");
    Status addImagesToItem(const std::string& itemId, const std::vector<StagedFile>& images,
                           const std::string& folder = "images");
    // The file of image `imageIndex` replaced (alt text and caption kept), one undo step. The
    // old file goes to the trash when nothing else in the pack names it (the undo brings it
    // back), so replaced scans do not pile up in the published pack.
    Status replaceImage(const std::string& itemId, std::size_t imageIndex, const StagedFile& image,
                        const std::string& folder = "images");
    // The same for a turned copy of the image (core links no image library: the UI makes the
    // rotated file, e.g. losslessly with libjpeg-turbo, and stages it with stageMediaBytes).
    // The new file gets a new name, so every cache keyed by path sees a new image.
    Status rotateImage(const std::string& itemId, std::size_t imageIndex, const StagedFile& rotated,
                       const std::string& folder = "images");
    // A field that names a file pointed at a staged copy adopted into `folder`, as one step: a
    // video's clip ("/file", folder "videos"), its poster ("/poster/file"), an existing
    // subtitle's file, an exhibition's cover, a question's image. Edits that need more than the
    // path (a new subtitle entry with its language) combine planAdoption's command with field
    // commands in a CompoundCommand passed to apply().
    Status setFileField(const FieldRef& field, const StagedFile& file, const std::string& folder);

    // ---- quiz ----------------------------------------------------------------------------------
    // Parses `text` with core/quiz's importer (GIFT, Aiken, CSV) and, when it has no errors
    // and every linked item exists, adds the questions to `bankId` (empty: the first bank, or
    // a new bank "quiz") as one undo step.
    Result<QuizImportOutcome> importQuestions(QuizFormat format, std::string_view text,
                                              const std::string& fileName,
                                              const std::string& bankId, Language language);

    // ---- saving and recovery -------------------------------------------------------------------
    // Writes pack.json and every bank that changed (each atomically: temp file, fsync, rename;
    // banks first), in the shape the files had (pack_shape.h), the translation sidecar, then
    // starts a fresh journal.
    Status save();
    // What save() would write, by pack-relative file name (every file, changed or not).
    std::map<std::string, std::string> serializedFiles() const;
    // "Save as": what writePackCopy (pack_folders.h, any thread) writes into another folder;
    // the UI then opens a session there and closes this one (its unsaved edits stay in its
    // journal, offered again when this folder is opened).
    Result<PackCopyPlan> planCopy() const;
    const std::optional<RecoveryInfo>& recoverableEdits() const { return m_recovery; }
    // Replays the journal: the pack, the undo and redo stacks and the translation memory come
    // back as they were. Returns how many entries were replayed; stops at the first entry that
    // no longer applies (the files changed meanwhile) and keeps what was replayed.
    Result<std::size_t> recover();
    // Why the last recover() stopped before the end of the journal (nullopt: it replayed all).
    const std::optional<Diagnostic>& recoveryStop() const { return m_recoveryStop; }
    // Forgets the journal's edits (media copies they brought into the pack go too).
    Status discardRecovery();
    // A clean close: the journal is emptied when nothing is unsaved (kept otherwise, so the next
    // session offers the edits), the trash is emptied, and the lock removed.
    Status close();

    // ---- reports -------------------------------------------------------------------------------
    const TranslationMemory& translations() const { return m_translations; }
    TranslationReport translationStatus() const;

  private:
    EditSession() = default;
    EditContext context() { return {m_pack, m_translations, m_root}; }
    Status checkWritable() const;
    std::int64_t now() const;
    Status journal(JournalEntry::Op op, const Command& command, const Command* inverse = nullptr);
    Status startJournal();
    Status replay(const JournalEntry& entry);
    void pushApplied(CommandPtr command);
    std::string bankFileFor(const std::string& bankId) const;
    // pack.json and the banks it lists, as they are on disk: file -> text.
    std::map<std::string, std::string> packFiles() const;
    // Remembers the shape of those files (pack_shape.h).
    void rememberShape(const std::map<std::string, std::string>& files);
    void writeShapeBase(const std::map<std::string, std::string>& files) const;
    // Ids new nodes must not take: the pack's, and those of nodes deleted in this session
    // (whose remembered shape would otherwise attach to the newcomer).
    std::unordered_set<std::string> takenIds(NodeKind kind) const;
    std::string makeId(NodeKind kind, const LocalizedText& title) const;
    Result<std::string> insertNew(NodeRef parent, std::size_t index, AnyNode node);
    Status adoptInto(const FieldRef& field, const StagedFile& staged, const std::string& folder,
                     LocalizedText label);
    Status swapImageFile(const std::string& itemId, std::size_t imageIndex,
                         const StagedFile& staged, const std::string& folder, LocalizedText label);
    std::vector<CommandPtr> clearReferences(const NodeRef& node) const;

    Pack m_pack;
    std::filesystem::path m_root;
    OpenOptions m_options;
    Diagnostics m_loadDiagnostics;
    CommandStack m_stack;
    TranslationMemory m_translations;
    PackShape m_shape;
    std::map<std::string, std::string> m_diskHashes; // file -> SHA-256 of what is on disk
    std::string m_sidecarOnDisk; // the translation sidecar as last read or written
    std::optional<EditLock> m_lock;
    std::optional<Diagnostic> m_lockProblem; // why there is no lock (read-only medium, option)
    std::optional<Journal> m_journal;
    std::optional<RecoveryInfo> m_recovery;
    std::optional<Diagnostic> m_recoveryStop;
    std::set<std::string> m_plannedPaths; // media paths handed out by planAdoption
    // referencedFiles(m_pack) at a revision, for planAdoption.
    std::optional<std::pair<std::uint64_t, std::set<std::string>>> m_referenced;
    std::uint64_t m_revision = 0;
};

} // namespace lantai::core::edit

// core/edit: the autosave journal (.lantai-edit/journal.jsonl) — every edit since the last save,
// appended and fsync'ed, so a crash or power cut loses nothing
#pragma once

#include "core/base/result.h"
#include "core/edit/node_json.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace lantai::core::edit {

// The format, one JSON object per line:
//   {"lantai_edit_journal": 1, "base": {"pack.json": SHA256, "quiz/a.json": SHA256, ...},
//    "started": UNIX_SECONDS}
//   {"op": "do", "time": T, "cmd": COMMAND}     an edit (COMMAND: Command::toJson)
//   {"op": "undo", "time": T, "cmd": COMMAND}   the step undone (as it was on the stack)
//   {"op": "redo", "time": T, "cmd": COMMAND}
// `base` names the saved files the edits apply to (their SHA-256 as written). A save writes
// the files, then replaces the journal by a fresh header naming them; so a journal with entries
// whose base matches the files on disk holds exactly the edits that were not saved. A torn line
// (a power cut during the append) is left out.
struct JournalEntry {
    enum class Op { Do, Undo, Redo };
    Op op = Op::Do;
    Json command;
    std::int64_t time = 0;
};

struct JournalContents {
    std::map<std::string, std::string> base; // file -> SHA-256
    std::int64_t started = 0;
    std::vector<JournalEntry> entries;
    std::size_t unreadableLines = 0; // torn appends, left out
};

// Reads a journal; kFileMissing when there is none.
Result<JournalContents> readJournal(const std::filesystem::path& file);

// An open journal, appended to by the session.
//
// Threading: the session's thread.
class Journal {
  public:
    // Replaces the file by a fresh journal for `base` (written atomically), holding `entries`
    // (the ones a partial recovery kept).
    static Result<Journal> start(const std::filesystem::path& file,
                                 const std::map<std::string, std::string>& base, std::int64_t now,
                                 bool sync, const std::vector<JournalEntry>& entries = {});
    // Continues an existing journal (after recovering its edits).
    static Result<Journal> resume(const std::filesystem::path& file, bool sync);

    Journal(Journal&& other) noexcept;
    Journal& operator=(Journal&& other) noexcept;
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;
    ~Journal();

    // Appends one line and (with sync) fdatasync()s it before returning.
    Status append(const JournalEntry& entry);
    // The line append() writes.
    static std::string line(const JournalEntry& entry);
    std::size_t appended() const { return m_appended; }

  private:
    Journal() = default;
    int m_fd = -1;
    std::string m_path;
    bool m_sync = true;
    std::size_t m_appended = 0;
};

const char* journalOpName(JournalEntry::Op op);

} // namespace lantai::core::edit

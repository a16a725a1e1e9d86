// core/edit: copying media files into a pack — the copy (any thread) and the cleanup of copies
// never adopted
#pragma once

#include "core/base/result.h"
#include "core/pack/model.h"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace lantai::core::edit {

// A file copied into <pack>/.lantai-edit/staging/<token>/<name>, waiting for the edit that
// adopts it into the pack (EditSession::addImageItems and friends; AdoptFileCommand).
struct StagedFile {
    std::string token;  // unique for each copy
    std::string name;   // the file name it gets in the pack
    std::string source; // where it was copied from, for messages
    std::uintmax_t size = 0;
};

// Copies `source` (a regular file outside or inside the pack) into the staging folder of the
// pack at `packRoot`, named `name` (see mediaFileName in ids.h), and fsyncs it. Slow for large
// scans, so it may run on any thread: it touches only the new staging folder, never the
// session. An interrupted copy leaves only staging files, which the next session removes.
Result<StagedFile> stageMediaFile(const std::filesystem::path& packRoot,
                                  const std::filesystem::path& source, const std::string& name);

// Writes `bytes` (a file the editor made, e.g. a rotated image) into the staging folder as
// `name`, fsync'ed, like stageMediaFile; `source` names it in messages. Any thread.
Result<StagedFile> stageMediaBytes(const std::filesystem::path& packRoot, std::string_view bytes,
                                   const std::string& name, const std::string& source);

// A fresh staging token (unique per process and time), also for files an edit moves to the
// trash.
std::string newStagingToken();

// How many places of the pack name `file` (images, videos, posters, subtitles, banks, the
// narration of items, chapters and questions in either language).
std::size_t referenceCount(const Pack& pack, const std::string& file);

// Copies `from` to `to` (a new file: refused when `to` exists) and fsyncs it; a failed copy
// leaves no file behind. Any thread.
Status copyMediaFile(const std::filesystem::path& from, const std::filesystem::path& to);

// Deletes a staged copy that will not be adopted (the user cancelled the drop).
void discardStaged(const std::filesystem::path& packRoot, const StagedFile& staged);

// Removes every staged copy (copies never adopted) or every trashed one (copies an undo took
// out; only when no undo or journal entry can bring them back).
void clearStaging(const std::filesystem::path& packRoot);
void clearTrash(const std::filesystem::path& packRoot);

// Every file the pack names (images, covers, posters, videos, subtitles, quiz banks, narration
// audio).
std::set<std::string> referencedFiles(const Pack& pack);

} // namespace lantai::core::edit

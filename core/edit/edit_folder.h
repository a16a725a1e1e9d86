// core/edit: the editor's hidden folder inside a pack (.lantai-edit/) and what lives in it
#pragma once

#include "core/base/result.h"

#include <filesystem>
#include <string>

namespace lantai::core::edit {

// <pack>/.lantai-edit/ holds the editor's state beside the content (content/FORMAT.md, "The
// editor's folder"): the lock, the journal of unsaved edits, the translation sidecar, media
// copies not yet adopted by an edit (staging/) and copies an undo took out of the pack (trash/).
// The validator never looks at it, and `lantai build` / `lantai export web` skip every
// top-level folder whose name starts with a dot.
inline constexpr const char* kEditFolderName = ".lantai-edit";

struct EditFolder {
    std::filesystem::path packRoot;

    std::filesystem::path dir() const { return packRoot / kEditFolderName; }
    std::filesystem::path lock() const { return dir() / "lock"; }
    std::filesystem::path journal() const { return dir() / "journal.jsonl"; }
    std::filesystem::path translation() const { return dir() / "translation.json"; }
    std::filesystem::path staging() const { return dir() / "staging"; }
    std::filesystem::path trash() const { return dir() / "trash"; }
    // Where a media copy waits to be adopted, and where an undo puts it (by copy token).
    std::filesystem::path staged(const std::string& token, const std::string& name) const {
        return staging() / token / name;
    }
    std::filesystem::path trashed(const std::string& token, const std::string& name) const {
        return trash() / token / name;
    }
};

// Creates the folder when missing.
Status ensureEditFolder(const EditFolder& folder);

// fsync()s a directory, so a rename or a new file inside it survives a power cut.
Status syncDirectory(const std::filesystem::path& dir);

} // namespace lantai::core::edit

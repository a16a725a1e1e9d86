// core/edit: whole pack folders — a new pack from the template, and "save as": the pack being
// edited written into another folder (its media copied, on a worker thread)
#pragma once

#include "core/base/localized_text.h"
#include "core/base/result.h"
#include "core/edit/ids.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lantai::core::edit {

// A new pack in `dir` (created; must not hold a pack.json yet) from the template: the title and
// organiser given, one exhibition with one part, no items yet. Written atomically.
Status createPack(const std::filesystem::path& dir, const LocalizedText& title,
                  const LocalizedText& organiser, const Transliterator* transliterator);

// What "save as" writes, taken from a session on its thread (EditSession::planCopy): the
// documents as save() would write them, the media files the pack names (narration audio too),
// the translation memory (so "English may be outdated" marks survive) and derived/narration.json
// (so synthetic narration stays marked as such). Files in the pack folder that the pack does
// not name, and the editor's journal and lock, are not part of the copy.
struct PackCopyPlan {
    std::filesystem::path from;                   // the session's pack folder
    std::map<std::string, std::string> documents; // pack.json and the banks: file -> text
    std::vector<std::string> media;               // pack-relative, present in `from`
    std::string translationSidecar;               // .lantai-edit/translation.json
};

// Called after each file with how many of `total` are written; returning false cancels.
using CopyProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Writes `plan` into `dir`, which must not exist or be empty: the media first (each fsync'ed),
// then the banks, then pack.json (atomically), so an interrupted copy never looks like a pack.
// On failure or cancel (code "edit.cancelled") everything it wrote is removed again. Touches no
// session: any thread (the UI shows `progress`). Then the UI opens a session on `dir`.
Status writePackCopy(const PackCopyPlan& plan, const std::filesystem::path& dir,
                     const CopyProgress& progress = {});

} // namespace lantai::core::edit

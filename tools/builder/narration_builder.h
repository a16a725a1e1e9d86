// tools/builder: `lantai build --narrate` — synthetic narration for items, chapter introductions
// and quiz questions that have none, with espeak-ng (offline), recorded files left alone
#pragma once

#include "core/base/diagnostic.h"
#include "core/pack/narration_sidecar.h"

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace lantai::core {

struct NarrateOptions {
    int jobs = 0; // readings synthesised in parallel; 0 = number of CPU cores (at most 4)
    // Only these items, chapters and questions (by id); empty: all of them.
    std::set<std::string> only;
};

struct NarrateReport {
    Diagnostics diagnostics; // the pack's validation, then narration.failed per reading
    bool ok = false;
    std::size_t generated = 0;        // written in this run (new, or the text changed)
    std::size_t upToDate = 0;         // synthetic readings whose text is unchanged
    std::size_t recorded = 0;         // files a curator provided (or replaced a synthetic one with)
    std::vector<std::string> written; // pack paths written in this run
};

// The sidecar that marks what --narrate generated: kNarrationSidecar (derived/narration.json,
// core/pack/narration_sidecar.h), one entry per file with the language, voice, the sha256 of the
// text read and of the audio written. A file whose bytes no longer match its entry was replaced
// by a curator: it is never overwritten again.

// For every item (title, caption, description), chapter with an introduction (title, intro) and
// quiz question (prompt, options), in Chinese and — where the text has English — English:
// a reading whose narration member names no file is synthesised into
// audio/narration/<kind>-<id>.<lang>.mp3 (WAV when ffmpeg is missing) and the member is added to
// pack.json or the question's bank; a synthetic reading whose text changed is synthesised again
// in place; anything else is left alone. Idempotent. Refuses a pack with validation errors.
NarrateReport narratePack(const std::filesystem::path& packDir, const NarrateOptions& options = {});

} // namespace lantai::core

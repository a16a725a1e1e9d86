// core/pack: reading a pack directory (pack.json + quiz bank files) into the model, with
// diagnostics
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/file_io.h"
#include "core/pack/model.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string_view>

namespace lantai::core {

// The largest quiz bank file the loader reads (and so the kiosk loads: every bank is read whole
// at start). It is the limit every pack file has; a bank this size holds some 100,000
// questions. The quiz importer refuses, before writing anything, an import that would make a
// bank larger than this, so an import never gives a pack the kiosk cannot load.
inline constexpr std::size_t kQuizBankReadLimit = kDefaultReadLimit;

class JsonDocument;
// The parsed JSON files of a pack by pack-relative name, kept so that later checks can give
// line:column for a JSON pointer.
using SourceDocuments = std::map<std::string, std::shared_ptr<const JsonDocument>>;

struct PackLoadResult {
    Pack pack;
    Diagnostics diagnostics;
    SourceDocuments documents;
    bool parsed = false; // pack.json was found and parsed as JSON (the model may still have errors)
    bool ok() const { return parsed && !diagnostics.hasErrors(); }
};

// Reads pack.json and every quiz bank it lists: JSON syntax, schema types, required fields
// and format-version migration. Does not look at assets; see validatePack.
PackLoadResult loadPack(const std::filesystem::path& packDir);

// The same from pack.json text already in memory (editor buffers, fuzzing); quiz banks are
// still read from `packRoot`. loadPack checks the folder, reads pack.json and calls this.
PackLoadResult loadPackFromText(std::string_view packJson, const std::filesystem::path& packRoot);

// loadPack + validatePack: everything `lantai validate` checks but the glyphs (whether the
// kiosk's fonts draw every character needs the fonts: core/i18n/pack_glyphs, which core/pack
// cannot include; `lantai validate` and `lantai build` call it next).
PackLoadResult loadAndValidatePack(const std::filesystem::path& packDir);

class JsonReader;
// Reads one quiz bank document (also used by the quiz importers to re-read what they wrote).
QuizBank readQuizBank(JsonReader& reader, const std::string& file);

// Reads one node at `pointer` of the reader's document, as loadPack does (the editor reads back
// the single nodes it edits and journals; see writer.h for the other direction).
Exhibition readExhibition(JsonReader& reader, const nlohmann::json& value,
                          const std::string& pointer);
Chapter readChapter(JsonReader& reader, const nlohmann::json& value, const std::string& pointer);
Item readItem(JsonReader& reader, const nlohmann::json& value, const std::string& pointer);
Video readVideo(JsonReader& reader, const nlohmann::json& value, const std::string& pointer);

// Reads one question of a bank (`value` at `pointer`, e.g. "/questions/3"): what readQuizBank does
// for each element of "questions". The quiz importer reads back each question it is about to
// add this way, without loading the whole bank again.
Question readQuizQuestion(JsonReader& reader, const nlohmann::json& value,
                          const std::string& pointer);

// Reads an image object {"file", "alt", "caption"} at `pointer`.
ImageRef readImageRef(JsonReader& reader, const nlohmann::json& value, const std::string& pointer);
// The optional "narration" member of `owner` (an item, chapter or question at `ownerPointer`).
Narration readNarration(JsonReader& reader, const nlohmann::json& owner,
                        const std::string& ownerPointer);

} // namespace lantai::core

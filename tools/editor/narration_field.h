// tools/editor: the fields panel's narration widget — per language the audio file read aloud (or
// none), a "synthetic voice" mark on what `lantai build --narrate` made, Choose… and Remove
#pragma once

#include "tools/editor/field_widgets.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace lantai::editor {

// Draws the "/narration" field of an item, chapter or question: one row per language. Choose…
// asks for a file (PathPrompt::NarrationFile, carried out by setNarrationFile); Remove sets that
// language to null (one undo step).
void drawNarrationField(FieldEdit& edit);

// Why `source` cannot be a narration — not a file, not audio, damaged audio (core::probeFile, by
// its bytes, as the validator decides) — in both languages with the file's name; nullopt when fit.
std::optional<std::string> narrationFileProblem(const std::filesystem::path& source);

// PathPrompt::NarrationFile: copies `source` into the pack (audio/narration/) and names it as
// ctx.narrationNode's narration in ctx.narrationLang, one undo step. A file that is not audio
// changes nothing: the reason goes to the status line and the document's messages.
void setNarrationFile(EditorContext& ctx, const std::filesystem::path& source);

// The selected node's narration for the editor's state file: {"node", "zh", "en",
// "synthetic": ["zh"?, "en"?]}; null when the node has no narration field.
nlohmann::json narrationState(EditorDocument& doc);

} // namespace lantai::editor

// core/pack: writing the pack model back to pack.json and quiz bank files (format v1)
#pragma once

#include "core/base/result.h"
#include "core/pack/model.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace lantai::core {

// The pack.json document of `pack` in the current format version (kPackFormatVersion). Members
// come in the order content/FORMAT.md lists them (hence ordered_json); empty optional fields
// and values equal to their documented default are left out, so a hand-written pack read and
// written again stays close to what its curator wrote. Quiz banks appear as {"file": path}
// entries only; their content is quizBankToJson.
nlohmann::ordered_json packToJson(const Pack& pack);

// One quiz bank file (format v1), members in FORMAT.md order.
nlohmann::ordered_json quizBankToJson(const QuizBank& bank);
// One element of a bank's "questions", as quizBankToJson writes it ("id" first).
nlohmann::ordered_json questionToJson(const Question& question);

// One node as packToJson / quizBankToJson write it (the editor edits and journals single nodes;
// the catalogue import patches pack.json with items).
nlohmann::ordered_json exhibitionToJson(const Exhibition& exhibition);
nlohmann::ordered_json chapterToJson(const Chapter& chapter);
nlohmann::ordered_json itemToJson(const Item& item);
nlohmann::ordered_json videoToJson(const Video& video);

// Serialises a document the way pack files are written: 2-space indent, UTF-8 not escaped,
// trailing newline. Throws nlohmann::json::type_error on strings that are not valid UTF-8.
std::string serializePackDocument(const nlohmann::ordered_json& document);

// Writes `pack` into `dir` (created when missing): first every quiz bank file (at its
// pack-relative `file` path, parent folders created), then pack.json, each atomically. Assets
// are not copied. A bank with an empty or unsafe path (absolute, "..", backslash) is refused.
// Stops at the first failure and returns it.
Status writePack(const Pack& pack, const std::filesystem::path& dir);

} // namespace lantai::core

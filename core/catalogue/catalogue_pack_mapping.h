// core/catalogue: the column mapping a pack remembers (catalogue-mapping.json at its root) — what
// the editor's import dialog saves and pre-fills, and what `lantai catalogue import` reads when
// it is given no --mapping
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/result.h"
#include "core/catalogue/catalogue_columns.h"

#include <filesystem>
#include <optional>

namespace lantai::core {

// The file's name at the pack root; its content is a mapping file (readMappingFile).
inline constexpr const char* kPackMappingFileName = "catalogue-mapping.json";

// The pack's remembered mapping: nullopt when the pack has none. Problems (an unreadable file,
// JSON syntax, an unknown field) go to `diagnostics` naming the file as `shownName` (default:
// catalogue-mapping.json); with any error the mapping is not returned.
std::optional<SavedMapping> readPackMapping(const std::filesystem::path& packRoot,
                                            Diagnostics& diagnostics,
                                            const std::string& shownName = kPackMappingFileName);

// Writes `saved` as the pack's remembered mapping (atomically: the old file or the new one).
Status writePackMapping(const std::filesystem::path& packRoot, const SavedMapping& saved);

} // namespace lantai::core

// tools/gallery/export: items' narration into media/narration/ — the audio file per language, for
// the <audio> player of the item pages
#pragma once

#include "core/base/diagnostic.h"
#include "tools/gallery/export/file_placer.h"
#include "tools/gallery/export/site_context.h"

#include <filesystem>

namespace lantai::core::web {

// Places each item's narration file as media/narration/ITEM.LANG.EXT and records it in
// context.narration. The validator only warns about narration files, so one that is missing or
// not audio is left out with a warning (`export.narration_skipped`) in `warnings`.
void publishNarration(const std::filesystem::path& packRoot, FilePlacer& placer,
                      SiteContext& context, Diagnostics& warnings);

} // namespace lantai::core::web

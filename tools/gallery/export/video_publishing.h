// tools/gallery/export: videos into media/videos/ — the file, a JPEG poster and WebVTT subtitles
// (SRT converted)
#pragma once

#include "core/base/diagnostic.h"
#include "tools/gallery/export/file_placer.h"
#include "tools/gallery/export/site_context.h"

#include <filesystem>
#include <string>

namespace lantai::core::web {

// Places every video as media/videos/ID.EXT, its poster (the largest published JPEG of the
// poster image) as ID.poster.jpg, and each subtitle file as ID.LANG.vtt: parsed (SRT or
// WebVTT) and written again as WebVTT, so browsers get clean cues. Records them in
// context.videos. Call after publishImages (posters come from the published pyramids).
// The validator only warns about a video's own files, so a missing or unreadable video file
// leaves that video out of the site and a subtitle file without readable cues leaves that track
// out, each with a warning (`export.video_skipped`, `export.subtitle_skipped`) in `warnings`.
void publishVideos(const std::filesystem::path& packRoot, FilePlacer& placer,
                   const std::filesystem::path& newRoot, SiteContext& context,
                   Diagnostics& warnings);

// MIME type of a video file by extension ("video/mp4" for unknown ones).
std::string videoMimeType(const std::string& path);

} // namespace lantai::core::web

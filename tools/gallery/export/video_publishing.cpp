// tools/gallery/export: videos into media/videos/ — the file, a JPEG poster and WebVTT subtitles
// (SRT converted)
#include "tools/gallery/export/video_publishing.h"

#include "core/base/file_io.h"
#include "core/media/subtitles.h"
#include "tools/gallery/export/site_paths.h"

#include <algorithm>

namespace lantai::core::web {

namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return ext;
}

bool writeWebVtt(const fs::path& source, const std::string& packPath, const fs::path& target,
                 std::string& error) {
    const auto read = readFile(source);
    if (!read) {
        error = read.error().message;
        return false;
    }
    const std::string& text = *read;
    const auto format = subtitleFormatOf(packPath);
    if (!format) {
        error = packPath + ": not a .srt or .vtt subtitle file";
        return false;
    }
    const SubtitleParseResult parsed = parseSubtitles(text, packPath, *format);
    if (parsed.cues.empty()) {
        error = packPath + ": no subtitle cue could be read";
        return false;
    }
    return writeSiteFile(target, toWebVtt(parsed.cues), error);
}

} // namespace

std::string videoMimeType(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == ".webm") return "video/webm";
    if (ext == ".mov") return "video/quicktime";
    if (ext == ".mkv") return "video/x-matroska";
    return "video/mp4";
}

void publishVideos(const fs::path& packRoot, FilePlacer& placer, const fs::path& newRoot,
                   SiteContext& c, Diagnostics& warnings) {
    auto warn = [&](const char* code, const std::string& file, const std::string& en,
                    const std::string& zh) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.code = code;
        d.file = file;
        d.message = en;
        d.messageZh = zh;
        warnings.add(std::move(d));
    };
    for (const Video& v : c.pack->videos) {
        PublishedVideo pv;
        pv.file = "media/videos/" + v.id + lowerExtension(v.file);
        pv.mime = videoMimeType(v.file);
        std::string error;
        if (!placer.placeFile(packRoot / v.file, pv.file, error)) {
            warn("export.video_skipped", v.file,
                 "The video \"" + v.id + "\" is left out of the site: " + error,
                 "视频“" + v.id + "”未导出：" + error);
            continue;
        }
        if (v.poster)
            if (const PublishedImage* img = c.image(v.poster->file)) {
                pv.poster = "media/videos/" + v.id + ".poster.jpg";
                if (!placer.placeFile(newRoot / iiifDir(img->key) / img->largestSize, pv.poster,
                                      error))
                    pv.poster.clear();
            }
        for (const SubtitleRef& sub : v.subtitles) {
            const std::string target = "media/videos/" + v.id + "." + sub.lang + ".vtt";
            if (writeWebVtt(packRoot / sub.file, sub.file, newRoot / target, error))
                pv.subtitles[sub.lang] = target;
            else
                warn("export.subtitle_skipped", sub.file,
                     "Subtitles left out of the site: " + error, "字幕未导出：" + error);
        }
        c.videos[v.id] = std::move(pv);
    }
}

} // namespace lantai::core::web

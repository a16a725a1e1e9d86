// tools/gallery/export: where each page and file of the exported site lives (tools/gallery/SITE.md
// "Layout")
#pragma once

#include "core/base/localized_text.h"

#include <string>

namespace lantai::core::web {

// Every path is relative to the site root and uses '/'.
std::string langDir(Language lang); // "zh" / "en"
std::string homePath(Language lang);
std::string exhibitionPath(Language lang, const std::string& exhibitionId);
std::string chapterPath(Language lang, const std::string& exhibitionId,
                        const std::string& chapterId);
std::string itemPath(Language lang, const std::string& itemId); // = webItemPath
std::string videosPath(Language lang);
std::string videoPath(Language lang, const std::string& videoId);
std::string quizPath(Language lang);
std::string searchPath(Language lang);
std::string iiifDir(const std::string& key);      // "iiif/KEY"
std::string iiifInfoPath(const std::string& key); // "iiif/KEY/info.json"
std::string thumbPath(const std::string& key);    // "media/thumbs/KEY.jpg"
std::string manifestPath(const std::string& exhibitionId);

// A link from the page at `fromPage` to `target` (both relative to the root):
// relativeLink("zh/items/a.html", "iiif/k/info.json") == "../../iiif/k/info.json".
std::string relativeLink(const std::string& fromPage, const std::string& target);

} // namespace lantai::core::web

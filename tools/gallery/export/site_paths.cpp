// tools/gallery/export: where each page and file of the exported site lives (tools/gallery/SITE.md
// "Layout")
#include "tools/gallery/export/site_paths.h"

#include "core/gallery/web_paths.h"

#include <algorithm>

namespace lantai::core::web {

std::string langDir(Language lang) {
    return languageCode(lang);
}
std::string homePath(Language lang) {
    return langDir(lang) + "/index.html";
}
std::string exhibitionPath(Language lang, const std::string& exhibitionId) {
    return langDir(lang) + "/exhibitions/" + exhibitionId + ".html";
}
std::string chapterPath(Language lang, const std::string& exhibitionId,
                        const std::string& chapterId) {
    return langDir(lang) + "/chapters/" + exhibitionId + "/" + chapterId + ".html";
}
std::string itemPath(Language lang, const std::string& itemId) {
    return webItemPath(langDir(lang), itemId);
}
std::string videosPath(Language lang) {
    return langDir(lang) + "/videos/index.html";
}
std::string videoPath(Language lang, const std::string& videoId) {
    return langDir(lang) + "/videos/" + videoId + ".html";
}
std::string quizPath(Language lang) {
    return langDir(lang) + "/quiz/index.html";
}
std::string searchPath(Language lang) {
    return langDir(lang) + "/search.html";
}
std::string iiifDir(const std::string& key) {
    return "iiif/" + key;
}
std::string iiifInfoPath(const std::string& key) {
    return iiifDir(key) + "/info.json";
}
std::string thumbPath(const std::string& key) {
    return "media/thumbs/" + key + ".jpg";
}
std::string manifestPath(const std::string& exhibitionId) {
    return "iiif/manifests/" + exhibitionId + ".json";
}

std::string relativeLink(const std::string& fromPage, const std::string& target) {
    const auto depth = static_cast<std::size_t>(std::count(fromPage.begin(), fromPage.end(), '/'));
    std::string out;
    for (std::size_t i = 0; i < depth; ++i)
        out += "../";
    return out + target;
}

} // namespace lantai::core::web

// tools/gallery/export: the video library page and one page per video (<video> with WebVTT subtitle
// tracks)
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {
namespace {

const char* trackLabel(const std::string& lang) {
    if (lang == "zh") return "中文";
    if (lang == "en") return "English";
    return nullptr;
}

} // namespace

std::string renderVideoLibrary(const SiteContext& c, Language lang) {
    Page page = pageAt(c, lang, videosPath, uiText("home.videos", lang));
    std::string& m = page.main;
    m += "<h1>" + esc(page.title) + "</h1>\n";
    if (c.pack->videos.empty())
        m += "<p>" + esc(uiText("web.videos.empty", lang)) + "</p>\n";
    else
        m += "<ul class=\"cards videos\">\n";
    for (const Video& v : c.pack->videos) {
        const auto it = c.videos.find(v.id);
        m += "<li class=\"card\"><a href=\"" + esc(relativeLink(page.path, videoPath(lang, v.id))) +
             "\">";
        if (it != c.videos.end() && !it->second.poster.empty())
            m += "<img src=\"" + esc(relativeLink(page.path, it->second.poster)) +
                 "\" alt=\"\" loading=\"lazy\">";
        m += "<span class=\"card-title\">" + esc(v.title.get(lang)) + "</span></a>";
        if (!v.description.empty())
            m += "<p class=\"card-meta\">" + esc(excerpt(v.description.get(lang), 80)) + "</p>";
        m += "</li>\n";
    }
    if (!c.pack->videos.empty()) m += "</ul>\n";
    return renderPage(c, page);
}

std::string renderVideo(const SiteContext& c, Language lang, const Video& v) {
    Page page = pageAt(c, lang, [&](Language l) { return videoPath(l, v.id); }, v.title.get(lang),
                       {{uiText("home.videos", lang), videosPath(lang)}});
    page.description = excerpt(v.description.get(lang), 160);
    page.ogType = "video.other";
    std::string& m = page.main;
    m += "<h1>" + esc(page.title) + "</h1>\n";
    const auto it = c.videos.find(v.id);
    if (it != c.videos.end()) {
        const PublishedVideo& pv = it->second;
        if (!pv.poster.empty()) page.ogImage = pv.poster;
        m += "<video controls preload=\"metadata\"";
        if (!pv.poster.empty()) m += " poster=\"" + esc(relativeLink(page.path, pv.poster)) + "\"";
        m += ">\n<source src=\"" + esc(relativeLink(page.path, pv.file)) + "\" type=\"" +
             esc(pv.mime) + "\">\n";
        for (const auto& [trackLang, file] : pv.subtitles) {
            const char* label = trackLabel(trackLang);
            m += "<track kind=\"subtitles\" srclang=\"" + esc(trackLang) + "\" label=\"" +
                 esc(label ? label : trackLang) + "\" src=\"" + esc(relativeLink(page.path, file)) +
                 "\"" + (trackLang == languageCode(lang) ? " default" : "") + ">\n";
        }
        m += "<p>" + esc(uiText("web.video.no_support", lang)) + "<a href=\"" +
             esc(relativeLink(page.path, pv.file)) + "\">" +
             esc(uiText("web.video.download", lang)) + "</a></p>\n</video>\n";
    }
    if (!v.description.empty())
        m += "<div class=\"description\">" + paragraphs(v.description.get(lang)) + "</div>\n";
    if (const Item* item = v.item.empty() ? nullptr : c.pack->findItem(v.item))
        m += "<p class=\"video-item\">" + esc(uiText("web.video.item", lang)) +
             (lang == Language::Zh ? "：" : ": ") + "<a href=\"" +
             esc(relativeLink(page.path, itemPath(lang, item->id))) + "\">" +
             esc(item->title.get(lang)) + "</a></p>\n";
    return renderPage(c, page);
}

} // namespace lantai::core::web

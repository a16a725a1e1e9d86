// tools/gallery/export: the root language chooser and each language's home page (exhibitions with
// chapters)
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {

std::string renderLanguageChooser(const SiteContext& c) {
    const Pack& pack = *c.pack;
    std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + esc(pack.title.zh) + " / " + esc(pack.title.get(Language::En)) + "</title>\n";
    for (const Language l : {Language::Zh, Language::En})
        h += std::string("<link rel=\"alternate\" hreflang=\"") + languageCode(l) + "\" href=\"" +
             esc(c.link("index.html", homePath(l))) + "\">\n";
    if (!c.baseUrl.empty()) h += "<link rel=\"canonical\" href=\"" + esc(c.absolute("")) + "\">\n";
    h += "<link rel=\"icon\" href=\"assets/icon.svg\" type=\"image/svg+xml\">\n";
    h += "<link rel=\"stylesheet\" href=\"assets/lantai.css?v=" + esc(c.cssVersion) + "\">\n";
    h += "<script type=\"module\" src=\"assets/lantai.js?v=" + esc(c.jsVersion) +
         "\"></script>\n</head>\n<body>\n";
    h += "<main id=\"lang-chooser\">\n<h1>" + esc(pack.title.zh) + "<br><span lang=\"en\">" +
         esc(pack.title.get(Language::En)) + "</span></h1>\n";
    h += "<p>" + esc(uiText("web.chooser.title", Language::Zh)) + " / <span lang=\"en\">" +
         esc(uiText("web.chooser.title", Language::En)) +
         "</span></p>\n<ul class=\"lang-links\">\n";
    h += "<li><a hreflang=\"zh\" lang=\"zh-CN\" href=\"zh/index.html\">中文</a></li>\n";
    h += "<li><a hreflang=\"en\" lang=\"en\" "
         "href=\"en/index.html\">English</a></li>\n</ul>\n</main>\n</body>\n</html>\n";
    return h;
}

std::string renderHome(const SiteContext& c, Language lang) {
    const Pack& pack = *c.pack;
    Page page = pageAt(c, lang, homePath, pack.title.get(lang));
    page.crumbs.clear();
    page.description =
        pack.organiser.get(lang) + (pack.event.empty() ? "" : " · " + pack.event.get(lang));
    std::string& m = page.main;
    m += "<h1>" + esc(pack.title.get(lang)) + "</h1>\n";
    std::string when;
    if (!pack.dateStart.empty()) when = formatItemDate(pack.dateStart, lang);
    if (!pack.dateEnd.empty() && pack.dateEnd != pack.dateStart)
        when += " – " + formatItemDate(pack.dateEnd, lang);
    m += "<p class=\"lead\">" + esc(pack.organiser.get(lang));
    if (!pack.event.empty()) m += " · " + esc(pack.event.get(lang));
    if (!when.empty()) m += " · " + esc(when);
    m += "</p>\n<h2>" + esc(uiText("home.exhibitions", lang)) + "</h2>\n";
    for (const Exhibition& e : pack.exhibitions) {
        const std::string link = esc(relativeLink(page.path, exhibitionPath(lang, e.id)));
        m += "<section class=\"exhibition\">\n<h3><a href=\"" + link + "\">" +
             esc(e.title.get(lang)) + "</a></h3>\n";
        const PublishedImage* cover = e.cover ? c.image(e.cover->file) : nullptr;
        if (!cover && !e.chapters.empty())
            for (const Chapter& ch : e.chapters)
                for (const Item& item : ch.items)
                    if (!cover) cover = c.cover(item);
        if (cover) {
            if (page.ogImage.empty()) page.ogImage = thumbPath(cover->key);
            m += "<a class=\"cover\" href=\"" + link + "\" tabindex=\"-1\" aria-hidden=\"true\">" +
                 thumbImg(page.path, *cover, "", true) + "</a>\n";
        }
        if (!e.subtitle.empty())
            m += "<p class=\"subtitle\">" + esc(e.subtitle.get(lang)) + "</p>\n";
        m += "<div class=\"intro\">" + paragraphs(e.intro.get(lang)) + "</div>\n";
        m += "<h4>" + esc(uiText("web.home.chapters", lang)) + "</h4>\n<ol class=\"chapters\">\n";
        for (const Chapter& ch : e.chapters)
            m += "<li><a href=\"" + esc(relativeLink(page.path, chapterPath(lang, e.id, ch.id))) +
                 "\">" + esc(ch.title.get(lang)) + "</a> <span class=\"count\">" +
                 esc(uiCount("grid.items", static_cast<long long>(ch.items.size()), lang)) +
                 "</span></li>\n";
        m += "</ol>\n</section>\n";
    }
    return renderPage(c, page);
}

} // namespace lantai::core::web

// tools/gallery/export: exhibition pages (intro, chapters with item cards) and chapter pages
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {
std::string renderExhibition(const SiteContext& c, Language lang, const Exhibition& e) {
    Page page = pageAt(
        c, lang, [&](Language l) { return exhibitionPath(l, e.id); }, e.title.get(lang));
    page.description = excerpt(e.intro.empty() ? e.subtitle.get(lang) : e.intro.get(lang), 160);
    std::string& m = page.main;
    m += "<h1>" + esc(e.title.get(lang)) + "</h1>\n";
    if (!e.subtitle.empty()) m += "<p class=\"subtitle\">" + esc(e.subtitle.get(lang)) + "</p>\n";
    m += "<div class=\"intro\">" + paragraphs(e.intro.get(lang)) + "</div>\n";
    for (const Chapter& ch : e.chapters) {
        m += "<section class=\"chapter\">\n<h2><a href=\"" +
             esc(relativeLink(page.path, chapterPath(lang, e.id, ch.id))) + "\">" +
             esc(ch.title.get(lang)) + "</a></h2>\n";
        m += "<div class=\"intro\">" + paragraphs(ch.intro.get(lang)) + "</div>\n";
        m += itemCards(c, lang, page.path, ch.items);
        for (const Item& item : ch.items)
            if (page.ogImage.empty())
                if (const PublishedImage* img = c.cover(item)) page.ogImage = thumbPath(img->key);
        m += "</section>\n";
    }
    m += "<p class=\"iiif-link\"><a href=\"" + esc(relativeLink(page.path, manifestPath(e.id))) +
         "\" type=\"application/ld+json\">" + esc(uiText("web.footer.iiif", lang)) + "</a></p>\n";
    return renderPage(c, page);
}

std::string renderChapter(const SiteContext& c, Language lang, const Exhibition& e,
                          const Chapter& ch) {
    Page page = pageAt(c, lang, [&](Language l) { return chapterPath(l, e.id, ch.id); },
                       ch.title.get(lang), {{e.title.get(lang), exhibitionPath(lang, e.id)}});
    page.description = excerpt(ch.intro.empty() ? e.title.get(lang) : ch.intro.get(lang), 160);
    std::string& m = page.main;
    m += "<h1>" + esc(ch.title.get(lang)) + "</h1>\n";
    m += "<div class=\"intro\">" + paragraphs(ch.intro.get(lang)) + "</div>\n";
    m += itemCards(c, lang, page.path, ch.items);
    for (const Item& item : ch.items)
        if (page.ogImage.empty())
            if (const PublishedImage* img = c.cover(item)) page.ogImage = thumbPath(img->key);
    return renderPage(c, page);
}

} // namespace lantai::core::web

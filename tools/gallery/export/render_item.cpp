// tools/gallery/export: the item page — metadata, caption, description, zoomable figures, pager
// (stable URL)
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {
namespace {

void metaRow(std::string& out, const char* key, Language lang, const std::string& value) {
    if (value.empty()) return;
    out += "<dt>" + esc(uiText(key, lang)) + "</dt><dd>" + esc(value) + "</dd>\n";
}

std::string figures(const SiteContext& c, Language lang, const std::string& from, const Item& item,
                    bool* limited) {
    std::string out;
    bool first = true;
    for (const ImageRef& ref : item.images) {
        const PublishedImage* img = c.image(ref.file);
        if (!img) continue;
        *limited = *limited || img->limited;
        out += "<figure class=\"zoom\" data-info=\"" +
               esc(relativeLink(from, iiifInfoPath(img->key))) + "\" data-width=\"" +
               std::to_string(img->width) + "\" data-height=\"" + std::to_string(img->height) +
               "\">\n";
        out += thumbImg(from, *img, ref.alt.empty() ? item.title.get(lang) : ref.alt.get(lang),
                        first) +
               "\n";
        first = false;
        if (!ref.caption.empty())
            out += "<figcaption>" + esc(ref.caption.get(lang)) + "</figcaption>\n";
        out += "</figure>\n";
    }
    return out;
}

std::string pager(const std::string& from, Language lang, const ItemPlace& place) {
    if (!place.previous && !place.next) return {};
    std::string out =
        "<nav class=\"pager\" aria-label=\"" + esc(uiText("web.item.pager", lang)) + "\">";
    if (place.previous)
        out += "<a rel=\"prev\" href=\"" +
               esc(relativeLink(from, itemPath(lang, place.previous->id))) + "\">" +
               esc(uiText("nav.prev", lang)) + (lang == Language::Zh ? "：" : ": ") +
               esc(place.previous->title.get(lang)) + "</a>";
    if (place.next)
        out += "<a rel=\"next\" href=\"" + esc(relativeLink(from, itemPath(lang, place.next->id))) +
               "\">" + esc(uiText("nav.next", lang)) + (lang == Language::Zh ? "：" : ": ") +
               esc(place.next->title.get(lang)) + "</a>";
    return out + "</nav>\n";
}

} // namespace

Page itemPage(const SiteContext& c, Language lang, const Item& item) {
    const auto placeIt = c.places.find(item.id);
    const ItemPlace place = placeIt == c.places.end() ? ItemPlace{} : placeIt->second;
    std::vector<Crumb> crumbs;
    if (place.exhibition)
        crumbs.push_back(
            {place.exhibition->title.get(lang), exhibitionPath(lang, place.exhibition->id)});
    if (place.chapter)
        crumbs.push_back({place.chapter->title.get(lang),
                          chapterPath(lang, place.exhibition->id, place.chapter->id)});
    Page page = pageAt(
        c, lang, [&](Language l) { return itemPath(l, item.id); }, item.title.get(lang),
        std::move(crumbs));
    page.description =
        excerpt(item.caption.empty() ? item.description.get(lang) : item.caption.get(lang), 160);
    page.ogType = "article";
    if (const PublishedImage* img = c.cover(item)) page.ogImage = thumbPath(img->key);

    std::string& m = page.main;
    m += "<article class=\"item\">\n<h1>" + esc(item.title.get(lang)) + "</h1>\n";
    if (!item.badges.empty()) {
        m += "<ul class=\"badges\" aria-label=\"" + esc(uiText("web.item.badges", lang)) + "\">";
        for (const Badge& badge : item.badges)
            m += "<li class=\"badge\">" + esc(badgeText(badge, lang)) + "</li>";
        m += "</ul>\n";
    }
    if (!item.caption.empty())
        m += "<p class=\"caption\">" + esc(item.caption.get(lang)) + "</p>\n";
    std::string rows;
    metaRow(rows, "item.date", lang, itemDateText(item, lang));
    metaRow(rows, "item.reference", lang, item.reference);
    metaRow(rows, "item.holding", lang, item.holding.get(lang));
    metaRow(rows, "item.rights", lang, item.rights.get(lang));
    if (!rows.empty()) m += "<dl class=\"item-meta\">\n" + rows + "</dl>\n";
    bool limited = false;
    const std::string figs = figures(c, lang, page.path, item, &limited);
    if (figs.empty()) {
        m += "<p class=\"note exhibition-only\">" + esc(uiText("web.item.exhibition_only", lang)) +
             "</p>\n";
    } else {
        m += "<section class=\"figures\" aria-label=\"" + esc(uiText("web.item.images", lang)) +
             "\">\n";
        m += "<p class=\"note\">" +
             esc(uiText(limited ? "web.item.limited" : "web.item.zoom_hint", lang)) + "</p>\n";
        m += figs + "</section>\n";
    }
    // The item read aloud, as at the kiosk; the label in both languages, like the kiosk's card.
    if (auto n = c.narration.find(item.id); n != c.narration.end())
        if (auto file = n->second.find(languageCode(lang)); file != n->second.end())
            m += "<figure class=\"item-narration\"><figcaption id=\"narration-label\">" +
                 esc(uiText("web.narration", Language::Zh) + " · " +
                     uiText("web.narration", Language::En)) +
                 "</figcaption><audio controls preload=\"metadata\" "
                 "aria-labelledby=\"narration-label\" src=\"" +
                 esc(relativeLink(page.path, file->second)) + "\"></audio></figure>\n";
    if (!item.description.empty())
        m += "<div class=\"description\">" + paragraphs(item.description.get(lang)) + "</div>\n";
    if (const Video* video = item.video.empty() ? nullptr : c.pack->findVideo(item.video))
        m += "<p class=\"item-video\">" + esc(uiText("web.item.video", lang)) +
             (lang == Language::Zh ? "：" : ": ") + "<a href=\"" +
             esc(relativeLink(page.path, videoPath(lang, video->id))) + "\">" +
             esc(video->title.get(lang)) + "</a></p>\n";
    m += "</article>\n" + pager(page.path, lang, place);
    return page;
}

std::string renderItem(const SiteContext& c, Language lang, const Item& item) {
    return renderPage(c, itemPage(c, lang, item));
}

} // namespace lantai::core::web

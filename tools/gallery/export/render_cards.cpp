// tools/gallery/export: item cards and thumbnail images shared by the home, exhibition and chapter
// pages
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {

std::string thumbImg(const std::string& fromPage, const PublishedImage& image,
                     const std::string& alt, bool eager) {
    return "<img src=\"" + esc(relativeLink(fromPage, thumbPath(image.key))) + "\" alt=\"" +
           esc(alt) + "\" width=\"" + std::to_string(image.thumbWidth) + "\" height=\"" +
           std::to_string(image.thumbHeight) + "\"" + (eager ? "" : " loading=\"lazy\"") + ">";
}

std::string itemCards(const SiteContext& c, Language lang, const std::string& fromPage,
                      const std::vector<Item>& items) {
    if (items.empty()) return {};
    std::string out = "<ul class=\"cards\">\n";
    for (const Item& item : items) {
        out += "<li class=\"card\"><a href=\"" +
               esc(relativeLink(fromPage, itemPath(lang, item.id))) + "\">";
        if (const PublishedImage* img = c.cover(item)) {
            const ImageRef* ref = nullptr;
            for (const ImageRef& r : item.images)
                if (c.image(r.file) == img) ref = &r;
            out += thumbImg(fromPage, *img, ref ? ref->alt.get(lang) : item.title.get(lang));
        } else {
            out += "<span class=\"card-noimage\" aria-hidden=\"true\"></span>";
        }
        out += "<span class=\"card-title\">" + esc(item.title.get(lang)) + "</span></a>";
        std::string metaText = itemDateText(item, lang);
        if (!item.reference.empty()) metaText += (metaText.empty() ? "" : " · ") + item.reference;
        if (!metaText.empty()) out += "<p class=\"card-meta\">" + esc(metaText) + "</p>";
        out += "</li>\n";
    }
    return out + "</ul>\n";
}

} // namespace lantai::core::web

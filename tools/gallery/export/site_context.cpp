// tools/gallery/export: what every page renderer of the exported site needs to know (pack,
// published images, versions)
#include "tools/gallery/export/site_context.h"

#include "core/gallery/web_paths.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {

const PublishedImage* SiteContext::image(const std::string& packPath) const {
    const auto it = images.find(packPath);
    return it == images.end() ? nullptr : &it->second;
}

const PublishedImage* SiteContext::cover(const Item& item) const {
    for (const ImageRef& ref : item.images)
        if (const PublishedImage* img = image(ref.file)) return img;
    return nullptr;
}

std::string SiteContext::absolute(const std::string& rootPath) const {
    return baseUrl.empty() ? std::string() : webJoinUrl(baseUrl, rootPath);
}

std::string SiteContext::link(const std::string& fromPage, const std::string& rootPath) const {
    return baseUrl.empty() ? relativeLink(fromPage, rootPath) : absolute(rootPath);
}

void indexItemPlaces(SiteContext& context) {
    context.places.clear();
    for (const Exhibition& exhibition : context.pack->exhibitions) {
        const Item* previous = nullptr;
        for (const Chapter& chapter : exhibition.chapters) {
            for (const Item& item : chapter.items) {
                ItemPlace& place = context.places[item.id];
                place.exhibition = &exhibition;
                place.chapter = &chapter;
                place.previous = previous;
                if (previous) context.places[previous->id].next = &item;
                previous = &item;
            }
        }
    }
}

} // namespace lantai::core::web

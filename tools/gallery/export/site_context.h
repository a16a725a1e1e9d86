// tools/gallery/export: what every page renderer of the exported site needs to know (pack,
// published images, versions)
#pragma once

#include "core/pack/model.h"

#include <map>
#include <string>
#include <vector>

namespace lantai::core::web {

// An image as published on the site (after the item's web policy).
struct PublishedImage {
    std::string key; // derived key: iiif/KEY, media/thumbs/KEY.jpg
    int width = 0;   // of the exported pyramid (limited images: at most max_px)
    int height = 0;
    int thumbWidth = 0;
    int thumbHeight = 0;
    std::string largestSize; // "full/W,H/0/default.jpg" inside iiif/KEY: the largest listed size
    int largestWidth = 0;
    int largestHeight = 0;
    bool limited = false; // shrunk for the web
};

// A video's exported files, relative to the site root.
struct PublishedVideo {
    std::string file;                             // media/videos/ID.EXT
    std::string mime;                             // video/mp4 ...
    std::string poster;                           // media/videos/ID.poster.jpg or ""
    std::map<std::string, std::string> subtitles; // lang -> media/videos/ID.LANG.vtt
};

// Where an item sits: its exhibition, chapter and neighbours in exhibition order.
struct ItemPlace {
    const Exhibition* exhibition = nullptr;
    const Chapter* chapter = nullptr;
    const Item* previous = nullptr;
    const Item* next = nullptr;
};

struct SiteContext {
    const Pack* pack = nullptr;
    std::string baseUrl; // "" or an absolute URL without trailing slash
    std::string cssVersion;
    std::string jsVersion;
    std::map<std::string, PublishedImage> images; // by pack path
    std::map<std::string, PublishedVideo> videos; // by video id
    // Items' narration: item id -> language ("zh", "en") -> media/narration/ITEM.LANG.EXT
    std::map<std::string, std::map<std::string, std::string>> narration;
    std::map<std::string, ItemPlace> places; // by item id

    // The published image of a pack path, or nullptr (not published / not an image).
    const PublishedImage* image(const std::string& packPath) const;
    // The first published image of an item, or nullptr.
    const PublishedImage* cover(const Item& item) const;
    // baseUrl + "/" + rootPath, or "" without a base URL.
    std::string absolute(const std::string& rootPath) const;
    // absolute() when a base URL is set, else the link from `fromPage`.
    std::string link(const std::string& fromPage, const std::string& rootPath) const;
};

// Fills `places` from the pack's exhibition order.
void indexItemPlaces(SiteContext& context);

} // namespace lantai::core::web

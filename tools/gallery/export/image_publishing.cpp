// tools/gallery/export: the web publishing policy of each image and writing the published pyramids
// and thumbnails
#include "tools/gallery/export/image_publishing.h"

#include "core/base/file_io.h"
#include "core/gallery/web_paths.h"
#include "core/iiif/tile_geometry.h"
#include "tools/builder/image_pyramid.h"
#include "tools/gallery/export/site_paths.h"

#include <algorithm>

namespace lantai::core::web {

namespace fs = std::filesystem;

ImagePolicy itemPolicy(const Pack& pack, const Item& item) {
    ImagePolicy p;
    p.publish = item.web.publish.value_or(pack.web.publish.value_or(PublishPolicy::Full));
    p.maxPx = item.web.maxPx > 0   ? item.web.maxPx
              : pack.web.maxPx > 0 ? pack.web.maxPx
                                   : kDefaultLimitedPx;
    return p;
}

namespace {

// Higher = stricter.
int strictness(const ImagePolicy& p) {
    switch (p.publish) {
    case PublishPolicy::None:
        return 1 << 30;
    case PublishPolicy::Limited:
        return (1 << 29) - p.maxPx;
    case PublishPolicy::Full:
        return 0;
    }
    return 0;
}

// Reads info.json of a pyramid, sets its id, writes it into the new site, fills `image`.
bool writeInfo(const fs::path& sourceInfo, const fs::path& newRoot, const SiteContext& c,
               PublishedImage& image, std::string& error) {
    const auto read = readFile(sourceInfo);
    if (!read) {
        error = read.error().message;
        return false;
    }
    const std::string& text = *read;
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("sizes") || !parsed["sizes"].is_array() ||
        parsed["sizes"].empty()) {
        error = sourceInfo.string() + ": malformed info.json (run `lantai build` again)";
        return false;
    }
    nlohmann::json info = parsed;
    info["id"] = c.baseUrl.empty() ? iiifDir(image.key) : webJoinUrl(c.baseUrl, iiifDir(image.key));
    image.width = info.value("width", 0);
    image.height = info.value("height", 0);
    const nlohmann::json& largest = info["sizes"].back();
    image.largestWidth = largest.value("width", 0);
    image.largestHeight = largest.value("height", 0);
    image.largestSize = iiifFullPath(image.largestWidth, image.largestHeight);
    // The thumbnail lantai build wrote (or buildImagePyramid just wrote) for this image.
    const PixelSize thumb = thumbnailSize(image.width, image.height, PyramidOptions{}.thumbLongest);
    image.thumbWidth = thumb.width;
    image.thumbHeight = thumb.height;
    return writeSiteFile(newRoot / iiifInfoPath(image.key), info.dump() + "\n", error);
}

} // namespace

std::map<std::string, ImagePolicy> imagePolicies(const Pack& pack) {
    std::map<std::string, ImagePolicy> out;
    for (const Exhibition& e : pack.exhibitions)
        for (const Chapter& ch : e.chapters)
            for (const Item& item : ch.items) {
                const ImagePolicy p = itemPolicy(pack, item);
                for (const ImageRef& ref : item.images) {
                    auto [it, inserted] = out.emplace(ref.file, p);
                    if (!inserted && strictness(p) > strictness(it->second)) it->second = p;
                }
            }
    ImagePolicy packPolicy;
    packPolicy.publish = pack.web.publish.value_or(PublishPolicy::Full);
    packPolicy.maxPx = pack.web.maxPx > 0 ? pack.web.maxPx : kDefaultLimitedPx;
    for (const ImageRef* ref : pack.allImages())
        out.emplace(ref->file, packPolicy);
    return out;
}

bool publishImages(const fs::path& packRoot, const DerivedIndex& derived, FilePlacer& placer,
                   const fs::path& newRoot, const fs::path& previousRoot,
                   const nlohmann::json& previousStamp, nlohmann::json& stamp, SiteContext& c,
                   ImagePublishStats& stats, std::string& error) {
    stamp = nlohmann::json::object();
    for (const auto& [path, policy] : imagePolicies(*c.pack)) {
        if (policy.publish == PublishPolicy::None) {
            ++stats.withheld;
            continue;
        }
        const auto found = derived.images.find(path);
        if (found == derived.images.end()) {
            error = path + ": not in derived/index.json (run `lantai build` first)";
            return false;
        }
        const DerivedImage& d = found->second;
        PublishedImage image;
        image.key = d.key;
        const fs::path derivedIiif = packRoot / "derived" / d.iiif;
        const bool shrink =
            policy.publish == PublishPolicy::Limited && std::max(d.width, d.height) > policy.maxPx;
        if (!shrink) {
            if (!placer.placeTree(derivedIiif, iiifDir(d.key), error, "info.json") ||
                !placer.placeFile(packRoot / "derived" / d.thumb, thumbPath(d.key), error) ||
                !writeInfo(derivedIiif / "info.json", newRoot, c, image, error))
                return false;
            ++stats.full;
        } else {
            const nlohmann::json entry = {{"sha256", d.sha256}, {"max_px", policy.maxPx}};
            const fs::path previousIiif =
                previousRoot.empty() ? fs::path() : previousRoot / iiifDir(d.key);
            const bool reuse = !previousRoot.empty() && previousStamp.is_object() &&
                               previousStamp.value(d.key, nlohmann::json()) == entry &&
                               fs::exists(previousRoot / thumbPath(d.key)) &&
                               verifyPyramid(previousIiif).empty();
            fs::path infoSource;
            if (reuse) {
                if (!placer.placeTree(previousIiif, iiifDir(d.key), error, "info.json") ||
                    !placer.placeFile(previousRoot / thumbPath(d.key), thumbPath(d.key), error))
                    return false;
                infoSource = previousIiif / "info.json";
            } else {
                PyramidOptions options;
                options.maxLongest = policy.maxPx;
                const PyramidResult r =
                    buildImagePyramid(packRoot / path, newRoot / iiifDir(d.key), iiifDir(d.key),
                                      newRoot / thumbPath(d.key), options);
                if (!r.ok) {
                    error = r.error;
                    return false;
                }
                infoSource = newRoot / iiifInfoPath(d.key);
                ++stats.limitedBuilt;
            }
            image.limited = true;
            if (!writeInfo(infoSource, newRoot, c, image, error)) return false;
            stamp[d.key] = entry;
            ++stats.limited;
        }
        c.images[path] = image;
    }
    return true;
}

} // namespace lantai::core::web

// tools/gallery/export: the web publishing policy of each image and writing the published pyramids
// and thumbnails
#pragma once

#include "core/pack/derived_index.h"
#include "tools/gallery/export/file_placer.h"
#include "tools/gallery/export/site_context.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace lantai::core::web {

// "limited" without max_px on the item or the pack (content/FORMAT.md).
inline constexpr int kDefaultLimitedPx = 1600;

struct ImagePolicy {
    PublishPolicy publish = PublishPolicy::Full;
    int maxPx = 0; // for Limited
};

// The item's `web`, else the pack's, else full; max_px from the item, else the pack, else
// kDefaultLimitedPx.
ImagePolicy itemPolicy(const Pack& pack, const Item& item);

// The policy of every image path the pack shows: the strictest over the items showing it
// (none > limited with the smallest max_px > full); images no item shows (exhibition covers,
// video posters, question images) follow the pack's `web`.
std::map<std::string, ImagePolicy> imagePolicies(const Pack& pack);

struct ImagePublishStats {
    std::size_t full = 0;
    std::size_t limited = 0; // shrunk pyramids (built or reused)
    std::size_t limitedBuilt = 0;
    std::size_t withheld = 0; // publish = none
};

// Writes iiif/KEY/ (tiles linked or copied from derived/, info.json rewritten with `id` =
// "iiif/KEY" or the absolute URL under the base URL) and media/thumbs/KEY.jpg for every
// published image, and records them in context.images. Limited images larger than max_px get a
// pyramid shrunk from the original, reused from the previous export when its `stamp` entry
// (source sha256 and max_px) matches. `stamp` receives this export's entries.
bool publishImages(const std::filesystem::path& packRoot, const DerivedIndex& derived,
                   FilePlacer& placer, const std::filesystem::path& newRoot,
                   const std::filesystem::path& previousRoot, const nlohmann::json& previousStamp,
                   nlohmann::json& stamp, SiteContext& context, ImagePublishStats& stats,
                   std::string& error);

} // namespace lantai::core::web

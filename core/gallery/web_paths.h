// core/gallery: URL paths of the exported cloud-gallery site (shared by the exporter and the kiosk
// QR code)
#pragma once

#include <string>

namespace lantai::core {

// Path of an item page relative to the site root, e.g. webItemPath("zh", "letter-01") ==
// "zh/items/letter-01.html". The layout is the contract in tools/gallery/SITE.md; pack ids are
// [a-z0-9-] so no escaping is needed.
std::string webItemPath(const std::string& lang, const std::string& itemId);

// Absolute URL of an item page: baseUrl joined to webItemPath with exactly one slash, whatever
// trailing slashes baseUrl has ("https://x.org/gallery/" and "https://x.org/gallery" give the
// same result). An empty baseUrl gives the relative path.
std::string webItemUrl(const std::string& baseUrl, const std::string& lang,
                       const std::string& itemId);

// baseUrl + "/" + relativePath with exactly one slash between them (the same joining rule).
std::string webJoinUrl(const std::string& baseUrl, const std::string& relativePath);

} // namespace lantai::core

// tools/gallery/export: `lantai export web` — a built pack as a static, relocatable cloud-gallery
// site (tools/gallery/SITE.md)
#pragma once

#include "core/base/diagnostic.h"

#include <cstddef>
#include <filesystem>
#include <string>

namespace lantai::core {

struct WebExportOptions {
    // Folder of the built viewer script: holds assets/lantai.js and assets/lantai.css (the
    // tools/gallery/viewer build output `dist/`, or share/lantai/web when installed). The folder
    // `assets/` itself is accepted too.
    std::filesystem::path assetsDir;
    // Absolute http(s) URL where OUT will be served, or "": with it, IIIF ids, og:url,
    // og:image and canonical links are absolute, and sitemap.xml / robots.txt are written.
    std::string baseUrl;
};

struct WebExportReport {
    Diagnostics diagnostics; // validation diagnostics, export.* errors and warnings
    bool ok = false;
    std::size_t pages = 0;
    std::size_t items = 0;
    std::size_t imagesFull = 0;
    std::size_t imagesLimited = 0;
    std::size_t imagesWithheld = 0;
    std::size_t filesLinked = 0; // hard links to pack files
    std::size_t filesCopied = 0;
    std::size_t filesReused = 0; // linked from the previous export (unchanged)
    double seconds = 0;
};

// Validates the pack (refuses errors), checks it was built (derived/ matches the sources) and
// writes the site into a temporary sibling of `outDir` that is exchanged with `outDir` in one
// step only when complete, so `outDir` always holds a complete site and a failed or interrupted
// export leaves the previous site as it was. `outDir` must be absent, empty or an earlier export
// (it holds .lantai-export.json); files of the earlier export that did not change are linked, not
// copied again. The previous site and leftovers of interrupted exports (hidden siblings, see
// tools/gallery/export/site_folder.h) are deleted by a background `rm` started before returning.
// Not thread-safe with another export into the same outDir.
WebExportReport exportWebSite(const std::filesystem::path& packDir,
                              const std::filesystem::path& outDir, const WebExportOptions& options);

// Is `url` usable as --base-url (http:// or https://, a host, no query or fragment)?
bool isValidBaseUrl(const std::string& url);

} // namespace lantai::core

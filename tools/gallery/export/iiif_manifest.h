// tools/gallery/export: IIIF Presentation 3 manifest of one exhibition (chapters as Ranges,
// language-map labels)
#pragma once

#include "tools/gallery/export/site_context.h"

#include <nlohmann/json.hpp>

namespace lantai::core::web {

// One Canvas per published image of the exhibition's items, in exhibition order, each painted
// with the largest listed JPEG size and carrying the level-0 ImageService3 of its tiles and a
// thumbnail; one Range per chapter listing its canvases (items without a published image are
// left out). Labels, summaries and metadata are language maps {"zh": [..], "en": [..]};
// item rights become the canvas requiredStatement, the organiser the manifest's.
// Ids are absolute under the context's base URL; without one they are relative to the site
// root ("iiif/manifests/EXH.json") — valid JSON-LD for the site's own pages but not for
// Mirador or Universal Viewer, which need `--base-url` (the exporter warns).
nlohmann::json exhibitionManifest(const SiteContext& context, const Exhibition& exhibition);

} // namespace lantai::core::web

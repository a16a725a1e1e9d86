// tools/gallery/export: sitemap.xml and robots.txt of a site exported with a base URL
#pragma once

#include "tools/gallery/export/site_context.h"

#include <string>

namespace lantai::core::web {

// Every page of both languages, absolute under the base URL, with xhtml:link alternates.
std::string sitemapXml(const SiteContext& context);
std::string robotsTxt(const SiteContext& context);

} // namespace lantai::core::web

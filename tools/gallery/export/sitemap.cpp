// tools/gallery/export: sitemap.xml and robots.txt of a site exported with a base URL
#include "tools/gallery/export/sitemap.h"

#include "tools/gallery/export/html.h"
#include "tools/gallery/export/site_paths.h"

#include <functional>

namespace lantai::core::web {

std::string sitemapXml(const SiteContext& c) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    auto add = [&](const std::function<std::string(Language)>& path) {
        for (const Language l : {Language::Zh, Language::En}) {
            out += "<url><loc>" + esc(c.absolute(path(l))) + "</loc>";
            for (const Language alt : {Language::Zh, Language::En})
                out += std::string("<xhtml:link rel=\"alternate\" hreflang=\"") +
                       languageCode(alt) + "\" href=\"" + esc(c.absolute(path(alt))) + "\"/>";
            out += "</url>\n";
        }
    };
    add(homePath);
    for (const Exhibition& e : c.pack->exhibitions) {
        add([&](Language l) { return exhibitionPath(l, e.id); });
        for (const Chapter& ch : e.chapters) {
            add([&](Language l) { return chapterPath(l, e.id, ch.id); });
            for (const Item& item : ch.items)
                add([&](Language l) { return itemPath(l, item.id); });
        }
    }
    add(videosPath);
    for (const Video& v : c.pack->videos)
        add([&](Language l) { return videoPath(l, v.id); });
    add(quizPath);
    return out + "</urlset>\n";
}

std::string robotsTxt(const SiteContext& c) {
    return "User-agent: *\nAllow: /\nSitemap: " + c.absolute("sitemap.xml") + "\n";
}

} // namespace lantai::core::web

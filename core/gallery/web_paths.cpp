// core/gallery: URL paths of the exported cloud-gallery site (see tools/gallery/SITE.md)
#include "core/gallery/web_paths.h"

namespace lantai::core {

std::string webItemPath(const std::string& lang, const std::string& itemId) {
    return lang + "/items/" + itemId + ".html";
}

std::string webJoinUrl(const std::string& baseUrl, const std::string& relativePath) {
    if (baseUrl.empty()) return relativePath;
    std::string::size_type end = baseUrl.size();
    while (end > 0 && baseUrl[end - 1] == '/')
        --end;
    std::string::size_type start = 0;
    while (start < relativePath.size() && relativePath[start] == '/')
        ++start;
    return baseUrl.substr(0, end) + "/" + relativePath.substr(start);
}

std::string webItemUrl(const std::string& baseUrl, const std::string& lang,
                       const std::string& itemId) {
    return webJoinUrl(baseUrl, webItemPath(lang, itemId));
}

} // namespace lantai::core

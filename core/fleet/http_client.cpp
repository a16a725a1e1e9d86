// core/fleet: URL joining shared by every HttpClient user
#include "core/fleet/http_client.h"

namespace lantai::core {

std::string redactUrl(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const auto hostStart = scheme + 3;
    const auto at = url.find('@', hostStart);
    const auto slash = url.find('/', hostStart);
    if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
    const auto colon = url.find(':', hostStart);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

std::string joinUrl(const std::string& base, const std::string& path) {
    std::string out = base;
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    std::size_t start = 0;
    while (start < path.size() && path[start] == '/')
        ++start;
    return out + "/" + path.substr(start);
}

} // namespace lantai::core

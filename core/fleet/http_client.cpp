// core/fleet: URL joining shared by every HttpClient user
#include "core/fleet/http_client.h"

namespace lantai::core {

std::string joinUrl(const std::string& base, const std::string& path) {
    std::string out = base;
    while (!out.empty() && out.back() == '/') out.pop_back();
    std::size_t start = 0;
    while (start < path.size() && path[start] == '/') ++start;
    return out + "/" + path.substr(start);
}

} // namespace lantai::core

// tests: the IIIF paths of a list of tiles, for comparing tile selections with expected paths
#pragma once

#include "core/iiif/tile_geometry.h"

#include <string>
#include <vector>

namespace lantai::core::test {

using Paths = std::vector<std::string>;

inline Paths pathsOf(const std::vector<TileRef>& tiles) {
    Paths out;
    for (const TileRef& t : tiles)
        out.push_back(t.path);
    return out;
}

} // namespace lantai::core::test

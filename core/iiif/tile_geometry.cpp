// core/iiif: IIIF Image API 3.0 level-0 tile geometry (pure maths, no I/O)
#include "core/iiif/tile_geometry.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

namespace lantai::core {

namespace {

long long ceilDiv(long long a, long long b) {
    return (a + b - 1) / b;
}

// Tolerance for tile-grid edges: a region edge a hair past a tile boundary (floating-point noise
// from the view transform) does not pull in the next row or column.
constexpr double kGridEpsilon = 1e-9;

bool validLevel(const TilePyramid& p, int scaleFactor) {
    return scaleFactor >= 1 && p.tileSize >= 1 && p.width > 0 && p.height > 0;
}

long long tileStep(const TilePyramid& p, int scaleFactor) {
    return static_cast<long long>(p.tileSize) * scaleFactor;
}

bool fitsInOneTile(const TilePyramid& p) {
    return p.width <= p.tileSize && p.height <= p.tileSize;
}

} // namespace

// ---- levels and the tile grid -------------------------------------------------------------------

TilePyramid TilePyramid::standard(int width, int height, int tileSize) {
    TilePyramid p{width, height, tileSize, {1}};
    if (width <= 0 || height <= 0 || tileSize <= 0) return p;
    long long s = 1;
    while (ceilDiv(width, s) > tileSize || ceilDiv(height, s) > tileSize) {
        s *= 2;
        p.scaleFactors.push_back(static_cast<int>(s));
    }
    return p;
}

PixelSize levelSize(const TilePyramid& p, int scaleFactor) {
    if (scaleFactor < 1 || p.width <= 0 || p.height <= 0) return {};
    return {static_cast<int>(ceilDiv(p.width, scaleFactor)),
            static_cast<int>(ceilDiv(p.height, scaleFactor))};
}

int tileColumns(const TilePyramid& p, int scaleFactor) {
    if (!validLevel(p, scaleFactor)) return 0;
    return static_cast<int>(ceilDiv(p.width, tileStep(p, scaleFactor)));
}

int tileRows(const TilePyramid& p, int scaleFactor) {
    if (!validLevel(p, scaleFactor)) return 0;
    return static_cast<int>(ceilDiv(p.height, tileStep(p, scaleFactor)));
}

long long tileCount(const TilePyramid& p) {
    long long n = 0;
    for (const int s : p.scaleFactors)
        n += static_cast<long long>(tileColumns(p, s)) * tileRows(p, s);
    return n;
}

std::string iiifTilePath(int x, int y, int w, int h, int scaleFactor) {
    const long long s = std::max(1, scaleFactor);
    return std::to_string(x) + "," + std::to_string(y) + "," + std::to_string(w) + "," +
           std::to_string(h) + "/" + std::to_string(ceilDiv(w, s)) + "," +
           std::to_string(ceilDiv(h, s)) + "/0/default.jpg";
}

TileRef makeTile(const TilePyramid& pyramid, int scaleFactor, int column, int row) {
    TileRef t;
    t.scaleFactor = scaleFactor;
    t.column = column;
    t.row = row;
    if (scaleFactor < 1 || pyramid.tileSize < 1 || column < 0 || row < 0) return t;
    const long long step = tileStep(pyramid, scaleFactor);
    const long long x = column * step;
    const long long y = row * step;
    if (x >= pyramid.width || y >= pyramid.height) return t;
    t.x = static_cast<int>(x);
    t.y = static_cast<int>(y);
    t.w = static_cast<int>(std::min<long long>(step, pyramid.width - x));
    t.h = static_cast<int>(std::min<long long>(step, pyramid.height - y));
    t.tileWidth = static_cast<int>(ceilDiv(t.w, scaleFactor));
    t.tileHeight = static_cast<int>(ceilDiv(t.h, scaleFactor));
    t.path = iiifTilePath(t.x, t.y, t.w, t.h, scaleFactor);
    return t;
}

std::vector<TileRef> levelTiles(const TilePyramid& pyramid, int scaleFactor) {
    std::vector<TileRef> out;
    const int columns = tileColumns(pyramid, scaleFactor);
    const int rows = tileRows(pyramid, scaleFactor);
    out.reserve(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column)
            out.push_back(makeTile(pyramid, scaleFactor, column, row));
    return out;
}

std::vector<TileRef> allTiles(const TilePyramid& pyramid) {
    std::vector<TileRef> out;
    for (const int s : pyramid.scaleFactors) {
        std::vector<TileRef> level = levelTiles(pyramid, s);
        out.insert(out.end(), std::make_move_iterator(level.begin()),
                   std::make_move_iterator(level.end()));
    }
    return out;
}

// ---- which tiles to draw ------------------------------------------------------------------------

int chooseScaleFactor(const std::vector<int>& scaleFactors, double zoom, double maxTexelSize) {
    int best = 0;
    int finest = INT_MAX;
    for (const int s : scaleFactors) {
        if (s < 1) continue;
        finest = std::min(finest, s);
        if (double(s) * zoom <= maxTexelSize * (1.0 + kGridEpsilon)) best = std::max(best, s);
    }
    if (best > 0) return best;
    return finest == INT_MAX ? 1 : finest;
}

std::vector<TileRef> tilesInRegion(const TilePyramid& pyramid, int scaleFactor,
                                   const Rect& region) {
    std::vector<TileRef> out;
    if (!validLevel(pyramid, scaleFactor)) return out;
    const Rect r = intersect(region, Rect{0, 0, double(pyramid.width), double(pyramid.height)});
    if (r.empty()) return out;
    const double stepD = static_cast<double>(tileStep(pyramid, scaleFactor));
    const long long columns = tileColumns(pyramid, scaleFactor);
    const long long rows = tileRows(pyramid, scaleFactor);
    auto first = [&](double v) {
        return static_cast<long long>(std::floor(v / stepD + kGridEpsilon));
    };
    auto last = [&](double v) {
        return static_cast<long long>(std::ceil(v / stepD - kGridEpsilon)) - 1;
    };
    const long long c0 = std::clamp(first(r.x), 0LL, columns - 1);
    const long long c1 = std::clamp(last(r.right()), c0, columns - 1);
    const long long r0 = std::clamp(first(r.y), 0LL, rows - 1);
    const long long r1 = std::clamp(last(r.bottom()), r0, rows - 1);
    out.reserve(static_cast<std::size_t>((c1 - c0 + 1) * (r1 - r0 + 1)));
    for (long long row = r0; row <= r1; ++row) {
        for (long long col = c0; col <= c1; ++col) {
            out.push_back(
                makeTile(pyramid, scaleFactor, static_cast<int>(col), static_cast<int>(row)));
        }
    }
    return out;
}

std::vector<TileRef> coarserCoverage(const TilePyramid& pyramid, const TileRef& tile) {
    std::vector<int> coarser;
    for (const int s : pyramid.scaleFactors) {
        if (s > tile.scaleFactor) coarser.push_back(s);
    }
    std::sort(coarser.begin(), coarser.end());
    coarser.erase(std::unique(coarser.begin(), coarser.end()), coarser.end());
    std::vector<TileRef> out;
    for (const int s : coarser) {
        std::vector<TileRef> level = tilesInRegion(pyramid, s, tile.region());
        out.insert(out.end(), std::make_move_iterator(level.begin()),
                   std::make_move_iterator(level.end()));
    }
    return out;
}

Rect textureSubRect(const TileRef& tile, const Rect& region) {
    if (tile.w <= 0 || tile.h <= 0) return {};
    const Rect r = intersect(tile.region(), region);
    if (r.empty()) return {};
    return {(r.x - tile.x) / tile.w, (r.y - tile.y) / tile.h, r.w / tile.w, r.h / tile.h};
}

// ---- full-region images -------------------------------------------------------------------------

std::string iiifFullPath(int width, int height) {
    return "full/" + std::to_string(width) + "," + std::to_string(height) + "/0/default.jpg";
}

std::vector<PixelSize> listedSizes(const TilePyramid& pyramid, int maxListed) {
    std::vector<PixelSize> out;
    for (auto it = pyramid.scaleFactors.rbegin(); it != pyramid.scaleFactors.rend(); ++it) {
        const PixelSize size = levelSize(pyramid, *it);
        if (size.width > 0 && std::max(size.width, size.height) <= maxListed) out.push_back(size);
    }
    return out;
}

std::vector<std::string> fullImagePaths(const TilePyramid& pyramid,
                                        std::span<const PixelSize> sizes) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add = [&](std::string p) {
        if (seen.insert(p).second) out.push_back(std::move(p));
    };
    for (const PixelSize& size : sizes)
        add(iiifFullPath(size.width, size.height));
    if (!pyramid.scaleFactors.empty()) {
        const PixelSize top = levelSize(pyramid, pyramid.scaleFactors.back());
        add(iiifFullPath(top.width, top.height));
    }
    if (fitsInOneTile(pyramid)) add(kIiifFullMaxPath);
    return out;
}

std::vector<FullImage> fullImagesToWrite(const TilePyramid& pyramid, int maxListed) {
    std::vector<FullImage> out;
    if (pyramid.scaleFactors.empty()) return out;
    const int top = pyramid.scaleFactors.back();
    for (const int s : pyramid.scaleFactors) {
        const PixelSize size = levelSize(pyramid, s);
        if (std::max(size.width, size.height) <= maxListed || s == top)
            out.push_back({s, size, iiifFullPath(size.width, size.height)});
        if (s == 1 && fitsInOneTile(pyramid)) out.push_back({s, size, kIiifFullMaxPath});
    }
    return out;
}

// ---- thumbnail ----------------------------------------------------------------------------------

PixelSize thumbnailSize(int width, int height, int longest) {
    if (std::max(width, height) <= longest) return {width, height};
    const double scale = double(longest) / std::max(width, height);
    return {width >= height ? longest : std::max(1, static_cast<int>(std::lround(width * scale))),
            height > width ? longest : std::max(1, static_cast<int>(std::lround(height * scale)))};
}

int coarsestLevelAtLeast(const TilePyramid& pyramid, PixelSize size) {
    int best = 1;
    for (const int s : pyramid.scaleFactors) {
        const PixelSize level = levelSize(pyramid, s);
        if (level.width >= size.width && level.height >= size.height) best = s;
    }
    return best;
}

} // namespace lantai::core

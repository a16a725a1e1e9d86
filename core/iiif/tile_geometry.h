// core/iiif: IIIF Image API 3.0 level-0 tile geometry — levels, tile grid, tile regions and
// paths, listed sizes, the full/ images, thumbnail size (pure maths, no I/O)
#pragma once

#include "core/base/geometry2d.h"

#include <span>
#include <string>
#include <vector>

namespace lantai::core {

// One geometry for everything that names a tile or a full-region image: the builder writes and
// verifies them (tools/builder), the kiosk's zoom viewport and deep-zoom renderer pick and draw
// them (core/visit, kiosk/render), the web exporter publishes them (tools/gallery/export). The
// names are those `vips dzsave --layout iiif3` writes; content/FORMAT.md "Derived files".
//
// Level s (a scale factor 1, 2, 4, ...) is the image at 1/s resolution, ceil(W/s) x ceil(H/s).
// Its tiles cover tileSize * s full-resolution pixels each, clipped at the right and bottom edge.

struct PixelSize {
    int width = 0;
    int height = 0;
    bool operator==(const PixelSize&) const = default;
};

// What an image's info.json says about its tiles: full-resolution size, square tile size and
// scale factors (1, 2, 4, ...; each level's pixels are `scaleFactor` full-resolution pixels wide).
struct TilePyramid {
    int width = 0;
    int height = 0;
    int tileSize = 512;
    std::vector<int> scaleFactors{1};

    // The pyramid `lantai build` writes: scale factors 1, 2, 4, ... up to the first one at which
    // the whole image fits in one tile.
    static TilePyramid standard(int width, int height, int tileSize = 512);
};

// Level s as an image: ceil(width / s) x ceil(height / s).
PixelSize levelSize(const TilePyramid& pyramid, int scaleFactor);
// Columns and rows of level s's tile grid (0 for an empty image or an invalid level).
int tileColumns(const TilePyramid& pyramid, int scaleFactor);
int tileRows(const TilePyramid& pyramid, int scaleFactor);
// Tiles over every scale factor of the pyramid.
long long tileCount(const TilePyramid& pyramid);

// One tile of one level. The region is in full-resolution pixels and is clipped at the right
// and bottom edges; the tile image is tileWidth x tileHeight = ceil(w / s) x ceil(h / s).
struct TileRef {
    int scaleFactor = 1;
    int column = 0;
    int row = 0;
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    int tileWidth = 0;
    int tileHeight = 0;
    std::string path; // "x,y,w,h/tw,th/0/default.jpg", relative to the image's iiif folder

    Rect region() const { return {double(x), double(y), double(w), double(h)}; }
    bool operator==(const TileRef&) const = default;
};

// The IIIF Image API 3.0 path of a tile: "x,y,w,h/tw,th/0/default.jpg" with tw = ceil(w / s),
// th = ceil(h / s) — exactly the names `lantai build` (vips dzsave --layout iiif3) writes.
std::string iiifTilePath(int x, int y, int w, int h, int scaleFactor);

// Tile (column, row) of level `scaleFactor`; w/h 0 and an empty path when outside the image.
TileRef makeTile(const TilePyramid& pyramid, int scaleFactor, int column, int row);

// Every tile of level `scaleFactor`, row by row (tileColumns() per row).
std::vector<TileRef> levelTiles(const TilePyramid& pyramid, int scaleFactor);
// Every tile of every level, in scale-factor order, each level row by row (what `lantai build`
// writes and verifies).
std::vector<TileRef> allTiles(const TilePyramid& pyramid);

// The level to draw at `zoom` (screen pixels per full-resolution pixel): the coarsest scale
// factor s with s * zoom <= maxTexelSize, i.e. one level pixel covers at most maxTexelSize
// screen pixels (1 = never blurrier than the screen). When none qualifies (zoom beyond
// maxTexelSize), the finest level. Unsorted lists are fine; an empty list gives 1.
int chooseScaleFactor(const std::vector<int>& scaleFactors, double zoom, double maxTexelSize = 1.0);

// Tiles of level `scaleFactor` whose regions intersect `region` (full-resolution pixels, clipped
// to the image), row by row.
std::vector<TileRef> tilesInRegion(const TilePyramid& pyramid, int scaleFactor, const Rect& region);

// Fallback for a tile that is still loading: the tiles of every coarser level that cover its
// region, nearest level first (grouped by scaleFactor, ascending). With power-of-two scale
// factors the tile grids nest, so that is exactly one tile per coarser level; the coarsest is
// the whole image in one tile. Draw the first level whose tiles are all loaded, cropped with
// textureSubRect(), under (before) the finer tiles.
std::vector<TileRef> coarserCoverage(const TilePyramid& pyramid, const TileRef& tile);

// Normalised texture coordinates (0..1, x/y = u0/v0, w/h = extent) of the part of `tile` that
// shows `region` (full-resolution pixels); empty when they do not overlap.
Rect textureSubRect(const TileRef& tile, const Rect& region);

// ---- full-region images ---------------------------------------------------------------------

// "full/w,h/0/default.jpg": the whole image at w x h.
std::string iiifFullPath(int width, int height);
// "full/max/0/default.jpg": the whole image at full resolution (OpenSeadragon asks for it when
// the image fits in one tile).
inline constexpr const char* kIiifFullMaxPath = "full/max/0/default.jpg";

// info.json "sizes": the whole image at every scale factor whose longer side is at most
// maxListed, ascending (coarsest level first).
std::vector<PixelSize> listedSizes(const TilePyramid& pyramid, int maxListed);

// Every full-region image a viewer of the pyramid may ask for, without repeats: each of `sizes`
// (info.json "sizes"), the coarsest level (viewers ask for region "full" when one tile covers
// the image) and full/max when the whole image fits in one tile at full resolution.
std::vector<std::string> fullImagePaths(const TilePyramid& pyramid,
                                        std::span<const PixelSize> sizes);

// The full-region images `lantai build` writes, finest level first, with the level each is made
// from: a listedSizes() entry or the coarsest level as full/w,h, and full/max from level 1 when
// the image fits in one tile. Their paths are fullImagePaths(pyramid, listedSizes(...)).
struct FullImage {
    int scaleFactor = 1;
    PixelSize size;
    std::string path;
};
std::vector<FullImage> fullImagesToWrite(const TilePyramid& pyramid, int maxListed);

// ---- thumbnail ----------------------------------------------------------------------------------

// The thumbnail of a width x height image: longer side `longest` (never upscaled), the other side
// rounded to the nearest pixel and at least 1.
PixelSize thumbnailSize(int width, int height, int longest);

// The coarsest level still at least `size` on both axes (1 when only full resolution is): the
// level to shrink a thumbnail from.
int coarsestLevelAtLeast(const TilePyramid& pyramid, PixelSize size);

} // namespace lantai::core

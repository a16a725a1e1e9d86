// tests: IIIF tile geometry — scale factors, tile grid, tile paths, listed sizes, full/ images,
// thumbnail size, tile selection (the builder, the viewport and the exporter share these results)
#include "core/iiif/tile_geometry.h"
#include "tests/unit/iiif/tile_paths.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>
#include <string>
#include <vector>

using namespace lantai::core;
using lantai::core::test::Paths;
using lantai::core::test::pathsOf;

namespace {

// The builder's tile enumeration before core/iiif existed (tools/builder/image_pyramid.cpp:
// tilePaths), kept here as the reference the shared module must reproduce.
Paths referenceTilePaths(int width, int height, int tileSize, const std::vector<int>& factors) {
    Paths out;
    for (const int s : factors) {
        const long long step = static_cast<long long>(tileSize) * s;
        for (long long y = 0; y < height; y += step)
            for (long long x = 0; x < width; x += step) {
                const int w = static_cast<int>(std::min<long long>(step, width - x));
                const int h = static_cast<int>(std::min<long long>(step, height - y));
                out.push_back(std::to_string(x) + "," + std::to_string(y) + "," +
                              std::to_string(w) + "," + std::to_string(h) + "/" +
                              std::to_string((w + s - 1) / s) + "," +
                              std::to_string((h + s - 1) / s) + "/0/default.jpg");
            }
    }
    return out;
}

} // namespace

// ---- tile grid and tile selection (moved from zoom_viewport_test)
// ---------------------------------------------------------------------------

TEST(TilePyramid, StandardScaleFactorsMatchTheBuilder) {
    EXPECT_EQ(TilePyramid::standard(3000, 2000).scaleFactors, (std::vector<int>{1, 2, 4, 8}));
    EXPECT_EQ(TilePyramid::standard(512, 512).scaleFactors, (std::vector<int>{1}));
    EXPECT_EQ(TilePyramid::standard(513, 10).scaleFactors, (std::vector<int>{1, 2}));
    EXPECT_EQ(TilePyramid::standard(8000, 6000).scaleFactors, (std::vector<int>{1, 2, 4, 8, 16}));
    EXPECT_EQ(TilePyramid::standard(0, 0).scaleFactors, (std::vector<int>{1}));
}

TEST(TilePyramid, IiifTilePathRoundsTheSizeUp) {
    struct Row {
        int x, y, w, h, s;
        const char* path;
    };
    const Row rows[] = {
        {0, 0, 512, 512, 1, "0,0,512,512/512,512/0/default.jpg"},
        {2560, 1536, 440, 464, 1, "2560,1536,440,464/440,464/0/default.jpg"},
        {2048, 1024, 952, 976, 2, "2048,1024,952,976/476,488/0/default.jpg"},
        {2048, 0, 953, 2000, 2, "2048,0,953,2000/477,1000/0/default.jpg"},
        {2048, 0, 952, 2000, 4, "2048,0,952,2000/238,500/0/default.jpg"},
        {0, 0, 3000, 2000, 8, "0,0,3000,2000/375,250/0/default.jpg"},
        {0, 0, 3001, 2001, 8, "0,0,3001,2001/376,251/0/default.jpg"},
    };
    for (const Row& r : rows)
        EXPECT_EQ(iiifTilePath(r.x, r.y, r.w, r.h, r.s), r.path);
}

TEST(TilePyramid, EveryLevelIsTiledCompletely) {
    const TilePyramid p = TilePyramid::standard(3000, 2000);
    const Rect whole{0, 0, 3000, 2000};
    std::size_t total = 0;
    for (const int s : p.scaleFactors) {
        const std::vector<TileRef> tiles = tilesInRegion(p, s, whole);
        const long long step = 512LL * s;
        EXPECT_EQ(tiles.size(),
                  std::size_t(((3000 + step - 1) / step) * ((2000 + step - 1) / step)));
        long long area = 0;
        for (const TileRef& t : tiles) {
            area += static_cast<long long>(t.w) * t.h;
            EXPECT_LE(t.tileWidth, 512);
            EXPECT_LE(t.tileHeight, 512);
        }
        EXPECT_EQ(area, 3000LL * 2000LL) << "scale " << s;
        total += tiles.size();
    }
    EXPECT_EQ(total, 24u + 6u + 2u + 1u);
}

TEST(TilePyramid, ChooseScaleFactorTable) {
    const std::vector<int> f{1, 2, 4, 8};
    struct Row {
        double zoom, maxTexel;
        int s;
    };
    const Row rows[] = {
        {2.0, 1, 1},     {1.0, 1, 1},  {0.6, 1, 1},  {0.54, 1, 1}, {0.5, 1, 2},
        {1.0 / 3, 1, 2}, {0.26, 1, 2}, {0.25, 1, 4}, {0.2, 1, 4},  {0.125, 1, 8},
        {0.01, 1, 8},    {0.54, 2, 2}, {0.3, 2, 4},
    };
    for (const Row& r : rows)
        EXPECT_EQ(chooseScaleFactor(f, r.zoom, r.maxTexel), r.s) << "zoom " << r.zoom;
    EXPECT_EQ(chooseScaleFactor({8, 1, 4, 2}, 0.3), 2); // order does not matter
    EXPECT_EQ(chooseScaleFactor({}, 0.3), 1);
    EXPECT_EQ(chooseScaleFactor({2, 4}, 1.0), 2); // nothing fine enough: the finest there is
}

TEST(TilePyramid, RegionOnTileBoundariesDoesNotPullInNeighbours) {
    const TilePyramid p = TilePyramid::standard(3000, 2000);
    EXPECT_EQ(tilesInRegion(p, 1, {0, 0, 1024, 1024}).size(), 4u);
    EXPECT_EQ(tilesInRegion(p, 1, {0, 0, 1024.0000001, 1024}).size(), 4u);
    EXPECT_EQ(tilesInRegion(p, 1, {0, 0, 1025, 1024}).size(), 6u);
    EXPECT_EQ(tilesInRegion(p, 1, {-500, -500, 100, 100}).size(), 0u); // outside the image
    EXPECT_EQ(tilesInRegion(p, 1, {2999, 1999, 500, 500}).size(), 1u); // clipped to the image
    EXPECT_TRUE(makeTile(p, 1, 6, 0).path.empty());                    // past the right edge
}

TEST(TilePyramid, CoarserCoverageAndTextureSubRect) {
    const TilePyramid p = TilePyramid::standard(3000, 2000);
    const TileRef corner = makeTile(p, 1, 5, 3);
    EXPECT_EQ(corner.path, "2560,1536,440,464/440,464/0/default.jpg");
    const std::vector<TileRef> cover = coarserCoverage(p, corner);
    EXPECT_EQ(pathsOf(cover), (Paths{"2048,1024,952,976/476,488/0/default.jpg",
                                     "2048,0,952,2000/238,500/0/default.jpg",
                                     "0,0,3000,2000/375,250/0/default.jpg"}));
    EXPECT_EQ(cover[0].scaleFactor, 2);
    EXPECT_EQ(cover[2].scaleFactor, 8);
    EXPECT_TRUE(coarserCoverage(p, cover[2]).empty()); // the top level has nothing coarser

    const Rect uv = textureSubRect(cover[0], corner.region());
    EXPECT_DOUBLE_EQ(uv.x, 512.0 / 952.0);
    EXPECT_DOUBLE_EQ(uv.y, 512.0 / 976.0);
    EXPECT_DOUBLE_EQ(uv.w, 440.0 / 952.0);
    EXPECT_DOUBLE_EQ(uv.h, 464.0 / 976.0);
    EXPECT_EQ(textureSubRect(cover[2], cover[2].region()), (Rect{0, 0, 1, 1}));
    EXPECT_TRUE(textureSubRect(corner, {0, 0, 10, 10}).empty());
}

// ---- the pyramid `lantai build` writes, pinned -------------------------------------------------

struct Case {
    int width, height;
    std::vector<int> scaleFactors;
    long long tiles;
    std::vector<PixelSize> sizes; // listedSizes(…, 2048)
    PixelSize thumb;              // thumbnailSize(…, 480)
    int thumbLevel;               // coarsestLevelAtLeast(…, thumb)
};

const Case kCases[] = {
    // one pixel; a one-pixel-wide strip; exact multiples of the tile size; odd sizes
    {1, 1, {1}, 1, {{1, 1}}, {1, 1}, 1},
    {1, 5000, {1, 2, 4, 8, 16}, 21, {{1, 313}, {1, 625}, {1, 1250}}, {1, 480}, 8},
    {7000, 1, {1, 2, 4, 8, 16}, 28, {{438, 1}, {875, 1}, {1750, 1}}, {480, 1}, 8},
    {512, 512, {1}, 1, {{512, 512}}, {480, 480}, 1},
    {1024, 512, {1, 2}, 3, {{512, 256}, {1024, 512}}, {480, 240}, 2},
    {2048, 2048, {1, 2, 4}, 21, {{512, 512}, {1024, 1024}, {2048, 2048}}, {480, 480}, 4},
    {2049, 2049, {1, 2, 4, 8}, 39, {{257, 257}, {513, 513}, {1025, 1025}}, {480, 480}, 4},
    {513, 10, {1, 2}, 3, {{257, 5}, {513, 10}}, {480, 9}, 1},
    {3000, 2000, {1, 2, 4, 8}, 33, {{375, 250}, {750, 500}, {1500, 1000}}, {480, 320}, 4},
    {3001, 2001, {1, 2, 4, 8}, 33, {{376, 251}, {751, 501}, {1501, 1001}}, {480, 320}, 4},
    // huge: 7.5 gigapixels, and a strip just under the 2^30 the builder's verify accepts
    {100000,
     75000,
     {1, 2, 4, 8, 16, 32, 64, 128, 256},
     38534,
     {{391, 293}, {782, 586}, {1563, 1172}},
     {480, 360},
     128},
    {(1 << 30) - 1,
     1,
     {1,    2,    4,    8,     16,    32,    64,     128,    256,    512,     1024,
      2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576, 2097152},
     (1LL << 22) - 1,
     {{512, 1}, {1024, 1}, {2048, 1}},
     {480, 1},
     2097152},
};

TEST(TileGeometry, StandardPyramidTable) {
    for (const Case& c : kCases) {
        SCOPED_TRACE(std::to_string(c.width) + "x" + std::to_string(c.height));
        const TilePyramid p = TilePyramid::standard(c.width, c.height);
        EXPECT_EQ(p.scaleFactors, c.scaleFactors);
        EXPECT_EQ(tileCount(p), c.tiles);
        EXPECT_EQ(listedSizes(p, 2048), c.sizes);
        const PixelSize thumb = thumbnailSize(c.width, c.height, 480);
        EXPECT_EQ(thumb, c.thumb);
        EXPECT_EQ(coarsestLevelAtLeast(p, thumb), c.thumbLevel);
        const PixelSize top = levelSize(p, p.scaleFactors.back());
        EXPECT_LE(std::max(top.width, top.height), 512) << "the coarsest level is one tile";
        EXPECT_EQ(tileColumns(p, p.scaleFactors.back()), 1);
        EXPECT_EQ(tileRows(p, p.scaleFactors.back()), 1);
    }
}

// Every tile of every level, against the builder's own enumeration of before (which names what
// vips dzsave writes), for the sizes small enough to list.
TEST(TileGeometry, AllTilesMatchTheBuildersEnumeration) {
    std::vector<std::pair<int, int>> sizes = {{1, 1},       {2, 3},      {511, 511}, {512, 513},
                                              {1023, 1025}, {1536, 512}, {4097, 33}, {12345, 6789}};
    for (const Case& c : kCases)
        if (c.tiles < 100000) sizes.emplace_back(c.width, c.height);
    for (const int tileSize : {256, 512, 1000}) {
        for (const auto& [w, h] : sizes) {
            SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + " / " +
                         std::to_string(tileSize));
            const TilePyramid p = TilePyramid::standard(w, h, tileSize);
            const std::vector<TileRef> tiles = allTiles(p);
            EXPECT_EQ(pathsOf(tiles), referenceTilePaths(w, h, tileSize, p.scaleFactors));
            EXPECT_EQ(static_cast<long long>(tiles.size()), tileCount(p));
            for (const int s : p.scaleFactors) {
                long long area = 0;
                for (const TileRef& t : levelTiles(p, s)) {
                    area += static_cast<long long>(t.w) * t.h;
                    EXPECT_LE(t.tileWidth, tileSize);
                    EXPECT_LE(t.tileHeight, tileSize);
                }
                EXPECT_EQ(area, static_cast<long long>(w) * h) << "level " << s;
            }
        }
    }
}

TEST(TileGeometry, HugeImagesDoNotOverflow) {
    const TilePyramid huge = TilePyramid::standard(100000, 75000);
    EXPECT_EQ(tileColumns(huge, 1), 196);
    EXPECT_EQ(tileRows(huge, 1), 147);
    EXPECT_EQ(makeTile(huge, 1, 195, 146).path, "99840,74752,160,248/160,248/0/default.jpg");
    EXPECT_EQ(makeTile(huge, 256, 0, 0).path, "0,0,100000,75000/391,293/0/default.jpg");
    EXPECT_TRUE(makeTile(huge, 1, 196, 0).path.empty());

    const TilePyramid strip = TilePyramid::standard((1 << 30) - 1, 1);
    EXPECT_EQ(tileColumns(strip, 1), 1 << 21);
    EXPECT_EQ(makeTile(strip, 1, (1 << 21) - 1, 0).path, "1073741312,0,511,1/511,1/0/default.jpg");
    EXPECT_EQ(makeTile(strip, 2097152, 0, 0).path, "0,0,1073741823,1/512,1/0/default.jpg");
    EXPECT_EQ(tilesInRegion(strip, 1, {1073741000.0, 0, 1000.0, 1}).size(), 2u);
}

TEST(TileGeometry, InvalidInputGivesNothing) {
    const TilePyramid empty = TilePyramid::standard(0, 0);
    EXPECT_EQ(tileCount(empty), 0);
    EXPECT_TRUE(allTiles(empty).empty());
    EXPECT_EQ(levelSize(empty, 1), (PixelSize{0, 0}));
    const TilePyramid p = TilePyramid::standard(3000, 2000);
    EXPECT_EQ(tileColumns(p, 0), 0);
    EXPECT_TRUE(levelTiles(p, 0).empty());
    EXPECT_TRUE(makeTile(p, 1, -1, 0).path.empty());
}

// ---- full-region images ------------------------------------------------------------------------

TEST(TileGeometry, FullImagePathsTable) {
    struct Row {
        int width, height;
        Paths paths; // fullImagePaths(p, listedSizes(p, 2048))
    };
    const Row rows[] = {
        {1, 1, {"full/1,1/0/default.jpg", "full/max/0/default.jpg"}},
        {512, 512, {"full/512,512/0/default.jpg", "full/max/0/default.jpg"}},
        {513, 10, {"full/257,5/0/default.jpg", "full/513,10/0/default.jpg"}},
        {3000,
         2000,
         {"full/375,250/0/default.jpg", "full/750,500/0/default.jpg",
          "full/1500,1000/0/default.jpg"}},
    };
    for (const Row& r : rows) {
        const TilePyramid p = TilePyramid::standard(r.width, r.height);
        EXPECT_EQ(fullImagePaths(p, listedSizes(p, 2048)), r.paths) << r.width << "x" << r.height;
    }
    // No size listed (a tiny maxListed): the coarsest level is still there.
    const TilePyramid p = TilePyramid::standard(3000, 2000);
    EXPECT_EQ(fullImagePaths(p, listedSizes(p, 100)), (Paths{"full/375,250/0/default.jpg"}));
    EXPECT_EQ(iiifFullPath(1500, 1000), "full/1500,1000/0/default.jpg");
}

// What the builder writes is what verifyPyramid expects, each from the level of its size.
TEST(TileGeometry, FullImagesToWriteAreTheFullImagePaths) {
    for (const int maxListed : {100, 512, 2048, 100000}) {
        for (const Case& c : kCases) {
            SCOPED_TRACE(std::to_string(c.width) + "x" + std::to_string(c.height) + " max " +
                         std::to_string(maxListed));
            const TilePyramid p = TilePyramid::standard(c.width, c.height);
            std::set<std::string> written;
            int previousLevel = 0;
            for (const FullImage& f : fullImagesToWrite(p, maxListed)) {
                EXPECT_TRUE(written.insert(f.path).second) << f.path;
                EXPECT_GE(f.scaleFactor, previousLevel) << "finest level first";
                previousLevel = f.scaleFactor;
                EXPECT_EQ(f.size, levelSize(p, f.scaleFactor));
                if (f.path != kIiifFullMaxPath)
                    EXPECT_EQ(f.path, iiifFullPath(f.size.width, f.size.height));
                else
                    EXPECT_EQ(f.scaleFactor, 1);
            }
            const Paths expected = fullImagePaths(p, listedSizes(p, maxListed));
            EXPECT_EQ(written, std::set<std::string>(expected.begin(), expected.end()));
        }
    }
}

TEST(TileGeometry, ThumbnailSizeNeverUpscalesAndRounds) {
    EXPECT_EQ(thumbnailSize(300, 200, 480), (PixelSize{300, 200}));
    EXPECT_EQ(thumbnailSize(480, 480, 480), (PixelSize{480, 480}));
    EXPECT_EQ(thumbnailSize(4000, 3000, 480), (PixelSize{480, 360}));
    EXPECT_EQ(thumbnailSize(3000, 4000, 480), (PixelSize{360, 480}));
    EXPECT_EQ(thumbnailSize(1000, 333, 480), (PixelSize{480, 160}));  // 159.84
    EXPECT_EQ(thumbnailSize(1000, 1001, 480), (PixelSize{480, 480})); // 479.52 -> 480
    EXPECT_EQ(thumbnailSize(100000, 1, 480), (PixelSize{480, 1}));    // never 0
}

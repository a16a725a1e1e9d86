// tests/unit/editor: the thumbnail atlas hands out cells that never overlap, fill a page before
// the next, and give texture coordinates that stay half a texel inside the image
#include "tools/editor/thumbnail_atlas.h"

#include <gtest/gtest.h>
#include <set>
#include <tuple>

namespace lantai::editor {
namespace {

TEST(ThumbnailAtlas, CellsFillAPageRowByRowThenTheNextPage) {
    ThumbnailAtlas atlas(1024, 96, 2); // 10 cells of 98 texels per row
    ASSERT_EQ(atlas.cellsPerPage(), 100);
    EXPECT_EQ(atlas.pagesUsed(), 0u);
    std::set<std::tuple<std::size_t, int, int>> seen;
    for (int i = 0; i < 100; ++i) {
        const AtlasCell cell = atlas.allocate(96, 72);
        EXPECT_EQ(cell.page, 0u) << i;
        EXPECT_EQ(cell.x, (i % 10) * 98) << i;
        EXPECT_EQ(cell.y, (i / 10) * 98) << i;
        EXPECT_LE(cell.x + 96, 1024);
        EXPECT_LE(cell.y + 96, 1024);
        EXPECT_TRUE(seen.insert({cell.page, cell.x, cell.y}).second) << "cell given twice: " << i;
    }
    EXPECT_EQ(atlas.pagesUsed(), 1u);
    const AtlasCell next = atlas.allocate(50, 96);
    EXPECT_EQ(next.page, 1u);
    EXPECT_EQ(next.x, 0);
    EXPECT_EQ(next.y, 0);
    EXPECT_EQ(atlas.pagesUsed(), 2u);
    atlas.reset();
    EXPECT_EQ(atlas.pagesUsed(), 0u);
    EXPECT_EQ(atlas.allocate(10, 10).page, 0u);
}

TEST(ThumbnailAtlas, CoordinatesCoverTheImageHalfATexelInside) {
    ThumbnailAtlas atlas(1024, 96, 2);
    (void)atlas.allocate(96, 96);
    const AtlasCell cell = atlas.allocate(96, 64); // second cell: x = 98
    EXPECT_FLOAT_EQ(cell.u0, (98 + 0.5f) / 1024);
    EXPECT_FLOAT_EQ(cell.u1, (98 + 96 - 0.5f) / 1024);
    EXPECT_FLOAT_EQ(cell.v0, 0.5f / 1024);
    EXPECT_FLOAT_EQ(cell.v1, (64 - 0.5f) / 1024);
    // The next cell's first texel is beyond the gap: linear filtering at u1 never reaches it.
    EXPECT_LT(cell.u1 * 1024 + 0.5f, 98 + 98);

    const AtlasCell rotated = atlas.resize(cell, 64, 96); // made again after a quarter turn
    EXPECT_EQ(rotated.x, cell.x);
    EXPECT_EQ(rotated.y, cell.y);
    EXPECT_FLOAT_EQ(rotated.u1, (98 + 64 - 0.5f) / 1024);
    EXPECT_FLOAT_EQ(rotated.v1, (96 - 0.5f) / 1024);
    // An image larger than a cell is clamped to it (never drawn from a neighbour).
    const AtlasCell clamped = atlas.resize(cell, 500, 500);
    EXPECT_FLOAT_EQ(clamped.u1, cell.u1);
}

} // namespace
} // namespace lantai::editor

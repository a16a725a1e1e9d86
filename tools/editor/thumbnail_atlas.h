// tools/editor: where each thumbnail sits in the atlas pages that hold them (pure layout, no GL)
#pragma once

#include <cstddef>

namespace lantai::editor {

// A thumbnail's cell: which page, and its texture coordinates there.
struct AtlasCell {
    std::size_t page = 0;
    int x = 0, y = 0; // top-left texel of the cell
    // Texture coordinates of an image of `width` x `height` placed at the cell's top-left,
    // half a texel inside its edges (linear filtering never reads a neighbour).
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
};

// Square pages of `pageSize` texels cut into cells of `cellSize` + a gap of `gap` texels. Cells
// are handed out in order and kept until reset() (thumbnails live as long as the open pack).
// Drawing many thumbnails from one texture is one draw command for ImGui instead of one per
// image: a software rasteriser pays for every command.
class ThumbnailAtlas {
  public:
    ThumbnailAtlas(int pageSize, int cellSize, int gap);
    // The next free cell for an image of `width` x `height` (each at most cellSize).
    AtlasCell allocate(int width, int height);
    // The same cell with coordinates for an image of a new size (a thumbnail made again).
    AtlasCell resize(AtlasCell cell, int width, int height) const;
    std::size_t pagesUsed() const;
    int cellsPerPage() const { return m_perRow * m_perRow; }
    void reset() { m_next = 0; }

  private:
    int m_pageSize, m_cellSize, m_gap, m_perRow;
    std::size_t m_next = 0;
};

} // namespace lantai::editor

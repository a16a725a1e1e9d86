// tools/editor: the thumbnail atlas's cells and texture coordinates
#include "tools/editor/thumbnail_atlas.h"

#include <algorithm>

namespace lantai::editor {

ThumbnailAtlas::ThumbnailAtlas(int pageSize, int cellSize, int gap)
    : m_pageSize(pageSize), m_cellSize(cellSize), m_gap(gap),
      m_perRow(std::max(1, pageSize / (cellSize + gap))) {}

AtlasCell ThumbnailAtlas::allocate(int width, int height) {
    const std::size_t perPage = static_cast<std::size_t>(cellsPerPage());
    const std::size_t index = m_next++;
    AtlasCell cell;
    cell.page = index / perPage;
    const int inPage = static_cast<int>(index % perPage);
    cell.x = (inPage % m_perRow) * (m_cellSize + m_gap);
    cell.y = (inPage / m_perRow) * (m_cellSize + m_gap);
    return resize(cell, width, height);
}

AtlasCell ThumbnailAtlas::resize(AtlasCell cell, int width, int height) const {
    const float size = static_cast<float>(m_pageSize);
    width = std::clamp(width, 1, m_cellSize);
    height = std::clamp(height, 1, m_cellSize);
    cell.u0 = (static_cast<float>(cell.x) + 0.5f) / size;
    cell.v0 = (static_cast<float>(cell.y) + 0.5f) / size;
    cell.u1 = (static_cast<float>(cell.x + width) - 0.5f) / size;
    cell.v1 = (static_cast<float>(cell.y + height) - 0.5f) / size;
    return cell;
}

std::size_t ThumbnailAtlas::pagesUsed() const {
    const std::size_t perPage = static_cast<std::size_t>(cellsPerPage());
    return (m_next + perPage - 1) / perPage;
}

} // namespace lantai::editor

// tools/editor: what the tree and the fields show beside an image entry — its thumbnail, and
// the Replace and rotate buttons
#pragma once

#include "tools/editor/editor_context.h"

#include <string>

namespace lantai::editor {

// The thumbnail of a pack image fitted into a `size` square (a grey square while it is made).
void drawThumbnail(EditorContext& ctx, const std::string& packPath, float size);
// A small thumbnail at the right end of the tree row drawn last (drawn only when visible).
void drawRowThumbnail(EditorContext& ctx, const std::string& packPath);
// Thumbnail, 替换 Replace (the file chooser), 向左转 / 向右转 (a quarter turn) for image `index`
// of `itemId`; tap targets `<target>:replace`, `<target>:rotate-left`, `<target>:rotate-right`.
void drawImageActions(EditorContext& ctx, const std::string& itemId, std::size_t index,
                      const std::string& file, bool readOnly, const std::string& target);

} // namespace lantai::editor

// tools/editor: thumbnails beside image entries, and replacing or rotating an image
#include "tools/editor/image_actions.h"

#include "tools/editor/thumbnail_cache.h"

#include <algorithm>
#include <cstdint>

namespace lantai::editor {

namespace {

ImTextureID textureId(unsigned texture) {
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
}

} // namespace

void drawThumbnail(EditorContext& ctx, const std::string& packPath, float size) {
    const Thumbnail* thumbnail = ctx.thumbnails ? ctx.thumbnails->find(packPath) : nullptr;
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    if (!ImGui::IsItemVisible()) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (!thumbnail || thumbnail->width <= 0 || thumbnail->height <= 0) {
        draw->AddRectFilled(corner, ImVec2(corner.x + size, corner.y + size),
                            IM_COL32(70, 70, 76, 255));
        return;
    }
    const float scale = size / static_cast<float>(std::max(thumbnail->width, thumbnail->height));
    const float w = static_cast<float>(thumbnail->width) * scale;
    const float h = static_cast<float>(thumbnail->height) * scale;
    const ImVec2 min(corner.x + (size - w) / 2, corner.y + (size - h) / 2);
    draw->AddImage(textureId(thumbnail->texture), min, ImVec2(min.x + w, min.y + h),
                   ImVec2(thumbnail->cell.u0, thumbnail->cell.v0),
                   ImVec2(thumbnail->cell.u1, thumbnail->cell.v1));
}

void drawRowThumbnail(EditorContext& ctx, const std::string& packPath) {
    if (!ImGui::IsItemVisible()) return;
    const float size = ImGui::GetTextLineHeight();
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - size));
    drawThumbnail(ctx, packPath, size);
}

void drawImageActions(EditorContext& ctx, const std::string& itemId, std::size_t index,
                      const std::string& file, bool readOnly, const std::string& target) {
    drawThumbnail(ctx, file, static_cast<float>(kThumbnailPixels));
    ctx.targets.mark(target + ":thumbnail");
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::BeginDisabled(readOnly || ctx.doc.imageJobPending());
    if (ImGui::SmallButton("替换… Replace…")) {
        ctx.replaceItem = itemId;
        ctx.replaceImage = index;
        askPath(ctx, PathPrompt::ReplaceImage, true);
    }
    ctx.targets.mark(target + ":replace");
    if (ImGui::SmallButton("向左转 Rotate left")) ctx.doc.rotateImage(itemId, index, false);
    ctx.targets.mark(target + ":rotate-left");
    ImGui::SameLine();
    if (ImGui::SmallButton("向右转 Rotate right")) ctx.doc.rotateImage(itemId, index, true);
    ctx.targets.mark(target + ":rotate-right");
    ImGui::EndDisabled();
    if (ctx.doc.imageJobPending()) ImGui::TextDisabled("%s", "处理中… Working…");
    ImGui::EndGroup();
}

} // namespace lantai::editor

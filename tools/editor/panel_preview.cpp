// tools/editor: the preview panel — the kiosk as the booth shows it (sizes, language, theme),
// scaled into the pane and touchable with the mouse
#include "tools/editor/editor_context.h"

namespace lantai::editor {

void drawPreviewPanel(EditorContext& ctx) {
    KioskPreview& preview = ctx.preview;
    const auto& sizes = previewSizes();
    for (int i = 0; i < static_cast<int>(sizes.size()); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(sizes[static_cast<std::size_t>(i)].label, preview.sizeIndex() == i))
            preview.setSize(i);
        ctx.targets.mark("preview:size:" + std::to_string(i));
    }
    ImGui::SameLine();
    const bool english = preview.language() == core::Language::En;
    if (ImGui::RadioButton("中文", !english)) preview.setLanguage(core::Language::Zh);
    ctx.targets.mark("preview:zh");
    ImGui::SameLine();
    if (ImGui::RadioButton("EN", english)) preview.setLanguage(core::Language::En);
    ctx.targets.mark("preview:en");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    if (ImGui::BeginCombo("##theme", preview.themeName().c_str())) {
        for (const char* theme : {"red-archive", "high-contrast"})
            if (ImGui::Selectable(theme, preview.themeName() == theme)) preview.setTheme(theme);
        ImGui::EndCombo();
    }
    ctx.targets.mark("preview:theme");
    ImGui::SameLine();
    if (ImGui::SmallButton("待机 Attract"))
        preview.show({kiosk::PreviewTarget::Kind::Attract, {}, 0});
    ctx.targets.mark("preview:attract");

    if (!preview.started()) {
        ImGui::TextWrapped("%s", preview.error().empty() ? "预览未启动 The preview has not started"
                                                         : preview.error().c_str());
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float scale = std::min(avail.x / static_cast<float>(preview.width()),
                                 avail.y / static_cast<float>(preview.height()));
    const ImVec2 size(static_cast<float>(preview.width()) * scale,
                      static_cast<float>(preview.height()) * scale);
    preview.setDisplayScale(scale); // the next frame is drawn about the size it is shown
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // The FBO's first row is the bottom of the picture.
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(preview.texture())), size,
                 ImVec2(0, 1), ImVec2(1, 0));
    ctx.targets.mark("preview:screen");
    // The mouse is a finger on the booth's screen.
    const ImGuiIO& io = ImGui::GetIO();
    const float kx = (io.MousePos.x - origin.x) / scale;
    const float ky = (io.MousePos.y - origin.y) / scale;
    static bool pressed = false;
    if (ImGui::IsItemHovered()) {
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            preview.pointer(kiosk::InputEvent::Type::PointerDown, kx, ky);
            pressed = true;
        } else if (pressed && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
            preview.pointer(kiosk::InputEvent::Type::PointerMove, kx, ky);
        }
        if (io.MouseWheel != 0) preview.wheel(kx, ky, io.MouseWheel);
    }
    if (pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        preview.pointer(kiosk::InputEvent::Type::PointerUp, kx, ky);
        pressed = false;
    }
}

} // namespace lantai::editor

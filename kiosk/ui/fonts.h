// kiosk/ui: the font atlas — Noto Sans CJK SC at the theme's sizes, only the characters the pack
// and UI use
#pragma once

#include "core/theme/theme.h"
#include "kiosk/ui/font_characters.h"

#include <array>
#include <imgui.h>
#include <memory>
#include <string>

namespace lantai::kiosk {

// A font atlas built off the main thread: one ImGui font per theme font role, each with only
// the characters drawn in that role (never the whole CJK range: 64 MB / ~400 ms), rasterised by
// FreeType from the memory-mapped Noto Sans CJK files. Titles, headings and buttons use bold.
struct BuiltFonts {
    std::unique_ptr<ImFontAtlas> atlas;
    std::array<ImFont*, core::kFontRoleCount> fonts{};
    std::array<float, core::kFontRoleCount> sizes{};
    std::array<ImVector<ImWchar>, core::kFontRoleCount> ranges; // must outlive the atlas' fonts
    float unitPx = 0;
    double buildMs = 0;
    int glyphs = 0;
    std::string error; // empty on success
};

// CPU only; any thread (no ImGui context needed).
std::unique_ptr<BuiltFonts> buildFonts(float unitPx, const core::Theme& theme,
                                       const RoleCharacters& characters);

// The fonts in use. Threading: main thread, with the ImGui context and GL context current.
class Fonts {
  public:
    ~Fonts();
    // Makes `built` the ImGui atlas and uploads it as an 8-bit alpha texture (a quarter of the
    // RGBA texture the OpenGL3 backend would make). The first call also creates the backend's
    // device objects (shaders) without letting it upload its own copy of the atlas.
    bool install(std::unique_ptr<BuiltFonts> built, std::string& error);
    // Gives ImGui back its own atlas and frees the texture (before ImGui::DestroyContext).
    void release();
    bool built() const { return m_built != nullptr; }
    float unitPx() const { return m_built ? m_built->unitPx : 0; }
    ImFont* font(core::FontRole role) const {
        return m_built->fonts[static_cast<std::size_t>(role)];
    }
    float size(core::FontRole role) const { return m_built->sizes[static_cast<std::size_t>(role)]; }
    double buildMilliseconds() const { return m_built ? m_built->buildMs : 0; }
    std::size_t atlasBytes() const { return m_textureBytes; }
    int glyphCount() const { return m_built ? m_built->glyphs : 0; }

    // Finds the Noto Sans CJK files (regular, bold); empty strings when missing.
    static std::string findFontFile(bool bold);

  private:
    std::unique_ptr<BuiltFonts> m_built;
    ImFontAtlas* m_original = nullptr; // the context's own atlas, restored by release()
    unsigned m_texture = 0;
    std::size_t m_textureBytes = 0;
    bool m_deviceObjectsCreated = false;
};

} // namespace lantai::kiosk

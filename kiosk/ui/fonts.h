// kiosk/ui: the font atlas — Noto Sans CJK SC at the theme's sizes, only the characters the pack and UI use
#pragma once

#include "lantai/core/theme.h"

#include <imgui.h>

#include <array>
#include <string>

namespace lantai::kiosk {

// Builds one ImGui font per theme font role from the pack's character set (derived/charset.txt)
// plus every UI string — never the whole CJK range (64 MB / ~400 ms) — so the atlas stays a few
// MB and builds in milliseconds. Titles and headings use the bold face.
//
// Threading: main thread, with the ImGui context current; rebuild() re-creates the GL font
// texture through the OpenGL3 backend.
class Fonts {
public:
    // `characters` is UTF-8 text containing every character to include (duplicates are fine).
    bool build(float unitPx, const core::Theme& theme, const std::string& characters, std::string& error);
    bool built() const { return m_unitPx > 0; }
    float unitPx() const { return m_unitPx; }
    ImFont* font(core::FontRole role) const { return m_fonts[static_cast<std::size_t>(role)]; }
    float size(core::FontRole role) const { return m_sizes[static_cast<std::size_t>(role)]; }
    double buildMilliseconds() const { return m_buildMs; }
    std::size_t atlasBytes() const { return m_atlasBytes; }
    int glyphCount() const { return m_glyphCount; }

    // Finds the Noto Sans CJK files (regular, bold); empty strings when missing.
    static std::string findFontFile(bool bold);

private:
    std::array<ImFont*, core::kFontRoleCount> m_fonts{};
    std::array<float, core::kFontRoleCount> m_sizes{};
    ImVector<ImWchar> m_ranges;
    float m_unitPx = 0;
    double m_buildMs = 0;
    std::size_t m_atlasBytes = 0;
    int m_glyphCount = 0;
};

} // namespace lantai::kiosk

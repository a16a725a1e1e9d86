// tools/editor: the editor's growing CJK font atlas
#include "tools/editor/editor_fonts.h"

#include "core/base/utf8.h"
#include "core/i18n/kiosk_fonts.h"

#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <imgui.h>
#include <imgui_freetype.h>

namespace lantai::editor {

namespace {
constexpr int kSimplifiedChineseFace = 2; // NotoSansCJK-*.ttc: JP, KR, SC, TC, HK
}

bool EditorFonts::add(std::string_view text) {
    bool added = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = core::nextCodePoint(text, pos);
        if (c < 0x20 || c == 0xFFFD || c > 0xFFFF) continue; // ImWchar is 16-bit in Debian's build
        if (m_characters.insert(c).second) added = true;
    }
    if (added) m_dirty = true;
    return added;
}

bool EditorFonts::rebuild(std::string& error) {
    const auto started = std::chrono::steady_clock::now();
    // The kiosk's primary font (Noto Sans CJK SC), found where the kiosk finds it.
    static const core::KioskFontSet fonts = core::KioskFontSet::locate();
    std::string regularPath, boldPath;
    int face = kSimplifiedChineseFace;
    if (!fonts.fonts().empty() && fonts.fonts().front().spec == &core::kioskFontSpecs().front()) {
        regularPath = fonts.fonts().front().regular.string();
        boldPath = fonts.fonts().front().bold.string();
        face = fonts.fonts().front().spec->faceIndex;
    }
    if (regularPath.empty()) {
        error = "Noto Sans CJK is not installed (Debian package fonts-noto-cjk)";
        return false;
    }
    if (boldPath.empty()) boldPath = regularPath;

    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->TexDesiredWidth = 2048;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());
    for (char32_t c : m_characters)
        builder.AddChar(static_cast<ImWchar>(c));
    builder.AddText("…·–—“”‘’、，。：；？！（）《》「」▶▼✓✗⚠＋－×");
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    config.FontNo = face;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    m_regular = atlas->AddFontFromFileTTF(regularPath.c_str(), m_size, &config, ranges.Data);
    m_heading = atlas->AddFontFromFileTTF(boldPath.c_str(), m_size * 1.3f, &config, ranges.Data);
    if (!m_regular || !m_heading || !atlas->Build()) {
        error = "cannot build the editor's font atlas from " + regularPath;
        return false;
    }
    m_glyphs = static_cast<std::size_t>(m_regular->Glyphs.Size + m_heading->Glyphs.Size);
    atlas->ClearInputData(); // the 20 MB font files are not kept in memory
    io.FontDefault = m_regular;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    m_dirty = false;
    m_buildMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return true;
}

} // namespace lantai::editor

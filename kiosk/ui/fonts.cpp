// kiosk/ui: the installed font atlas (alpha-only texture) and text as the atlas can draw it
#include "kiosk/ui/fonts.h"

#include "core/base/utf8.h"

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <cstdint>

#ifndef GL_R8
#define GL_R8 0x8229
#endif
#ifndef GL_RED
#define GL_RED 0x1903
#endif
#ifndef GL_TEXTURE_SWIZZLE_RGBA
#define GL_TEXTURE_SWIZZLE_RGBA 0x8E46
#endif

namespace lantai::kiosk {

Fonts::~Fonts() {
    release();
}

void Fonts::release() {
    if (m_original && ImGui::GetCurrentContext()) ImGui::GetIO().Fonts = m_original;
    m_original = nullptr;
    if (m_texture) glDeleteTextures(1, &m_texture);
    m_texture = 0;
    m_built.reset();
}

bool Fonts::install(std::unique_ptr<BuiltFonts> built, std::string& error) {
    if (!built || !built->error.empty() || !built->atlas) {
        error = built ? built->error : "no fonts";
        return false;
    }
    ImFontAtlas* atlas = built->atlas.get();
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&alpha, &width, &height);
    if (!m_deviceObjectsCreated) {
        // The OpenGL3 backend uploads io.Fonts as RGBA when it creates its device objects.
        // Give it a 1x1 stand-in so it compiles its shaders without converting and uploading
        // a second, four-times-larger copy of our atlas.
        ImFontAtlas standIn;
        standIn.TexWidth = standIn.TexHeight = 1;
        standIn.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(4));
        standIn.TexPixelsRGBA32[0] = 0xFFFFFFFF;
        standIn.Fonts.push_back(IM_NEW(ImFont));
        standIn.TexReady = true; // IsBuilt()
        ImGuiIO& io = ImGui::GetIO();
        ImFontAtlas* previous = io.Fonts;
        io.Fonts = &standIn;
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        io.Fonts = previous;
        m_deviceObjectsCreated = true;
    }
    if (m_texture) glDeleteTextures(1, &m_texture);
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED}; // white glyphs, coverage in alpha
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_texture)));
    m_textureBytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (!m_original) m_original = ImGui::GetIO().Fonts;
    ImGui::GetIO().Fonts = atlas;
    m_built = std::move(built); // the previous atlas (if any) is released here
    m_missing.clear();
    return true;
}

std::vector<std::string> Fonts::takeNewWarnings() {
    std::vector<std::string> out;
    if (m_built)
        for (const auto& warning : m_built->warnings)
            if (m_warned.insert(warning).second) out.push_back(warning);
    return out;
}

ImWchar glyphFor(const BuiltFonts* built, char32_t cp) {
    if (cp < 0x20) return static_cast<ImWchar>(cp); // line breaks: ImGui's own business
    if (core::isInvisibleCharacter(cp)) return 0;
    if (cp > 0xFFFF) {
        if (built)
            if (auto it = built->aliases.find(cp); it != built->aliases.end()) return it->second;
        return 0xFFFD;
    }
    if (core::isPrivateUse(cp)) return 0xFFFD; // the aliases live there
    return static_cast<ImWchar>(cp);
}

std::string_view drawableText(const BuiltFonts* built, ImFont* font, std::string_view text,
                              std::string& scratch, std::set<char32_t>& missing) {
    bool changed = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = core::nextCodePoint(text, pos);
        const ImWchar glyph = glyphFor(built, cp);
        if (glyph >= 0x20 && (!font || !font->FindGlyphNoFallback(glyph))) missing.insert(cp);
        const bool same = glyph == cp;
        if (!same && !changed) {
            scratch.assign(text.substr(0, start));
            changed = true;
        }
        if (changed) {
            if (same)
                scratch.append(text.substr(start, pos - start));
            else if (glyph != 0)
                core::appendUtf8(scratch, glyph);
        }
    }
    return changed ? std::string_view(scratch) : text;
}

} // namespace lantai::kiosk

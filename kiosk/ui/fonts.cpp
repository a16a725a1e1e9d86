// kiosk/ui: font atlas from the pack's characters (FreeType, memory-mapped fonts, alpha-only
// texture)
#include "kiosk/ui/fonts.h"

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

// A read-only memory map of a font file; FreeType reads it while building, then we unmap it.
struct MappedFile {
    void* data = nullptr;
    std::size_t size = 0;
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE,
                             fd, 0);
            if (p != MAP_FAILED) {
                data = p;
                size = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data) ::munmap(data, size);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
};

constexpr int kSimplifiedChineseFaceIndex = 2; // NotoSansCJK-*.ttc: JP, KR, SC, TC, HK, ...

} // namespace

std::string Fonts::findFontFile(bool bold) {
    const char* name = bold ? "NotoSansCJK-Bold.ttc" : "NotoSansCJK-Regular.ttc";
    for (const char* dir : {"/usr/share/fonts/opentype/noto/", "/usr/share/fonts/noto-cjk/",
                            "/usr/share/fonts/truetype/noto/"}) {
        std::error_code ec;
        const std::string path = std::string(dir) + name;
        if (std::filesystem::exists(path, ec)) return path;
    }
    return {};
}

std::unique_ptr<BuiltFonts> buildFonts(float unitPx, const core::Theme& theme,
                                       const RoleCharacters& characters) {
    const auto started = std::chrono::steady_clock::now();
    auto out = std::make_unique<BuiltFonts>();
    out->unitPx = unitPx;
    const std::string regularPath = Fonts::findFontFile(false);
    std::string boldPath = Fonts::findFontFile(true);
    if (regularPath.empty()) {
        out->error = "Noto Sans CJK is not installed (Debian package fonts-noto-cjk)";
        return out;
    }
    if (boldPath.empty()) boldPath = regularPath;
    MappedFile regular(regularPath);
    MappedFile bold(boldPath);
    if (!regular.data || !bold.data) {
        out->error = "cannot read the font file " + regularPath;
        return out;
    }
    out->atlas = std::make_unique<ImFontAtlas>();
    ImFontAtlas* atlas = out->atlas.get();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas->TexDesiredWidth = 4096;
    for (std::size_t i = 0; i < core::kFontRoleCount; ++i) {
        const auto role = static_cast<core::FontRole>(i);
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(atlas->GetGlyphRangesDefault()); // ASCII + Latin-1
        builder.AddText(characters[i].c_str(), characters[i].c_str() + characters[i].size());
        builder.AddText("…·–—“”‘’、，。：；？！（）《》「」‹›−");
        builder.BuildRanges(&out->ranges[i]);
        const bool useBold = role == core::FontRole::Title || role == core::FontRole::Heading ||
                             role == core::FontRole::Button;
        MappedFile& file = useBold ? bold : regular;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false; // the map outlives Build(); ClearInputData() below
        config.FontNo = kSimplifiedChineseFaceIndex;
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        const float px = std::max(10.0f, theme.fontSize(role) * unitPx);
        std::snprintf(config.Name, sizeof config.Name, "NotoSansCJK-%s-%.0f",
                      core::fontRoleName(role), px);
        out->sizes[i] = px;
        out->fonts[i] = atlas->AddFontFromMemoryTTF(file.data, static_cast<int>(file.size), px,
                                                    &config, out->ranges[i].Data);
        if (!out->fonts[i]) {
            out->error = "cannot load the font " + std::string(useBold ? boldPath : regularPath);
            return out;
        }
    }
    if (!atlas->Build()) {
        out->error = "cannot build the font atlas";
        return out;
    }
    for (ImFont* f : out->fonts)
        out->glyphs += f->Glyphs.Size;
    atlas->ClearInputData(); // drop references to the mapped files before they are unmapped
    out->buildMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return out;
}

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
    return true;
}

} // namespace lantai::kiosk

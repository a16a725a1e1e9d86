// kiosk/ui: font atlas from the pack's character set (FreeType rasteriser, memory-mapped font files)
#include "ui/fonts.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui_freetype.h>

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lantai::kiosk {

namespace {

// A read-only memory map of a font file; ImGui reads it while building, then we unmap it.
struct MappedFile {
    void* data = nullptr;
    std::size_t size = 0;
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
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
    for (const char* dir : {"/usr/share/fonts/opentype/noto/", "/usr/share/fonts/noto-cjk/", "/usr/share/fonts/truetype/noto/"}) {
        std::error_code ec;
        const std::string path = std::string(dir) + name;
        if (std::filesystem::exists(path, ec)) return path;
    }
    return {};
}

bool Fonts::build(float unitPx, const core::Theme& theme, const std::string& characters, std::string& error) {
    const auto started = std::chrono::steady_clock::now();
    const std::string regularPath = findFontFile(false);
    std::string boldPath = findFontFile(true);
    if (regularPath.empty()) {
        error = "Noto Sans CJK is not installed (Debian package fonts-noto-cjk)";
        return false;
    }
    if (boldPath.empty()) boldPath = regularPath;
    MappedFile regular(regularPath);
    MappedFile bold(boldPath);
    if (!regular.data || !bold.data) {
        error = "cannot read the font file " + regularPath;
        return false;
    }

    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas->TexDesiredWidth = 4096;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());
    builder.AddText(characters.c_str(), characters.c_str() + characters.size());
    builder.AddText("…·–—“”‘’、，。：；？！（）《》「」‹›−0123456789");
    m_ranges.clear();
    builder.BuildRanges(&m_ranges);

    for (std::size_t i = 0; i < core::kFontRoleCount; ++i) {
        const auto role = static_cast<core::FontRole>(i);
        const bool useBold = role == core::FontRole::Title || role == core::FontRole::Heading || role == core::FontRole::Button;
        MappedFile& file = useBold ? bold : regular;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false; // the map outlives Build(); ClearInputData() below
        config.FontNo = kSimplifiedChineseFaceIndex;
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        const float px = std::max(10.0f, theme.fontSize(role) * unitPx);
        std::snprintf(config.Name, sizeof config.Name, "NotoSansCJK-%s-%.0f", core::fontRoleName(role), px);
        m_sizes[i] = px;
        m_fonts[i] = atlas->AddFontFromMemoryTTF(file.data, static_cast<int>(file.size), px, &config, m_ranges.Data);
        if (!m_fonts[i]) {
            error = "cannot load the font " + std::string(useBold ? boldPath : regularPath);
            return false;
        }
    }
    if (!atlas->Build()) {
        error = "cannot build the font atlas";
        return false;
    }
    m_glyphCount = 0;
    for (ImFont* f : m_fonts) m_glyphCount += f->Glyphs.Size;
    atlas->ClearInputData(); // drop references to the mapped files
    m_atlasBytes = static_cast<std::size_t>(atlas->TexWidth) * static_cast<std::size_t>(atlas->TexHeight) * 4; // on the GPU
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    // The GPU has the RGBA copy now; keep only the alpha bitmap (ImGui's IsBuilt() checks it).
    if (atlas->TexPixelsRGBA32 && atlas->TexPixelsAlpha8) {
        IM_FREE(atlas->TexPixelsRGBA32);
        atlas->TexPixelsRGBA32 = nullptr;
    }
    m_unitPx = unitPx;
    m_buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return true;
}

} // namespace lantai::kiosk

// tools/editor: the editor's growing CJK font atlas, built on a worker and swapped in between
// frames
#include "tools/editor/editor_fonts.h"

#include "core/base/utf8.h"
#include "core/i18n/kiosk_fonts.h"

#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <imgui.h>
#include <imgui_freetype.h>
#include <vector>

namespace lantai::editor {

namespace {
constexpr int kSimplifiedChineseFace = 2; // NotoSansCJK-*.ttc: JP, KR, SC, TC, HK
} // namespace

struct EditorFonts::Built {
    ImFontAtlas* atlas = nullptr; // IM_NEW'd: the ImGui context deletes the one installed last
    ImFont* regular = nullptr;
    ImFont* heading = nullptr;
    std::size_t glyphs = 0;
    double ms = 0;
    std::string error;
    ~Built() {
        if (atlas) IM_DELETE(atlas);
    }
};

namespace {

// CPU only, any thread: an atlas of `characters` (plus ImGui's defaults and the punctuation the
// editor draws) in Noto Sans CJK SC regular and bold, its RGBA pixels made for the upload.
std::unique_ptr<EditorFonts::Built> buildAtlas(const std::set<char32_t>& characters, float size) {
    const auto started = std::chrono::steady_clock::now();
    auto built = std::make_unique<EditorFonts::Built>();
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
        built->error = "Noto Sans CJK is not installed (Debian package fonts-noto-cjk)";
        return built;
    }
    if (boldPath.empty()) boldPath = regularPath;

    built->atlas = IM_NEW(ImFontAtlas)();
    ImFontAtlas* atlas = built->atlas;
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->TexDesiredWidth = 2048;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());
    for (char32_t c : characters)
        builder.AddChar(static_cast<ImWchar>(c));
    builder.AddText("…·–—“”‘’、，。：；？！（）《》「」▶▼✓✗⚠＋－×");
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    config.FontNo = face;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    built->regular = atlas->AddFontFromFileTTF(regularPath.c_str(), size, &config, ranges.Data);
    built->heading = atlas->AddFontFromFileTTF(boldPath.c_str(), size * 1.3f, &config, ranges.Data);
    if (!built->regular || !built->heading || !atlas->Build()) {
        built->error = "cannot build the editor's font atlas from " + regularPath;
        return built;
    }
    built->glyphs =
        static_cast<std::size_t>(built->regular->Glyphs.Size + built->heading->Glyphs.Size);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &width, &height); // the backend uploads these
    atlas->ClearInputData(); // the 20 MB font files are not kept in memory
    built->ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return built;
}

} // namespace

EditorFonts::EditorFonts(std::function<void()> wake) : m_wake(std::move(wake)) {}

EditorFonts::~EditorFonts() {
    if (m_building.valid()) m_building.wait();
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

bool EditorFonts::update(std::string& error) {
    if (!m_installed) {
        // The first frame needs an atlas: built here (a build under way is of fewer characters).
        if (m_building.valid()) m_building.wait();
        m_building = {};
        m_dirty = false;
        return install(buildAtlas(m_characters, m_size), error);
    }
    bool installed = false;
    if (m_building.valid() &&
        m_building.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        installed = install(m_building.get(), error);
    }
    if (m_dirty && !m_building.valid()) {
        m_dirty = false;
        m_building = std::async(std::launch::async,
                                [characters = m_characters, size = m_size, wake = m_wake] {
                                    auto built = buildAtlas(characters, size);
                                    if (wake) wake();
                                    return built;
                                });
    }
    return installed;
}

bool EditorFonts::install(std::unique_ptr<Built> built, std::string& error) {
    if (!built->error.empty()) {
        error = built->error;
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    // The atlas the context made, or the one installed before: deleted the way it was made.
    IM_DELETE(io.Fonts);
    io.Fonts = std::exchange(built->atlas, nullptr);
    io.FontDefault = m_regular = built->regular;
    m_heading = built->heading;
    m_glyphs = built->glyphs;
    m_buildMs = built->ms;
    ImGui_ImplOpenGL3_CreateFontsTexture();
    m_installed = true;
    return true;
}

} // namespace lantai::editor

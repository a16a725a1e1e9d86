// kiosk/ui: building the font atlas — per role, each character from the first kiosk font that has
// it (FreeType, memory-mapped files, merged fallbacks, aliases beyond U+FFFF)
#include "core/pack/charset.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/supplementary_glyphs.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lantai::kiosk {

namespace {

// A read-only memory map of a font file; FreeType reads it while building, then we unmap it.
struct MappedFile {
    void* data = nullptr;
    std::size_t size = 0;
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
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

// Punctuation every role may need whatever the pack says (ellipses of truncated lines, quotes).
constexpr const char* kPunctuation = "…·–—“”‘’、，。：；？！（）《》「」‹›−";

// The private-use block the aliases of characters beyond U+FFFF take (see supplementary_glyphs.h).
constexpr char32_t kFirstAlias = 0xE000;
constexpr char32_t kLastAlias = 0xF8FF;

bool isBoldRole(core::FontRole role) {
    return role == core::FontRole::Title || role == core::FontRole::Heading ||
           role == core::FontRole::Button;
}

// Sorted code points as ImGui glyph ranges (pairs, zero-terminated).
void appendRanges(const std::vector<char32_t>& sorted, ImVector<ImWchar>& out) {
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        out.push_back(static_cast<ImWchar>(sorted[i]));
        out.push_back(static_cast<ImWchar>(sorted[j]));
        i = j + 1;
    }
    out.push_back(0);
}

// The font files of the set, mapped when first needed.
class FontFiles {
  public:
    explicit FontFiles(const core::KioskFontSet& set)
        : m_set(set), m_regular(set.fonts().size()), m_bold(set.fonts().size()) {}

    // The bold file when asked for and the font has one, else the regular file; `synthetic`
    // says whether FreeType must embolden it.
    FontBytes bytes(std::size_t font, bool bold, bool& synthetic) {
        const core::InstalledKioskFont& f = m_set.fonts()[font];
        const bool boldFile = bold && !f.bold.empty();
        synthetic = bold && !boldFile;
        auto& slot = boldFile ? m_bold[font] : m_regular[font];
        if (!slot) slot = std::make_unique<MappedFile>((boldFile ? f.bold : f.regular).string());
        return {slot->data, slot->size, f.spec->faceIndex};
    }

  private:
    const core::KioskFontSet& m_set;
    std::vector<std::unique_ptr<MappedFile>> m_regular;
    std::vector<std::unique_ptr<MappedFile>> m_bold;
};

// The pixel height that gives font `k` the same em as the primary font at `px` (ImGui sizes a
// face so that ascender - descender fills the height; fonts differ in that ratio).
float matchedPixelHeight(const core::KioskFontSet& set, std::size_t k, float px) {
    const core::FontFace& primary = set.fonts()[0].face;
    const core::FontFace& face = set.fonts()[k].face;
    if (k == 0 || primary.unitsPerEm <= 0 || face.unitsPerEm <= 0 ||
        primary.ascender - primary.descender <= 0 || face.ascender - face.descender <= 0)
        return px;
    const double em = static_cast<double>(static_cast<int>(px)) * primary.unitsPerEm /
                      (primary.ascender - primary.descender);
    return static_cast<float>(std::round(em * (face.ascender - face.descender) / face.unitsPerEm));
}

} // namespace

std::unique_ptr<BuiltFonts> buildFonts(float unitPx, const core::Theme& theme,
                                       const RoleCharacters& characters) {
    return buildFonts(unitPx, theme, characters, core::KioskFontSet::locate());
}

std::unique_ptr<BuiltFonts> buildFonts(float unitPx, const core::Theme& theme,
                                       const RoleCharacters& characters,
                                       const core::KioskFontSet& fontSet) {
    const auto started = std::chrono::steady_clock::now();
    auto out = std::make_unique<BuiltFonts>();
    out->unitPx = unitPx;
    const auto& fonts = fontSet.fonts();
    const core::KioskFontSpec& primarySpec = core::kioskFontSpecs()[0];
    if (fonts.empty() || fonts[0].spec != &primarySpec) {
        out->error = std::string(primarySpec.name) + " is not installed (Debian package " +
                     std::string(primarySpec.debianPackage) + ")";
        return out;
    }
    for (const auto& u : fontSet.unavailable())
        out->warnings.push_back(!u.unreadable.empty()
                                    ? u.unreadable
                                    : std::string(u.spec->name) + " (Debian package " +
                                          std::string(u.spec->debianPackage) +
                                          ") is not installed: characters only it has show as '?'");

    // The characters of each role, and an alias for every one beyond U+FFFF that a font has.
    std::array<std::set<char32_t>, core::kFontRoleCount> wanted;
    std::set<char32_t> beyond;
    for (std::size_t i = 0; i < core::kFontRoleCount; ++i) {
        for (char32_t c = 0x20; c <= 0xFF; ++c)
            wanted[i].insert(c);
        core::addCharacters(characters[i], wanted[i]);
        core::addCharacters(kPunctuation, wanted[i]);
        for (char32_t cp : wanted[i])
            if (cp > 0xFFFF && fontSet.fontFor(cp) >= 0) beyond.insert(cp);
    }
    char32_t nextAlias = kFirstAlias;
    for (char32_t cp : beyond) {
        if (nextAlias > kLastAlias) {
            out->warnings.push_back(std::to_string(beyond.size()) +
                                    " characters beyond U+FFFF: more than the 6400 the atlas can "
                                    "alias; the rest show as '?'");
            break;
        }
        out->aliases[cp] = static_cast<ImWchar>(nextAlias++);
    }

    FontFiles files(fontSet);
    SupplementaryGlyphs extra; // destroyed before `files` unmaps what its faces read
    out->atlas = std::make_unique<ImFontAtlas>();
    ImFontAtlas* atlas = out->atlas.get();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas->TexDesiredWidth = 4096;
    std::vector<int> glyphsFrom(fonts.size(), 0);
    // Two sets, each rasterised at its own pixel size (sharp, unlike a scaled-up atlas): the
    // theme's sizes and the large-text sizes (kLargeTextScale).
    for (std::size_t slot = 0; slot < 2 * core::kFontRoleCount; ++slot) {
        const bool large = slot >= core::kFontRoleCount;
        const std::size_t i = slot % core::kFontRoleCount;
        auto& roleFonts = large ? out->largeFonts : out->fonts;
        const auto role = static_cast<core::FontRole>(i);
        const bool bold = isBoldRole(role);
        const float px =
            std::max(10.0f, theme.fontSize(role) * unitPx) * (large ? kLargeTextScale : 1.0f);
        (large ? out->largeSizes : out->sizes)[i] = px;
        // Split the role's characters by the font that draws them.
        std::vector<std::vector<char32_t>> bmp(fonts.size());
        std::vector<std::pair<char32_t, std::size_t>> supplementary;
        for (char32_t cp : wanted[i]) {
            if (core::isInvisibleCharacter(cp)) continue;
            const int k = fontSet.fontFor(cp);
            if (k < 0) continue; // no font has it: ImGui draws '?' (and the runtime reports it)
            const auto font = static_cast<std::size_t>(k);
            if (cp <= 0xFFFF)
                bmp[font].push_back(cp);
            else if (out->aliases.count(cp))
                supplementary.emplace_back(cp, font);
        }
        for (std::size_t k = 0; k < fonts.size(); ++k) {
            if (bmp[k].empty() && k > 0) continue;
            appendRanges(bmp[k], out->ranges.emplace_back());
            bool synthetic = false;
            const FontBytes data = files.bytes(k, bold, synthetic);
            if (!data.data) {
                out->error = "cannot read the font file " + fonts[k].regular.string();
                return out;
            }
            ImFontConfig config;
            config.FontDataOwnedByAtlas = false; // the map outlives Build(); ClearInputData() below
            config.FontNo = data.faceIndex;
            config.OversampleH = 1;
            config.OversampleV = 1;
            config.PixelSnapH = true;
            config.MergeMode = k > 0;
            config.FontBuilderFlags = synthetic ? ImGuiFreeTypeBuilderFlags_Bold : 0;
            const float size = matchedPixelHeight(fontSet, k, px);
            std::snprintf(config.Name, sizeof config.Name, "%s-%s-%.0f",
                          std::string(fonts[k].spec->name).c_str(), core::fontRoleName(role), size);
            ImFont* font = atlas->AddFontFromMemoryTTF(const_cast<void*>(data.data),
                                                       static_cast<int>(data.size), size, &config,
                                                       out->ranges.back().Data);
            if (!font) {
                out->error = "cannot load the font " + fonts[k].regular.string();
                return out;
            }
            if (k == 0) roleFonts[i] = font;
            if (!large) glyphsFrom[k] += static_cast<int>(bmp[k].size());
        }
        if (supplementary.empty()) continue;
        bool synthetic = false;
        const int ascender = extra.ascenderPixels(files.bytes(0, bold, synthetic), px);
        for (const auto& [cp, k] : supplementary) {
            const FontBytes data = files.bytes(k, bold, synthetic);
            if (extra.add(*atlas, roleFonts[i], out->aliases[cp], data,
                          matchedPixelHeight(fontSet, k, px), synthetic, ascender, cp) &&
                !large)
                ++glyphsFrom[k];
        }
    }
    if (!atlas->Build()) {
        out->error = "cannot build the font atlas";
        return out;
    }
    extra.copyInto(*atlas);
    for (ImFont* f : out->fonts)
        out->glyphs += f->Glyphs.Size; // the large set draws the same characters
    for (std::size_t k = 1; k < fonts.size(); ++k)
        if (glyphsFrom[k] > 0)
            out->notes.push_back(std::to_string(glyphsFrom[k]) + " glyphs from " +
                                 std::string(fonts[k].spec->name));
    atlas->ClearInputData(); // drop references to the mapped files before they are unmapped
    out->buildMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return out;
}

} // namespace lantai::kiosk

// core/i18n: the kiosk's font list, finding the files, and the first font that has a character
#include "core/i18n/kiosk_fonts.h"

#include <array>
#include <cstdlib>
#include <system_error>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 3> kNotoFolders = {"opentype/noto", "noto-cjk",
                                                          "truetype/noto"};
constexpr std::array<std::string_view, 1> kHanazonoFolders = {"truetype/hanazono"};
constexpr std::array<std::string_view, 1> kSymbolaFolders = {"truetype/ancient-scripts"};
constexpr std::array<std::string_view, 1> kBabelStoneFolders = {"truetype/babelstone"};

// The order decides who draws a character several fonts have: Symbola before HanaMinA, so emoji
// and the Latin letters Noto Sans CJK lacks (ř, ą, ő ...) come from Symbola's emoji-style and
// Latin designs rather than from a Mincho's; HanaMinA/B before BabelStone Han, which is the
// only Debian font with CJK Extensions G and H but covers A–F only in part.
constexpr std::array<KioskFontSpec, 5> kSpecs = {{
    {"Noto Sans CJK SC", "fonts-noto-cjk", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", 2,
     kNotoFolders, "Latin, Chinese, Japanese, Korean, CJK Extension A"},
    {"Symbola", "fonts-symbola", "Symbola_hint.ttf", "", 0, kSymbolaFolders,
     "emoji, symbols and Latin letters (monochrome outlines)"},
    {"HanaMinA", "fonts-hanazono", "HanaMinA.ttf", "", 0, kHanazonoFolders,
     "CJK characters Noto Sans CJK lacks (compatibility ideographs, part of Extension B)"},
    {"HanaMinB", "fonts-hanazono", "HanaMinB.ttf", "", 0, kHanazonoFolders,
     "CJK Extensions B, C, D, E and F"},
    {"BabelStone Han", "fonts-babelstone-han", "BabelStoneHan.ttf", "", 0, kBabelStoneFolders,
     "CJK Extensions G and H"},
}};

std::optional<fs::path> findFile(const KioskFontSpec& spec, std::string_view file,
                                 const std::vector<fs::path>& roots) {
    std::error_code ec;
    for (const auto& root : roots) {
        for (std::string_view folder : spec.folders) {
            fs::path candidate = root / folder / file;
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
        fs::path candidate = root / file;
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

} // namespace

std::span<const KioskFontSpec> kioskFontSpecs() {
    return kSpecs;
}

std::vector<fs::path> kioskFontRoots() {
    std::vector<fs::path> roots;
    if (const char* dirs = std::getenv("LANTAI_FONT_DIRS"); dirs && *dirs) {
        std::string_view rest(dirs);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const std::string_view part = rest.substr(0, colon);
            if (!part.empty()) roots.emplace_back(std::string(part));
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    if (roots.empty()) roots.emplace_back("/usr/share/fonts");
    return roots;
}

bool isInvisibleCharacter(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x180B && cp <= 0x180F) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
           (cp >= 0xE0000 && cp <= 0xE0FFF);
}

KioskFontSet KioskFontSet::locate(const std::vector<fs::path>& roots) {
    KioskFontSet set;
    set.m_roots = roots;
    for (const KioskFontSpec& spec : kSpecs) {
        const auto regular = findFile(spec, spec.regularFile, roots);
        if (!regular) {
            set.m_unavailable.push_back({&spec, "", ""});
            continue;
        }
        auto face = readFontFace(*regular, spec.faceIndex);
        if (!face) {
            set.m_unavailable.push_back({&spec, face.error().message, face.error().messageZh});
            continue;
        }
        InstalledKioskFont font;
        font.spec = &spec;
        font.regular = *regular;
        if (!spec.boldFile.empty()) font.bold = findFile(spec, spec.boldFile, roots).value_or("");
        font.face = std::move(*face);
        set.m_fonts.push_back(std::move(font));
    }
    return set;
}

bool isPrivateUse(char32_t cp) {
    return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

int KioskFontSet::fontFor(char32_t cp) const {
    if (isPrivateUse(cp)) return -1;
    for (std::size_t i = 0; i < m_fonts.size(); ++i)
        if (m_fonts[i].face.coverage.contains(cp)) return static_cast<int>(i);
    return -1;
}

} // namespace lantai::core

// core/i18n: the fonts the kiosk draws with, in fallback order, with their Debian packages, and
// which of them draws each character — shared by the kiosk's font atlas and `lantai validate`
#pragma once

#include "core/i18n/font_coverage.h"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// One font of the kiosk's fallback list. A character is drawn with the first font of the list
// whose cmap has it. `boldFile` empty: the kiosk emboldens the regular outlines (FreeType) for
// titles, headings and buttons.
struct KioskFontSpec {
    std::string_view name;                     // "Noto Sans CJK SC"
    std::string_view debianPackage;            // "fonts-noto-cjk"
    std::string_view regularFile;              // "NotoSansCJK-Regular.ttc"
    std::string_view boldFile;                 // "NotoSansCJK-Bold.ttc", or empty
    int faceIndex = 0;                         // the face in a collection (Noto Sans CJK: 2 = SC)
    std::span<const std::string_view> folders; // where Debian puts it, under a font root
    std::string_view covers;                   // what it is there for, for messages and docs
};

// Noto Sans CJK SC (Latin, CJK and Ext A: the primary font), Symbola (emoji and symbols as
// monochrome outlines: the atlas is an alpha texture, colour emoji fonts cannot be drawn),
// HanaMinA and HanaMinB (CJK Extensions B–F: rare characters of personal and place names, 生僻字)
// and BabelStone Han (CJK Extensions G and H, e.g. 𰻞 U+30EDE).
std::span<const KioskFontSpec> kioskFontSpecs();

// Folders searched for the font files: $LANTAI_FONT_DIRS (colon-separated) when set, else
// /usr/share/fonts. Each spec's file is looked for in its Debian sub-folders of every root,
// then in the root itself.
std::vector<std::filesystem::path> kioskFontRoots();

// Code points that are never drawn as glyphs: variation selectors (emoji and ideographic
// variation sequences), zero-width joiners and spaces, bidi controls, tags, the BOM, and
// control characters. The kiosk drops them before drawing; the glyph check skips them.
bool isInvisibleCharacter(char32_t cp);

// Private-use code points (U+E000–U+F8FF, planes 15 and 16): their meaning depends on a font
// made for them, so the kiosk never draws them, even where one of its fonts has a glyph there
// (BabelStone Han has some).
bool isPrivateUse(char32_t cp);

struct InstalledKioskFont {
    const KioskFontSpec* spec = nullptr;
    std::filesystem::path regular;
    std::filesystem::path bold; // empty when the font has no bold file (or it is not installed)
    FontFace face;              // of the regular file
};

struct UnavailableKioskFont {
    const KioskFontSpec* spec = nullptr;
    std::string unreadable;   // why the file that is there cannot be read; empty: not installed
    std::string unreadableZh; // the same in Chinese
};

// The kiosk's fonts as installed on this computer. Reading the cmaps takes a few milliseconds
// (no glyph is loaded). Immutable after locate(): any thread may read it.
class KioskFontSet {
  public:
    static KioskFontSet locate(const std::vector<std::filesystem::path>& roots = kioskFontRoots());

    // The installed fonts, in fallback order (unavailable ones left out).
    const std::vector<InstalledKioskFont>& fonts() const { return m_fonts; }
    const std::vector<UnavailableKioskFont>& unavailable() const { return m_unavailable; }
    bool complete() const { return m_unavailable.empty(); }
    // Where the fonts were looked for.
    const std::vector<std::filesystem::path>& roots() const { return m_roots; }

    // Index into fonts() of the first font whose cmap has `cp`, or -1 (also for private use).
    int fontFor(char32_t cp) const;
    // Invisible, or some installed font has it.
    bool canDraw(char32_t cp) const { return isInvisibleCharacter(cp) || fontFor(cp) >= 0; }

  private:
    std::vector<InstalledKioskFont> m_fonts;
    std::vector<UnavailableKioskFont> m_unavailable;
    std::vector<std::filesystem::path> m_roots;
};

} // namespace lantai::core

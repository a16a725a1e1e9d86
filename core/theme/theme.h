// core/theme: visual themes as data (themes/*.json) — colours by role, font sizes, layout, the
// contrast report, loading with diagnostics
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/localized_text.h"
#include "core/theme/color.h"
#include "core/theme/color_roles.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

inline constexpr int kThemeFormatVersion = 1;

// ---- the theme ------------------------------------------------------------------------------

// Font sizes are multiples of the screen's reference unit (referenceUnitPx).
enum class FontRole : std::size_t { Title, Heading, Body, Caption, Button, Count };
inline constexpr std::size_t kFontRoleCount = static_cast<std::size_t>(FontRole::Count);
const char* fontRoleName(FontRole role);

// Lengths in reference units.
struct ThemeLayout {
    float rounding = 0.8f;       // corner radius of cards, buttons, panels
    float spacing = 1.6f;        // gap between neighbouring widgets and cards
    float padding = 2.4f;        // inner padding of cards, panels and dialogs
    float borderWidth = 0.15f;   // card outlines
    float focusRingWidth = 0.4f; // focus ring thickness
    float minTouchTarget = 8.0f; // smallest side of anything a visitor can touch
};

enum class BackgroundPattern { None, Fret }; // Fret: 回纹 band along the top and bottom edges
enum class ImageFit { Cover, Tile };

struct ThemeBackground {
    std::filesystem::path image; // absolute; empty = plain `background` colour
    ImageFit imageFit = ImageFit::Cover;
    BackgroundPattern pattern = BackgroundPattern::None;
    Color patternColor{0, 0, 0, 0}; // usually translucent; decorative only
};

struct Theme {
    int formatVersion = kThemeFormatVersion;
    std::string name; // file stem and id, e.g. "red-archive"
    LocalizedText displayName;
    ContrastTarget contrastTarget = ContrastTarget::AA;
    std::array<Color, kColorRoleCount> colors{};
    std::array<float, kFontRoleCount> fontSizes{}; // reference units
    ThemeLayout layout;
    ThemeBackground background;
    std::filesystem::path logo; // absolute; empty = none
    std::filesystem::path file; // where it was loaded from; empty for the built-in theme

    Color color(ColorRole role) const { return colors[static_cast<std::size_t>(role)]; }
    void setColor(ColorRole role, Color c) { colors[static_cast<std::size_t>(role)] = c; }
    float fontSize(FontRole role) const { return fontSizes[static_cast<std::size_t>(role)]; }
};

// The reference unit in pixels: 1/100 of the window's shorter side (1920×1080 -> 10.8 px).
// Font sizes, rounding and spacing of a theme are multiples of it.
float referenceUnitPx(int widthPx, int heightPx);

// The built-in copy of themes/red-archive.json (a test keeps them equal). The kiosk uses it
// when no theme file can be loaded, so it never needs a theme file to start.
const Theme& defaultTheme();

// `role` as an opaque colour: translucent roles composited down their backdrop chain
// (backdropOf), an AnyImage backdrop taken as black.
Color resolvedColor(const Theme& theme, ColorRole role);

// ---- contrast report ------------------------------------------------------------------------

struct PairContrast {
    ColorPair pair;
    double ratio = 0;    // the worst case where the backdrop is an image
    double required = 0; // from the theme's contrast target and the pair kind
    bool passes() const { return ratio + 1e-9 >= required; }
};

// The contrast of every pair in themeColorPairs() for `theme`.
std::vector<PairContrast> measureThemeContrast(const Theme& theme);
// The lowest-contrast text pair (the figure to quote for a theme).
PairContrast weakestTextPair(const Theme& theme);

// ---- loading --------------------------------------------------------------------------------

// Contract: `theme` is always usable. When diagnostics hold an error it is defaultTheme()
// (with `file` left empty), so the kiosk can draw with it and show the problem; warnings
// (unknown fields, low contrast, a missing logo) keep the loaded theme.
struct ThemeLoadResult {
    Theme theme;
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.hasErrors(); }
};

// Reads a theme file. Diagnostics carry the file as given, the JSON pointer and line:column.
// Codes: theme.not_found, the file errors of core/base/file_io.h for a theme file that is not a
// regular file (file.not_regular: a FIFO, a device, a socket, a folder; file.link_loop) or cannot
// be read (never a blocking open), json.syntax, json.encoding, schema.required / type / value /
// unknown_field, format.version_unsupported, theme.low_contrast (warning, one per failing
// pair), theme.asset_missing (warning: logo or background image file does not exist; the same
// file codes as warnings when it is not a regular file),
// theme.color_missing (warning: a role added after the file was written — colorRoleRequired —
// takes the built-in value).
// Image and logo paths are relative to the theme file's folder.
ThemeLoadResult loadTheme(const std::filesystem::path& file);
ThemeLoadResult loadThemeFromText(std::string_view text, const std::string& fileLabel,
                                  const std::filesystem::path& baseDir);

// Finds a theme. `nameOrPath` is either a theme name (a pack id such as "high-contrast",
// looked up as <dir>/<name>.json in each of `searchDirs`, first hit wins) or a path to a
// .json file (contains '/' or ends in ".json"; relative paths are taken as given). Names that
// are not valid ids (e.g. "../x") are never looked up. nullopt when nothing exists; anything
// that does (a FIFO or a link loop too) is returned, for loadTheme to say what is wrong with it.
std::optional<std::filesystem::path>
findTheme(std::string_view nameOrPath, const std::vector<std::filesystem::path>& searchDirs);

// findTheme + loadTheme; reports theme.not_found (error, listing the folders searched) and
// returns defaultTheme() when there is no such theme.
ThemeLoadResult loadNamedTheme(std::string_view nameOrPath,
                               const std::vector<std::filesystem::path>& searchDirs);

} // namespace lantai::core

// core/theme: visual themes as data (themes/*.json) — colours, font sizes, layout, WCAG contrast
// checks
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/localized_text.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

inline constexpr int kThemeFormatVersion = 1;

// An sRGB colour with straight (not premultiplied) alpha, as written in theme files
// ("#RRGGBB" or "#RRGGBBAA").
struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;

    bool opaque() const { return a == 255; }
    bool operator==(const Color&) const = default;
};

// Parses "#RRGGBB" or "#RRGGBBAA" (hex digits in either case). False on anything else.
bool parseColor(std::string_view text, Color& out);
// "#RRGGBB" when opaque, "#RRGGBBAA" otherwise (upper-case hex).
std::string formatColor(Color color);
// `top` drawn over `bottom` with source-over blending in sRGB space (what the GPU does with
// ImGui's default blend state). The result is opaque when `bottom` is.
Color compositeOver(Color top, Color bottom);

// WCAG 2.x relative luminance (0 = black, 1 = white) of the colour's RGB; alpha is ignored.
double relativeLuminance(Color color);
// WCAG 2.x contrast ratio (1 … 21) of `foreground` drawn on `background`. A translucent
// foreground is first composited over the background. The background is taken as opaque
// (its alpha is ignored): composite a translucent background over what lies beneath it
// first (compositeOver), or use worstContrastOverAnyBackdrop when that is unknown.
double contrastRatio(Color foreground, Color background);
// Lowest contrast of an opaque `foreground` on a translucent `background` laid over ANY
// backdrop (a photo, a video frame). Exact: the composite's luminance spans the interval
// between the background over black and over white; if the foreground's luminance lies inside,
// the answer is 1. The foreground's alpha is ignored.
double worstContrastOverAnyBackdrop(Color foreground, Color background);

// ---- colour roles ---------------------------------------------------------------------------

// Every colour the kiosk draws with; the JSON keys are listed by colorRoleName().
enum class ColorRole : std::size_t {
    Background,            // screen background
    TitleOnBackground,     // titles and headings drawn on the screen background (gold)
    TextOnBackground,      // body text on the screen background
    TextOnBackgroundMuted, // subtitles, counts, organiser line on the screen background
    Surface,               // cards and panels (sits on background)
    SurfaceAlt,            // caption panel, quiz option cards (sits on background)
    Text,                  // text on surface and surface_alt
    TextMuted,             // secondary text (dates, reference numbers) on surface / surface_alt
    Border,                // card outlines and dividers (decorative, not contrast-checked)
    Accent,                // primary button fill (sits on background)
    AccentPressed,         // primary button while pressed
    TextOnAccent,          // label of primary buttons
    Secondary,             // secondary button fill (sits on background)
    SecondaryPressed,      // secondary button while pressed
    TextOnSecondary,       // label of secondary buttons
    Badge,                 // badge fill (镇馆之宝 …), sits on cards and on thumbnails
    TextOnBadge,           // badge label
    Danger,                // wrong quiz answer, out-of-service banner (sits on surface)
    TextOnDanger,
    Success, // correct quiz answer (sits on surface)
    TextOnSuccess,
    Focus,          // focus ring drawn on the screen background
    FocusOnSurface, // focus ring drawn on surface
    TimerBar,       // idle countdown / progress bar
    TimerTrack,     // the bar's track (sits on surface)
    Overlay,        // dimming layer over images and screens (usually translucent)
    TextOnOverlay,  // captions and the countdown drawn on the overlay
    Count
};
inline constexpr std::size_t kColorRoleCount = static_cast<std::size_t>(ColorRole::Count);

// JSON key of a role in "colors", e.g. ColorRole::TextOnAccent -> "text_on_accent".
const char* colorRoleName(ColorRole role);
std::optional<ColorRole> parseColorRole(std::string_view name);

// What a background role is drawn on, for compositing translucent colours: another role, the
// opaque black of the cleared screen, or an unknown image (worst case over any backdrop).
enum class BackdropKind { Role, ScreenBlack, AnyImage };
struct Backdrop {
    BackdropKind kind = BackdropKind::ScreenBlack;
    ColorRole role = ColorRole::Background; // when kind == Role
};
Backdrop backdropOf(ColorRole role);

// ---- the pairs the kiosk draws ----------------------------------------------------------------

// Text pairs need 4.5:1 (WCAG AA 1.4.3) or 7:1 (AAA 1.4.6); graphic pairs (focus rings, bars)
// need 3:1 (WCAG 1.4.11) at either level.
enum class PairKind { Text, Graphic };
enum class ContrastTarget { AA, AAA };

struct ColorPair {
    ColorRole foreground;
    ColorRole background;
    PairKind kind;
    const char* purpose; // where the kiosk draws it, English, for messages and docs
};

// EVERY foreground/background combination the kiosk draws. Kiosk code must only draw a
// foreground role on a background role listed here (themes/README.md shows the same table).
const std::vector<ColorPair>& themeColorPairs();

double requiredContrast(ContrastTarget target, PairKind kind);

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
// Codes: theme.not_found, json.syntax, json.encoding, schema.required / type / value /
// unknown_field, format.version_unsupported, theme.low_contrast (warning, one per failing
// pair), theme.asset_missing (warning: logo or background image file does not exist).
// Image and logo paths are relative to the theme file's folder.
ThemeLoadResult loadTheme(const std::filesystem::path& file);
ThemeLoadResult loadThemeFromText(std::string_view text, const std::string& fileLabel,
                                  const std::filesystem::path& baseDir);

// Finds a theme. `nameOrPath` is either a theme name (a pack id such as "high-contrast",
// looked up as <dir>/<name>.json in each of `searchDirs`, first hit wins) or a path to a
// .json file (contains '/' or ends in ".json"; relative paths are taken as given). Names that
// are not valid ids (e.g. "../x") are never looked up. nullopt when nothing exists.
std::optional<std::filesystem::path>
findTheme(std::string_view nameOrPath, const std::vector<std::filesystem::path>& searchDirs);

// findTheme + loadTheme; reports theme.not_found (error, listing the folders searched) and
// returns defaultTheme() when there is no such theme.
ThemeLoadResult loadNamedTheme(std::string_view nameOrPath,
                               const std::vector<std::filesystem::path>& searchDirs);

} // namespace lantai::core

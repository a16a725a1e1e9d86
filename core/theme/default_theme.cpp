// core/theme: the built-in red-archive theme (a copy of themes/red-archive.json, kept equal by a
// test), used when no theme file can be loaded
#include "core/theme/theme.h"

namespace lantai::core {

namespace {

Theme makeDefaultTheme() {
    Theme t;
    t.name = "red-archive";
    t.displayName = {"红色档案", "Red archive"};
    t.contrastTarget = ContrastTarget::AA;
    const auto set = [&](ColorRole role, const char* hex) {
        Color c;
        parseColor(hex, c);
        t.setColor(role, c);
    };
    set(ColorRole::Background, "#8E1A14");
    set(ColorRole::TitleOnBackground, "#F6D77A");
    set(ColorRole::TextOnBackground, "#FFF3D6");
    set(ColorRole::TextOnBackgroundMuted, "#EBCB94");
    set(ColorRole::Surface, "#F5ECD7");
    set(ColorRole::SurfaceAlt, "#EADBBE");
    set(ColorRole::Text, "#2B1B12");
    set(ColorRole::TextMuted, "#5C4632");
    set(ColorRole::Border, "#C9A24A");
    set(ColorRole::Accent, "#D9A521");
    set(ColorRole::AccentPressed, "#C2912A");
    set(ColorRole::TextOnAccent, "#4A0A06");
    set(ColorRole::Secondary, "#5E0B0B");
    set(ColorRole::SecondaryPressed, "#7A1010");
    set(ColorRole::TextOnSecondary, "#F8E6B8");
    set(ColorRole::Badge, "#A61B1B");
    set(ColorRole::TextOnBadge, "#FFF5E1");
    set(ColorRole::Danger, "#9B111E");
    set(ColorRole::TextOnDanger, "#FFFFFF");
    set(ColorRole::Success, "#2E6B30");
    set(ColorRole::TextOnSuccess, "#FFFFFF");
    set(ColorRole::Focus, "#FFD75E");
    set(ColorRole::FocusOnSurface, "#8E1A14");
    set(ColorRole::TimerBar, "#8E1A14");
    set(ColorRole::TimerTrack, "#D8C7A3");
    set(ColorRole::Overlay, "#1A0505CC");
    set(ColorRole::TextOnOverlay, "#FFF3D6");
    set(ColorRole::Answer1, "#B22222");
    set(ColorRole::Answer2, "#1565C0");
    set(ColorRole::Answer3, "#856404");
    set(ColorRole::Answer4, "#2E7D32");
    set(ColorRole::Answer5, "#6A1B9A");
    set(ColorRole::Answer6, "#00695C");
    set(ColorRole::Answer7, "#5D4037");
    set(ColorRole::Answer8, "#37474F");
    set(ColorRole::TextOnAnswer, "#FFFFFF");
    set(ColorRole::AnswerMark, "#FFFFFFE6");
    set(ColorRole::AnswerPressed, "#0000003C");
    set(ColorRole::Team1, "#D7263D");
    set(ColorRole::Team2, "#1B6CA8");
    set(ColorRole::Team3, "#2E9E4F");
    set(ColorRole::Team4, "#E8A900");
    set(ColorRole::Team5, "#7B4FA0");
    set(ColorRole::Team6, "#F07A1A");
    set(ColorRole::TextOnTeam1, "#FFFFFF");
    set(ColorRole::TextOnTeam2, "#FFFFFF");
    set(ColorRole::TextOnTeam3, "#141414");
    set(ColorRole::TextOnTeam4, "#141414");
    set(ColorRole::TextOnTeam5, "#FFFFFF");
    set(ColorRole::TextOnTeam6, "#141414");
    set(ColorRole::MediaBackdrop, "#000000");
    set(ColorRole::MediaScrim, "#00000096");
    set(ColorRole::MediaSymbol, "#FFFFFFF0");
    set(ColorRole::TextOnMedia, "#E6E6E6");
    set(ColorRole::ViewerBackdrop, "#18100C");
    t.fontSizes = {6.0f, 4.2f, 2.8f, 2.3f, 3.0f};
    t.layout = ThemeLayout{0.8f, 1.6f, 2.4f, 0.15f, 0.4f, 8.0f};
    t.background.pattern = BackgroundPattern::Fret;
    parseColor("#F6D77A33", t.background.patternColor);
    return t;
}

} // namespace

const Theme& defaultTheme() {
    static const Theme theme = makeDefaultTheme();
    return theme;
}

} // namespace lantai::core

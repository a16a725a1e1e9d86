// core/theme: the colour roles the kiosk draws with, what each sits on, and the foreground /
// background pairs the contrast check measures
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace lantai::core {

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
    Danger, // status "wrong": the quiz verdict on the feedback panel, the video problem card
    TextOnDanger,
    Success, // status "correct": the quiz verdict on the feedback panel, the correct answer's ring
    TextOnSuccess,
    Focus,          // focus ring drawn on the screen background
    FocusOnSurface, // focus ring drawn on surface
    TimerBar,       // idle countdown / progress bar
    TimerTrack,     // the bar's track (sits on surface)
    Overlay,        // dimming layer over images and screens (usually translucent)
    TextOnOverlay,  // captions and the countdown drawn on the overlay
    // Quiz answers A–H: each also has its own shape and letter, so colour is never the only cue.
    Answer1, // answer A fill (sits on background)
    Answer2,
    Answer3,
    Answer4,
    Answer5,
    Answer6,
    Answer7,
    Answer8,
    TextOnAnswer,  // answer labels, the true/false marks and the check mark on every answer fill
    AnswerMark,    // the shape behind an answer's letter; the letter is drawn in the answer colour
    AnswerPressed, // shade laid over an answer while a finger is on it (usually translucent)
    // Class-contest teams: team N is the N-th team preset (红队 Red team, 蓝队 Blue team, …), so
    // every theme keeps the hue the team is named after.
    Team1, // banner, scoreboard chip, setup chip and podium row of team 1 (sit on background)
    Team2,
    Team3,
    Team4,
    Team5,
    Team6,
    TextOnTeam1,
    TextOnTeam2,
    TextOnTeam3,
    TextOnTeam4,
    TextOnTeam5,
    TextOnTeam6,
    // Video and images.
    MediaBackdrop,  // behind video frames and posters, letterbox bars, the video tile's art
    MediaScrim,     // disc behind the play symbol over video and posters (usually translucent)
    MediaSymbol,    // the play symbol on that disc
    TextOnMedia,    // "loading" on the video area before the first frame
    ViewerBackdrop, // behind the deep-zoom image (decorative, not contrast-checked)
    Count
};
inline constexpr std::size_t kColorRoleCount = static_cast<std::size_t>(ColorRole::Count);

// JSON key of a role in "colors", e.g. ColorRole::TextOnAccent -> "text_on_accent".
const char* colorRoleName(ColorRole role);
std::optional<ColorRole> parseColorRole(std::string_view name);

// False for the roles added after format_version 1 was first published (answers, teams, media,
// viewer backdrop): a theme file written before them still loads, taking the built-in
// red-archive value with a theme.color_missing warning.
bool colorRoleRequired(ColorRole role);

// Quiz answers A–H (a question has 2–8 options) and class-contest teams (2–6).
inline constexpr int kAnswerColorCount = 8;
inline constexpr int kTeamColorCount = 6;
// The fill of answer `index` (0 = A … 7 = H; wraps after H).
ColorRole answerColorRole(int index);
// The fill of team `team` (0-based, in turn order) and the text drawn on it (wraps after 6).
ColorRole teamColorRole(int team);
ColorRole textOnTeamRole(int team);

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
    // What `background` is laid over here when that is not its usual backdrop (backdropOf): an
    // answer's mark and press shade are measured over each answer colour in turn.
    std::optional<ColorRole> over = std::nullopt;
};

// EVERY foreground/background combination the kiosk draws. Kiosk code must only draw a
// foreground role on a background role listed here (themes/README.md shows the same table).
const std::vector<ColorPair>& themeColorPairs();

double requiredContrast(ContrastTarget target, PairKind kind);

} // namespace lantai::core

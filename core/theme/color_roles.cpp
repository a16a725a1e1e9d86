// core/theme: colour role names, backdrops and the list of contrast-checked pairs
#include "core/theme/color_roles.h"

#include <array>

namespace lantai::core {

namespace {

constexpr std::array<const char*, kColorRoleCount> kColorRoleNames = {
    "background",
    "title_on_background",
    "text_on_background",
    "text_on_background_muted",
    "surface",
    "surface_alt",
    "text",
    "text_muted",
    "border",
    "accent",
    "accent_pressed",
    "text_on_accent",
    "secondary",
    "secondary_pressed",
    "text_on_secondary",
    "badge",
    "text_on_badge",
    "danger",
    "text_on_danger",
    "success",
    "text_on_success",
    "focus",
    "focus_on_surface",
    "timer_bar",
    "timer_track",
    "overlay",
    "text_on_overlay",
    "answer_1",
    "answer_2",
    "answer_3",
    "answer_4",
    "answer_5",
    "answer_6",
    "answer_7",
    "answer_8",
    "text_on_answer",
    "answer_mark",
    "answer_pressed",
    "team_1",
    "team_2",
    "team_3",
    "team_4",
    "team_5",
    "team_6",
    "text_on_team_1",
    "text_on_team_2",
    "text_on_team_3",
    "text_on_team_4",
    "text_on_team_5",
    "text_on_team_6",
    "media_backdrop",
    "media_scrim",
    "media_symbol",
    "text_on_media",
    "viewer_backdrop",
};
static_assert(kColorRoleNames[kColorRoleCount - 1] != nullptr, "a colour role has no name");

ColorRole offset(ColorRole first, int index, int count) {
    const int wrapped = ((index % count) + count) % count;
    return static_cast<ColorRole>(static_cast<std::size_t>(first) +
                                  static_cast<std::size_t>(wrapped));
}

// Purposes of the per-answer and per-team pairs (ColorPair::purpose is a plain C string).
constexpr std::array<const char*, kAnswerColorCount> kAnswerLabelPurpose = {
    "label of answer A", "label of answer B", "label of answer C", "label of answer D",
    "label of answer E", "label of answer F", "label of answer G", "label of answer H"};
constexpr std::array<const char*, kAnswerColorCount> kAnswerLetterPurpose = {
    "letter A on its shape", "letter B on its shape", "letter C on its shape",
    "letter D on its shape", "letter E on its shape", "letter F on its shape",
    "letter G on its shape", "letter H on its shape"};
constexpr std::array<const char*, kAnswerColorCount> kAnswerPressedPurpose = {
    "label of answer A while pressed", "label of answer B while pressed",
    "label of answer C while pressed", "label of answer D while pressed",
    "label of answer E while pressed", "label of answer F while pressed",
    "label of answer G while pressed", "label of answer H while pressed"};
constexpr std::array<const char*, kTeamColorCount> kTeamPurpose = {
    "team 1 (red) banner, chips and podium row",    "team 2 (blue) banner, chips and podium row",
    "team 3 (green) banner, chips and podium row",  "team 4 (yellow) banner, chips and podium row",
    "team 5 (purple) banner, chips and podium row", "team 6 (orange) banner, chips and podium row"};

std::vector<ColorPair> makePairs() {
    using R = ColorRole;
    std::vector<ColorPair> pairs = {
        {R::TitleOnBackground, R::Background, PairKind::Text,
         "titles and headings on the screen background"},
        {R::TextOnBackground, R::Background, PairKind::Text,
         "body text and the attract prompt on the background"},
        {R::TextOnBackgroundMuted, R::Background, PairKind::Text,
         "subtitles, counts and the organiser line"},
        {R::Text, R::Surface, PairKind::Text, "text on cards, panels and dialogs"},
        {R::TextMuted, R::Surface, PairKind::Text, "dates, reference numbers and labels on cards"},
        {R::Text, R::SurfaceAlt, PairKind::Text, "text on the caption panel and quiz options"},
        {R::TextMuted, R::SurfaceAlt, PairKind::Text, "labels on the caption panel"},
        {R::TextOnAccent, R::Accent, PairKind::Text, "primary button label"},
        {R::TextOnAccent, R::AccentPressed, PairKind::Text, "primary button label while pressed"},
        {R::TextOnSecondary, R::Secondary, PairKind::Text, "secondary button label"},
        {R::TextOnSecondary, R::SecondaryPressed, PairKind::Text,
         "secondary button label while pressed"},
        {R::TextOnBadge, R::Badge, PairKind::Text, "badge label (on cards and over thumbnails)"},
        {R::TextOnDanger, R::Danger, PairKind::Text, "text on a danger fill"},
        {R::TextOnSuccess, R::Success, PairKind::Text, "text on a success fill"},
        {R::TextOnOverlay, R::Overlay, PairKind::Text,
         "captions and the countdown over images and video"},
        {R::Focus, R::Background, PairKind::Graphic, "focus ring on the screen background"},
        {R::FocusOnSurface, R::Surface, PairKind::Graphic, "focus ring on cards and dialogs"},
        {R::TimerBar, R::TimerTrack, PairKind::Graphic, "idle countdown bar on its track"},
        {R::Success, R::Surface, PairKind::Text,
         "verdict of a correct answer on the feedback panel"},
        {R::Danger, R::Surface, PairKind::Text,
         "verdict of a wrong, partly right or timed-out answer on the feedback panel"},
    };
    for (int i = 0; i < kAnswerColorCount; ++i) {
        const ColorRole answer = answerColorRole(i);
        const auto n = static_cast<std::size_t>(i);
        pairs.push_back({R::TextOnAnswer, answer, PairKind::Text, kAnswerLabelPurpose[n]});
        pairs.push_back({answer, R::AnswerMark, PairKind::Text, kAnswerLetterPurpose[n], answer});
        pairs.push_back(
            {R::TextOnAnswer, R::AnswerPressed, PairKind::Text, kAnswerPressedPurpose[n], answer});
    }
    for (int t = 0; t < kTeamColorCount; ++t)
        pairs.push_back({textOnTeamRole(t), teamColorRole(t), PairKind::Text,
                         kTeamPurpose[static_cast<std::size_t>(t)]});
    pairs.push_back({R::TextOnMedia, R::MediaBackdrop, PairKind::Text,
                     "\"loading\" on the video area before the first frame"});
    pairs.push_back({R::MediaSymbol, R::MediaScrim, PairKind::Graphic,
                     "play symbol on its disc over video and posters"});
    return pairs;
}

} // namespace

const char* colorRoleName(ColorRole role) {
    const auto i = static_cast<std::size_t>(role);
    return i < kColorRoleCount ? kColorRoleNames[i] : "?";
}

std::optional<ColorRole> parseColorRole(std::string_view name) {
    for (std::size_t i = 0; i < kColorRoleCount; ++i)
        if (name == kColorRoleNames[i]) return static_cast<ColorRole>(i);
    return std::nullopt;
}

bool colorRoleRequired(ColorRole role) {
    return static_cast<std::size_t>(role) < static_cast<std::size_t>(ColorRole::Answer1);
}

ColorRole answerColorRole(int index) {
    return offset(ColorRole::Answer1, index, kAnswerColorCount);
}

ColorRole teamColorRole(int team) {
    return offset(ColorRole::Team1, team, kTeamColorCount);
}

ColorRole textOnTeamRole(int team) {
    return offset(ColorRole::TextOnTeam1, team, kTeamColorCount);
}

Backdrop backdropOf(ColorRole role) {
    switch (role) {
    case ColorRole::Background:
        return {BackdropKind::ScreenBlack, ColorRole::Background};
    case ColorRole::Badge:
    case ColorRole::Overlay:
    case ColorRole::MediaScrim:
        return {BackdropKind::AnyImage, ColorRole::Background};
    case ColorRole::Danger:
    case ColorRole::Success:
    case ColorRole::TimerTrack:
        return {BackdropKind::Role, ColorRole::Surface};
    case ColorRole::AnswerMark:
    case ColorRole::AnswerPressed:
        // Drawn over every answer colour; the pairs name which (ColorPair::over).
        return {BackdropKind::Role, ColorRole::Answer1};
    default:
        return {BackdropKind::Role, ColorRole::Background};
    }
}

const std::vector<ColorPair>& themeColorPairs() {
    static const std::vector<ColorPair> pairs = makePairs();
    return pairs;
}

double requiredContrast(ContrastTarget target, PairKind kind) {
    if (kind == PairKind::Graphic) return 3.0;
    return target == ContrastTarget::AAA ? 7.0 : 4.5;
}

} // namespace lantai::core

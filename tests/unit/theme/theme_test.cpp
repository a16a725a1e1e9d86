// tests: themes (over 500 lines: every shipped theme against every contrast pair) — colour parsing,
// WCAG contrast maths, every shipped theme's pairs, theme diagnostics
#include "core/quiz/engine.h"
#include "core/theme/theme.h"
#include "tests/unit/support/special_files.h"
#include "tests/unit/support/temp_dir.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

const fs::path kThemesDir = fs::path(LANTAI_SOURCE_DIR) / "themes";

Color hex(const char* text) {
    Color c;
    EXPECT_TRUE(parseColor(text, c)) << text;
    return c;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> shippedThemes() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(kThemesDir))
        if (entry.path().extension() == ".json") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The project's accessibility policy: every text pair at least 4.5:1, 7:1 in the
// high-contrast theme (and in any theme that declares AAA); graphics at least 3:1.
// Returns one line per violation.
std::vector<std::string> policyViolations(const Theme& theme) {
    std::vector<std::string> out;
    const bool aaa = theme.contrastTarget == ContrastTarget::AAA || theme.name == "high-contrast";
    if (theme.name == "high-contrast" && theme.contrastTarget != ContrastTarget::AAA)
        out.push_back("high-contrast must declare \"contrast_target\": \"AAA\"");
    for (const auto& c : measureThemeContrast(theme)) {
        const double min = c.pair.kind == PairKind::Graphic ? 3.0 : aaa ? 7.0 : 4.5;
        if (c.ratio + 1e-9 < min || !c.passes()) {
            char line[256];
            std::snprintf(line, sizeof line, "%s on %s (%s): %.2f:1 < %.1f:1",
                          colorRoleName(c.pair.foreground), colorRoleName(c.pair.background),
                          c.pair.purpose, c.ratio, std::max(min, c.required));
            out.emplace_back(line);
        }
    }
    return out;
}

// red-archive.json with one colour replaced.
std::string redArchiveWith(const std::string& role, const std::string& value) {
    std::string text = readText(kThemesDir / "red-archive.json");
    const std::string key = "\"" + role + "\": \"";
    const auto pos = text.find(key);
    EXPECT_NE(pos, std::string::npos) << role;
    const auto end = text.find('"', pos + key.size());
    text.replace(pos + key.size(), end - pos - key.size(), value);
    return text;
}

ThemeLoadResult loadText(const std::string& text, const std::string& label = "red-archive.json") {
    return loadThemeFromText(text, label, kThemesDir);
}

const Diagnostic* findCode(const Diagnostics& d, const std::string& code) {
    for (const auto& item : d.items())
        if (item.code == code) return &item;
    return nullptr;
}

} // namespace

// ---- colour parsing -------------------------------------------------------------------------

TEST(ThemeColor, ParsesHexForms) {
    struct Case {
        const char* text;
        Color expected;
    };
    const Case cases[] = {
        {"#000000", {0, 0, 0, 255}},          {"#FFFFFF", {255, 255, 255, 255}},
        {"#8e1a14", {0x8E, 0x1A, 0x14, 255}}, {"#1A0505CC", {0x1A, 0x05, 0x05, 0xCC}},
        {"#00000000", {0, 0, 0, 0}},
    };
    for (const auto& c : cases) {
        Color out;
        ASSERT_TRUE(parseColor(c.text, out)) << c.text;
        EXPECT_EQ(out, c.expected) << c.text;
    }
}

TEST(ThemeColor, RejectsMalformed) {
    for (const char* bad : {"", "#", "#12345", "123456", "#1234567", "#GG0000", "#12345678 ",
                            " #123456", "#12 456", "red", "#123"}) {
        Color out;
        EXPECT_FALSE(parseColor(bad, out)) << "\"" << bad << "\"";
    }
}

TEST(ThemeColor, FormatRoundTrips) {
    EXPECT_EQ(formatColor(hex("#8e1a14")), "#8E1A14");
    EXPECT_EQ(formatColor(hex("#1A0505CC")), "#1A0505CC");
}

TEST(ThemeColor, CompositeOver) {
    EXPECT_EQ(compositeOver(hex("#FFFFFF80"), hex("#000000")), hex("#808080"));
    EXPECT_EQ(compositeOver(hex("#123456"), hex("#FFFFFF")), hex("#123456"));
    EXPECT_EQ(compositeOver(hex("#12345600"), hex("#ABCDEF")), hex("#ABCDEF"));
}

// ---- WCAG maths -----------------------------------------------------------------------------

TEST(ThemeContrast, KnownValues) {
    EXPECT_DOUBLE_EQ(relativeLuminance(hex("#000000")), 0.0);
    EXPECT_NEAR(relativeLuminance(hex("#FFFFFF")), 1.0, 1e-12);
    EXPECT_NEAR(contrastRatio(hex("#000000"), hex("#FFFFFF")), 21.0, 1e-9);
    EXPECT_NEAR(contrastRatio(hex("#FFFFFF"), hex("#000000")), 21.0, 1e-9); // symmetric
    EXPECT_NEAR(contrastRatio(hex("#777777"), hex("#FFFFFF")), 4.48, 0.005);
    EXPECT_LT(contrastRatio(hex("#777777"), hex("#FFFFFF")), 4.5); // the classic near miss
    EXPECT_NEAR(contrastRatio(hex("#767676"), hex("#FFFFFF")), 4.54, 0.005);
    EXPECT_NEAR(contrastRatio(hex("#123456"), hex("#123456")), 1.0, 1e-12);
    EXPECT_NEAR(contrastRatio(hex("#FF0000"), hex("#FFFFFF")), 4.0, 0.005);
}

TEST(ThemeContrast, TranslucentForegroundIsCompositedOverItsBackground) {
    // 50 % white on black is #808080.
    EXPECT_NEAR(contrastRatio(hex("#FFFFFF80"), hex("#000000")),
                contrastRatio(hex("#808080"), hex("#000000")), 1e-9);
    // A fully transparent text colour has no contrast at all.
    EXPECT_NEAR(contrastRatio(hex("#FFFFFF00"), hex("#000000")), 1.0, 1e-9);
}

TEST(ThemeContrast, WorstCaseOverAnyBackdrop) {
    // Opaque background: the backdrop does not matter.
    EXPECT_NEAR(worstContrastOverAnyBackdrop(hex("#FFFFFF"), hex("#000000")), 21.0, 1e-9);
    // 80 % black over white is #333333 at its lightest.
    EXPECT_NEAR(worstContrastOverAnyBackdrop(hex("#FFFFFF"), hex("#000000CC")),
                contrastRatio(hex("#FFFFFF"), hex("#333333")), 1e-9);
    // Grey text on a clear panel over a photo: some photo pixel matches it exactly.
    EXPECT_NEAR(worstContrastOverAnyBackdrop(hex("#808080"), hex("#00000000")), 1.0, 1e-9);
    EXPECT_NEAR(worstContrastOverAnyBackdrop(hex("#606060"), hex("#00000080")), 1.0, 1e-9);
}

TEST(ThemeContrast, ReferenceUnit) {
    EXPECT_FLOAT_EQ(referenceUnitPx(1920, 1080), 10.8f);
    EXPECT_FLOAT_EQ(referenceUnitPx(1080, 1920), 10.8f);
    EXPECT_FLOAT_EQ(referenceUnitPx(3840, 2160), 21.6f);
}

// ---- the pair list --------------------------------------------------------------------------

TEST(ThemePairs, EveryColourExceptBorderIsChecked) {
    std::set<ColorRole> used;
    for (const auto& p : themeColorPairs()) {
        used.insert(p.foreground);
        used.insert(p.background);
        EXPECT_NE(std::string(p.purpose), "");
    }
    for (std::size_t i = 0; i < kColorRoleCount; ++i) {
        const auto role = static_cast<ColorRole>(i);
        // Decorative: an outline, and the backdrop behind the deep-zoom image (nothing is read on
        // either but the image itself).
        if (role == ColorRole::Border || role == ColorRole::ViewerBackdrop) continue;
        EXPECT_TRUE(used.count(role))
            << colorRoleName(role) << " is drawn but never contrast-checked";
    }
}

TEST(ThemePairs, RoleNamesRoundTrip) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < kColorRoleCount; ++i) {
        const auto role = static_cast<ColorRole>(i);
        const std::string name = colorRoleName(role);
        EXPECT_TRUE(names.insert(name).second) << name;
        EXPECT_EQ(parseColorRole(name), role);
    }
    EXPECT_FALSE(parseColorRole("txt"));
}

TEST(ThemePairs, AnswerAndTeamRolesByIndex) {
    EXPECT_EQ(answerColorRole(0), ColorRole::Answer1);
    EXPECT_EQ(answerColorRole(7), ColorRole::Answer8);
    EXPECT_EQ(answerColorRole(8), ColorRole::Answer1); // wraps after H
    EXPECT_EQ(teamColorRole(0), ColorRole::Team1);
    EXPECT_EQ(teamColorRole(5), ColorRole::Team6);
    EXPECT_EQ(textOnTeamRole(2), ColorRole::TextOnTeam3);
    EXPECT_EQ(std::string(colorRoleName(answerColorRole(3))), "answer_4");
    EXPECT_EQ(std::string(colorRoleName(textOnTeamRole(5))), "text_on_team_6");
    EXPECT_EQ(kTeamColorCount, kMaxTeams); // a class contest never has a team without a colour
}

TEST(ThemePairs, EveryAnswerAndTeamColourIsChecked) {
    // Each answer: its label on it, its letter on the mark laid over it, its label while pressed.
    for (int i = 0; i < kAnswerColorCount; ++i) {
        const ColorRole answer = answerColorRole(i);
        int label = 0, letter = 0, pressed = 0;
        for (const auto& p : themeColorPairs()) {
            label += p.foreground == ColorRole::TextOnAnswer && p.background == answer;
            letter += p.foreground == answer && p.background == ColorRole::AnswerMark &&
                      p.over == answer && p.kind == PairKind::Text;
            pressed += p.foreground == ColorRole::TextOnAnswer &&
                       p.background == ColorRole::AnswerPressed && p.over == answer;
        }
        EXPECT_EQ(label + letter + pressed, 3) << colorRoleName(answer);
    }
    for (int t = 0; t < kTeamColorCount; ++t) {
        const auto& pairs = themeColorPairs();
        EXPECT_TRUE(std::any_of(pairs.begin(), pairs.end(), [&](const ColorPair& p) {
            return p.foreground == textOnTeamRole(t) && p.background == teamColorRole(t) &&
                   p.kind == PairKind::Text;
        })) << t;
    }
}

TEST(ThemePairs, MarkIsMeasuredOverEachAnswer) {
    // The letter of answer D on a white mark at 90 % laid over answer D itself.
    const Theme& t = defaultTheme();
    const Color mark = compositeOver(t.color(ColorRole::AnswerMark), t.color(ColorRole::Answer4));
    bool found = false;
    for (const auto& c : measureThemeContrast(t))
        if (c.pair.foreground == ColorRole::Answer4 && c.pair.background == ColorRole::AnswerMark) {
            EXPECT_NEAR(c.ratio, contrastRatio(t.color(ColorRole::Answer4), mark), 1e-9);
            found = true;
        }
    EXPECT_TRUE(found);
    // A mark that suits answer A but not answer B is caught on B.
    Theme bad = defaultTheme();
    bad.setColor(ColorRole::Answer2, hex("#D0D0D0"));
    bad.setColor(ColorRole::TextOnAnswer, hex("#000000"));
    bool caught = false;
    for (const auto& c : measureThemeContrast(bad))
        if (c.pair.foreground == ColorRole::Answer2 && c.pair.background == ColorRole::AnswerMark)
            caught = !c.passes();
    EXPECT_TRUE(caught);
}

// ---- shipped themes -------------------------------------------------------------------------

TEST(ShippedThemes, BothDefaultThemesExist) {
    EXPECT_TRUE(fs::exists(kThemesDir / "red-archive.json"));
    EXPECT_TRUE(fs::exists(kThemesDir / "high-contrast.json"));
    EXPECT_GE(shippedThemes().size(), 2u);
}

TEST(ShippedThemes, LoadCleanlyAndMeetContrastPolicy) {
    for (const auto& file : shippedThemes()) {
        SCOPED_TRACE(file.filename().string());
        const auto result = loadTheme(file);
        for (const auto& d : result.diagnostics.items())
            ADD_FAILURE() << formatDiagnostic(d, false);
        ASSERT_TRUE(result.ok());
        const Theme& theme = result.theme;
        EXPECT_EQ(theme.name, file.stem().string());
        EXPECT_FALSE(theme.displayName.zh.empty());
        EXPECT_FALSE(theme.displayName.en.empty());
        for (const auto& violation : policyViolations(theme))
            ADD_FAILURE() << violation;

        // Print the measured ratios (ctest --output-on-failure / -V shows them).
        const auto weakest = weakestTextPair(theme);
        std::printf("[theme %s] weakest text pair: %s on %s %.2f:1\n", theme.name.c_str(),
                    colorRoleName(weakest.pair.foreground), colorRoleName(weakest.pair.background),
                    weakest.ratio);
        for (const auto& c : measureThemeContrast(theme))
            std::printf("    %-26s on %-18s %-17s %6.2f:1 (needs %.1f)\n",
                        colorRoleName(c.pair.foreground), colorRoleName(c.pair.background),
                        c.pair.over ? (std::string("over ") + colorRoleName(*c.pair.over)).c_str()
                                    : "",
                        c.ratio, c.required);
    }
}

TEST(ShippedThemes, HighContrastIsAAA) {
    const auto result = loadTheme(kThemesDir / "high-contrast.json");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.theme.contrastTarget, ContrastTarget::AAA);
    for (const auto& c : measureThemeContrast(result.theme))
        if (c.pair.kind == PairKind::Text) {
            EXPECT_GE(c.ratio, 7.0) << colorRoleName(c.pair.foreground);
        }
    // At least as large as the default theme's text.
    for (std::size_t i = 0; i < kFontRoleCount; ++i)
        EXPECT_GE(result.theme.fontSizes[i], defaultTheme().fontSizes[i])
            << fontRoleName(static_cast<FontRole>(i));
}

TEST(ShippedThemes, BuiltInDefaultEqualsRedArchiveFile) {
    const auto result = loadTheme(kThemesDir / "red-archive.json");
    ASSERT_TRUE(result.ok());
    const Theme& file = result.theme;
    const Theme& builtIn = defaultTheme();
    EXPECT_EQ(builtIn.name, file.name);
    EXPECT_EQ(builtIn.displayName.zh, file.displayName.zh);
    EXPECT_EQ(builtIn.displayName.en, file.displayName.en);
    EXPECT_EQ(builtIn.contrastTarget, file.contrastTarget);
    for (std::size_t i = 0; i < kColorRoleCount; ++i)
        EXPECT_EQ(formatColor(builtIn.colors[i]), formatColor(file.colors[i]))
            << colorRoleName(static_cast<ColorRole>(i));
    EXPECT_EQ(builtIn.fontSizes, file.fontSizes);
    EXPECT_FLOAT_EQ(builtIn.layout.rounding, file.layout.rounding);
    EXPECT_FLOAT_EQ(builtIn.layout.spacing, file.layout.spacing);
    EXPECT_FLOAT_EQ(builtIn.layout.padding, file.layout.padding);
    EXPECT_FLOAT_EQ(builtIn.layout.borderWidth, file.layout.borderWidth);
    EXPECT_FLOAT_EQ(builtIn.layout.focusRingWidth, file.layout.focusRingWidth);
    EXPECT_FLOAT_EQ(builtIn.layout.minTouchTarget, file.layout.minTouchTarget);
    EXPECT_EQ(builtIn.background.pattern, file.background.pattern);
    EXPECT_EQ(builtIn.background.patternColor, file.background.patternColor);
    EXPECT_TRUE(policyViolations(builtIn).empty());
}

TEST(ShippedThemes, RedArchiveKeepsTheKioskColours) {
    // The answer and team colours the quiz screens drew before they were theme roles; the team
    // fills are the presets' own colours (stored with each class-contest result).
    const Theme& t = defaultTheme();
    const char* answers[] = {"#B22222", "#1565C0", "#856404", "#2E7D32",
                             "#6A1B9A", "#00695C", "#5D4037", "#37474F"};
    for (int i = 0; i < kAnswerColorCount; ++i)
        EXPECT_EQ(formatColor(t.color(answerColorRole(i))), answers[i]) << i;
    EXPECT_EQ(formatColor(t.color(ColorRole::TextOnAnswer)), "#FFFFFF");
    EXPECT_EQ(formatColor(t.color(ColorRole::AnswerMark)), "#FFFFFFE6");
    EXPECT_EQ(formatColor(t.color(ColorRole::AnswerPressed)), "#0000003C");
    for (int team = 0; team < kTeamColorCount; ++team) {
        const std::uint32_t rgb = teamPresets()[static_cast<std::size_t>(team)].colour;
        const Color fill{static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8),
                         static_cast<std::uint8_t>(rgb), 255};
        EXPECT_EQ(t.color(teamColorRole(team)), fill) << team;
        // White, or near-black where white would fall under 4.5:1.
        const Color text =
            contrastRatio(hex("#FFFFFF"), fill) >= 4.5 ? hex("#FFFFFF") : hex("#141414");
        EXPECT_EQ(t.color(textOnTeamRole(team)), text) << team;
    }
}

// ---- a bad theme must fail ------------------------------------------------------------------

TEST(BadTheme, LowContrastMutedTextFailsThePolicyAndWarns) {
    const auto result = loadText(redArchiveWith("text_muted", "#B0A090"));
    EXPECT_TRUE(result.ok()); // warnings only: the kiosk still runs with it
    EXPECT_FALSE(policyViolations(result.theme).empty());
    const Diagnostic* d = findCode(result.diagnostics, "theme.low_contrast");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_EQ(d->pointer, "/colors/text_muted");
    EXPECT_GT(d->line, 0);
    EXPECT_NE(d->message.find("4.50:1"), std::string::npos) << d->message;
}

TEST(BadTheme, EveryTextRoleMadeUnreadableIsCaught) {
    // Set each foreground to its own background: the checker must flag every single pair.
    for (const auto& pair : themeColorPairs()) {
        Theme t = defaultTheme();
        t.setColor(pair.foreground, resolvedColor(t, pair.background));
        EXPECT_FALSE(policyViolations(t).empty())
            << colorRoleName(pair.foreground) << " on " << colorRoleName(pair.background);
    }
}

TEST(BadTheme, WeakOverlayOverImagesFails) {
    const auto result = loadText(redArchiveWith("overlay", "#1A050540"));
    EXPECT_TRUE(result.diagnostics.hasCode("theme.low_contrast"));
    EXPECT_FALSE(policyViolations(result.theme).empty());
}

TEST(BadTheme, HighContrastDowngradedToAAFailsPolicy) {
    std::string text = readText(kThemesDir / "high-contrast.json");
    text.replace(text.find("\"AAA\""), 5, "\"AA\"");
    const auto result = loadThemeFromText(text, "high-contrast.json", kThemesDir);
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(policyViolations(result.theme).empty());
}

TEST(BadTheme, AAAThemeWithAAColoursWarns) {
    std::string text = readText(kThemesDir / "red-archive.json");
    text.replace(text.find("\"AA\""), 4, "\"AAA\"");
    const auto result = loadText(text);
    EXPECT_TRUE(result.diagnostics.hasCode("theme.low_contrast")); // red-archive is AA, not AAA
}

// ---- theme file diagnostics -----------------------------------------------------------------

TEST(ThemeDiagnostics, InvalidColourIsAnErrorWithPositionAndFallsBack) {
    const auto result = loadText(redArchiveWith("accent", "#D9A5"));
    ASSERT_FALSE(result.ok());
    const Diagnostic* d = findCode(result.diagnostics, "schema.value");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->pointer, "/colors/accent");
    EXPECT_GT(d->line, 1);
    EXPECT_EQ(d->file, "red-archive.json");
    EXPECT_NE(d->message.find("#RRGGBB"), std::string::npos);
    EXPECT_FALSE(d->messageZh.empty());
    EXPECT_EQ(result.theme.color(ColorRole::Accent), defaultTheme().color(ColorRole::Accent));
}

TEST(ThemeDiagnostics, TranslucentTextIsAnError) {
    const auto result = loadText(redArchiveWith("text", "#2B1B1280"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(findCode(result.diagnostics, "schema.value")->pointer, "/colors/text");
}

TEST(ThemeDiagnostics, MissingColourAndUnknownColour) {
    std::string text = readText(kThemesDir / "red-archive.json");
    const auto pos = text.find("    \"badge\": ");
    text.replace(pos, text.find('\n', pos) - pos + 1, "    \"bagde\": \"#A61B1B\",\n");
    const auto result = loadText(text);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.diagnostics.hasCode("schema.required"));
    const Diagnostic* unknown = findCode(result.diagnostics, "schema.unknown_field");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->pointer, "/colors/bagde");
    EXPECT_EQ(unknown->severity, Severity::Warning);
}

TEST(ThemeDiagnostics, ColourAddedLaterMayBeMissing) {
    // A theme written before the answer colours existed still loads, with the built-in value
    // and a warning that names the colour.
    std::string text = readText(kThemesDir / "high-contrast.json");
    const auto pos = text.find("    \"answer_3\": ");
    ASSERT_NE(pos, std::string::npos);
    text.erase(pos, text.find('\n', pos) - pos + 1);
    const auto result = loadThemeFromText(text, "high-contrast.json", kThemesDir);
    EXPECT_TRUE(result.ok());
    const Diagnostic* d = findCode(result.diagnostics, "theme.color_missing");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_NE(d->message.find("answer_3"), std::string::npos) << d->message;
    EXPECT_FALSE(d->messageZh.empty());
    EXPECT_EQ(result.theme.color(ColorRole::Answer3), defaultTheme().color(ColorRole::Answer3));
    EXPECT_EQ(result.theme.name, "high-contrast");
    // A colour of the first format stays required.
    EXPECT_TRUE(colorRoleRequired(ColorRole::TextOnOverlay));
    EXPECT_FALSE(colorRoleRequired(ColorRole::Team1));
}

TEST(ThemeDiagnostics, TranslucentAnswerColourIsAnError) {
    // Answer colours are also text: each answer's letter is drawn in it.
    const auto result = loadText(redArchiveWith("answer_2", "#1565C080"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(findCode(result.diagnostics, "schema.value")->pointer, "/colors/answer_2");
}

TEST(ThemeDiagnostics, SyntaxErrorVersionAndRanges) {
    const auto syntax = loadText("{\"format_version\": 1,\n \"name\": }");
    EXPECT_TRUE(syntax.diagnostics.hasCode("json.syntax"));
    EXPECT_EQ(syntax.theme.name, "red-archive"); // built-in fallback

    std::string newer = readText(kThemesDir / "red-archive.json");
    newer.replace(newer.find("\"format_version\": 1"), 19, "\"format_version\": 2");
    EXPECT_TRUE(loadText(newer).diagnostics.hasCode("format.version_unsupported"));

    std::string tiny = readText(kThemesDir / "red-archive.json");
    tiny.replace(tiny.find("\"caption\": 2.3"), 14, "\"caption\": 0.4");
    const auto tinyResult = loadText(tiny);
    ASSERT_TRUE(tinyResult.diagnostics.hasCode("schema.value"));
    EXPECT_EQ(findCode(tinyResult.diagnostics, "schema.value")->pointer, "/font_sizes/caption");
}

TEST(ThemeDiagnostics, MissingLogoWarnsAndNameMustMatchFile) {
    std::string text = readText(kThemesDir / "red-archive.json");
    text.insert(text.rfind('}'), ",\n  \"logo\": \"no-such-logo.png\"\n");
    const auto result = loadText(text, "my-copy.json");
    EXPECT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.hasCode("theme.asset_missing"));
    EXPECT_TRUE(result.theme.logo.empty());
    EXPECT_TRUE(result.diagnostics.hasCode("schema.value")); // name red-archive in my-copy.json
}

// ---- finding themes -------------------------------------------------------------------------

TEST(FindTheme, ByNameByPathAndNeverOutsideTheSearchDirs) {
    const std::vector<fs::path> dirs = {"/nonexistent-lantai-dir", kThemesDir};
    EXPECT_EQ(findTheme("high-contrast", dirs), kThemesDir / "high-contrast.json");
    EXPECT_EQ(findTheme((kThemesDir / "red-archive.json").string(), {}),
              kThemesDir / "red-archive.json");
    EXPECT_FALSE(findTheme("no-such-theme", dirs));
    EXPECT_FALSE(findTheme("..", dirs));
    EXPECT_FALSE(findTheme("Red-Archive", dirs));
    EXPECT_FALSE(findTheme("", dirs));
}

TEST(FindTheme, LoadNamedThemeFallsBackToDefault) {
    const auto missing = loadNamedTheme("no-such-theme", {kThemesDir});
    EXPECT_FALSE(missing.ok());
    EXPECT_TRUE(missing.diagnostics.hasCode("theme.not_found"));
    EXPECT_EQ(missing.theme.name, "red-archive");
    EXPECT_NE(missing.diagnostics.items()[0].message.find(kThemesDir.string()), std::string::npos);

    const auto found = loadNamedTheme("high-contrast", {kThemesDir});
    EXPECT_TRUE(found.ok());
    EXPECT_EQ(found.theme.name, "high-contrast");
    EXPECT_EQ(found.theme.file, kThemesDir / "high-contrast.json");
}

// ---- theme files that are not regular files ---------------------------------------------------

// A FIFO, a device, a socket or a link loop as the theme file (by path or found by name) or as its
// logo: named as what it is, within seconds (a blocking open would hit the deadline).
TEST(ThemeSpecialFiles, NamedAsWhatTheyAreNeverNotFoundNeverBlocking) {
    lantai::test::TempDir dir;
    const auto specials = lantai::test::makeSpecialPaths(dir.path(), "my-theme.json");
    ASSERT_EQ(specials.size(), 4u);
    lantai::test::Deadline deadline(20);
    for (const auto& special : specials) {
        SCOPED_TRACE(special.kind);
        for (const auto& result :
             {loadTheme(special.path), loadNamedTheme(special.path.string(), {})}) {
            EXPECT_FALSE(result.ok());
            ASSERT_EQ(result.diagnostics.items().size(), 1u);
            const Diagnostic& d = result.diagnostics.items()[0];
            EXPECT_EQ(d.code, special.code);
            EXPECT_NE(d.message.find(special.words), std::string::npos) << d.message;
            EXPECT_NE(d.message.find(special.path.string()), std::string::npos) << d.message;
            EXPECT_NE(d.message.find("built-in red-archive theme"), std::string::npos);
            EXPECT_FALSE(d.messageZh.empty());
            EXPECT_EQ(result.theme.name, "red-archive"); // the built-in one stands in
        }
    }
    // Found by name in a search folder: the first folder's FIFO is reported, not skipped.
    const fs::path fifoDir = dir.path() / "fifo";
    EXPECT_EQ(findTheme("my-theme", {fifoDir, kThemesDir}), fifoDir / "my-theme.json");
    const auto named = loadNamedTheme("my-theme", {fifoDir});
    EXPECT_TRUE(named.diagnostics.hasCode("file.not_regular"));
    EXPECT_FALSE(named.diagnostics.hasCode("theme.not_found"));

    // As the logo: a warning naming it; the theme itself loads.
    for (const auto& special : specials) {
        SCOPED_TRACE(special.kind + " as the logo");
        std::string text = readText(kThemesDir / "red-archive.json");
        text.insert(text.rfind('}'), ",\n  \"logo\": \"" + special.path.string() + "\"\n");
        const auto result = loadText(text);
        EXPECT_TRUE(result.ok());
        EXPECT_TRUE(result.theme.logo.empty());
        const Diagnostic* d = findCode(result.diagnostics, special.code);
        ASSERT_NE(d, nullptr);
        EXPECT_EQ(d->severity, Severity::Warning);
        EXPECT_EQ(d->pointer, "/logo");
        EXPECT_NE(d->message.find(special.words), std::string::npos) << d->message;
        EXPECT_FALSE(result.diagnostics.hasCode("theme.asset_missing"));
    }
}

// tests: kiosk TOML configuration — valid files, syntax/type/range errors, unknown keys, precedence
#include "lantai/core/kiosk_config.h"
#include "lantai/core/pack_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

KioskConfigLoadResult load(const std::string& text) {
    return loadKioskConfigFromText(text, "kiosk.toml", "/etc/lantai");
}

const Diagnostic* findCode(const Diagnostics& d, const std::string& code, const std::string& pointer = {}) {
    for (const auto& item : d.items())
        if (item.code == code && (pointer.empty() || item.pointer == pointer)) return &item;
    return nullptr;
}

std::string dump(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += formatDiagnostic(item, false) + "\n";
    return out;
}

const char* kFull = R"(state_dir = "/srv/state"
dev_mode = true

[pack]
path = "packs/current"
last_good = "/srv/state/good"

[display]
theme = "high-contrast"
orientation = "portrait"
windowed = true
window_width = 1080
window_height = 1920
texture_budget_mb = 512

[session]
default_language = "en"
idle_timeout_s = 120
still_there_s = 15
attract_slide_s = 6

[log]
file = "/srv/state/kiosk.log"
level = "debug"
max_size_mb = 20
keep_files = 3

[web]
base_url = "https://archives.example.org/gallery/"
)";

} // namespace

TEST(KioskConfig, DefaultsWhenEmpty) {
    const auto result = load("");
    EXPECT_TRUE(result.diagnostics.empty()) << dump(result.diagnostics);
    const KioskConfig& c = result.config;
    EXPECT_EQ(c.theme, "red-archive");
    EXPECT_EQ(c.orientation, Orientation::Auto);
    EXPECT_EQ(c.textureBudgetMb, 256);
    EXPECT_EQ(c.idleTimeoutS, 90);
    EXPECT_EQ(c.stillThereS, 10);
    EXPECT_EQ(c.defaultLanguage, Language::Zh);
    EXPECT_FALSE(c.windowed);
    EXPECT_FALSE(c.devMode);
    EXPECT_EQ(c.stateDir, fs::path("/var/lib/lantai"));
    EXPECT_EQ(c.lastGoodPackPath, fs::path("/var/lib/lantai/last-good-pack"));
    EXPECT_EQ(c.logFile, fs::path("/var/lib/lantai/logs/kiosk.log"));
    EXPECT_EQ(c.logMaxSizeMb, 10);
    EXPECT_EQ(c.logKeepFiles, 5);
    EXPECT_TRUE(c.packPath.empty());
}

TEST(KioskConfig, ValidFileSetsEveryField) {
    const auto result = load(kFull);
    EXPECT_TRUE(result.diagnostics.empty()) << dump(result.diagnostics);
    const KioskConfig& c = result.config;
    EXPECT_EQ(c.stateDir, fs::path("/srv/state"));
    EXPECT_TRUE(c.devMode);
    EXPECT_EQ(c.packPath, fs::path("/etc/lantai/packs/current")); // relative to the file's folder
    EXPECT_EQ(c.lastGoodPackPath, fs::path("/srv/state/good"));
    EXPECT_EQ(c.theme, "high-contrast");
    EXPECT_EQ(c.orientation, Orientation::Portrait);
    EXPECT_TRUE(c.windowed);
    EXPECT_EQ(c.windowWidth, 1080);
    EXPECT_EQ(c.windowHeight, 1920);
    EXPECT_EQ(c.textureBudgetMb, 512);
    EXPECT_EQ(c.defaultLanguage, Language::En);
    EXPECT_EQ(c.idleTimeoutS, 120);
    EXPECT_EQ(c.stillThereS, 15);
    EXPECT_EQ(c.attractSlideS, 6);
    EXPECT_EQ(c.logFile, fs::path("/srv/state/kiosk.log"));
    EXPECT_EQ(c.logLevel, LogLevel::Debug);
    EXPECT_EQ(c.logMaxSizeMb, 20);
    EXPECT_EQ(c.logKeepFiles, 3);
    EXPECT_EQ(c.baseUrl, "https://archives.example.org/gallery/");
    EXPECT_TRUE(checkKioskConfig(c).empty()) << dump(checkKioskConfig(c));
}

TEST(KioskConfig, ExampleFileIsCleanAndSetsEveryKey) {
    const auto result = loadKioskConfig(fs::path(LANTAI_SOURCE_DIR) / "deploy" / "kiosk.example.toml");
    EXPECT_TRUE(result.diagnostics.empty()) << dump(result.diagnostics);
    const KioskConfigLayer& l = result.layer;
    // The example documents every key: each one is present.
    EXPECT_TRUE(l.stateDir && l.devMode && l.packPath && l.lastGoodPackPath && l.theme && l.orientation &&
                l.windowed && l.windowWidth && l.windowHeight && l.textureBudgetMb && l.defaultLanguage &&
                l.idleTimeoutS && l.stillThereS && l.attractSlideS && l.logFile && l.logLevel && l.logMaxSizeMb &&
                l.logKeepFiles && l.baseUrl);
    // ... with the built-in defaults, so copying it changes nothing but the paths.
    const KioskConfig defaults;
    const KioskConfig& c = result.config;
    EXPECT_EQ(c.theme, defaults.theme);
    EXPECT_EQ(c.idleTimeoutS, defaults.idleTimeoutS);
    EXPECT_EQ(c.stillThereS, defaults.stillThereS);
    EXPECT_EQ(c.attractSlideS, defaults.attractSlideS);
    EXPECT_EQ(c.textureBudgetMb, defaults.textureBudgetMb);
    EXPECT_EQ(c.windowed, defaults.windowed);
    EXPECT_EQ(c.devMode, defaults.devMode);
    EXPECT_TRUE(checkKioskConfig(c).empty()) << dump(checkKioskConfig(c));
}

TEST(KioskConfig, SyntaxErrorHasLineAndColumn) {
    const auto result = load("[session]\nidle_timeout_s = 90\nstill_there_s = \n");
    ASSERT_FALSE(result.ok());
    const Diagnostic* d = findCode(result.diagnostics, "toml.syntax");
    ASSERT_NE(d, nullptr) << dump(result.diagnostics);
    EXPECT_EQ(d->line, 3);
    EXPECT_GT(d->column, 0);
    EXPECT_EQ(d->file, "kiosk.toml");
    EXPECT_FALSE(d->messageZh.empty());
    EXPECT_EQ(result.config.idleTimeoutS, 90); // nothing from a broken file is used
}

TEST(KioskConfig, WrongTypeKeepsDefault) {
    const auto result = load("[session]\n\nidle_timeout_s = \"90\"\ndefault_language = 1\n\n[display]\nwindowed = 1\n");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.errorCount(), 3u) << dump(result.diagnostics);
    const Diagnostic* d = findCode(result.diagnostics, "schema.type", "/session/idle_timeout_s");
    ASSERT_NE(d, nullptr) << dump(result.diagnostics);
    EXPECT_EQ(d->line, 3);
    EXPECT_EQ(d->column, 18); // the value
    EXPECT_NE(d->message.find("whole number"), std::string::npos) << d->message;
    EXPECT_EQ(result.config.idleTimeoutS, 90);
    EXPECT_FALSE(result.config.windowed);

    const auto floating = load("[display]\ntexture_budget_mb = 256.0\n");
    EXPECT_TRUE(floating.diagnostics.hasCode("schema.type"));
    const auto tableAsValue = load("display = 3\n");
    EXPECT_TRUE(tableAsValue.diagnostics.hasCode("schema.type"));
}

TEST(KioskConfig, OutOfRangeAndBadEnums) {
    struct Case {
        const char* text;
        const char* pointer;
    };
    const Case cases[] = {
        {"[session]\nidle_timeout_s = 5\n", "/session/idle_timeout_s"},
        {"[session]\nstill_there_s = 600\n", "/session/still_there_s"},
        {"[session]\ndefault_language = \"fr\"\n", "/session/default_language"},
        {"[display]\ntexture_budget_mb = 0\n", "/display/texture_budget_mb"},
        {"[display]\nwindow_width = -1\n", "/display/window_width"},
        {"[display]\norientation = \"sideways\"\n", "/display/orientation"},
        {"[display]\ntheme = \"\"\n", "/display/theme"},
        {"[log]\nkeep_files = 0\n", "/log/keep_files"},
        {"[log]\nlevel = \"verbose\"\n", "/log/level"},
        {"[pack]\npath = \"\"\n", "/pack/path"},
        {"[web]\nbase_url = \"ftp://example.org\"\n", "/web/base_url"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto result = load(c.text);
        const Diagnostic* d = findCode(result.diagnostics, "schema.value");
        ASSERT_NE(d, nullptr) << dump(result.diagnostics);
        EXPECT_EQ(d->pointer, c.pointer);
        EXPECT_EQ(d->line, 2);
        EXPECT_EQ(d->severity, Severity::Error);
    }
    const auto ok = load("[session]\nidle_timeout_s = 10\nstill_there_s = 3\n");
    EXPECT_TRUE(ok.ok()) << dump(ok.diagnostics); // the bounds themselves are allowed
}

TEST(KioskConfig, UnknownKeysWarnWithPosition) {
    const auto result = load("dev_mode = false\n[session]\nidle_timout_s = 30\n\n[displey]\ntheme = \"x\"\n");
    EXPECT_TRUE(result.ok()) << dump(result.diagnostics); // warnings only
    ASSERT_EQ(result.diagnostics.warningCount(), 2u) << dump(result.diagnostics);
    const auto& typo = result.diagnostics.items()[0].pointer == "/session/idle_timout_s"
                           ? result.diagnostics.items()[0]
                           : result.diagnostics.items()[1];
    EXPECT_EQ(typo.code, "schema.unknown_field");
    EXPECT_EQ(typo.pointer, "/session/idle_timout_s");
    EXPECT_EQ(typo.line, 3);
    EXPECT_NE(typo.message.find("idle_timeout_s"), std::string::npos) << "lists the known keys";
    EXPECT_TRUE(std::any_of(result.diagnostics.items().begin(), result.diagnostics.items().end(),
                            [](const Diagnostic& d) { return d.pointer == "/displey" && d.line == 5; }));
    EXPECT_EQ(result.config.idleTimeoutS, 90);
}

TEST(KioskConfig, MissingFile) {
    const auto result = loadKioskConfig("/nonexistent/lantai/kiosk.toml");
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.diagnostics.hasCode("config.not_found"));
    EXPECT_EQ(result.config.textureBudgetMb, 256);
}

TEST(KioskConfig, PrecedenceDefaultsPackFileCommandLine) {
    Pack pack;
    pack.kiosk.idleTimeoutS = 60;
    pack.kiosk.stillThereS = 20;
    pack.kiosk.attractSlideS = 5;
    pack.kiosk.orientation = "landscape";
    pack.theme = "high-contrast";
    pack.defaultLanguage = Language::En;
    const KioskConfigLayer packLayer = packKioskLayer(pack);

    const auto file = load("[session]\nidle_timeout_s = 120\n[display]\ntheme = \"red-archive\"\n");
    ASSERT_TRUE(file.ok());

    Diagnostics cliDiagnostics;
    const KioskConfigLayer cli = parseKioskConfigAssignments(
        {"session.idle_timeout_s=30", "pack.path=/srv/pack", "dev_mode=true", "session.idle_timeout_s=45"},
        cliDiagnostics);
    EXPECT_TRUE(cliDiagnostics.empty()) << dump(cliDiagnostics);

    const KioskConfig c = resolveKioskConfig(packLayer, file.layer, cli);
    EXPECT_EQ(c.idleTimeoutS, 45);                     // command line (last assignment) over file over pack
    EXPECT_EQ(c.theme, "red-archive");                 // file over pack
    EXPECT_EQ(c.stillThereS, 20);                      // pack over default
    EXPECT_EQ(c.attractSlideS, 5);                     // pack
    EXPECT_EQ(c.orientation, Orientation::Landscape);  // pack
    EXPECT_EQ(c.defaultLanguage, Language::En);        // pack
    EXPECT_EQ(c.textureBudgetMb, 256);                 // default
    EXPECT_EQ(c.packPath, fs::path("/srv/pack"));      // command line, unquoted string
    EXPECT_TRUE(c.devMode);

    // Without the pack layer (bootstrapping, before the pack is loaded).
    const KioskConfig boot = resolveKioskConfig({}, file.layer, cli);
    EXPECT_EQ(boot.stillThereS, 10);
    EXPECT_EQ(boot.packPath, fs::path("/srv/pack"));
}

TEST(KioskConfig, ApplyAndMergeLayers) {
    KioskConfigLayer low;
    low.idleTimeoutS = 100;
    low.theme = "a";
    KioskConfigLayer high;
    high.theme = "b";
    high.windowed = true;
    const KioskConfigLayer merged = mergeLayers(low, high);
    EXPECT_EQ(merged.idleTimeoutS, 100);
    EXPECT_EQ(merged.theme, "b");
    EXPECT_EQ(merged.windowed, true);
    EXPECT_FALSE(merged.stillThereS);

    KioskConfig c;
    applyOverrides(c, merged);
    EXPECT_EQ(c.idleTimeoutS, 100);
    EXPECT_EQ(c.theme, "b");
    EXPECT_TRUE(c.windowed);
    EXPECT_EQ(c.stillThereS, 10);
}

TEST(KioskConfig, CommandLineErrors) {
    Diagnostics d;
    const auto layer = parseKioskConfigAssignments({"session.idle_timeout_s=abc", "noequals", "display.bogus=1",
                                                    "display.windowed=yes"},
                                                   d);
    EXPECT_EQ(d.errorCount(), 3u) << dump(d);
    EXPECT_EQ(d.warningCount(), 1u) << dump(d);
    const Diagnostic* type = findCode(d, "schema.type");
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type->file, "(command line)");
    EXPECT_EQ(type->pointer, "/session/idle_timeout_s");
    EXPECT_FALSE(layer.idleTimeoutS);
    EXPECT_FALSE(layer.windowed);
}

TEST(KioskConfig, CrossFieldChecks) {
    KioskConfig c;
    EXPECT_TRUE(checkKioskConfig(c).hasCode("config.invalid")); // no pack path
    c.packPath = "/srv/pack";
    c.lastGoodPackPath = "/srv/good";
    EXPECT_TRUE(checkKioskConfig(c).empty());
    c.stillThereS = 30;
    c.idleTimeoutS = 30;
    const auto d = checkKioskConfig(c);
    ASSERT_EQ(d.errorCount(), 1u);
    EXPECT_EQ(d.items()[0].pointer, "/session/still_there_s");
    c.stillThereS = 10;
    c.lastGoodPackPath = "/srv/pack/";
    EXPECT_TRUE(checkKioskConfig(c).hasCode("config.invalid"));
}

TEST(KioskConfig, EnumNames) {
    for (auto o : {Orientation::Auto, Orientation::Landscape, Orientation::Portrait}) {
        Orientation back{};
        ASSERT_TRUE(parseOrientation(orientationName(o), back));
        EXPECT_EQ(back, o);
    }
    for (auto l : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        LogLevel back{};
        ASSERT_TRUE(parseLogLevel(logLevelName(l), back));
        EXPECT_EQ(back, l);
    }
}

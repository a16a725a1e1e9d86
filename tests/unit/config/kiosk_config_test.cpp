// tests: kiosk TOML configuration — valid files, syntax/type/range errors, unknown keys,
// precedence. Over 500 lines: one table-driven case list per kind of configuration error, kept
// beside the precedence tests they share fixtures with.
#include "core/config/kiosk_config.h"
#include "core/pack/model.h"
#include "tests/unit/support/special_files.h"
#include "tests/unit/support/temp_dir.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

KioskConfigLoadResult load(const std::string& text) {
    return loadKioskConfigFromText(text, "kiosk.toml", "/etc/lantai");
}

const Diagnostic* findCode(const Diagnostics& d, const std::string& code,
                           const std::string& pointer = {}) {
    for (const auto& item : d.items())
        if (item.code == code && (pointer.empty() || item.pointer == pointer)) return &item;
    return nullptr;
}

std::string dump(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items())
        out += formatDiagnostic(item, false) + "\n";
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

[quiz]
scoring = "speed"
questions = 10
timer_s = 30
streak_bonus = true
min_answer_ms = 500
leaderboard_cooldown_min = 0
daily_cap = 3
teacher_pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"
class_idle_timeout_s = 1800

[video]
enabled = false
hwdec = "no"
volume = 40
max_volume = 60
attract_muted = false
subtitles = "off"
audio_output = "null"
)";

const char* kPinHash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA";

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
    EXPECT_EQ(c.quizScoring, "accuracy");
    EXPECT_EQ(c.quizQuestions, 5);
    EXPECT_EQ(c.quizTimerS, 0);
    EXPECT_FALSE(c.quizStreakBonus);
    EXPECT_EQ(c.quizMinAnswerMs, 300);
    EXPECT_EQ(c.quizCooldownMin, 10);
    EXPECT_EQ(c.quizDailyCap, 5);
    EXPECT_TRUE(c.teacherPinHash.empty());
    EXPECT_EQ(c.classIdleTimeoutS, 1200);
    EXPECT_TRUE(c.videoEnabled);
    EXPECT_EQ(c.videoHwdec, "auto-safe");
    EXPECT_EQ(c.videoVolume, 70);
    EXPECT_EQ(c.videoMaxVolume, 90);
    EXPECT_TRUE(c.attractMuted);
    EXPECT_EQ(c.videoSubtitles, "auto");
    EXPECT_TRUE(c.audioOutput.empty());
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
    EXPECT_EQ(c.quizScoring, "speed");
    EXPECT_EQ(c.quizQuestions, 10);
    EXPECT_EQ(c.quizTimerS, 30);
    EXPECT_TRUE(c.quizStreakBonus);
    EXPECT_EQ(c.quizMinAnswerMs, 500);
    EXPECT_EQ(c.quizCooldownMin, 0);
    EXPECT_EQ(c.quizDailyCap, 3);
    EXPECT_EQ(c.teacherPinHash, kPinHash);
    EXPECT_EQ(c.classIdleTimeoutS, 1800);
    EXPECT_FALSE(c.videoEnabled);
    EXPECT_EQ(c.videoHwdec, "no");
    EXPECT_EQ(c.videoVolume, 40);
    EXPECT_EQ(c.videoMaxVolume, 60);
    EXPECT_FALSE(c.attractMuted);
    EXPECT_EQ(c.videoSubtitles, "off");
    EXPECT_EQ(c.audioOutput, "null");
    EXPECT_TRUE(checkKioskConfig(c).empty()) << dump(checkKioskConfig(c));
}

TEST(KioskConfig, ExampleFileIsCleanAndSetsEveryKey) {
    const auto result =
        loadKioskConfig(fs::path(LANTAI_SOURCE_DIR) / "deploy" / "kiosk.example.toml");
    EXPECT_TRUE(result.diagnostics.empty()) << dump(result.diagnostics);
    const KioskConfigLayer& l = result.layer;
    // The example documents every key: each one is present.
    EXPECT_TRUE(l.stateDir && l.devMode && l.packPath && l.lastGoodPackPath && l.theme &&
                l.orientation && l.windowed && l.windowWidth && l.windowHeight &&
                l.textureBudgetMb && l.defaultLanguage && l.idleTimeoutS && l.stillThereS &&
                l.attractSlideS && l.logFile && l.logLevel && l.logMaxSizeMb && l.logKeepFiles &&
                l.baseUrl);
    EXPECT_TRUE(l.quizScoring && l.quizQuestions && l.quizTimerS && l.quizStreakBonus &&
                l.quizMinAnswerMs && l.quizCooldownMin && l.quizDailyCap && l.teacherPinHash &&
                l.classIdleTimeoutS);
    EXPECT_TRUE(l.videoEnabled && l.videoHwdec && l.videoVolume && l.videoMaxVolume &&
                l.attractMuted && l.videoSubtitles && l.audioOutput);
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
    EXPECT_EQ(c.quizScoring, defaults.quizScoring);
    EXPECT_EQ(c.quizQuestions, defaults.quizQuestions);
    EXPECT_EQ(c.quizTimerS, defaults.quizTimerS);
    EXPECT_EQ(c.quizStreakBonus, defaults.quizStreakBonus);
    EXPECT_EQ(c.quizMinAnswerMs, defaults.quizMinAnswerMs);
    EXPECT_EQ(c.quizCooldownMin, defaults.quizCooldownMin);
    EXPECT_EQ(c.quizDailyCap, defaults.quizDailyCap);
    EXPECT_EQ(c.teacherPinHash, defaults.teacherPinHash);
    EXPECT_EQ(c.classIdleTimeoutS, defaults.classIdleTimeoutS);
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
    const auto result = load(
        "[session]\n\nidle_timeout_s = \"90\"\ndefault_language = 1\n\n[display]\nwindowed = 1\n");
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
        {"[quiz]\nscoring = \"luck\"\n", "/quiz/scoring"},
        {"[quiz]\nquestions = 2\n", "/quiz/questions"},
        {"[quiz]\nquestions = 21\n", "/quiz/questions"},
        {"[quiz]\ntimer_s = 4\n", "/quiz/timer_s"},
        {"[quiz]\ntimer_s = 121\n", "/quiz/timer_s"},
        {"[quiz]\ntimer_s = -1\n", "/quiz/timer_s"},
        {"[quiz]\nmin_answer_ms = 5001\n", "/quiz/min_answer_ms"},
        {"[quiz]\nleaderboard_cooldown_min = 1441\n", "/quiz/leaderboard_cooldown_min"},
        {"[quiz]\ndaily_cap = 0\n", "/quiz/daily_cap"},
        {"[quiz]\nclass_idle_timeout_s = 59\n", "/quiz/class_idle_timeout_s"},
        {"[quiz]\nclass_idle_timeout_s = 7201\n", "/quiz/class_idle_timeout_s"},
        {"[quiz]\nteacher_pin_hash = \"1234\"\n", "/quiz/teacher_pin_hash"},
        {"[video]\nhwdec = \"magic\"\n", "/video/hwdec"},
        {"[video]\nvolume = 101\n", "/video/volume"},
        {"[video]\nmax_volume = 5\n", "/video/max_volume"},
        {"[video]\nsubtitles = \"fr\"\n", "/video/subtitles"},
        {"[video]\naudio_output = \"jack\"\n", "/video/audio_output"},
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

TEST(KioskConfig, QuizBoundsAndPositions) {
    const auto low =
        load("[quiz]\nquestions = 3\ntimer_s = 5\nmin_answer_ms = 0\nleaderboard_cooldown_min = 0\n"
             "daily_cap = 1\nclass_idle_timeout_s = 60\nteacher_pin_hash = \"\"\n");
    EXPECT_TRUE(low.diagnostics.empty()) << dump(low.diagnostics);
    EXPECT_EQ(low.config.quizTimerS, 5);
    EXPECT_EQ(low.config.classIdleTimeoutS, 60);
    EXPECT_TRUE(low.layer.teacherPinHash &&
                low.layer.teacherPinHash->empty()); // empty: class sessions off
    const auto high =
        load("[quiz]\nquestions = 20\ntimer_s = 120\nmin_answer_ms = 5000\n"
             "leaderboard_cooldown_min = 1440\ndaily_cap = 100\nclass_idle_timeout_s = 7200\n");
    EXPECT_TRUE(high.diagnostics.empty()) << dump(high.diagnostics);
    EXPECT_EQ(high.config.quizTimerS, 120);
    EXPECT_EQ(load("[quiz]\ntimer_s = 0\n").config.quizTimerS, 0); // 0: no timer

    // Out of range: schema.value at the value's line:column, the default kept.
    const auto bad =
        load("[session]\nidle_timeout_s = 90\n\n[quiz]\nquestions = 50\n  timer_s = 2\n");
    ASSERT_EQ(bad.diagnostics.errorCount(), 2u) << dump(bad.diagnostics);
    const Diagnostic* questions = findCode(bad.diagnostics, "schema.value", "/quiz/questions");
    ASSERT_NE(questions, nullptr) << dump(bad.diagnostics);
    EXPECT_EQ(questions->line, 5);
    EXPECT_EQ(questions->column, 13);
    EXPECT_FALSE(questions->messageZh.empty());
    const Diagnostic* timer = findCode(bad.diagnostics, "schema.value", "/quiz/timer_s");
    ASSERT_NE(timer, nullptr) << dump(bad.diagnostics);
    EXPECT_EQ(timer->line, 6);
    EXPECT_EQ(timer->column, 13);
    EXPECT_NE(timer->message.find("0 (no timer)"), std::string::npos) << timer->message;
    EXPECT_EQ(bad.config.quizQuestions, 5);
    EXPECT_EQ(bad.config.quizTimerS, 0);

    const auto wrongType = load("[quiz]\nstreak_bonus = \"yes\"\nquestions = 5.0\n");
    EXPECT_EQ(wrongType.diagnostics.errorCount(), 2u) << dump(wrongType.diagnostics);
    EXPECT_NE(findCode(wrongType.diagnostics, "schema.type", "/quiz/streak_bonus"), nullptr);
    EXPECT_NE(findCode(wrongType.diagnostics, "schema.type", "/quiz/questions"), nullptr);

    const auto typo = load("[quiz]\nquestion = 5\n");
    EXPECT_TRUE(typo.ok());
    const Diagnostic* unknown =
        findCode(typo.diagnostics, "schema.unknown_field", "/quiz/question");
    ASSERT_NE(unknown, nullptr) << dump(typo.diagnostics);
    EXPECT_EQ(unknown->line, 2);
    EXPECT_NE(unknown->message.find("\"questions\""), std::string::npos) << unknown->message;
}

TEST(KioskConfig, TeacherPinHashMustBeArgon2id) {
    for (const char* value :
         {"1234", "$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", "$2b$12$abcdefghij"}) {
        SCOPED_TRACE(value);
        const auto result = load(std::string("[quiz]\nteacher_pin_hash = \"") + value + "\"\n");
        ASSERT_FALSE(result.ok());
        const Diagnostic* d =
            findCode(result.diagnostics, "schema.value", "/quiz/teacher_pin_hash");
        ASSERT_NE(d, nullptr) << dump(result.diagnostics);
        EXPECT_EQ(d->line, 2);
        EXPECT_EQ(d->column, 20);
        EXPECT_NE(d->message.find("lantai quiz hash-pin"), std::string::npos) << d->message;
        EXPECT_NE(d->messageZh.find("lantai quiz hash-pin"), std::string::npos) << d->messageZh;
        EXPECT_TRUE(result.config.teacherPinHash.empty()); // class sessions stay disabled
        EXPECT_FALSE(result.layer.teacherPinHash);
    }
    const auto good = load(std::string("[quiz]\nteacher_pin_hash = \"") + kPinHash + "\"\n");
    EXPECT_TRUE(good.diagnostics.empty()) << dump(good.diagnostics);
    EXPECT_EQ(good.config.teacherPinHash, kPinHash);
}

TEST(KioskConfig, UnknownKeysWarnWithPosition) {
    const auto result =
        load("dev_mode = false\n[session]\nidle_timout_s = 30\n\n[displey]\ntheme = \"x\"\n");
    EXPECT_TRUE(result.ok()) << dump(result.diagnostics); // warnings only
    ASSERT_EQ(result.diagnostics.warningCount(), 2u) << dump(result.diagnostics);
    const auto& typo = result.diagnostics.items()[0].pointer == "/session/idle_timout_s"
                           ? result.diagnostics.items()[0]
                           : result.diagnostics.items()[1];
    EXPECT_EQ(typo.code, "schema.unknown_field");
    EXPECT_EQ(typo.pointer, "/session/idle_timout_s");
    EXPECT_EQ(typo.line, 3);
    EXPECT_NE(typo.message.find("idle_timeout_s"), std::string::npos) << "lists the known keys";
    EXPECT_TRUE(
        std::any_of(result.diagnostics.items().begin(), result.diagnostics.items().end(),
                    [](const Diagnostic& d) { return d.pointer == "/displey" && d.line == 5; }));
    EXPECT_EQ(result.config.idleTimeoutS, 90);
}

TEST(KioskConfig, MissingFile) {
    const auto result = loadKioskConfig("/nonexistent/lantai/kiosk.toml");
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.diagnostics.hasCode("config.not_found"));
    EXPECT_EQ(result.config.textureBudgetMb, 256);
}

// A FIFO, a device, a socket or a link loop given as the configuration file (lantai-kiosk
// --config): named as what it is, not "not found", within seconds.
TEST(KioskConfig, SpecialFilesAreNamedAsWhatTheyAreNeverBlocking) {
    lantai::test::TempDir dir;
    const auto specials = lantai::test::makeSpecialPaths(dir.path(), "kiosk.toml");
    ASSERT_EQ(specials.size(), 4u);
    lantai::test::Deadline deadline(20);
    for (const auto& special : specials) {
        SCOPED_TRACE(special.kind);
        const auto result = loadKioskConfig(special.path);
        EXPECT_FALSE(result.ok());
        ASSERT_EQ(result.diagnostics.items().size(), 1u) << dump(result.diagnostics);
        const Diagnostic& d = result.diagnostics.items()[0];
        EXPECT_EQ(d.code, special.code);
        EXPECT_EQ(d.file, special.path.string());
        EXPECT_NE(d.message.find("kiosk configuration"), std::string::npos) << d.message;
        EXPECT_NE(d.message.find(special.words), std::string::npos) << d.message;
        EXPECT_NE(d.message.find(special.path.string()), std::string::npos) << d.message;
        EXPECT_NE(d.messageZh.find("展台配置文件"), std::string::npos) << d.messageZh;
        EXPECT_EQ(result.config.textureBudgetMb, 256); // the defaults, as for a missing file
    }
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
    const KioskConfigLayer cli =
        parseKioskConfigAssignments({"session.idle_timeout_s=30", "pack.path=/srv/pack",
                                     "dev_mode=true", "session.idle_timeout_s=45"},
                                    cliDiagnostics);
    EXPECT_TRUE(cliDiagnostics.empty()) << dump(cliDiagnostics);

    const KioskConfig c = resolveKioskConfig(packLayer, file.layer, cli);
    EXPECT_EQ(c.idleTimeoutS, 45);     // command line (last assignment) over file over pack
    EXPECT_EQ(c.theme, "red-archive"); // file over pack
    EXPECT_EQ(c.stillThereS, 20);      // pack over default
    EXPECT_EQ(c.attractSlideS, 5);     // pack
    EXPECT_EQ(c.orientation, Orientation::Landscape); // pack
    EXPECT_EQ(c.defaultLanguage, Language::En);       // pack
    EXPECT_EQ(c.textureBudgetMb, 256);                // default
    EXPECT_EQ(c.packPath, fs::path("/srv/pack"));     // command line, unquoted string
    EXPECT_TRUE(c.devMode);

    // Quiz keys: the command line overrides the file, untouched keys keep the file's values.
    const auto quizFile =
        load(std::string("[quiz]\nscoring = \"speed\"\nquestions = 10\ntimer_s = 30\n"
                         "teacher_pin_hash = \"") +
             kPinHash + "\"\nclass_idle_timeout_s = 900\n");
    ASSERT_TRUE(quizFile.ok()) << dump(quizFile.diagnostics);
    Diagnostics quizCliDiagnostics;
    const KioskConfigLayer quizCli = parseKioskConfigAssignments(
        {"quiz.scoring=accuracy", "quiz.questions=7", "quiz.timer_s=0", "quiz.streak_bonus=true",
         "quiz.min_answer_ms=1000", "quiz.leaderboard_cooldown_min=60", "quiz.daily_cap=2",
         "quiz.teacher_pin_hash=", "quiz.class_idle_timeout_s=3600"},
        quizCliDiagnostics);
    EXPECT_TRUE(quizCliDiagnostics.empty()) << dump(quizCliDiagnostics);
    const KioskConfig q = resolveKioskConfig(packLayer, quizFile.layer, quizCli);
    EXPECT_EQ(q.quizScoring, "accuracy"); // unquoted string from the command line
    EXPECT_EQ(q.quizQuestions, 7);
    EXPECT_EQ(q.quizTimerS, 0);
    EXPECT_TRUE(q.quizStreakBonus);
    EXPECT_EQ(q.quizMinAnswerMs, 1000);
    EXPECT_EQ(q.quizCooldownMin, 60);
    EXPECT_EQ(q.quizDailyCap, 2);
    EXPECT_TRUE(q.teacherPinHash.empty()); // "quiz.teacher_pin_hash=" disables class sessions
    EXPECT_EQ(q.classIdleTimeoutS, 3600);
    const KioskConfig fileOnly = resolveKioskConfig(packLayer, quizFile.layer, cli);
    EXPECT_EQ(fileOnly.quizScoring, "speed");
    EXPECT_EQ(fileOnly.quizQuestions, 10);
    EXPECT_EQ(fileOnly.quizTimerS, 30);
    EXPECT_EQ(fileOnly.teacherPinHash, kPinHash);
    EXPECT_EQ(fileOnly.classIdleTimeoutS, 900);
    EXPECT_EQ(fileOnly.quizDailyCap, 5); // default
    Diagnostics badCli;
    const KioskConfigLayer badQuiz =
        parseKioskConfigAssignments({"quiz.teacher_pin_hash=1234", "quiz.questions=99"}, badCli);
    EXPECT_EQ(badCli.errorCount(), 2u) << dump(badCli);
    EXPECT_FALSE(badQuiz.teacherPinHash);
    EXPECT_FALSE(badQuiz.quizQuestions);

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
    low.quizQuestions = 8;
    low.quizScoring = "speed";
    high.quizScoring = "accuracy";
    high.teacherPinHash = kPinHash;
    high.classIdleTimeoutS = 600;
    const KioskConfigLayer merged = mergeLayers(low, high);
    EXPECT_EQ(merged.quizQuestions, 8);
    EXPECT_EQ(merged.quizScoring, "accuracy");
    EXPECT_EQ(merged.teacherPinHash, kPinHash);
    EXPECT_FALSE(merged.quizDailyCap);
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
    EXPECT_EQ(c.quizQuestions, 8);
    EXPECT_EQ(c.quizScoring, "accuracy");
    EXPECT_EQ(c.teacherPinHash, kPinHash);
    EXPECT_EQ(c.classIdleTimeoutS, 600);
    EXPECT_EQ(c.quizDailyCap, 5);
}

TEST(KioskConfig, CommandLineErrors) {
    Diagnostics d;
    const auto layer = parseKioskConfigAssignments(
        {"session.idle_timeout_s=abc", "noequals", "display.bogus=1", "display.windowed=yes"}, d);
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

    // The class-session idle timeout must not be shorter than the visitor one.
    c.lastGoodPackPath = "/srv/good";
    c.idleTimeoutS = 300;
    c.classIdleTimeoutS = 300; // equal is fine
    EXPECT_TRUE(checkKioskConfig(c).empty()) << dump(checkKioskConfig(c));
    c.classIdleTimeoutS = 299;
    const auto quiz = checkKioskConfig(c);
    ASSERT_EQ(quiz.errorCount(), 1u) << dump(quiz);
    EXPECT_EQ(quiz.items()[0].code, "config.invalid");
    EXPECT_EQ(quiz.items()[0].pointer, "/quiz/class_idle_timeout_s");
    EXPECT_FALSE(quiz.items()[0].messageZh.empty());
}

TEST(KioskConfig, OrientationAutoFollowsTheShapeAndTheOthersForceTheLayout) {
    EXPECT_TRUE(portraitLayout(1080, 1920, Orientation::Auto));
    EXPECT_FALSE(portraitLayout(1920, 1080, Orientation::Auto));
    EXPECT_FALSE(portraitLayout(1000, 1000, Orientation::Auto)); // square: landscape
    EXPECT_TRUE(portraitLayout(1280, 1024, Orientation::Portrait));
    EXPECT_FALSE(portraitLayout(1080, 1920, Orientation::Landscape));
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

// core/config: kiosk configuration (TOML file, pack defaults, command line) with diagnostics and
// precedence
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/localized_text.h"
#include "core/base/log.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

struct Pack;

enum class Orientation { Auto, Landscape, Portrait };
const char* orientationName(Orientation orientation); // "auto", "landscape", "portrait"
bool parseOrientation(std::string_view text, Orientation& out);

// The resolved configuration the kiosk runs with. Defaults are the values below; TOML keys
// are in brackets (deploy/kiosk.example.toml documents each one).
struct KioskConfig {
    std::filesystem::path stateDir = "/var/lib/lantai"; // state_dir: stats, last good pack, logs
    bool devMode = false;                               // dev_mode: windowed, debug keys, overlay

    std::filesystem::path packPath;         // [pack] path (empty: not configured)
    std::filesystem::path lastGoodPackPath; // [pack] last_good (default <state_dir>/last-good-pack)

    std::string theme = "red-archive";           // [display] theme: a theme name or a .json path
    Orientation orientation = Orientation::Auto; // [display] orientation
    bool windowed = false;                       // [display] windowed (false: fullscreen)
    int windowWidth = 1920;                      // [display] window_width  (windowed only)
    int windowHeight = 1080;                     // [display] window_height (windowed only)
    int textureBudgetMb = 256; // [display] texture_budget_mb: GPU memory for images

    Language defaultLanguage = Language::Zh; // [session] default_language
    int idleTimeoutS = 90;                   // [session] idle_timeout_s: no touch -> "Still there?"
    int stillThereS = 10;                    // [session] still_there_s: countdown before reset
    int attractSlideS = 8;                   // [session] attract_slide_s

    std::filesystem::path logFile;      // [log] file (default <state_dir>/logs/kiosk.log)
    LogLevel logLevel = LogLevel::Info; // [log] level
    int logMaxSizeMb = 10;              // [log] max_size_mb: rotate when the file reaches it
    int logKeepFiles = 5;               // [log] keep_files: rotated files kept (kiosk.log.1 …)

    std::string baseUrl; // [web] base_url of the cloud gallery (QR hand-off)

    std::string quizScoring = "accuracy"; // [quiz] scoring: "accuracy" or "speed"
    int quizQuestions = 5;                // [quiz] questions: questions per round
    int quizTimerS = 0;                   // [quiz] timer_s: seconds per question (0: no timer)
    bool quizStreakBonus = false;         // [quiz] streak_bonus: bonus points for answer streaks
    int quizMinAnswerMs =
        300; // [quiz] min_answer_ms: faster answers don't count for the leaderboard
    int quizCooldownMin = 10; // [quiz] leaderboard_cooldown_min: minutes between entries
    int quizDailyCap = 5;     // [quiz] daily_cap: leaderboard entries per nickname per day
    std::string
        teacherPinHash; // [quiz] teacher_pin_hash: argon2id string (empty: no class sessions)
    int classIdleTimeoutS =
        1200; // [quiz] class_idle_timeout_s: idle timeout during a class session

    bool videoEnabled = true; // [video] enabled: false plays no videos (attract shows items)
    std::string videoHwdec =
        "auto-safe";          // [video] hwdec: mpv hardware decoding ("auto-safe", "no", ...)
    int videoVolume = 70;     // [video] volume: starting volume, percent
    int videoMaxVolume = 90;  // [video] max_volume: the visitor's volume buttons stop here
    bool attractMuted = true; // [video] attract_muted: videos in the attract loop play silently
    std::string videoSubtitles =
        "auto"; // [video] subtitles: "auto" (the visitor's language), "zh", "en", "off"
    std::string audioOutput; // [video] audio_output: mpv audio output ("" = automatic)
};

// One source of settings; every field is optional and a set field overrides lower layers.
// Paths are already absolute (relative ones are resolved against the config file's folder,
// or the working directory for the command line).
struct KioskConfigLayer {
    std::optional<std::filesystem::path> stateDir;
    std::optional<bool> devMode;
    std::optional<std::filesystem::path> packPath;
    std::optional<std::filesystem::path> lastGoodPackPath;
    std::optional<std::string> theme;
    std::optional<Orientation> orientation;
    std::optional<bool> windowed;
    std::optional<int> windowWidth;
    std::optional<int> windowHeight;
    std::optional<int> textureBudgetMb;
    std::optional<Language> defaultLanguage;
    std::optional<int> idleTimeoutS;
    std::optional<int> stillThereS;
    std::optional<int> attractSlideS;
    std::optional<std::filesystem::path> logFile;
    std::optional<LogLevel> logLevel;
    std::optional<int> logMaxSizeMb;
    std::optional<int> logKeepFiles;
    std::optional<std::string> baseUrl;
    std::optional<std::string> quizScoring;
    std::optional<int> quizQuestions;
    std::optional<int> quizTimerS;
    std::optional<bool> quizStreakBonus;
    std::optional<int> quizMinAnswerMs;
    std::optional<int> quizCooldownMin;
    std::optional<int> quizDailyCap;
    std::optional<std::string> teacherPinHash;
    std::optional<int> classIdleTimeoutS;
    std::optional<bool> videoEnabled;
    std::optional<std::string> videoHwdec;
    std::optional<int> videoVolume;
    std::optional<int> videoMaxVolume;
    std::optional<bool> attractMuted;
    std::optional<std::string> videoSubtitles;
    std::optional<std::string> audioOutput;
};

// Sets every field of `config` that `layer` sets.
void applyOverrides(KioskConfig& config, const KioskConfigLayer& layer);
// `upper` over `lower`: a layer with the fields of both, `upper` winning.
KioskConfigLayer mergeLayers(const KioskConfigLayer& lower, const KioskConfigLayer& upper);

// Precedence: built-in defaults < pack.json "kiosk"/"theme"/"default_language" < config file <
// command line. Then fills the derived defaults (last_good and log file under state_dir).
// Bootstrapping: resolve once without the pack layer to learn the pack path, load the pack,
// then resolve again with packKioskLayer(pack).
KioskConfig resolveKioskConfig(const KioskConfigLayer& pack, const KioskConfigLayer& file,
                               const KioskConfigLayer& commandLine);

// The pack's own kiosk defaults: kiosk.{idle_timeout_s, still_there_s, attract_slide_s,
// orientation}, theme and default_language.
KioskConfigLayer packKioskLayer(const Pack& pack);

struct KioskConfigLoadResult {
    KioskConfigLayer layer; // exactly what the file sets (for resolveKioskConfig)
    KioskConfig config; // defaults < file, derived defaults filled (when there is no pack layer)
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.hasErrors(); }
};

// Reads a kiosk TOML file. Never throws. Diagnostics carry the file, a JSON pointer into the
// TOML tree ("/session/idle_timeout_s") and line:column. Codes: config.not_found,
// toml.syntax (line:column from the parser), schema.type, schema.value (out of range, not one
// of the allowed values), schema.unknown_field (warning). A key with an error keeps its default.
KioskConfigLoadResult loadKioskConfig(const std::filesystem::path& file);
KioskConfigLoadResult loadKioskConfigFromText(std::string_view text, const std::string& fileLabel,
                                              const std::filesystem::path& baseDir);

// Command-line overrides written like the file's keys: "session.idle_timeout_s=30",
// "pack.path=/srv/pack", "dev_mode=true". Values are TOML; a value that is not valid TOML is
// taken as a string (so paths need no quotes). Later assignments win. Diagnostics use the file
// label "(command line)"; relative paths are resolved against the working directory.
KioskConfigLayer parseKioskConfigAssignments(const std::vector<std::string>& assignments,
                                             Diagnostics& diagnostics);

// Checks across fields of the resolved configuration (code config.invalid): a pack path is
// set, still_there_s < idle_timeout_s, last_good differs from the pack path,
// quiz.class_idle_timeout_s >= session.idle_timeout_s.
Diagnostics checkKioskConfig(const KioskConfig& config);

} // namespace lantai::core

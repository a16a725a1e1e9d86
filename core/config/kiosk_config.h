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
// Whether a width x height frame (after display.rotation) shows the portrait layout: auto follows
// its shape (taller than wide), landscape and portrait force that layout.
bool portraitLayout(double width, double height, Orientation orientation);

// The kiosk's settings as C++ fields, listed once: KioskConfig holds a value of each,
// KioskConfigLayer an optional one (a layer sets only some). What each field means — its TOML
// key, type, range, default and doc line — is its one entry in the settings table
// (core/config/settings_table.cpp); the comments below only name the key.
template <template <class> class Slot> struct KioskSettingFields {
    Slot<std::filesystem::path> stateDir{}; // state_dir
    Slot<int> stateDiskReserveMb{};         // state_disk_reserve_mb
    Slot<bool> devMode{};                   // dev_mode

    Slot<std::filesystem::path> packPath{};         // pack.path (empty: not configured)
    Slot<std::filesystem::path> lastGoodPackPath{}; // pack.last_good

    Slot<std::string> theme{};             // display.theme
    Slot<Orientation> orientation{};       // display.orientation
    Slot<bool> windowed{};                 // display.windowed
    Slot<int> windowWidth{};               // display.window_width
    Slot<int> windowHeight{};              // display.window_height
    Slot<int> rotation{};                  // display.rotation
    Slot<int> textureBudgetMb{};           // display.texture_budget_mb
    Slot<std::string> reachBand{};         // display.reach_band
    Slot<Language> defaultLanguage{};      // session.default_language
    Slot<int> idleTimeoutS{};              // session.idle_timeout_s
    Slot<int> stillThereS{};               // session.still_there_s
    Slot<int> attractSlideS{};             // session.attract_slide_s
    Slot<std::filesystem::path> logFile{}; // log.file
    Slot<LogLevel> logLevel{};             // log.level
    Slot<int> logMaxSizeMb{};              // log.max_size_mb
    Slot<int> logKeepFiles{};              // log.keep_files
    Slot<std::string> baseUrl{};           // web.base_url
    Slot<std::string> boothId{};           // stats.booth_id
    Slot<int> statsRetentionDays{};        // stats.retention_days
    Slot<int> statsMaxSizeMb{};            // stats.max_size_mb
    Slot<std::string> trustPublicKeys{};   // trust.public_keys (colon-separated files)
    Slot<std::string> syncOrigin{};        // sync.origin
    Slot<std::string> syncChannel{};       // sync.channel
    Slot<std::string> syncReportUrl{};     // sync.report_url
    Slot<int> syncMaxRateKbps{};           // sync.max_rate_kbps

    Slot<std::string> quizScoring{};    // quiz.scoring
    Slot<int> quizQuestions{};          // quiz.questions
    Slot<int> quizTimerS{};             // quiz.timer_s
    Slot<bool> quizStreakBonus{};       // quiz.streak_bonus
    Slot<int> quizMinAnswerMs{};        // quiz.min_answer_ms
    Slot<int> quizCooldownMin{};        // quiz.leaderboard_cooldown_min
    Slot<int> quizDailyCap{};           // quiz.daily_cap
    Slot<std::string> teacherPinHash{}; // quiz.teacher_pin_hash
    Slot<int> classIdleTimeoutS{};      // quiz.class_idle_timeout_s

    Slot<bool> phonesEnabled{};             // phones.enabled
    Slot<std::string> phonesListen{};       // phones.listen
    Slot<int> phonesPort{};                 // phones.port
    Slot<std::string> phonesWifiSsid{};     // phones.wifi_ssid
    Slot<std::string> phonesWifiPassword{}; // phones.wifi_password

    Slot<bool> videoEnabled{};          // video.enabled
    Slot<std::string> videoHwdec{};     // video.hwdec
    Slot<int> videoVolume{};            // video.volume
    Slot<int> videoMaxVolume{};         // video.max_volume
    Slot<bool> attractMuted{};          // video.attract_muted
    Slot<std::string> videoSubtitles{}; // video.subtitles
    Slot<std::string> audioOutput{};    // video.audio_output

    Slot<std::string> staffPinHash{};            // staff.pin_hash
    Slot<std::filesystem::path> staffPacksDir{}; // staff.packs_dir
    Slot<std::string> staffMediaDirs{};          // staff.media_dirs
};

template <class T> using SettingValueSlot = T;

// The resolved configuration the kiosk runs with. A default-constructed one holds every
// setting's default from the settings table (deploy/kiosk.example.toml documents each one).
struct KioskConfig : KioskSettingFields<SettingValueSlot> {
    KioskConfig();
};

// One source of settings; every field is optional and a set field overrides lower layers.
// Paths are already absolute (relative ones are resolved against the config file's folder,
// or the working directory for the command line).
struct KioskConfigLayer : KioskSettingFields<std::optional> {};

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
// TOML tree ("/session/idle_timeout_s") and line:column. Codes: config.not_found, the file
// errors of core/base/file_io.h for a path that is not a regular file (file.not_regular: a FIFO,
// a device, a socket, a folder; file.link_loop) or cannot be read, toml.syntax (line:column from
// the parser), schema.type, schema.value (out of range, not one of the allowed values),
// schema.unknown_field (warning). A key with an error keeps its default. Never blocks on a FIFO.
KioskConfigLoadResult loadKioskConfig(const std::filesystem::path& file);
KioskConfigLoadResult loadKioskConfigFromText(std::string_view text, const std::string& fileLabel,
                                              const std::filesystem::path& baseDir);

// Command-line overrides written like the file's keys: "session.idle_timeout_s=30",
// "pack.path=/srv/pack", "dev_mode=true" (lantai-kiosk --set). Values are TOML; a value that is
// not valid TOML is taken as a string (so paths need no quotes). Each value is checked like the
// file's (same codes and messages); later assignments win. Diagnostics use the file label
// "(command line)" and no line:column; relative paths are resolved against the working
// directory. A key the settings table lacks is reported with `unknownKey` severity: a warning
// (ignored, like the file's typos) or an error (lantai-kiosk refuses to start).
KioskConfigLayer parseKioskConfigAssignments(const std::vector<std::string>& assignments,
                                             Diagnostics& diagnostics,
                                             Severity unknownKey = Severity::Warning);

// The configuration as a TOML file: every key of the settings table in its [section], its doc
// line above it and its range or allowed values beside it (lantai-kiosk --print-config). Read
// back by loadKioskConfig it gives the same configuration.
std::string formatKioskConfigToml(const KioskConfig& config);

// Checks across fields of the resolved configuration (code config.invalid): a pack path is
// set, still_there_s < idle_timeout_s, last_good differs from the pack path,
// quiz.class_idle_timeout_s >= session.idle_timeout_s.
Diagnostics checkKioskConfig(const KioskConfig& config);

} // namespace lantai::core

// core/config: the settings table — one entry per kiosk setting, and the conversions it relies on
#include "core/config/settings_table.h"

#include "core/quiz/answer_timing.h"

#include <algorithm>
#include <cstdio>
#include <type_traits>

namespace lantai::core {

namespace {

namespace fs = std::filesystem;

// ---- a field's C++ type <-> SettingValue -------------------------------------------------------

template <class T> struct Codec;
template <> struct Codec<bool> {
    static SettingValue to(bool v) { return v; }
    static bool from(const SettingValue& v) { return std::get<bool>(v); }
};
template <> struct Codec<int> {
    static SettingValue to(int v) { return std::int64_t{v}; }
    static int from(const SettingValue& v) { return static_cast<int>(std::get<std::int64_t>(v)); }
};
template <> struct Codec<std::string> {
    static SettingValue to(const std::string& v) { return v; }
    static std::string from(const SettingValue& v) { return std::get<std::string>(v); }
};
template <> struct Codec<fs::path> {
    static SettingValue to(const fs::path& v) { return v.string(); }
    static fs::path from(const SettingValue& v) { return fs::path(std::get<std::string>(v)); }
};
template <> struct Codec<Orientation> {
    static SettingValue to(Orientation v) { return std::string(orientationName(v)); }
    static Orientation from(const SettingValue& v) {
        Orientation o = Orientation::Auto;
        parseOrientation(std::get<std::string>(v), o);
        return o;
    }
};
template <> struct Codec<Language> {
    static SettingValue to(Language v) { return std::string(languageCode(v)); }
    static Language from(const SettingValue& v) {
        Language l = Language::Zh;
        parseLanguage(std::get<std::string>(v), l);
        return l;
    }
};
template <> struct Codec<LogLevel> {
    static SettingValue to(LogLevel v) { return std::string(logLevelName(v)); }
    static LogLevel from(const SettingValue& v) {
        LogLevel l = LogLevel::Info;
        parseLogLevel(std::get<std::string>(v), l);
        return l;
    }
};

template <auto ValueMember, auto LayerMember> SettingField bindField() {
    using T = std::remove_cvref_t<decltype(std::declval<KioskConfig&>().*ValueMember)>;
    using C = Codec<T>;
    return SettingField{
        [](const KioskConfig& c) { return C::to(c.*ValueMember); },
        [](KioskConfig& c, const SettingValue& v) { c.*ValueMember = C::from(v); },
        [](KioskConfigLayer& l, const SettingValue& v) { l.*LayerMember = C::from(v); },
        [](const KioskConfigLayer& l) { return (l.*LayerMember).has_value(); },
        [](KioskConfig& c, const KioskConfigLayer& l) {
            if (l.*LayerMember) c.*ValueMember = *(l.*LayerMember);
        },
        [](KioskConfigLayer& into, const KioskConfigLayer& upper) {
            if (upper.*LayerMember) into.*LayerMember = upper.*LayerMember;
        },
    };
}

// The same member of KioskConfig and KioskConfigLayer (one field list, two slot kinds).
#define LANTAI_SETTING_FIELD(member) bindField<&KioskConfig::member, &KioskConfigLayer::member>()

// ---- entry builders (mpv's OPT_* macros, as functions) -----------------------------------------

SettingSpec boolean(std::string_view key, SettingField field, bool value, std::string_view doc) {
    SettingSpec s;
    s.key = key;
    s.type = SettingType::Bool;
    s.defaultValue = value;
    s.doc = doc;
    s.field = field;
    return s;
}

SettingSpec integer(std::string_view key, SettingField field, std::int64_t value, std::int64_t min,
                    std::int64_t max, std::string_view doc) {
    SettingSpec s = boolean(key, field, false, doc);
    s.type = SettingType::Int;
    s.defaultValue = value;
    s.min = min;
    s.max = max;
    return s;
}

// An integer in [min, max], or 0, which means `zeroMeans` ("no timer").
SettingSpec integerOrZero(std::string_view key, SettingField field, std::int64_t value,
                          std::int64_t min, std::int64_t max, std::string_view zeroMeans,
                          std::string_view zeroMeansZh, std::string_view doc) {
    SettingSpec s = integer(key, field, value, min, max, doc);
    s.zeroMeans = zeroMeans;
    s.zeroMeansZh = zeroMeansZh;
    return s;
}

SettingSpec text(std::string_view key, SettingField field, std::string value, std::string_view doc,
                 SettingRule rule = nullptr) {
    SettingSpec s = boolean(key, field, false, doc);
    s.type = SettingType::String;
    s.defaultValue = std::move(value);
    s.rule = rule;
    return s;
}

SettingSpec path(std::string_view key, SettingField field, std::string value,
                 std::string_view doc) {
    SettingSpec s = text(key, field, std::move(value), doc);
    s.type = SettingType::Path;
    return s;
}

// A path that is not set by default: <state_dir>/underStateDir, or (example) not configured.
SettingSpec derivedPath(std::string_view key, SettingField field, std::string_view underStateDir,
                        std::string_view example, std::string_view doc) {
    SettingSpec s = path(key, field, "", doc);
    s.underStateDir = underStateDir;
    s.example = example;
    return s;
}

SettingSpec choice(std::string_view key, SettingField field, std::string value,
                   std::vector<std::string_view> names, std::string_view doc) {
    SettingSpec s = text(key, field, std::move(value), doc);
    s.type = SettingType::Enum;
    s.names = std::move(names);
    return s;
}

// An integer from min to max in steps of `step` (display.rotation: 0, 90, 180, 270).
SettingSpec integerSteps(std::string_view key, SettingField field, std::int64_t value,
                         std::int64_t min, std::int64_t max, std::int64_t step,
                         std::string_view doc) {
    SettingSpec s = integer(key, field, value, min, max, doc);
    s.step = step;
    return s;
}

// ---- extra rules -------------------------------------------------------------------------------

std::optional<SettingProblem> themeNotEmpty(const std::string& value) {
    if (!value.empty()) return std::nullopt;
    return SettingProblem{"The theme must not be empty: give a theme name such as \"red-archive\".",
                          "主题不能为空，请填写主题名称，例如 \"red-archive\"。"};
}

std::optional<SettingProblem> webAddress(const std::string& url) {
    const bool okScheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (url.empty() || okScheme) return std::nullopt;
    return SettingProblem{"base_url \"" + url + "\" must start with https:// (or http://).",
                          "base_url \"" + url + "\" 必须以 https://（或 http://）开头。"};
}

// An http(s) address or nothing, for the sync settings (`key` names the setting).
std::optional<SettingProblem> syncAddress(const std::string& url, const char* key) {
    const bool okScheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (url.empty() || okScheme) return std::nullopt;
    return SettingProblem{
        std::string(key) + " \"" + url + "\" must start with https:// (or http://).",
        std::string(key) + " \"" + url + "\" 必须以 https://（或 http://）开头。"};
}
std::optional<SettingProblem> syncOrigin(const std::string& url) {
    return syncAddress(url, "sync.origin");
}
std::optional<SettingProblem> syncReportUrl(const std::string& url) {
    return syncAddress(url, "sync.report_url");
}

// An Argon2id hash string or nothing: `key` names the setting, `command` makes the hash and
// `consequence` says what stays off.
std::optional<SettingProblem> argon2idOrEmpty(const std::string& hash, std::string_view key,
                                              std::string_view command,
                                              std::string_view consequence,
                                              std::string_view consequenceZh) {
    if (hash.empty() || hash.rfind("$argon2id$", 0) == 0) return std::nullopt;
    const std::string k(key), c(command);
    return SettingProblem{k +
                              " must be an argon2id hash (starting with \"$argon2id$\"), not the "
                              "PIN itself: generate it with `" +
                              c + "`. " + std::string(consequence),
                          k +
                              " 必须是 argon2id 哈希值（以 \"$argon2id$\" 开头），而不是 PIN "
                              "本身：请用 `" +
                              c + "` 生成。" + std::string(consequenceZh)};
}

std::optional<SettingProblem> argon2idHash(const std::string& hash) {
    return argon2idOrEmpty(hash, "quiz.teacher_pin_hash", "lantai quiz hash-pin",
                           "Class sessions stay disabled.", "课堂模式保持关闭。");
}

// Key files as absolute paths, colon-separated (the kiosk and lantai-sync run from anywhere);
// whether each reads is checked where they are used (core/trust/pack_trust.h).
std::optional<SettingProblem> trustedKeyList(const std::string& value) {
    std::size_t start = 0;
    while (start < value.size()) {
        const std::size_t end = std::min(value.find(':', start), value.size());
        const std::string entry = value.substr(start, end - start);
        start = end + 1;
        if (entry.empty() || entry.front() == '/') continue;
        return SettingProblem{"trust.public_keys: \"" + entry +
                                  "\" is not an absolute path of a public key file.",
                              "trust.public_keys：“" + entry + "”不是公钥文件的绝对路径。"};
    }
    return std::nullopt;
}

std::optional<SettingProblem> staffPinHash(const std::string& hash) {
    return argon2idOrEmpty(hash, "staff.pin_hash", "lantai staff hash-pin",
                           "Staff mode stays disabled.", "工作人员模式保持关闭。");
}

// ---- the table ---------------------------------------------------------------------------------

std::vector<SettingSpec> makeTable() {
    return {
        path("state_dir", LANTAI_SETTING_FIELD(stateDir), "/var/lib/lantai",
             "State folder: statistics, the last good pack and logs live here (writable by the "
             "kiosk user)."),
        integerOrZero("state_disk_reserve_mb", LANTAI_SETTING_FIELD(stateDiskReserveMb), 200, 1,
                      65536, "no check", "不检查",
                      "Free space (MB) to keep on the state folder's disk: with less, the kiosk "
                      "logs a warning; 0: no check."),
        boolean("dev_mode", LANTAI_SETTING_FIELD(devMode), false,
                "Developer mode: windowed, debug overlay, keyboard shortcuts to quit."),

        derivedPath("pack.path", LANTAI_SETTING_FIELD(packPath), "", "/srv/lantai/packs/current",
                    "The exhibition pack folder (built with `lantai build`: pack.json and "
                    "derived/)."),
        derivedPath("pack.last_good", LANTAI_SETTING_FIELD(lastGoodPackPath), "last-good-pack", "",
                    "Copy of the last pack that passed validation."),

        text("display.theme", LANTAI_SETTING_FIELD(theme), "red-archive",
             "Theme: a name from themes/ (red-archive, high-contrast) or the path of a .json "
             "theme file.",
             themeNotEmpty),
        choice("display.orientation", LANTAI_SETTING_FIELD(orientation), "auto",
               {"auto", "landscape", "portrait"},
               "Layout: auto (portrait when the screen, after display.rotation, is taller than "
               "wide), landscape or portrait (that layout on any screen)."),
        choice("display.reach_band", LANTAI_SETTING_FIELD(reachBand), "lower", {"lower", "full"},
               "Reach band: lower (portrait: every button within the lower 60 % of the screen, "
               "the navigation bar at the bottom, for wheelchair users and children; landscape: "
               "the whole screen is within reach) or full (the whole screen in every orientation, "
               "e.g. a screen mounted low or on a table)."),
        boolean("display.windowed", LANTAI_SETTING_FIELD(windowed), false,
                "Run in a window (false: fullscreen)."),
        integer("display.window_width", LANTAI_SETTING_FIELD(windowWidth), 1920, 320, 16384,
                "The window size (pixels) is used only when windowed."),
        integer("display.window_height", LANTAI_SETTING_FIELD(windowHeight), 1080, 240, 16384,
                "The window size (pixels) is used only when windowed."),
        integerSteps("display.rotation", LANTAI_SETTING_FIELD(rotation), 0, 0, 270, 90,
                     "Turn the picture clockwise by 0, 90, 180 or 270 degrees (portrait screens "
                     "on a landscape output); touch input is turned with it."),
        integer("display.texture_budget_mb", LANTAI_SETTING_FIELD(textureBudgetMb), 256, 32, 16384,
                "GPU memory for image textures (MB); the least recently seen tiles are freed "
                "first."),

        choice("session.default_language", LANTAI_SETTING_FIELD(defaultLanguage), "zh",
               {"zh", "en"}, "Default language: zh or en."),
        integer("session.idle_timeout_s", LANTAI_SETTING_FIELD(idleTimeoutS), 90, 10, 3600,
                "Seconds without a touch before \"Still there?\"."),
        integer("session.still_there_s", LANTAI_SETTING_FIELD(stillThereS), 10, 3, 60,
                "Countdown of \"Still there?\" before returning to the attract loop; less than "
                "idle_timeout_s."),
        integer("session.attract_slide_s", LANTAI_SETTING_FIELD(attractSlideS), 8, 2, 120,
                "Seconds per slide in the attract loop."),

        derivedPath("log.file", LANTAI_SETTING_FIELD(logFile), "logs/kiosk.log", "", "Log file."),
        choice("log.level", LANTAI_SETTING_FIELD(logLevel), "info",
               {"debug", "info", "warning", "error"}, "Log level: debug, info, warning or error."),
        integer("log.max_size_mb", LANTAI_SETTING_FIELD(logMaxSizeMb), 10, 1, 1024,
                "Rotate to kiosk.log.1 … at this size (MB)."),
        integer("log.keep_files", LANTAI_SETTING_FIELD(logKeepFiles), 5, 1, 100,
                "How many rotated log files to keep."),

        text("web.base_url", LANTAI_SETTING_FIELD(baseUrl), "",
             "Address of the cloud gallery (https://…).", webAddress),

        text("stats.booth_id", LANTAI_SETTING_FIELD(boothId), "",
             "The booth's name in the visitor statistics (e.g. \"hall-east\"); empty: the "
             "computer's host name."),
        integer("stats.retention_days", LANTAI_SETTING_FIELD(statsRetentionDays), 400, 1, 3650,
                "Days visitor statistics are kept; older records are deleted."),
        integer("stats.max_size_mb", LANTAI_SETTING_FIELD(statsMaxSizeMb), 512, 16, 65536,
                "The statistics database's largest size (MB); past it the oldest interaction "
                "events are deleted."),

        text("trust.public_keys", LANTAI_SETTING_FIELD(trustPublicKeys), "",
             "Minisign public key files (lantai.pub from `lantai pack keygen`), colon-separated, "
             "whose signed packs this booth accepts (lantai-sync, lantai pack install, the "
             "kiosk). Set: the kiosk shows signed packs only. Empty: none configured, unsigned "
             "packs are shown.",
             trustedKeyList),
        text("sync.origin", LANTAI_SETTING_FIELD(syncOrigin), "",
             "Where lantai-sync fetches packs: the address of a channel site `lantai publish` "
             "wrote (https://…). Empty: no fleet sync.",
             syncOrigin),
        text("sync.channel", LANTAI_SETTING_FIELD(syncChannel), "stable",
             "The channel this booth follows (channels/NAME.json on the origin)."),
        text("sync.report_url", LANTAI_SETTING_FIELD(syncReportUrl), "",
             "Where lantai-sync PUTs the heartbeat and statistics snapshot after each sync "
             "(https://user:password@…/reports/). Empty: nothing is sent.",
             syncReportUrl),
        integerOrZero("sync.max_rate_kbps", LANTAI_SETTING_FIELD(syncMaxRateKbps), 0, 8, 10000000,
                      "unlimited", "不限",
                      "Download bandwidth limit of lantai-sync (kilobytes per second); 0: "
                      "unlimited."),

        choice("quiz.scoring", LANTAI_SETTING_FIELD(quizScoring), "accuracy", {"accuracy", "speed"},
               "Scoring: accuracy (correct answers count) or speed (correct answers score more "
               "when faster)."),
        integer("quiz.questions", LANTAI_SETTING_FIELD(quizQuestions), 5, 3, 20,
                "Questions per round."),
        integerOrZero("quiz.timer_s", LANTAI_SETTING_FIELD(quizTimerS), 0, 5, 120, "no timer",
                      "不计时", "Seconds per question; 0: no timer."),
        boolean("quiz.streak_bonus", LANTAI_SETTING_FIELD(quizStreakBonus), false,
                "Bonus points for a streak of correct answers."),
        integer("quiz.min_answer_ms", LANTAI_SETTING_FIELD(quizMinAnswerMs), kDefaultMinAnswerMs, 0,
                5000,
                "Answers faster than this (milliseconds) don't count for the leaderboard (guards "
                "against mashing)."),
        integer("quiz.leaderboard_cooldown_min", LANTAI_SETTING_FIELD(quizCooldownMin), 10, 0, 1440,
                "Minimum minutes between two leaderboard entries by the same nickname; 0: no "
                "cooldown."),
        integer("quiz.daily_cap", LANTAI_SETTING_FIELD(quizDailyCap), 5, 1, 100,
                "Leaderboard entries per nickname per day."),
        text("quiz.teacher_pin_hash", LANTAI_SETTING_FIELD(teacherPinHash), "",
             "Argon2id hash of the teacher PIN (starts with $argon2id$), generated with `lantai "
             "quiz hash-pin`; never the PIN itself.",
             argon2idHash),
        integer("quiz.class_idle_timeout_s", LANTAI_SETTING_FIELD(classIdleTimeoutS), 1200, 60,
                7200,
                "Seconds without a touch before \"Still there?\" while a teacher-run class session "
                "is in progress; not less than session.idle_timeout_s."),

        boolean("phones.enabled", LANTAI_SETTING_FIELD(phonesEnabled), false,
                "Class on phones: the kiosk hosts the class quiz for the pupils' phones over the "
                "booth's Wi-Fi (a built-in HTTP + WebSocket server); the teacher starts it behind "
                "the teacher PIN, so quiz.teacher_pin_hash must be set."),
        text("phones.listen", LANTAI_SETTING_FIELD(phonesListen), "",
             "Address to listen on; empty: every interface."),
        integer("phones.port", LANTAI_SETTING_FIELD(phonesPort), 8080, 1, 65535,
                "Port of the phone page (/) and WebSocket (/ws)."),
        text("phones.wifi_ssid", LANTAI_SETTING_FIELD(phonesWifiSsid), "",
             "The booth's Wi-Fi network: with a name, the screen also shows a QR code that joins "
             "it; empty: no Wi-Fi code."),
        text("phones.wifi_password", LANTAI_SETTING_FIELD(phonesWifiPassword), "",
             "The Wi-Fi password (WPA); empty: an open network."),

        boolean("video.enabled", LANTAI_SETTING_FIELD(videoEnabled), true,
                "Play videos. false: no videos; the attract loop shows items instead."),
        choice("video.hwdec", LANTAI_SETTING_FIELD(videoHwdec), "auto-safe",
               {"auto-safe", "auto", "auto-copy", "no", "vaapi", "vdpau", "nvdec", "drm"},
               "Hardware decoding (mpv's hwdec): \"auto-safe\" uses the GPU where it is known to "
               "work, else software; \"no\" always decodes in software."),
        integer("video.volume", LANTAI_SETTING_FIELD(videoVolume), 70, 0, 100,
                "Volume when a video starts (percent)."),
        integer("video.max_volume", LANTAI_SETTING_FIELD(videoMaxVolume), 90, 10, 100,
                "The highest volume visitors can choose (percent), so a quiet hall stays quiet."),
        boolean("video.attract_muted", LANTAI_SETTING_FIELD(attractMuted), true,
                "Play videos in the attract loop without sound."),
        choice("video.subtitles", LANTAI_SETTING_FIELD(videoSubtitles), "auto",
               {"auto", "zh", "en", "off"},
               "Subtitles at start: \"auto\" follows the visitor's language; \"zh\", \"en\", or "
               "\"off\"."),
        choice("video.audio_output", LANTAI_SETTING_FIELD(audioOutput), "",
               {"", "pulse", "pipewire", "alsa", "null"},
               "Audio output: empty picks automatically; \"pulse\", \"pipewire\", \"alsa\"; "
               "\"null\" for silence."),

        text("staff.pin_hash", LANTAI_SETTING_FIELD(staffPinHash), "",
             "Argon2id hash of the staff PIN (starts with $argon2id$), generated with `lantai "
             "staff hash-pin`; never the PIN itself. Empty: staff mode is disabled.",
             staffPinHash),
        derivedPath("staff.packs_dir", LANTAI_SETTING_FIELD(staffPacksDir), "packs", "",
                    "Folder of the installed packs staff can switch to (a pack from a USB stick "
                    "is copied here first)."),
        text("staff.media_dirs", LANTAI_SETTING_FIELD(staffMediaDirs), "/media:/run/media",
             "Where USB sticks are mounted, colon-separated: packs are looked for and reports "
             "exported there."),
    };
}

#undef LANTAI_SETTING_FIELD

} // namespace

std::string_view SettingSpec::section() const {
    const auto dot = key.find('.');
    return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

std::string_view SettingSpec::name() const {
    const auto dot = key.find('.');
    return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

std::string SettingSpec::pointer() const {
    std::string out = "/" + std::string(key);
    std::replace(out.begin(), out.end(), '.', '/');
    return out;
}

const std::vector<SettingSpec>& kioskSettings() {
    static const std::vector<SettingSpec> table = makeTable();
    return table;
}

const SettingSpec* findSetting(std::string_view key) {
    for (const auto& spec : kioskSettings())
        if (spec.key == key) return &spec;
    return nullptr;
}

KioskConfig::KioskConfig() {
    for (const auto& spec : kioskSettings())
        spec.field.assign(*this, spec.defaultValue);
}

std::string formatSettingValue(const SettingValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    std::string out = "\"";
    for (const char c : std::get<std::string>(value)) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string settingRangeText(const SettingSpec& spec) {
    switch (spec.type) {
    case SettingType::Int: {
        if (spec.step > 0) {
            std::string out;
            for (std::int64_t v = spec.min; v <= spec.max; v += spec.step)
                out += (out.empty() ? "" : ", ") + std::to_string(v);
            return out;
        }
        const std::string range = std::to_string(spec.min) + " – " + std::to_string(spec.max);
        return spec.zeroMeans.empty() ? range : "0, or " + range;
    }
    case SettingType::Enum: {
        std::string out;
        for (const auto name : spec.names)
            out += (out.empty() ? "\"" : ", \"") + std::string(name) + "\"";
        return out;
    }
    default:
        return {};
    }
}

} // namespace lantai::core

// core/config: kiosk TOML configuration reader (toml++), layers and precedence, cross-field checks
#include "core/config/kiosk_config.h"

#include "core/base/file_io.h"
#include "core/pack/model.h"

#include <algorithm>
#include <initializer_list>
#include <toml++/toml.h>

namespace lantai::core {

namespace {

constexpr const char* kCommandLineLabel = "(command line)";

struct Section {
    const char* name; // "" = top level
    std::vector<const char*> keys;
};

// Every key the file may hold, by table.
const std::vector<Section> kSections = {
    {"", {"state_dir", "dev_mode"}},
    {"pack", {"path", "last_good"}},
    {"display",
     {"theme", "orientation", "windowed", "window_width", "window_height", "texture_budget_mb"}},
    {"session", {"default_language", "idle_timeout_s", "still_there_s", "attract_slide_s"}},
    {"log", {"file", "level", "max_size_mb", "keep_files"}},
    {"web", {"base_url"}},
    {"quiz",
     {"scoring", "questions", "timer_s", "streak_bonus", "min_answer_ms",
      "leaderboard_cooldown_min", "daily_cap", "teacher_pin_hash", "class_idle_timeout_s"}},
    {"video",
     {"enabled", "hwdec", "volume", "max_volume", "attract_muted", "subtitles", "audio_output"}},
};

const char* tomlTypeName(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table:
        return "table";
    case toml::node_type::array:
        return "array";
    case toml::node_type::string:
        return "string";
    case toml::node_type::integer:
        return "integer";
    case toml::node_type::floating_point:
        return "number";
    case toml::node_type::boolean:
        return "boolean";
    case toml::node_type::date:
        return "date";
    case toml::node_type::time:
        return "time";
    case toml::node_type::date_time:
        return "date-time";
    default:
        return "value";
    }
}

template <class List> std::string joinKeys(const List& keys) {
    std::string out;
    for (const char* k : keys)
        out += (out.empty() ? "\"" : ", \"") + std::string(k) + "\"";
    return out;
}

// Reads one parsed TOML table into a layer, reporting every problem.
class LayerReader {
  public:
    LayerReader(std::string file, std::filesystem::path baseDir, Diagnostics& diagnostics)
        : m_file(std::move(file)), m_baseDir(std::move(baseDir)), m_diagnostics(diagnostics) {}

    KioskConfigLayer read(const toml::table& root) {
        KioskConfigLayer layer;
        checkUnknown(root);
        const toml::table empty;
        const auto section = [&](const char* name) -> const toml::table& {
            const toml::node* node = root.get(name);
            return node && node->is_table() ? *node->as_table() : empty;
        };
        const toml::table& pack = section("pack");
        const toml::table& display = section("display");
        const toml::table& session = section("session");
        const toml::table& log = section("log");
        const toml::table& web = section("web");
        const toml::table& quiz = section("quiz");
        const toml::table& video = section("video");

        layer.stateDir = path(root, "", "state_dir");
        layer.devMode = boolean(root, "", "dev_mode");
        layer.packPath = path(pack, "pack", "path");
        layer.lastGoodPackPath = path(pack, "pack", "last_good");

        if (auto theme = string(display, "display", "theme")) {
            if (theme->empty())
                report(Severity::Error, "schema.value", display.get("theme"), "display", "theme",
                       "The theme must not be empty: give a theme name such as \"red-archive\".",
                       "主题不能为空，请填写主题名称，例如 \"red-archive\"。");
            else
                layer.theme = std::move(theme);
        }
        if (const auto v =
                enumeration(display, "display", "orientation", {"auto", "landscape", "portrait"})) {
            Orientation o{};
            parseOrientation(*v, o);
            layer.orientation = o;
        }
        layer.windowed = boolean(display, "display", "windowed");
        layer.windowWidth = integer(display, "display", "window_width", 320, 16384);
        layer.windowHeight = integer(display, "display", "window_height", 240, 16384);
        layer.textureBudgetMb = integer(display, "display", "texture_budget_mb", 32, 16384);

        if (const auto v = enumeration(session, "session", "default_language", {"zh", "en"}))
            layer.defaultLanguage = *v == "en" ? Language::En : Language::Zh;
        layer.idleTimeoutS = integer(session, "session", "idle_timeout_s", 10, 3600);
        layer.stillThereS = integer(session, "session", "still_there_s", 3, 60);
        layer.attractSlideS = integer(session, "session", "attract_slide_s", 2, 120);

        layer.logFile = path(log, "log", "file");
        if (const auto v =
                enumeration(log, "log", "level", {"debug", "info", "warning", "error"})) {
            LogLevel l{};
            parseLogLevel(*v, l);
            layer.logLevel = l;
        }
        layer.logMaxSizeMb = integer(log, "log", "max_size_mb", 1, 1024);
        layer.logKeepFiles = integer(log, "log", "keep_files", 1, 100);

        if (auto url = string(web, "web", "base_url")) {
            const bool okScheme = url->rfind("https://", 0) == 0 || url->rfind("http://", 0) == 0;
            if (!url->empty() && !okScheme)
                report(Severity::Error, "schema.value", web.get("base_url"), "web", "base_url",
                       "base_url \"" + *url + "\" must start with https:// (or http://).",
                       "base_url \"" + *url + "\" 必须以 https://（或 http://）开头。");
            else
                layer.baseUrl = std::move(url);
        }

        layer.quizScoring = enumeration(quiz, "quiz", "scoring", {"accuracy", "speed"});
        layer.quizQuestions = integer(quiz, "quiz", "questions", 3, 20);
        if (const auto timer = integer(quiz, "quiz", "timer_s", 0, 120)) {
            if (*timer != 0 && *timer < 5)
                report(Severity::Error, "schema.value", quiz.get("timer_s"), "quiz", "timer_s",
                       "\"quiz.timer_s\" is " + std::to_string(*timer) +
                           "; it must be 0 (no timer) or between 5 and 120. The default is used.",
                       "\"quiz.timer_s\" 的值 " + std::to_string(*timer) +
                           " 无效，应为 0（不计时）或 5 到 120 之间，将使用默认值。");
            else
                layer.quizTimerS = timer;
        }
        layer.quizStreakBonus = boolean(quiz, "quiz", "streak_bonus");
        layer.quizMinAnswerMs = integer(quiz, "quiz", "min_answer_ms", 0, 5000);
        layer.quizCooldownMin = integer(quiz, "quiz", "leaderboard_cooldown_min", 0, 1440);
        layer.quizDailyCap = integer(quiz, "quiz", "daily_cap", 1, 100);
        if (auto hash = string(quiz, "quiz", "teacher_pin_hash")) {
            if (!hash->empty() && hash->rfind("$argon2id$", 0) != 0)
                report(Severity::Error, "schema.value", quiz.get("teacher_pin_hash"), "quiz",
                       "teacher_pin_hash",
                       "quiz.teacher_pin_hash must be an argon2id hash (starting with "
                       "\"$argon2id$\"), not the PIN "
                       "itself: generate it with `lantai quiz hash-pin`. Class sessions stay "
                       "disabled.",
                       "quiz.teacher_pin_hash 必须是 argon2id 哈希值（以 \"$argon2id$\" "
                       "开头），而不是 PIN 本身："
                       "请用 `lantai quiz hash-pin` 生成。课堂模式保持关闭。");
            else
                layer.teacherPinHash = std::move(hash);
        }
        layer.classIdleTimeoutS = integer(quiz, "quiz", "class_idle_timeout_s", 60, 7200);
        layer.videoEnabled = boolean(video, "video", "enabled");
        layer.videoHwdec =
            enumeration(video, "video", "hwdec",
                        {"auto-safe", "auto", "auto-copy", "no", "vaapi", "vdpau", "nvdec", "drm"});
        layer.videoVolume = integer(video, "video", "volume", 0, 100);
        layer.videoMaxVolume = integer(video, "video", "max_volume", 10, 100);
        layer.attractMuted = boolean(video, "video", "attract_muted");
        layer.videoSubtitles =
            enumeration(video, "video", "subtitles", {"auto", "zh", "en", "off"});
        layer.audioOutput =
            enumeration(video, "video", "audio_output", {"", "pulse", "pipewire", "alsa", "null"});
        return layer;
    }

  private:
    static std::string pointerOf(const char* section, const char* key) {
        return (*section ? "/" + std::string(section) : std::string()) + "/" + key;
    }
    static std::string dotted(const char* section, const char* key) {
        return *section ? std::string(section) + "." + key : std::string(key);
    }

    void report(Severity severity, const char* code, const toml::node* node, const char* section,
                const char* key, std::string message, std::string messageZh) {
        const auto& begin = node ? node->source().begin : toml::source_position{};
        m_diagnostics.add({severity, code, m_file, pointerOf(section, key),
                           static_cast<int>(begin.line), static_cast<int>(begin.column),
                           std::move(message), std::move(messageZh)});
    }

    void reportType(const toml::node& node, const char* section, const char* key,
                    const char* wanted, const char* wantedZh) {
        report(Severity::Error, "schema.type", &node, section, key,
               "\"" + dotted(section, key) + "\" must be " + wanted + ", found " +
                   tomlTypeName(node) + ".",
               "\"" + dotted(section, key) + "\" 应为" + wantedZh + "，实际为 " +
                   tomlTypeName(node) + "。");
    }

    void unknown(const toml::key& key, const std::string& pointer, const std::string& name,
                 const std::vector<const char*>& known) {
        const auto& begin = key.source().begin;
        m_diagnostics.add({Severity::Warning, "schema.unknown_field", m_file, pointer,
                           static_cast<int>(begin.line), static_cast<int>(begin.column),
                           "Unknown setting \"" + name +
                               "\" is ignored (a typo?). Known here: " + joinKeys(known) + ".",
                           "未知设置项 \"" + name + "\" 将被忽略（是否拼写错误？）。此处可用：" +
                               joinKeys(known) + "。"});
    }

    void checkUnknown(const toml::table& root) {
        std::vector<const char*> topLevel;
        for (const auto& s : kSections) {
            if (*s.name)
                topLevel.push_back(s.name);
            else
                topLevel.insert(topLevel.end(), s.keys.begin(), s.keys.end());
        }
        for (auto&& [key, node] : root) {
            const std::string name(key.str());
            const Section* section = nullptr;
            for (const auto& s : kSections)
                if (*s.name && name == s.name) section = &s;
            if (!section) {
                const bool topKey =
                    std::any_of(kSections.begin()->keys.begin(), kSections.begin()->keys.end(),
                                [&](const char* k) { return name == k; });
                if (!topKey) {
                    const std::string known = joinKeys(topLevel);
                    const auto& begin = key.source().begin;
                    m_diagnostics.add({Severity::Warning, "schema.unknown_field", m_file,
                                       "/" + name, static_cast<int>(begin.line),
                                       static_cast<int>(begin.column),
                                       "Unknown setting or table \"" + name +
                                           "\" is ignored (a typo?). Known: " + known + ".",
                                       "未知设置项或表 \"" + name +
                                           "\" 将被忽略（是否拼写错误？）。可用：" + known + "。"});
                }
                continue;
            }
            if (!node.is_table()) {
                reportType(node, "", section->name, "a table ([section])", "表（[section]）");
                continue;
            }
            for (auto&& [subKey, subNode] : *node.as_table()) {
                (void)subNode;
                const std::string subName(subKey.str());
                const bool known = std::any_of(section->keys.begin(), section->keys.end(),
                                               [&](const char* k) { return subName == k; });
                if (!known)
                    unknown(subKey, "/" + name + "/" + subName, name + "." + subName,
                            section->keys);
            }
        }
    }

    std::optional<std::string> string(const toml::table& t, const char* section, const char* key) {
        const toml::node* node = t.get(key);
        if (!node) return std::nullopt;
        if (!node->is_string()) {
            reportType(*node, section, key, "a string (in quotes)", "字符串（加引号）");
            return std::nullopt;
        }
        return node->as_string()->get();
    }

    std::optional<std::filesystem::path> path(const toml::table& t, const char* section,
                                              const char* key) {
        const auto value = string(t, section, key);
        if (!value) return std::nullopt;
        if (value->empty()) {
            report(Severity::Error, "schema.value", t.get(key), section, key,
                   "\"" + dotted(section, key) +
                       "\" must not be empty: give a path or remove the line.",
                   "\"" + dotted(section, key) + "\" 不能为空：请填写路径，或删除这一行。");
            return std::nullopt;
        }
        std::filesystem::path p(*value);
        if (p.is_relative()) p = m_baseDir / p;
        return p.lexically_normal();
    }

    std::optional<bool> boolean(const toml::table& t, const char* section, const char* key) {
        const toml::node* node = t.get(key);
        if (!node) return std::nullopt;
        if (!node->is_boolean()) {
            reportType(*node, section, key, "true or false", " true 或 false");
            return std::nullopt;
        }
        return node->as_boolean()->get();
    }

    std::optional<int> integer(const toml::table& t, const char* section, const char* key, int min,
                               int max) {
        const toml::node* node = t.get(key);
        if (!node) return std::nullopt;
        if (!node->is_integer()) {
            reportType(*node, section, key, "a whole number", "整数");
            return std::nullopt;
        }
        const std::int64_t v = node->as_integer()->get();
        if (v < min || v > max) {
            report(Severity::Error, "schema.value", node, section, key,
                   "\"" + dotted(section, key) + "\" is " + std::to_string(v) +
                       "; it must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + ". The default is used.",
                   "\"" + dotted(section, key) + "\" 的值 " + std::to_string(v) +
                       " 超出范围，应在 " + std::to_string(min) + " 到 " + std::to_string(max) +
                       " 之间，将使用默认值。");
            return std::nullopt;
        }
        return static_cast<int>(v);
    }

    std::optional<std::string> enumeration(const toml::table& t, const char* section,
                                           const char* key,
                                           std::initializer_list<const char*> allowed) {
        auto value = string(t, section, key);
        if (!value) return std::nullopt;
        if (std::none_of(allowed.begin(), allowed.end(),
                         [&](const char* a) { return *value == a; })) {
            report(Severity::Error, "schema.value", t.get(key), section, key,
                   "\"" + dotted(section, key) + "\" is \"" + *value +
                       "\"; allowed: " + joinKeys(allowed) + ".",
                   "\"" + dotted(section, key) + "\" 的值 \"" + *value + "\" 无效；允许的值：" +
                       joinKeys(allowed) + "。");
            return std::nullopt;
        }
        return value;
    }

    std::string m_file;
    std::filesystem::path m_baseDir;
    Diagnostics& m_diagnostics;
};

// Parses TOML text; on a syntax error adds toml.syntax with the parser's line:column.
std::optional<toml::table> parseToml(std::string_view text, const std::string& fileLabel,
                                     Diagnostics& diagnostics, const std::string& context = {}) {
    try {
        return toml::parse(text, fileLabel);
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        const std::string what(error.description());
        diagnostics.add(
            {Severity::Error, "toml.syntax", fileLabel, "", static_cast<int>(begin.line),
             static_cast<int>(begin.column),
             (context.empty() ? "The configuration is not valid TOML: "
                              : context + " is not valid TOML: ") +
                 what + ".",
             (context.empty() ? "配置文件不是有效的 TOML：" : context + " 不是有效的 TOML：") +
                 what + "。"});
    }
    return std::nullopt;
}

template <class T> void setIf(T& target, const std::optional<T>& value) {
    if (value) target = *value;
}
template <class T> void mergeIf(std::optional<T>& target, const std::optional<T>& value) {
    if (value) target = value;
}

} // namespace

const char* orientationName(Orientation orientation) {
    switch (orientation) {
    case Orientation::Landscape:
        return "landscape";
    case Orientation::Portrait:
        return "portrait";
    default:
        return "auto";
    }
}

bool parseOrientation(std::string_view text, Orientation& out) {
    if (text == "auto")
        out = Orientation::Auto;
    else if (text == "landscape")
        out = Orientation::Landscape;
    else if (text == "portrait")
        out = Orientation::Portrait;
    else
        return false;
    return true;
}

void applyOverrides(KioskConfig& c, const KioskConfigLayer& l) {
    setIf(c.stateDir, l.stateDir);
    setIf(c.devMode, l.devMode);
    setIf(c.packPath, l.packPath);
    setIf(c.lastGoodPackPath, l.lastGoodPackPath);
    setIf(c.theme, l.theme);
    setIf(c.orientation, l.orientation);
    setIf(c.windowed, l.windowed);
    setIf(c.windowWidth, l.windowWidth);
    setIf(c.windowHeight, l.windowHeight);
    setIf(c.textureBudgetMb, l.textureBudgetMb);
    setIf(c.defaultLanguage, l.defaultLanguage);
    setIf(c.idleTimeoutS, l.idleTimeoutS);
    setIf(c.stillThereS, l.stillThereS);
    setIf(c.attractSlideS, l.attractSlideS);
    setIf(c.logFile, l.logFile);
    setIf(c.logLevel, l.logLevel);
    setIf(c.logMaxSizeMb, l.logMaxSizeMb);
    setIf(c.logKeepFiles, l.logKeepFiles);
    setIf(c.baseUrl, l.baseUrl);
    setIf(c.quizScoring, l.quizScoring);
    setIf(c.quizQuestions, l.quizQuestions);
    setIf(c.quizTimerS, l.quizTimerS);
    setIf(c.quizStreakBonus, l.quizStreakBonus);
    setIf(c.quizMinAnswerMs, l.quizMinAnswerMs);
    setIf(c.quizCooldownMin, l.quizCooldownMin);
    setIf(c.quizDailyCap, l.quizDailyCap);
    setIf(c.teacherPinHash, l.teacherPinHash);
    setIf(c.classIdleTimeoutS, l.classIdleTimeoutS);
    setIf(c.videoEnabled, l.videoEnabled);
    setIf(c.videoHwdec, l.videoHwdec);
    setIf(c.videoVolume, l.videoVolume);
    setIf(c.videoMaxVolume, l.videoMaxVolume);
    setIf(c.attractMuted, l.attractMuted);
    setIf(c.videoSubtitles, l.videoSubtitles);
    setIf(c.audioOutput, l.audioOutput);
}

KioskConfigLayer mergeLayers(const KioskConfigLayer& lower, const KioskConfigLayer& upper) {
    KioskConfigLayer m = lower;
    mergeIf(m.stateDir, upper.stateDir);
    mergeIf(m.devMode, upper.devMode);
    mergeIf(m.packPath, upper.packPath);
    mergeIf(m.lastGoodPackPath, upper.lastGoodPackPath);
    mergeIf(m.theme, upper.theme);
    mergeIf(m.orientation, upper.orientation);
    mergeIf(m.windowed, upper.windowed);
    mergeIf(m.windowWidth, upper.windowWidth);
    mergeIf(m.windowHeight, upper.windowHeight);
    mergeIf(m.textureBudgetMb, upper.textureBudgetMb);
    mergeIf(m.defaultLanguage, upper.defaultLanguage);
    mergeIf(m.idleTimeoutS, upper.idleTimeoutS);
    mergeIf(m.stillThereS, upper.stillThereS);
    mergeIf(m.attractSlideS, upper.attractSlideS);
    mergeIf(m.logFile, upper.logFile);
    mergeIf(m.logLevel, upper.logLevel);
    mergeIf(m.logMaxSizeMb, upper.logMaxSizeMb);
    mergeIf(m.logKeepFiles, upper.logKeepFiles);
    mergeIf(m.baseUrl, upper.baseUrl);
    mergeIf(m.quizScoring, upper.quizScoring);
    mergeIf(m.quizQuestions, upper.quizQuestions);
    mergeIf(m.quizTimerS, upper.quizTimerS);
    mergeIf(m.quizStreakBonus, upper.quizStreakBonus);
    mergeIf(m.quizMinAnswerMs, upper.quizMinAnswerMs);
    mergeIf(m.quizCooldownMin, upper.quizCooldownMin);
    mergeIf(m.quizDailyCap, upper.quizDailyCap);
    mergeIf(m.teacherPinHash, upper.teacherPinHash);
    mergeIf(m.classIdleTimeoutS, upper.classIdleTimeoutS);
    mergeIf(m.videoEnabled, upper.videoEnabled);
    mergeIf(m.videoHwdec, upper.videoHwdec);
    mergeIf(m.videoVolume, upper.videoVolume);
    mergeIf(m.videoMaxVolume, upper.videoMaxVolume);
    mergeIf(m.attractMuted, upper.attractMuted);
    mergeIf(m.videoSubtitles, upper.videoSubtitles);
    mergeIf(m.audioOutput, upper.audioOutput);
    return m;
}

KioskConfig resolveKioskConfig(const KioskConfigLayer& pack, const KioskConfigLayer& file,
                               const KioskConfigLayer& commandLine) {
    KioskConfig config;
    applyOverrides(config, pack);
    applyOverrides(config, file);
    applyOverrides(config, commandLine);
    if (config.lastGoodPackPath.empty())
        config.lastGoodPackPath = config.stateDir / "last-good-pack";
    if (config.logFile.empty()) config.logFile = config.stateDir / "logs" / "kiosk.log";
    return config;
}

KioskConfigLayer packKioskLayer(const Pack& pack) {
    KioskConfigLayer layer;
    layer.idleTimeoutS = pack.kiosk.idleTimeoutS;
    layer.stillThereS = pack.kiosk.stillThereS;
    layer.attractSlideS = pack.kiosk.attractSlideS;
    Orientation o{};
    if (parseOrientation(pack.kiosk.orientation, o)) layer.orientation = o;
    if (!pack.theme.empty()) layer.theme = pack.theme;
    layer.defaultLanguage = pack.defaultLanguage;
    return layer;
}

KioskConfigLoadResult loadKioskConfigFromText(std::string_view text, const std::string& fileLabel,
                                              const std::filesystem::path& baseDir) {
    KioskConfigLoadResult result;
    if (const auto table = parseToml(text, fileLabel, result.diagnostics)) {
        LayerReader reader(fileLabel, baseDir, result.diagnostics);
        result.layer = reader.read(*table);
    }
    result.config = resolveKioskConfig({}, result.layer, {});
    return result;
}

KioskConfigLoadResult loadKioskConfig(const std::filesystem::path& file) {
    std::string text;
    std::string error;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec) || !readFile(file, text, error, 1u << 20)) {
        KioskConfigLoadResult result;
        const std::string reason = error.empty() ? "the file does not exist" : error;
        result.diagnostics.add(
            {Severity::Error, "config.not_found", file.string(), "", 0, 0,
             "Cannot read the kiosk configuration \"" + file.string() + "\": " + reason + ".",
             "无法读取展台配置文件 \"" + file.string() + "\"（" + reason + "）。"});
        result.config = resolveKioskConfig({}, {}, {});
        return result;
    }
    const auto base = std::filesystem::absolute(file, ec).parent_path();
    return loadKioskConfigFromText(text, file.string(), base);
}

KioskConfigLayer parseKioskConfigAssignments(const std::vector<std::string>& assignments,
                                             Diagnostics& diagnostics) {
    KioskConfigLayer layer;
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    for (const auto& assignment : assignments) {
        const auto eq = assignment.find('=');
        const std::string context = "The setting \"" + assignment + "\"";
        if (eq == std::string::npos || eq == 0) {
            diagnostics.add(
                {Severity::Error, "toml.syntax", kCommandLineLabel, "", 0, 0,
                 context + " must look like section.key=value, e.g. session.idle_timeout_s=60.",
                 "设置 \"" + assignment +
                     "\" 的格式应为 section.key=value，例如 session.idle_timeout_s=60。"});
            continue;
        }
        const std::string key = assignment.substr(0, eq);
        const std::string value = assignment.substr(eq + 1);
        Diagnostics quiet;
        auto table = parseToml(key + " = " + value, kCommandLineLabel, quiet);
        if (!table) {
            // Not a TOML value: take it as a string.
            std::string quoted = "\"";
            for (char c : value) {
                if (c == '"' || c == '\\') quoted += '\\';
                quoted += c;
            }
            quoted += '"';
            table = parseToml(key + " = " + quoted, kCommandLineLabel, diagnostics, context);
        }
        if (!table) continue;
        LayerReader reader(kCommandLineLabel, cwd, diagnostics);
        layer = mergeLayers(layer, reader.read(*table));
    }
    return layer;
}

Diagnostics checkKioskConfig(const KioskConfig& config) {
    Diagnostics d;
    const auto add = [&](const char* pointer, std::string message, std::string messageZh) {
        d.add({Severity::Error, "config.invalid", "", pointer, 0, 0, std::move(message),
               std::move(messageZh)});
    };
    if (config.packPath.empty())
        add("/pack/path", "No pack is configured: set [pack] path in the kiosk configuration.",
            "未配置展览内容包：请在展台配置文件中设置 [pack] path。");
    if (config.stillThereS >= config.idleTimeoutS)
        add("/session/still_there_s",
            "session.still_there_s (" + std::to_string(config.stillThereS) +
                ") must be shorter than session.idle_timeout_s (" +
                std::to_string(config.idleTimeoutS) + ").",
            "session.still_there_s（" + std::to_string(config.stillThereS) +
                "）必须小于 session.idle_timeout_s（" + std::to_string(config.idleTimeoutS) +
                "）。");
    if (config.classIdleTimeoutS < config.idleTimeoutS)
        add("/quiz/class_idle_timeout_s",
            "quiz.class_idle_timeout_s (" + std::to_string(config.classIdleTimeoutS) +
                ") must not be shorter than session.idle_timeout_s (" +
                std::to_string(config.idleTimeoutS) + ").",
            "quiz.class_idle_timeout_s（" + std::to_string(config.classIdleTimeoutS) +
                "）不能小于 session.idle_timeout_s（" + std::to_string(config.idleTimeoutS) +
                "）。");
    const auto folder = [](const std::filesystem::path& p) {
        auto n = p.lexically_normal();
        return n.has_filename() ? n : n.parent_path();
    };
    if (!config.packPath.empty() && folder(config.packPath) == folder(config.lastGoodPackPath))
        add("/pack/last_good", "pack.last_good must be a different folder from pack.path.",
            "pack.last_good 必须与 pack.path 不是同一个目录。");
    return d;
}

} // namespace lantai::core

// core/config: TOML values checked against the settings table — type, range, allowed values, rules
#include "core/config/settings_reader.h"

#include <algorithm>

namespace lantai::core {

namespace {

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

std::string quotedList(const std::vector<std::string_view>& names) {
    std::string out;
    for (const auto name : names)
        out += (out.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    return out;
}

// What the top level may hold: its own keys, then the sections, in table order.
std::vector<std::string_view> topLevelNames() {
    std::vector<std::string_view> names;
    for (const auto& spec : kioskSettings()) {
        const auto name = spec.section().empty() ? spec.key : spec.section();
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

std::vector<std::string_view> sectionKeys(std::string_view section) {
    std::vector<std::string_view> names;
    for (const auto& spec : kioskSettings())
        if (!section.empty() && spec.section() == section) names.push_back(spec.name());
    return names;
}

} // namespace

KioskConfigLayer SettingReader::readFile(const toml::table& root) {
    KioskConfigLayer layer;
    for (auto&& [key, node] : root) {
        const std::string name(key.str());
        const auto keys = sectionKeys(name);
        if (keys.empty()) {
            const SettingSpec* spec = findSetting(name);
            if (!spec || !spec->section().empty())
                reportUnknown(Severity::Warning, key.source().begin, "/" + name, name);
            continue;
        }
        if (!node.is_table()) {
            reportType(node, "/" + name, name, "a table ([section])", "表（[section]）");
            continue;
        }
        for (auto&& [subKey, subNode] : *node.as_table()) {
            (void)subNode;
            const std::string subName(subKey.str());
            if (std::find(keys.begin(), keys.end(), subName) == keys.end())
                reportUnknown(Severity::Warning, subKey.source().begin, "/" + name + "/" + subName,
                              name + "." + subName);
        }
    }
    for (const auto& spec : kioskSettings()) {
        const toml::node* node = nullptr;
        if (spec.section().empty()) {
            node = root.get(spec.key);
        } else if (const toml::node* section = root.get(spec.section());
                   section && section->is_table()) {
            node = section->as_table()->get(spec.name());
        }
        if (node) read(spec, *node, layer);
    }
    return layer;
}

void SettingReader::read(const SettingSpec& spec, const toml::node& node, KioskConfigLayer& layer) {
    if (const auto value = check(spec, node)) spec.field.set(layer, *value);
}

std::optional<SettingValue> SettingReader::check(const SettingSpec& spec, const toml::node& node) {
    const std::string key(spec.key);
    const std::string pointer = spec.pointer();
    switch (spec.type) {
    case SettingType::Bool:
        if (!node.is_boolean()) {
            reportType(node, pointer, key, "true or false", " true 或 false");
            return std::nullopt;
        }
        return node.as_boolean()->get();
    case SettingType::Int: {
        const std::string range = std::to_string(spec.min) + " and " + std::to_string(spec.max);
        const std::string rangeZh = std::to_string(spec.min) + " 到 " + std::to_string(spec.max);
        const bool zero = !spec.zeroMeans.empty();
        const std::string zeroText = "0 (" + std::string(spec.zeroMeans) + ")";
        const std::string zeroTextZh = "0（" + std::string(spec.zeroMeansZh) + "）";
        if (!node.is_integer()) {
            reportType(node, pointer, key,
                       zero ? "a whole number, " + zeroText + " or between " + range
                            : "a whole number between " + range,
                       zero ? " " + zeroTextZh + "或 " + rangeZh + " 之间的整数"
                            : " " + rangeZh + " 之间的整数");
            return std::nullopt;
        }
        const std::int64_t v = node.as_integer()->get();
        if (zero && v != 0 && (v < spec.min || v > spec.max)) {
            report(Severity::Error, "schema.value", &node, pointer,
                   "\"" + key + "\" is " + std::to_string(v) + "; it must be " + zeroText +
                       " or between " + range + ". The default is used.",
                   "\"" + key + "\" 的值 " + std::to_string(v) + " 无效，应为 " + zeroTextZh +
                       "或 " + rangeZh + " 之间，将使用默认值。");
            return std::nullopt;
        }
        if (spec.step > 0 && (v < spec.min || v > spec.max || (v - spec.min) % spec.step != 0)) {
            const std::string allowed = settingRangeText(spec);
            report(Severity::Error, "schema.value", &node, pointer,
                   "\"" + key + "\" is " + std::to_string(v) + "; it must be one of " + allowed +
                       ". The default is used.",
                   "\"" + key + "\" 的值 " + std::to_string(v) + " 无效，应为 " + allowed +
                       " 之一，将使用默认值。");
            return std::nullopt;
        }
        if (!zero && (v < spec.min || v > spec.max)) {
            report(Severity::Error, "schema.value", &node, pointer,
                   "\"" + key + "\" is " + std::to_string(v) + "; it must be between " + range +
                       ". The default is used.",
                   "\"" + key + "\" 的值 " + std::to_string(v) + " 超出范围，应在 " + rangeZh +
                       " 之间，将使用默认值。");
            return std::nullopt;
        }
        return v;
    }
    case SettingType::String:
    case SettingType::Path:
    case SettingType::Enum:
        break;
    }
    if (!node.is_string()) {
        if (spec.type == SettingType::Enum)
            reportType(node, pointer, key,
                       "one of " + quotedList(spec.names) + " (a string in quotes)",
                       "以下之一（加引号的字符串）：" + quotedList(spec.names));
        else
            reportType(node, pointer, key, "a string (in quotes)", "字符串（加引号）");
        return std::nullopt;
    }
    std::string value = node.as_string()->get();
    if (spec.type == SettingType::Path) {
        if (value.empty()) {
            report(Severity::Error, "schema.value", &node, pointer,
                   "\"" + key + "\" must not be empty: give a path or remove the line.",
                   "\"" + key + "\" 不能为空：请填写路径，或删除这一行。");
            return std::nullopt;
        }
        std::filesystem::path p(value);
        if (p.is_relative()) p = m_baseDir / p;
        return p.lexically_normal().string();
    }
    if (spec.type == SettingType::Enum &&
        std::find(spec.names.begin(), spec.names.end(), value) == spec.names.end()) {
        report(Severity::Error, "schema.value", &node, pointer,
               "\"" + key + "\" is \"" + value + "\"; allowed: " + quotedList(spec.names) + ".",
               "\"" + key + "\" 的值 \"" + value + "\" 无效；允许的值：" + quotedList(spec.names) +
                   "。");
        return std::nullopt;
    }
    if (spec.rule) {
        if (auto problem = spec.rule(value)) {
            report(Severity::Error, "schema.value", &node, pointer, std::move(problem->message),
                   std::move(problem->messageZh));
            return std::nullopt;
        }
    }
    return value;
}

void SettingReader::report(Severity severity, const char* code, const toml::node* node,
                           const std::string& pointer, std::string message, std::string messageZh) {
    const auto begin = node && m_positions ? node->source().begin : toml::source_position{};
    m_diagnostics.add({severity, code, m_file, pointer, static_cast<int>(begin.line),
                       static_cast<int>(begin.column), std::move(message), std::move(messageZh)});
}

void SettingReader::reportType(const toml::node& node, const std::string& pointer,
                               const std::string& key, const std::string& wanted,
                               const std::string& wantedZh) {
    report(Severity::Error, "schema.type", &node, pointer,
           "\"" + key + "\" must be " + wanted + ", found " + tomlTypeName(node) + ".",
           "\"" + key + "\" 应为" + wantedZh + "，实际为 " + tomlTypeName(node) + "。");
}

void SettingReader::reportUnknown(Severity severity, const toml::source_position& where,
                                  const std::string& pointer, const std::string& name) {
    const auto dot = name.find('.');
    const auto keys = sectionKeys(dot == std::string::npos ? name : name.substr(0, dot));
    const bool warning = severity == Severity::Warning;
    const std::string ignored = warning ? " is ignored" : "";
    const std::string ignoredZh = warning ? " 将被忽略" : "";
    std::string message, messageZh;
    if (!keys.empty()) {
        const std::string known = quotedList(keys);
        message =
            "Unknown setting \"" + name + "\"" + ignored + " (a typo?). Known here: " + known + ".";
        messageZh = "未知设置项 \"" + name + "\"" + ignoredZh + "（是否拼写错误？）。此处可用：" +
                    known + "。";
    } else {
        const std::string known = quotedList(topLevelNames());
        message = "Unknown setting or table \"" + name + "\"" + ignored +
                  " (a typo?). Known: " + known + ".";
        messageZh = "未知设置项或表 \"" + name + "\"" + ignoredZh + "（是否拼写错误？）。可用：" +
                    known + "。";
    }
    const auto position = m_positions ? where : toml::source_position{};
    m_diagnostics.add({severity, "schema.unknown_field", m_file, pointer,
                       static_cast<int>(position.line), static_cast<int>(position.column),
                       std::move(message), std::move(messageZh)});
}

std::optional<toml::table> parseConfigToml(std::string_view text, const std::string& fileLabel,
                                           Diagnostics& diagnostics, const std::string& context) {
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

} // namespace lantai::core

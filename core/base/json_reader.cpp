// core/base: typed JSON field access with schema diagnostics (schema.required / type / value /
// unknown_field)
#include "core/base/json_reader.h"

#include <algorithm>
#include <cmath>

namespace lantai::core {

namespace {

std::string quoteText(const std::string& s) {
    return "\"" + s + "\"";
}

std::string joinAllowed(std::initializer_list<const char*> allowed) {
    std::string out;
    for (const char* a : allowed) {
        if (!out.empty()) out += ", ";
        out += quoteText(a);
    }
    return out;
}

} // namespace

bool isValidId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    auto okFirst = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!okFirst(id[0])) return false;
    return std::all_of(id.begin() + 1, id.end(),
                       [&](char c) { return okFirst(c) || c == '_' || c == '-'; });
}

const char* jsonTypeName(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::object:
        return "object";
    case nlohmann::json::value_t::array:
        return "array";
    case nlohmann::json::value_t::string:
        return "string";
    case nlohmann::json::value_t::boolean:
        return "boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
        return "integer";
    case nlohmann::json::value_t::number_float:
        return "number";
    default:
        return "value";
    }
}

JsonReader::JsonReader(const JsonDocument& document, Diagnostics& diagnostics)
    : m_document(document), m_diagnostics(diagnostics) {}

std::string JsonReader::child(const std::string& pointer, const std::string& key) {
    return pointer + "/" + escapePointerToken(key);
}

std::string JsonReader::child(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

void JsonReader::report(Severity severity, const std::string& code, const std::string& pointer,
                        std::string message, std::string messageZh) {
    const auto pos = m_document.positionOf(pointer);
    m_diagnostics.add({severity, code, m_document.file(), pointer, pos.line, pos.column,
                       std::move(message), std::move(messageZh)});
}

bool JsonReader::expectObject(const nlohmann::json& value, const std::string& pointer) {
    if (value.is_object()) return true;
    report(Severity::Error, "schema.type", pointer,
           std::string("Expected an object here, found ") + jsonTypeName(value) + ".",
           std::string("此处应为对象（object），实际为 ") + jsonTypeName(value) + "。");
    return false;
}

void JsonReader::checkKnownFields(const nlohmann::json& object, const std::string& pointer,
                                  std::initializer_list<const char*> known) {
    if (!object.is_object()) return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        // (no structured binding: clang < 16 cannot capture one in the lambda)
        const std::string& key = it.key();
        const bool isKnown =
            std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; });
        if (!isKnown)
            report(Severity::Warning, "schema.unknown_field", child(pointer, key),
                   "Unknown field " + quoteText(key) +
                       " is ignored (a typo?). Known fields: " + joinAllowed(known) + ".",
                   "未知字段 " + quoteText(key) + " 将被忽略（是否拼写错误？）。可用字段：" +
                       joinAllowed(known) + "。");
    }
}

const nlohmann::json* JsonReader::member(const nlohmann::json& object, const std::string& pointer,
                                         const char* key, bool required) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        if (required)
            report(Severity::Error, "schema.required", pointer,
                   std::string("Required field \"") + key + "\" is missing.",
                   std::string("缺少必填字段 \"") + key + "\"。");
        return nullptr;
    }
    return &*it;
}

std::string JsonReader::string(const nlohmann::json& object, const std::string& pointer,
                               const char* key, bool required) {
    const auto* value = member(object, pointer, key, required);
    if (!value) return {};
    if (!value->is_string()) {
        report(Severity::Error, "schema.type", child(pointer, key),
               std::string("Field \"") + key + "\" must be a string, found " +
                   jsonTypeName(*value) + ".",
               std::string("字段 \"") + key + "\" 应为字符串，实际为 " + jsonTypeName(*value) +
                   "。");
        return {};
    }
    return value->get<std::string>();
}

std::string JsonReader::id(const nlohmann::json& object, const std::string& pointer,
                           const char* key) {
    std::string value = string(object, pointer, key, true);
    if (object.is_object() && object.contains(key) && object[key].is_string() && !isValidId(value))
        report(Severity::Error, "id.invalid", child(pointer, key),
               "Id " + quoteText(value) +
                   " is not valid: use lower-case letters, digits, '-' and '_' (start with a "
                   "letter or digit, "
                   "at most 64 characters).",
               "标识 " + quoteText(value) +
                   " 无效：只能使用小写字母、数字、“-”和“_”，以字母或数字开头，最多 64 个字符。");
    return value;
}

std::string JsonReader::path(const nlohmann::json& object, const std::string& pointer,
                             const char* key, bool required) {
    // Path safety is checked by the validator, which also knows the pack root. An empty path
    // is reported here: the validator skips empty paths (missing ones were reported above).
    std::string value = string(object, pointer, key, required);
    if (value.empty() && object.is_object() && object.contains(key) && object[key].is_string())
        report(Severity::Error, "schema.value", child(pointer, key),
               std::string("Field \"") + key + "\" is an empty path; name a file inside the pack.",
               std::string("字段 \"") + key + "\" 的路径为空，请填写内容包内的文件。");
    return value;
}

std::string JsonReader::enumeration(const nlohmann::json& object, const std::string& pointer,
                                    const char* key, std::initializer_list<const char*> allowed,
                                    const char* fallback) {
    const bool present = object.is_object() && object.contains(key) && !object[key].is_null();
    std::string value = string(object, pointer, key, false);
    if (!present || !object[key].is_string()) return fallback;
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; })) {
        report(Severity::Error, "schema.value", child(pointer, key),
               std::string("Field \"") + key + "\" is " + quoteText(value) +
                   "; allowed: " + joinAllowed(allowed) + ".",
               std::string("字段 \"") + key + "\" 的值 " + quoteText(value) + " 无效；允许的值：" +
                   joinAllowed(allowed) + "。");
        return fallback;
    }
    return value;
}

LocalizedText JsonReader::text(const nlohmann::json& object, const std::string& pointer,
                               const char* key, bool required) {
    LocalizedText out;
    const auto* value = member(object, pointer, key, required);
    if (!value) return out;
    const std::string at = child(pointer, key);
    if (!value->is_object()) {
        report(Severity::Error, "schema.type", at,
               std::string("Field \"") + key +
                   "\" must be a text object like {\"zh\": \"…\", \"en\": \"…\"}, found " +
                   jsonTypeName(*value) + ".",
               std::string("字段 \"") + key +
                   "\" 应为文本对象，例如 {\"zh\": \"…\", \"en\": \"…\"}，实际为 " +
                   jsonTypeName(*value) + "。");
        return out;
    }
    for (const auto& [lang, text] : value->items()) {
        if (!text.is_string()) {
            report(Severity::Error, "schema.type", child(at, lang),
                   "Text in language " + quoteText(lang) + " must be a string.",
                   "语言 " + quoteText(lang) + " 的文本应为字符串。");
        } else if (lang == "zh") {
            out.zh = text.get<std::string>();
        } else if (lang == "en") {
            out.en = text.get<std::string>();
        }
    }
    if (!value->contains("zh")) {
        report(Severity::Error, "schema.required", at, "Chinese text (\"zh\") is required.",
               "缺少中文文本（\"zh\"）。");
    } else if (out.zh.empty() && (*value)["zh"].is_string()) {
        report(Severity::Error, "text.empty", child(at, "zh"),
               "Chinese text (\"zh\") must not be empty.", "中文文本（\"zh\"）不能为空。");
    }
    if (!out.zh.empty() && out.en.empty())
        report(Severity::Warning, "text.missing_en", at,
               std::string("No English text for \"") + key +
                   "\"; visitors who choose English will see Chinese.",
               std::string("\"") + key + "\" 没有英文文本；选择英文的观众将看到中文。");
    return out;
}

std::optional<long long> JsonReader::integer(const nlohmann::json& object,
                                             const std::string& pointer, const char* key,
                                             long long min, long long max, bool required) {
    const auto* value = member(object, pointer, key, required);
    if (!value) return std::nullopt;
    const std::string at = child(pointer, key);
    if (!value->is_number_integer()) {
        report(Severity::Error, "schema.type", at,
               std::string("Field \"") + key + "\" must be a whole number, found " +
                   jsonTypeName(*value) + ".",
               std::string("字段 \"") + key + "\" 应为整数，实际为 " + jsonTypeName(*value) + "。");
        return std::nullopt;
    }
    const auto v = value->is_number_unsigned() &&
                           value->get<unsigned long long>() > static_cast<unsigned long long>(max)
                       ? max + 1
                       : value->get<long long>();
    if (v < min || v > max) {
        report(Severity::Error, "schema.value", at,
               std::string("Field \"") + key + "\" is " + value->dump() + "; it must be between " +
                   std::to_string(min) + " and " + std::to_string(max) + ".",
               std::string("字段 \"") + key + "\" 的值 " + value->dump() + " 超出范围，应在 " +
                   std::to_string(min) + " 到 " + std::to_string(max) + " 之间。");
        return std::nullopt;
    }
    return v;
}

std::optional<double> JsonReader::number(const nlohmann::json& object, const std::string& pointer,
                                         const char* key, double min, double max) {
    const auto* value = member(object, pointer, key, false);
    if (!value) return std::nullopt;
    const std::string at = child(pointer, key);
    if (!value->is_number()) {
        report(Severity::Error, "schema.type", at,
               std::string("Field \"") + key + "\" must be a number.",
               std::string("字段 \"") + key + "\" 应为数字。");
        return std::nullopt;
    }
    const double v = value->get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        report(Severity::Error, "schema.value", at,
               std::string("Field \"") + key + "\" is " + value->dump() + "; it must be between " +
                   nlohmann::json(min).dump() + " and " + nlohmann::json(max).dump() + ".",
               std::string("字段 \"") + key + "\" 的值 " + value->dump() + " 超出范围（" +
                   nlohmann::json(min).dump() + " 到 " + nlohmann::json(max).dump() + "）。");
        return std::nullopt;
    }
    return v;
}

bool JsonReader::boolean(const nlohmann::json& object, const std::string& pointer, const char* key,
                         bool fallback) {
    const auto* value = member(object, pointer, key, false);
    if (!value) return fallback;
    if (!value->is_boolean()) {
        report(Severity::Error, "schema.type", child(pointer, key),
               std::string("Field \"") + key + "\" must be true or false, found " +
                   jsonTypeName(*value) + ".",
               std::string("字段 \"") + key + "\" 应为 true 或 false，实际为 " +
                   jsonTypeName(*value) + "。");
        return fallback;
    }
    return value->get<bool>();
}

const nlohmann::json* JsonReader::array(const nlohmann::json& object, const std::string& pointer,
                                        const char* key, bool required, std::size_t minItems) {
    const auto* value = member(object, pointer, key, required);
    if (!value) return nullptr;
    const std::string at = child(pointer, key);
    if (!value->is_array()) {
        report(Severity::Error, "schema.type", at,
               std::string("Field \"") + key + "\" must be a list ([...]), found " +
                   jsonTypeName(*value) + ".",
               std::string("字段 \"") + key + "\" 应为列表（[...]），实际为 " +
                   jsonTypeName(*value) + "。");
        return nullptr;
    }
    if (value->size() < minItems)
        report(Severity::Error, "schema.value", at,
               std::string("Field \"") + key + "\" needs at least " + std::to_string(minItems) +
                   " entries.",
               std::string("字段 \"") + key + "\" 至少需要 " + std::to_string(minItems) + " 项。");
    return value;
}

std::vector<std::string> JsonReader::stringArray(const nlohmann::json& object,
                                                 const std::string& pointer, const char* key) {
    std::vector<std::string> out;
    const auto* list = array(object, pointer, key, false);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& v = (*list)[i];
        if (v.is_string())
            out.push_back(v.get<std::string>());
        else
            report(Severity::Error, "schema.type", child(child(pointer, key), i),
                   std::string("Entries of \"") + key + "\" must be strings.",
                   std::string("\"") + key + "\" 的每一项都应为字符串。");
    }
    return out;
}

} // namespace lantai::core

// core/base: typed field access on a JsonDocument that records schema diagnostics instead of
// throwing
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/json_document.h"
#include "core/base/localized_text.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace lantai::core {

// Reads one JSON file of a pack into model structs. Every problem becomes a diagnostic with
// the file, JSON pointer and line:column of the offending value; reading never throws and
// always yields a best-effort value so that later checks still run.
class JsonReader {
  public:
    JsonReader(const JsonDocument& document, Diagnostics& diagnostics);

    const JsonDocument& document() const { return m_document; }

    // Pointer of member `key` under `pointer`.
    static std::string child(const std::string& pointer, const std::string& key);
    static std::string child(const std::string& pointer, std::size_t index);

    // Checks that `value` is an object; reports schema.type otherwise.
    bool expectObject(const nlohmann::json& value, const std::string& pointer);
    // Warns (schema.unknown_field) about members not listed in `known`.
    void checkKnownFields(const nlohmann::json& object, const std::string& pointer,
                          std::initializer_list<const char*> known);

    // Member accessors. `required` members that are missing report schema.required.
    const nlohmann::json* member(const nlohmann::json& object, const std::string& pointer,
                                 const char* key, bool required);
    std::string string(const nlohmann::json& object, const std::string& pointer, const char* key,
                       bool required);
    std::string id(const nlohmann::json& object, const std::string& pointer,
                   const char* key = "id");
    std::string path(const nlohmann::json& object, const std::string& pointer, const char* key,
                     bool required);
    std::string enumeration(const nlohmann::json& object, const std::string& pointer,
                            const char* key, std::initializer_list<const char*> allowed,
                            const char* fallback);
    LocalizedText text(const nlohmann::json& object, const std::string& pointer, const char* key,
                       bool required);
    std::optional<long long> integer(const nlohmann::json& object, const std::string& pointer,
                                     const char* key, long long min, long long max, bool required);
    std::optional<double> number(const nlohmann::json& object, const std::string& pointer,
                                 const char* key, double min, double max);
    bool boolean(const nlohmann::json& object, const std::string& pointer, const char* key,
                 bool fallback);
    std::vector<std::string> stringArray(const nlohmann::json& object, const std::string& pointer,
                                         const char* key);
    // Returns the array member or nullptr (reports schema.type / schema.required).
    const nlohmann::json* array(const nlohmann::json& object, const std::string& pointer,
                                const char* key, bool required, std::size_t minItems = 0);

    void report(Severity severity, const std::string& code, const std::string& pointer,
                std::string message, std::string messageZh);

  private:
    const JsonDocument& m_document;
    Diagnostics& m_diagnostics;
};

// Is `id` a valid pack id: [a-z0-9][a-z0-9_-]*, at most 64 characters.
bool isValidId(const std::string& id);

// JSON type name for messages ("string", "object", ...).
const char* jsonTypeName(const nlohmann::json& value);

} // namespace lantai::core

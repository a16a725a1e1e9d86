// core/base: diagnostics formatting and JSON output
#include "core/base/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lantai::core {

const char* severityName(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

void Diagnostics::append(const Diagnostics& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

std::size_t Diagnostics::errorCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_items.begin(), m_items.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warningCount() const {
    return m_items.size() - errorCount();
}

bool Diagnostics::hasCode(const std::string& code) const {
    return std::any_of(m_items.begin(), m_items.end(),
                       [&](const Diagnostic& d) { return d.code == code; });
}

std::string formatDiagnostic(const Diagnostic& d, bool chinese) {
    std::string out = d.file.empty() ? std::string("(pack)") : d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    out += ": ";
    out += chinese ? (d.severity == Severity::Error ? "错误" : "警告") : severityName(d.severity);
    out += " [" + d.code + "] ";
    out += chinese && !d.messageZh.empty() ? d.messageZh : d.message;
    if (!d.pointer.empty()) out += " (" + d.pointer + ")";
    return out;
}

nlohmann::json diagnosticToJson(const Diagnostic& d) {
    return nlohmann::json{{"severity", severityName(d.severity)},
                          {"code", d.code},
                          {"file", d.file},
                          {"pointer", d.pointer},
                          {"line", d.line},
                          {"column", d.column},
                          {"message", d.message},
                          {"message_zh", d.messageZh}};
}

nlohmann::json diagnosticsToJson(const Diagnostics& diagnostics) {
    auto array = nlohmann::json::array();
    for (const auto& d : diagnostics.items())
        array.push_back(diagnosticToJson(d));
    return array;
}

} // namespace lantai::core

// core/base: diagnostics (severity, stable code, file, JSON pointer, line:column, zh/en message)
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace lantai::core {

enum class Severity { Error, Warning };

const char* severityName(Severity severity);

// One problem found in a pack or an input file. `file` is relative to the pack root,
// `pointer` is an RFC 6901 JSON pointer into that file ("" = the whole file), line and
// column are 1-based and 0 when unknown. Messages are full sentences archive staff can act on.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code; // stable machine code, e.g. "asset.missing"
    std::string file;
    std::string pointer;
    int line = 0;
    int column = 0;
    std::string message;   // English
    std::string messageZh; // Chinese
};

// An ordered collection of diagnostics. The validator appends everything it finds and never
// stops at the first problem, so the editor and the CLI can list them all.
class Diagnostics {
  public:
    void add(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }
    void append(const Diagnostics& other);
    const std::vector<Diagnostic>& items() const { return m_items; }
    std::size_t errorCount() const;
    std::size_t warningCount() const;
    bool hasErrors() const { return errorCount() > 0; }
    bool hasCode(const std::string& code) const;
    bool empty() const { return m_items.empty(); }

  private:
    std::vector<Diagnostic> m_items;
};

// "file:line:column: error [code] message" — one line, for terminals and logs.
std::string formatDiagnostic(const Diagnostic& diagnostic, bool chinese);

// JSON object with the fields severity, code, file, pointer, line, column, message, message_zh.
nlohmann::json diagnosticToJson(const Diagnostic& diagnostic);
nlohmann::json diagnosticsToJson(const Diagnostics& diagnostics);

} // namespace lantai::core

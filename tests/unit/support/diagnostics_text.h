// tests: diagnostics as readable lines for assertion messages
#pragma once

#include "core/base/diagnostic.h"

#include <string>

namespace lantai::test {

// One "  file:line:column: severity [code] message" line per diagnostic, "  (none)" when empty.
inline std::string listDiagnostics(const core::Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += "  " + core::formatDiagnostic(d, false) + "\n";
    return out.empty() ? "  (none)\n" : out;
}

} // namespace lantai::test

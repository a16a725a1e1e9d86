// tools/cli: terminal output helpers
#include "tools/cli/cli_output.h"

#include <cstdio>
#include <cstdlib>

namespace lantai::cli {

bool useChinese(const std::string& langOption) {
    if (!langOption.empty()) return langOption == "zh";
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (value && *value) return std::string(value).starts_with("zh");
    }
    return false;
}

void printDiagnostics(const core::Diagnostics& diagnostics, bool chinese) {
    for (const auto& d : diagnostics.items())
        std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, chinese).c_str());
    const auto errors = diagnostics.errorCount();
    const auto warnings = diagnostics.warningCount();
    if (chinese)
        std::fprintf(stderr, "%zu 个错误，%zu 个警告\n", errors, warnings);
    else
        std::fprintf(stderr, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s",
                     warnings, warnings == 1 ? "" : "s");
}

int exitCodeFor(const core::Diagnostics& diagnostics) {
    if (diagnostics.hasCode("pack.not_found")) return kExitUsage;
    return diagnostics.hasErrors() ? kExitInvalid : kExitOk;
}

void printError(const core::Diagnostic& error, bool chinese) {
    std::fprintf(stderr, "lantai: %s\n", core::formatDiagnostic(error, chinese).c_str());
}

} // namespace lantai::cli

// tools/cli: terminal output helpers shared by the commands (language choice, diagnostics list)
#pragma once

#include "core/base/diagnostic.h"

#include <string>

namespace lantai::cli {

// Chinese when --lang zh, or when no --lang is given and LANG/LC_ALL starts with "zh".
bool useChinese(const std::string& langOption);

// Prints every diagnostic, one per line, then a summary line; errors and warnings go to stderr.
void printDiagnostics(const core::Diagnostics& diagnostics, bool chinese);

// Prints one operational error as "lantai: file: error [code] message" on stderr.
void printError(const core::Diagnostic& error, bool chinese);

// Exit codes shared by the commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// 2 when the pack could not be found/read at all, 1 when it has errors, else 0.
int exitCodeFor(const core::Diagnostics& diagnostics);

} // namespace lantai::cli

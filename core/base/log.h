// core/base: the process log — timestamped lines to a file with size-based rotation (and stderr)
#pragma once

#include "core/base/result.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace lantai::core {

enum class LogLevel { Debug, Info, Warning, Error };
const char* logLevelName(LogLevel level); // "debug", "info", "warning", "error"
bool parseLogLevel(std::string_view text, LogLevel& out);

// Opens (appends to) `file`, rotating it to file.1 … file.N when it grows past maxBytes. With
// an empty path, lines go to stderr only. When the file cannot be opened (or is not a regular
// file: a FIFO there never blocks the kiosk), logging goes on to stderr and the error says why.
Status openLog(const std::filesystem::path& file, std::size_t maxBytes, int keepFiles);
void setLogLevel(LogLevel level);
void setLogToStderr(bool enabled);

// Threading: every function may be called from any thread (one mutex).
void logMessage(LogLevel level, std::string_view message);
void logDebug(std::string_view message);
void logInfo(std::string_view message);
void logWarning(std::string_view message);
void logError(std::string_view message);

} // namespace lantai::core

// core/base: the process log — timestamped lines to a file with size-based rotation (and stderr)
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace lantai::core {

enum class LogLevel { Debug, Info, Warning, Error };
const char* logLevelName(LogLevel level); // "debug", "info", "warning", "error"
bool parseLogLevel(std::string_view text, LogLevel& out);

// Opens (appends to) `file`, rotating it to file.1 … file.N when it grows past maxBytes. With
// an empty path, lines go to stderr only. Returns false (and keeps logging to stderr) when the
// file cannot be opened; `error` says why.
bool openLog(const std::filesystem::path& file, std::size_t maxBytes, int keepFiles,
             std::string* error = nullptr);
void setLogLevel(LogLevel level);
void setLogToStderr(bool enabled);

// Threading: every function may be called from any thread (one mutex).
void logMessage(LogLevel level, std::string_view message);
void logDebug(std::string_view message);
void logInfo(std::string_view message);
void logWarning(std::string_view message);
void logError(std::string_view message);

} // namespace lantai::core

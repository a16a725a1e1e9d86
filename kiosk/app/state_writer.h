// kiosk/app: writes the kiosk state JSON (--state-out) when it changed; the process's PSS
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace lantai::kiosk {

// Pss from /proc/self/smaps_rollup, in kB (-1 when unavailable).
long readProcessPssKb();

// Writes the JSON atomically when it differs from what was last written.
class StateWriter {
  public:
    explicit StateWriter(std::filesystem::path file) : m_file(std::move(file)) {}
    bool enabled() const { return !m_file.empty(); }
    void write(const nlohmann::json& state, bool force = false);

  private:
    std::filesystem::path m_file;
    std::string m_last;
};

} // namespace lantai::kiosk

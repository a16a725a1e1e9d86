// kiosk/app: writes the state JSON file (--state-out) and reads the process's PSS
#include "kiosk/app/state_writer.h"

#include "core/base/file_io.h"
#include "core/base/log.h"

#include <cstdio>

namespace lantai::kiosk {

long readProcessPssKb() {
    FILE* f = std::fopen("/proc/self/smaps_rollup", "r");
    if (!f) return -1;
    char line[256];
    long pss = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "Pss: %ld kB", &pss) == 1) break;
    std::fclose(f);
    return pss;
}

void StateWriter::write(const nlohmann::json& state, bool force) {
    if (m_file.empty()) return;
    // "frames" changes every frame; compare without it so idle kiosks do not rewrite the file.
    nlohmann::json compare = state;
    compare.erase("frames");
    std::string key = compare.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!force && key == m_last) return;
    m_last = std::move(key);
    if (const core::Status written = core::writeFileAtomic(
            m_file, state.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        !written)
        core::logWarning("cannot write state: " + core::formatDiagnostic(written.error(), false));
}

} // namespace lantai::kiosk

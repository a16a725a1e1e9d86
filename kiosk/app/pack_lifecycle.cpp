// kiosk/app: the shown pack's life on a booth — the rollback at start, a new `current` noticed
// while running, and the shown pack marked good after a clean minute
#include "kiosk/app/pack_lifecycle.h"

#include "core/base/log.h"
#include "core/trust/pack_install.h"
#include "kiosk/runtime/kiosk_runtime.h"

namespace lantai::kiosk {

namespace fs = std::filesystem;

PackLifecycle::PackLifecycle(const core::KioskConfig& config, fs::path stateDir, bool active)
    : m_config(config), m_runsFile(core::packRunsPath(stateDir)), m_stateDir(std::move(stateDir)) {
    std::error_code ec;
    m_active = active && fs::is_symlink(m_config.packPath, ec);
}

void PackLifecycle::save() {
    if (core::Status written = core::writePackRuns(m_runsFile, m_runs); !written)
        core::logWarning(core::formatDiagnostic(written.error(), false));
}

void PackLifecycle::start(std::int64_t unixNow) {
    if (!m_active) return;
    const std::string target = core::packLinkTarget(m_config.packPath);
    core::StartDecision decision =
        core::decidePackStart(core::readPackRuns(m_runsFile), target, unixNow);
    m_runs = decision.runs;
    if (decision.rollBack) {
        const std::string failures = std::to_string(decision.recentFailures);
        auto rolled = core::rollBackPack(m_config.packPath, m_config.lastGoodPackPath, m_stateDir);
        if (rolled) {
            m_rolledBackFrom = rolled->from;
            core::logError("rolled back the pack " + rolled->from + " to the last good pack " +
                           rolled->to + ": the kiosk failed " + failures +
                           " times within a minute of starting it" +
                           (rolled->packId.empty()
                                ? std::string(" (unsigned: no version to refuse later)")
                                : "; version " + std::to_string(rolled->version) + " of \"" +
                                      rolled->packId + "\" is never installed again"));
            m_runs = core::decidePackStart(m_runs, rolled->to, unixNow).runs;
        } else {
            core::logError("the pack " + target + " failed " + failures +
                           " times within a minute of starting, but " +
                           core::formatDiagnostic(rolled.error(), false));
        }
    } else if (decision.recentFailures > 0) {
        core::logWarning("the pack " + target + " failed " +
                         std::to_string(decision.recentFailures) +
                         " time(s) within a minute of starting; it is rolled back after " +
                         std::to_string(core::kFailedStartsBeforeRollback));
    }
    save();
    m_seenTarget = core::packLinkTarget(m_config.packPath);
}

bool PackLifecycle::linkChanged(double now) {
    if (!m_active || now < m_nextPoll) return false;
    m_nextPoll = now + kPollSeconds;
    const std::string target = core::packLinkTarget(m_config.packPath);
    if (target.empty() || target == m_seenTarget) return false;
    core::logInfo("pack.path " + m_config.packPath.string() + " now points at " + target +
                  " (was " + (m_seenTarget.empty() ? "nothing" : m_seenTarget) +
                  "): switching at the next idle moment");
    m_seenTarget = target;
    return true;
}

void PackLifecycle::update(double now, const KioskRuntime& runtime, std::int64_t unixNow) {
    if (!m_active || !runtime.showsConfiguredPack()) return;
    const fs::path folder = runtime.shownPackFolder();
    const std::string shown = folder.filename().string();
    if (shown.empty()) return;
    m_shownFolder = folder;
    if (shown != m_runs.pack) { // a live switch: the new pack's first run starts now
        m_runs = core::decidePackStart(core::readPackRuns(m_runsFile), shown, unixNow).runs;
        save();
        m_shownSince = now;
    }
    if (m_shownSince < 0) m_shownSince = now;
    if (!m_runs.good && now - m_shownSince >= core::kMarkGoodAfterSeconds) markGood();
}

void PackLifecycle::markGood() {
    m_runs = core::packRunGood(m_runs);
    save();
    const fs::path& lastGood = m_config.lastGoodPackPath;
    std::error_code ec;
    if (lastGood.empty()) return;
    if (fs::exists(fs::symlink_status(lastGood, ec)) && !fs::is_symlink(lastGood, ec)) {
        core::logWarning("the pack " + m_runs.pack + " ran cleanly, but pack.last_good " +
                         lastGood.string() + " is not a link; it is left as it is");
        return;
    }
    // The pack on screen — `current` may already point at the next one. Relative, as the
    // installer writes links, when it sits beside the link.
    const fs::path linkFolder = fs::canonical(lastGood.parent_path(), ec);
    const fs::path target =
        !ec && m_shownFolder.parent_path() == linkFolder ? m_shownFolder.filename() : m_shownFolder;
    if (core::Status linked = core::replaceSymlink(lastGood, target); !linked) {
        core::logWarning(core::formatDiagnostic(linked.error(), false));
        return;
    }
    core::logInfo("the pack " + m_runs.pack + " ran cleanly for " +
                  std::to_string(static_cast<int>(core::kMarkGoodAfterSeconds)) +
                  " s: marked good (" + lastGood.string() + ")");
}

void PackLifecycle::stopped() {
    if (!m_active || !m_runs.running) return;
    m_runs = core::packRunStopped(m_runs);
    save();
}

} // namespace lantai::kiosk

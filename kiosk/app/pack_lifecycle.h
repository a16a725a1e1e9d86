// kiosk/app: the shown pack's life on a booth — the rollback at start, a new `current` noticed
// while running, and the shown pack marked good after a clean minute
#pragma once

#include "core/config/kiosk_config.h"
#include "core/trust/pack_runs.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantai::kiosk {

class KioskRuntime;

// Applies when `pack.path` is a symbolic link (`<state_dir>/packs/current`, as `lantai pack
// install` keeps it); a plain folder as pack.path has no versions to switch between and none of
// this happens. The decisions are core/trust/pack_runs.h's; this class does the kiosk's side:
// - start(): counts this start in <state_dir>/pack-runs.json; a pack not yet good whose runs
//   failed kFailedStartsBeforeRollback times is rolled back to `pack.last_good` before the
//   runtime loads anything (the version recorded in packs/install-state.json as rolled back);
// - linkChanged(): `current` now points elsewhere (readlink every kPollSeconds of the kiosk
//   clock: one system call, no inotify, no thread) — the host reloads at its next idle moment;
// - update(): the configured pack shown for kMarkGoodAfterSeconds: `pack.last_good` is switched to
//   it (one rename) and its runs are good; a newly switched-to pack starts its own runs;
// - stopped(): a clean stop is not a failure.
// Threading: the host's main thread.
class PackLifecycle {
  public:
    static constexpr double kPollSeconds = 2.0;

    // `active` false (--use-last-good, --out-of-service): nothing is counted, switched or marked.
    PackLifecycle(const core::KioskConfig& config, std::filesystem::path stateDir, bool active);

    void start(std::int64_t unixNow);
    bool linkChanged(double now);
    void update(double now, const KioskRuntime& runtime, std::int64_t unixNow);
    void stopped();
    // What start() did, for the log and the state ("" when nothing was rolled back).
    const std::string& rolledBackFrom() const { return m_rolledBackFrom; }

  private:
    void markGood();
    void save();

    core::KioskConfig m_config;
    std::filesystem::path m_runsFile;
    std::filesystem::path m_stateDir;
    bool m_active = false;
    core::PackRuns m_runs;
    std::string m_seenTarget; // what `current` pointed at when last looked
    double m_nextPoll = 0;    // kiosk clock
    double m_shownSince = -1; // the kiosk clock when m_runs.pack was first seen on screen
    std::string m_rolledBackFrom;
    std::filesystem::path m_shownFolder; // the shown pack's folder, its links followed
};

} // namespace lantai::kiosk

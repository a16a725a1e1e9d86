// core/trust: mark good and rollback — the kiosk's runs of the current pack (started, ran cleanly,
// failed), the decision to roll a new pack back, and the rollback itself
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lantai::core {

// A run that lasts this long (seconds of frames) marks its pack good; a run of a pack not yet
// good that ends before, without a clean stop (a crash, a watchdog kill), is a failed start.
inline constexpr double kMarkGoodAfterSeconds = 60.0;
// Failed starts of a new pack that roll it back at the next start...
inline constexpr int kFailedStartsBeforeRollback = 2;
// ... when they happened within this many seconds (a power cut in the first minute last week
// and one today are not a crash loop). Well inside systemd's StartLimitIntervalSec=600 with
// StartLimitBurst=5 (deploy/systemd/lantai-kiosk.service): the kiosk rolls back on its third
// start, before systemd gives up and starts lantai-kiosk-last-good.service.
inline constexpr std::int64_t kFailedStartsWindowSeconds = 600;

// <state_dir>/pack-runs.json: the pack `pack.path` pointed at (its folder name) and its runs.
struct PackRuns {
    std::string pack;     // the folder name `current` resolved to
    bool good = false;    // a run of it lasted kMarkGoodAfterSeconds: never rolled back
    bool running = false; // a run of it started and has neither stopped cleanly nor turned good
    std::int64_t startedAt = 0;             // unix seconds of that run's start
    std::vector<std::int64_t> failedStarts; // unix start times of its runs that failed
};
std::filesystem::path packRunsPath(const std::filesystem::path& stateDir);

// A missing or unreadable file is no history (the worst it can cost is a rollback that does
// not happen; systemd's fallback unit still follows).
PackRuns readPackRuns(const std::filesystem::path& file);
Status writePackRuns(const std::filesystem::path& file, const PackRuns& runs);

struct StartDecision {
    PackRuns runs;         // to write back: this run started (or, with rollBack, what was decided)
    bool rollBack = false; // `pack` failed kFailedStartsBeforeRollback times: go back
    int recentFailures = 0;
};
// A kiosk start showing `pack` at `now` (unix seconds). A run of the same pack still `running` is
// a failed start. A different pack starts a new history. Pure: the caller reads and writes.
StartDecision decidePackStart(PackRuns previous, const std::string& pack, std::int64_t now);
// The run lasted kMarkGoodAfterSeconds (or stopped cleanly, `good` false): no longer running.
PackRuns packRunGood(PackRuns runs);
PackRuns packRunStopped(PackRuns runs);

// Rolls `currentLink` back to where `lastGoodLink` points (one rename, replaceSymlink) and records
// the rolled-back pack's id and version (from its manifest; an unsigned pack has none to record)
// in `stateDir`'s install state, so `lantai pack install` and the kiosk never take it again.
// trust.rollback_impossible when there is no last good pack or it is the current one.
struct RollbackOutcome {
    std::string from; // folder names
    std::string to;
    std::string packId; // of `from`, empty when unsigned
    std::uint64_t version = 0;
};
Result<RollbackOutcome> rollBackPack(const std::filesystem::path& currentLink,
                                     const std::filesystem::path& lastGoodLink,
                                     const std::filesystem::path& stateDir);

// The folder name a pack link resolves to now ("" when it is not a link or does not resolve).
std::string packLinkTarget(const std::filesystem::path& link);

} // namespace lantai::core

// core/trust: mark good and rollback — the kiosk's runs of the current pack (started, ran cleanly,
// failed), the decision to roll a new pack back, and the rollback itself
#include "core/trust/pack_runs.h"

#include "core/base/file_io.h"
#include "core/trust/pack_install.h"
#include "core/trust/pack_manifest.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lantai::core {

namespace fs = std::filesystem;

fs::path packRunsPath(const fs::path& stateDir) {
    return stateDir / "pack-runs.json";
}

PackRuns readPackRuns(const fs::path& file) {
    PackRuns runs;
    std::error_code ec;
    if (!fs::exists(file, ec)) return runs;
    auto text = readFile(file, 64 * 1024);
    if (!text) return runs;
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object()) return runs;
    runs.pack = json.value("pack", std::string());
    runs.good = json.value("good", false);
    runs.running = json.value("running", false);
    runs.startedAt = json.value("started_at", std::int64_t{0});
    if (const auto it = json.find("failed_starts"); it != json.end() && it->is_array())
        for (const auto& t : *it)
            if (t.is_number_integer()) runs.failedStarts.push_back(t.get<std::int64_t>());
    return runs;
}

Status writePackRuns(const fs::path& file, const PackRuns& runs) {
    const nlohmann::json json = {{"pack", runs.pack},
                                 {"good", runs.good},
                                 {"running", runs.running},
                                 {"started_at", runs.startedAt},
                                 {"failed_starts", runs.failedStarts}};
    return writeFileAtomic(file, json.dump() + "\n");
}

StartDecision decidePackStart(PackRuns previous, const std::string& pack, std::int64_t now) {
    StartDecision d;
    PackRuns& runs = d.runs;
    runs = previous.pack == pack ? std::move(previous) : PackRuns{pack, false, false, 0, {}};
    if (runs.running && !runs.good) runs.failedStarts.push_back(runs.startedAt);
    std::erase_if(runs.failedStarts,
                  [now](std::int64_t t) { return now - t > kFailedStartsWindowSeconds; });
    d.recentFailures = static_cast<int>(runs.failedStarts.size());
    d.rollBack = !runs.good && d.recentFailures >= kFailedStartsBeforeRollback;
    runs.running = true;
    runs.startedAt = now;
    return d;
}

PackRuns packRunGood(PackRuns runs) {
    runs.good = true;
    runs.running = false;
    runs.failedStarts.clear();
    return runs;
}

PackRuns packRunStopped(PackRuns runs) {
    runs.running = false;
    return runs;
}

std::string packLinkTarget(const fs::path& link) {
    std::error_code ec;
    if (!fs::is_symlink(link, ec)) return {};
    const fs::path resolved = fs::canonical(link, ec);
    return ec ? std::string() : resolved.filename().string();
}

Result<RollbackOutcome> rollBackPack(const fs::path& currentLink, const fs::path& lastGoodLink,
                                     const fs::path& stateDir) {
    std::error_code ec;
    const fs::path from = fs::canonical(currentLink, ec);
    const fs::path to = ec ? fs::path() : fs::canonical(lastGoodLink, ec);
    if (ec || from == to)
        return operationalError(
            "trust.rollback_impossible", currentLink.string(),
            "The pack " + currentLink.string() + " cannot be rolled back: " +
                (ec ? "there is no last good pack (" + lastGoodLink.string() + ")."
                    : "it is the last good pack itself."),
            "内容包 " + currentLink.string() + " 无法回退：" +
                (ec ? "没有上一版可用内容包（" + lastGoodLink.string() + "）。"
                    : "它本身就是上一版可用内容包。"));
    RollbackOutcome outcome;
    outcome.from = from.filename().string();
    outcome.to = to.filename().string();
    // The link target as the installer writes it: relative when both sit in one folder.
    const fs::path target =
        to.parent_path() == fs::canonical(currentLink.parent_path(), ec) ? to.filename() : to;
    if (Status switched = replaceSymlink(currentLink, target); !switched)
        return std::move(switched).error();
    if (auto text = readFile(from / kManifestFile, 256 * 1024 * 1024))
        if (auto manifest = parsePackManifest(*text, kManifestFile)) {
            outcome.packId = manifest->packId;
            outcome.version = manifest->version;
        }
    if (!outcome.packId.empty()) {
        Status recorded = updateInstallState(stateDir, [&](InstallState& state) {
            if (!state.wasRolledBack(outcome.packId, outcome.version))
                state.rolledBack.push_back({outcome.packId, outcome.version});
        });
        if (!recorded) return std::move(recorded).error();
    }
    return outcome;
}

} // namespace lantai::core

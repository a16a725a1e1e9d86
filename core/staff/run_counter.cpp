// core/staff: how often the kiosk started, and how many runs ended without a clean stop (a crash,
// a kill, a power cut) — a small counter file in the state folder
#include "core/staff/run_counter.h"

#include "core/base/file_io.h"

#include <nlohmann/json.hpp>

namespace lantai::core {

namespace {

nlohmann::json readCounter(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return nlohmann::json::object();
    auto text = readFile(file, 4096);
    if (!text) return nlohmann::json::object();
    auto json = nlohmann::json::parse(*text, nullptr, false);
    return json.is_object() ? json : nlohmann::json::object();
}

long long number(const nlohmann::json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_number_integer() ? it->get<long long>() : 0;
}

} // namespace

std::filesystem::path runCounterPath(const std::filesystem::path& stateDir) {
    return stateDir / "kiosk-runs.json";
}

Result<RunCounts> countKioskStart(const std::filesystem::path& file) {
    const nlohmann::json before = readCounter(file);
    RunCounts counts;
    counts.starts = number(before, "starts") + 1;
    counts.crashes = number(before, "crashes") + (before.value("running", false) ? 1 : 0);
    const nlohmann::json after = {
        {"starts", counts.starts}, {"crashes", counts.crashes}, {"running", true}};
    if (Status written = writeFileAtomic(file, after.dump() + "\n"); !written)
        return written.error();
    return counts;
}

RunState readKioskRuns(const std::filesystem::path& file) {
    const nlohmann::json json = readCounter(file);
    RunState state;
    state.counts.starts = number(json, "starts");
    state.counts.crashes = number(json, "crashes");
    state.running = json.value("running", false);
    return state;
}

Status markKioskStopped(const std::filesystem::path& file) {
    nlohmann::json json = readCounter(file);
    json["running"] = false;
    return writeFileAtomic(file, json.dump() + "\n");
}

} // namespace lantai::core

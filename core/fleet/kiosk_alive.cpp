// core/fleet: the kiosk's "last frame" mark — written cheaply (temp + rename), read leniently
#include "core/fleet/kiosk_alive.h"

#include "core/base/file_io.h"
#include "core/fleet/channel_record.h"
#include "core/fleet/object_store.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

namespace lantai::core {

namespace fs = std::filesystem;

fs::path kioskAlivePath(const fs::path& stateDir) {
    return stateDir / "kiosk-alive.json";
}

Status writeKioskAlive(const fs::path& file, const KioskAlive& alive) {
    nlohmann::ordered_json json;
    json["last_frame"] = utcTimestamp(alive.lastFrame);
    json["pid"] = alive.pid;
    json["pack_id"] = alive.packId;
    json["pack_version"] = alive.packVersion;
    const fs::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << json.dump() << "\n";
        if (!out.flush())
            return operationalError(kFleetWriteFailed, temporary.string(),
                                    "Cannot write \"" + temporary.string() + "\"",
                                    "无法写入“" + temporary.string() + "”");
    }
    std::error_code ec;
    fs::rename(temporary, file, ec);
    if (ec)
        return operationalError(kFleetWriteFailed, file.string(),
                                "Cannot replace \"" + file.string() + "\": " + ec.message(),
                                "无法替换“" + file.string() + "”：" + ec.message());
    return {};
}

std::optional<KioskAlive> readKioskAlive(const fs::path& file) {
    auto text = readFile(file, 16 * 1024);
    if (!text) return std::nullopt;
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object() || !json.contains("last_frame") || !json["last_frame"].is_string())
        return std::nullopt;
    const auto lastFrame = parseUtcTimestamp(json["last_frame"].get<std::string>());
    if (!lastFrame) return std::nullopt;
    KioskAlive alive;
    alive.lastFrame = *lastFrame;
    alive.pid = json.value("pid", std::int64_t{0});
    alive.packId = json.value("pack_id", std::string());
    alive.packVersion = json.value("pack_version", std::string());
    return alive;
}

std::optional<std::int64_t> parseUtcTimestamp(const std::string& text) {
    std::tm tm{};
    char zone = 0;
    int used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &tm.tm_year, &tm.tm_mon,
                    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &zone, &used) != 7 ||
        zone != 'Z' || static_cast<std::size_t>(used) != text.size())
        return std::nullopt;
    if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
        tm.tm_min > 59 || tm.tm_sec > 60)
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<std::int64_t>(::timegm(&tm));
}

} // namespace lantai::core

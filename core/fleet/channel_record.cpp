// core/fleet: channels/NAME.json written and read back (every field checked)
#include "core/fleet/channel_record.h"

#include "core/fleet/object_store.h"

#include <ctime>
#include <nlohmann/json.hpp>

namespace lantai::core {

namespace {

Diagnostic invalid(const std::string& file, const std::string& why, const std::string& whyZh) {
    return operationalError(kFleetChannelInvalid, file,
                            "The channel file \"" + file + "\" is not valid: " + why,
                            "频道文件“" + file + "”无效：" + whyZh);
}

nlohmann::json refJson(const ObjectRef& ref) {
    return {{"sha256", ref.sha256}, {"size", ref.size}};
}

bool readRef(const nlohmann::json& doc, const char* key, ObjectRef& out) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_object()) return false;
    const auto sha = it->find("sha256");
    const auto size = it->find("size");
    if (sha == it->end() || !sha->is_string() || size == it->end() || !size->is_number_unsigned())
        return false;
    out.sha256 = sha->get<std::string>();
    out.size = size->get<std::uint64_t>();
    return isSha256Hex(out.sha256);
}

} // namespace

std::string channelRecordJson(const ChannelRecord& r) {
    nlohmann::ordered_json doc;
    doc["format"] = kChannelFormat;
    doc["channel"] = r.channel;
    doc["pack_id"] = r.packId;
    doc["version"] = r.version;
    doc["published"] = r.published;
    doc["manifest"] = refJson(r.manifest);
    doc["manifest_signature"] = refJson(r.manifestSignature);
    return doc.dump(2) + "\n";
}

Result<ChannelRecord> parseChannelRecord(std::string_view text, const std::string& file) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return invalid(file, "it is not a JSON object", "不是 JSON 对象");
    const auto format = doc.find("format");
    if (format == doc.end() || !format->is_number_integer() || format->get<int>() != kChannelFormat)
        return invalid(file, "format must be 1 (a newer Lantai wrote it?)",
                       "format 须为 1（由更新版本的 Lantai 写入？）");
    ChannelRecord r;
    const auto text_ = [&](const char* key, std::string& out) {
        const auto it = doc.find(key);
        if (it == doc.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return !out.empty();
    };
    if (!text_("channel", r.channel) || !isValidChannelName(r.channel))
        return invalid(file, "\"channel\" is missing or not a channel name",
                       "缺少“channel”或不是有效的频道名");
    if (!text_("pack_id", r.packId))
        return invalid(file, "\"pack_id\" is missing", "缺少“pack_id”");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() < 0)
        return invalid(file, "\"version\" must be a whole number >= 0",
                       "“version”须为不小于 0 的整数");
    r.version = version->get<std::int64_t>();
    if (!text_("published", r.published))
        return invalid(file, "\"published\" is missing", "缺少“published”");
    if (!readRef(doc, "manifest", r.manifest) ||
        !readRef(doc, "manifest_signature", r.manifestSignature))
        return invalid(file, "\"manifest\" and \"manifest_signature\" need sha256 and size",
                       "“manifest”和“manifest_signature”须含 sha256 与 size");
    return r;
}

std::string channelRelativePath(std::string_view channel) {
    return "channels/" + std::string(channel) + ".json";
}

std::string channelSignatureRelativePath(std::string_view channel) {
    return channelRelativePath(channel) + ".minisig";
}

bool isValidChannelName(std::string_view channel) {
    if (channel.empty() || channel.size() > 64 || channel.front() == '.') return false;
    for (char c : channel)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

std::string utcTimestamp(std::int64_t unix) {
    const std::time_t t = static_cast<std::time_t>(unix);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

} // namespace lantai::core

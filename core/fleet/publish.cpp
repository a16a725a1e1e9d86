// core/fleet: `lantai publish` — objects first, then the channel's signature, then the channel
#include "core/fleet/publish.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/fleet/gzip_copy.h"
#include "core/fleet/object_store.h"
#include "core/trust/minisign_signature.h"
#include "core/trust/signed_pack.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

// Adds bytes as an object; counts it.
Status addObject(ObjectStore& store, std::string_view bytes, ObjectRef& ref,
                 PublishSummary& summary) {
    ref.sha256 = sha256Hex(bytes);
    ref.size = bytes.size();
    auto added = store.addBytes(bytes, ref.sha256);
    if (!added) return added.error();
    (*added ? summary.objectsWritten : summary.objectsKept) += 1;
    if (*added) summary.bytesWritten += bytes.size();
    return {};
}

} // namespace

Result<PublishSummary> publishPack(const fs::path& packDir, const fs::path& siteDir,
                                   const std::string& channel, const MinisignSecretKey& key,
                                   std::int64_t now) {
    if (!isValidChannelName(channel))
        return operationalError(kFleetChannelInvalid, channel,
                                "\"" + channel +
                                    "\" is not a channel name (letters a-z, digits, "
                                    "'.', '_', '-')",
                                "“" + channel + "”不是有效的频道名（a-z、数字、.、_、-）");
    auto verified = verifySignedPack(packDir, {key.publicKey()});
    if (!verified) return verified.error();
    if (!verified->differences.empty()) return filesDifferError(packDir, verified->differences);
    const PackManifest& manifest = verified->signedManifest.manifest;

    PublishSummary summary;
    ObjectStore store(siteDir);
    for (const ManifestFile& file : manifest.files) {
        auto added = store.addFile(packDir / file.path, file.sha256);
        if (!added) return added.error();
        (*added ? summary.objectsWritten : summary.objectsKept) += 1;
        if (*added) summary.bytesWritten += file.size;
    }
    auto signature = readFile(packDir / kManifestSignatureFile);
    if (!signature) return signature.error();
    ChannelRecord& record = summary.record;
    if (Status s =
            addObject(store, verified->signedManifest.manifestText, record.manifest, summary);
        !s)
        return s.error();
    if (Status s = addObject(store, *signature, record.manifestSignature, summary); !s)
        return s.error();
    if (Status s = writeGzipCopy(store.pathOf(record.manifest.sha256),
                                 verified->signedManifest.manifestText);
        !s)
        return s.error();
    record.channel = channel;
    record.packId = manifest.packId;
    record.version = static_cast<std::int64_t>(manifest.version);
    record.published = utcTimestamp(now);

    const fs::path channelFile = siteDir / channelRelativePath(channel);
    std::error_code ec;
    struct stat before {};
    const bool existed = ::stat(channelFile.c_str(), &before) == 0;
    if (existed) {
        auto text = readFile(channelFile);
        if (!text) return text.error();
        auto current = parseChannelRecord(*text, channelFile.string());
        if (!current) return current.error();
        if (current->manifest.sha256 == record.manifest.sha256 &&
            current->manifestSignature.sha256 == record.manifestSignature.sha256) {
            summary.record = *current;
            return summary;
        }
        if (record.version < current->version)
            return operationalError(
                kFleetChannelDowngrade, channelFile.string(),
                "The pack's version " + std::to_string(record.version) +
                    " is lower than the version " + std::to_string(current->version) +
                    " channel \"" + channel +
                    "\" publishes: booths would refuse it. Sign the pack again (lantai pack "
                    "sign) to give it a higher version.",
                "该内容包的版本 " + std::to_string(record.version) + " 低于频道“" + channel +
                    "”当前发布的版本 " + std::to_string(current->version) +
                    "，展台会拒绝安装。请重新签名（lantai pack sign）以获得更高的版本。");
    }
    fs::create_directories(channelFile.parent_path(), ec);
    const std::string json = channelRecordJson(record);
    const std::string trusted = "lantai channel " + channel + " pack " + record.packId +
                                " version " + std::to_string(record.version);
    const MinisignSignature channelSignature =
        signMinisign(json, key, trusted, "signature from lantai publish");
    if (Status s = writeFileAtomic(siteDir / channelSignatureRelativePath(channel),
                                   formatMinisignSignature(channelSignature));
        !s)
        return s.error();
    if (Status s = writeFileAtomic(channelFile, json); !s) return s.error();
    // nginx's ETag is the modification time in seconds and the size, and a new channel file often
    // has the old one's size: published again within the same second, the booths would get 304
    // for a new file. The new file's time is moved past the old one's.
    struct stat after {};
    if (existed && ::stat(channelFile.c_str(), &after) == 0 &&
        after.st_mtim.tv_sec <= before.st_mtim.tv_sec) {
        const timespec times[2] = {{0, UTIME_OMIT}, {before.st_mtim.tv_sec + 1, 0}};
        ::utimensat(AT_FDCWD, channelFile.c_str(), times, 0);
    }
    summary.channelChanged = true;
    return summary;
}

} // namespace lantai::core

// core/fleet: one sync of a booth with a channel (see channel_sync.h for the guarantees)
#include "core/fleet/channel_sync.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/base/sha256.h"
#include "core/fleet/object_store.h"
#include "core/fleet/publish.h"
#include "core/trust/minisign_signature.h"
#include "core/trust/pack_manifest.h"

#include <set>
#include <sys/stat.h>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChannelFileLimit = 64 * 1024;
constexpr std::size_t kManifestLimit = 256 * 1024 * 1024;

Diagnostic httpError(const std::string& url, long status) {
    return operationalError(kFleetHttpError, url, url + " answered HTTP " + std::to_string(status),
                            url + " 返回 HTTP " + std::to_string(status));
}

class ChannelSync {
  public:
    ChannelSync(HttpClient& http, const ChannelSyncSettings& settings)
        : m_http(http), m_settings(settings), m_folder(syncFolder(settings.stateDir)),
          m_store(m_folder), m_handled(m_folder / "channels") {}

    Result<SyncOutcome> run(const PackInstaller& install);

  private:
    std::string url(const std::string& path) const { return joinUrl(m_settings.origin, path); }
    fs::path handledFile(const char* suffix) const {
        return m_handled / (m_settings.channel + suffix);
    }
    Result<HttpReply> get(const std::string& path, const std::string& etag);
    Status fetchObject(const ObjectRef& ref);
    Result<std::string> readObject(const ObjectRef& ref);
    Status assemble(const PackManifest& manifest, const ChannelRecord& record,
                    const fs::path& folder);
    void prune(const PackManifest& manifest, const ChannelRecord& record);

    HttpClient& m_http;
    const ChannelSyncSettings& m_settings;
    fs::path m_folder;
    ObjectStore m_store;
    fs::path m_handled;
    SyncOutcome m_outcome;
};

Result<HttpReply> ChannelSync::get(const std::string& path, const std::string& etag) {
    ++m_outcome.requests;
    auto reply = m_http.get(url(path), etag, kChannelFileLimit);
    if (!reply) return reply.error();
    m_outcome.bytesFetched += reply->received;
    if (reply->status != 200 && reply->status != 304) return httpError(url(path), reply->status);
    return reply;
}

Status ChannelSync::fetchObject(const ObjectRef& ref) {
    if (m_store.has(ref.sha256)) return {};
    const fs::path target = m_store.pathOf(ref.sha256);
    const fs::path part = target.string() + ".part";
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fleetWriteError(target.parent_path(), ec.message());
    if (fs::exists(part, ec) && fs::file_size(part, ec) > ref.size) fs::remove(part, ec);
    const bool resuming = fs::exists(part, ec) && fs::file_size(part, ec) > 0;
    const std::string address = url(objectRelativePath(ref.sha256));
    ++m_outcome.requests;
    auto reply = m_http.download(address, part);
    if (!reply) return reply.error(); // kept: the next sync resumes it
    m_outcome.bytesFetched += reply->received;
    // 416: the part file was complete already (a download killed after its last byte).
    if (reply->status != 200 && reply->status != 206 && !(resuming && reply->status == 416)) {
        fs::remove(part, ec);
        return httpError(address, reply->status);
    }
    ++m_outcome.objectsFetched;
    if (resuming) logInfo("sync: resumed " + address);
    return m_store.adoptVerified(part, ref.sha256);
}

// The manifest and its signature: small, fetched whole into memory (gzip accepted: the site
// has a .gz copy of the manifest), checked and kept in the store.
Result<std::string> ChannelSync::readObject(const ObjectRef& ref) {
    if (!m_store.has(ref.sha256)) {
        const std::string path = objectRelativePath(ref.sha256);
        ++m_outcome.requests;
        auto reply = m_http.get(url(path), "", kManifestLimit);
        if (!reply) return reply.error();
        m_outcome.bytesFetched += reply->received;
        if (reply->status != 200) return httpError(url(path), reply->status);
        ++m_outcome.objectsFetched;
        if (sha256Hex(reply->body) != ref.sha256)
            return operationalError(
                kFleetObjectInvalid, url(path),
                url(path) + " does not have the SHA-256 the channel names: "
                            "changed on the way or on the server; refused",
                url(path) + " 的 SHA-256 与频道所列不符（在传输中或服务器上被改动）：已拒绝");
        auto added = m_store.addBytes(reply->body, ref.sha256);
        if (!added) return added.error();
        return std::move(reply->body);
    }
    return readFile(m_store.pathOf(ref.sha256), kManifestLimit);
}

// Brings `folder` to the manifest's files, each a hard link to its object (a copy where links
// fail): links already right are left alone and files no longer listed are removed, so a sync
// that changed one image touches one file (creating and deleting the ~3,000 entries of the demo
// pack took 30 s on a busy disk).
Status ChannelSync::assemble(const PackManifest& manifest, const ChannelRecord& record,
                             const fs::path& folder) {
    std::error_code ec;
    std::set<std::string> wanted = {kManifestFile, kManifestSignatureFile};
    std::set<fs::path> folders;
    for (const ManifestFile& file : manifest.files) {
        wanted.insert(file.path);
        const fs::path target = folder / file.path;
        if (folders.insert(target.parent_path()).second) {
            fs::create_directories(target.parent_path(), ec);
            if (ec) return fleetWriteError(target.parent_path(), ec.message());
        }
        const fs::path object = m_store.pathOf(file.sha256);
        struct stat have {
        }, want{};
        if (::lstat(target.c_str(), &have) == 0 && ::stat(object.c_str(), &want) == 0 &&
            have.st_dev == want.st_dev && have.st_ino == want.st_ino)
            continue;
        fs::remove(target, ec);
        fs::create_hard_link(object, target, ec);
        if (ec) fs::copy_file(object, target, fs::copy_options::overwrite_existing, ec);
        if (ec) return fleetWriteError(target, ec.message());
    }
    for (const auto& [ref, name] : {std::pair{record.manifest, kManifestFile},
                                    std::pair{record.manifestSignature, kManifestSignatureFile}}) {
        fs::copy_file(m_store.pathOf(ref.sha256), folder / name,
                      fs::copy_options::overwrite_existing, ec);
        if (ec) return fleetWriteError(folder / name, ec.message());
    }
    std::vector<fs::path> stale;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (!it->is_directory(ec) &&
            !wanted.count(it->path().lexically_relative(folder).generic_string()))
            stale.push_back(it->path());
    for (const fs::path& file : stale)
        fs::remove(file, ec);
    return {};
}

// Keeps the objects of the pack just installed (the next version shares most of them) and
// partial downloads; deletes the rest.
void ChannelSync::prune(const PackManifest& manifest, const ChannelRecord& record) {
    std::set<std::string> keep = {record.manifest.sha256, record.manifestSignature.sha256};
    for (const ManifestFile& file : manifest.files)
        keep.insert(file.sha256);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(m_folder / "objects", ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() == ".part") continue;
        const std::string sha =
            it->path().parent_path().filename().string() + it->path().filename().string();
        if (isSha256Hex(sha) && !keep.count(sha)) {
            std::error_code removeError;
            fs::remove(it->path(), removeError);
        }
    }
}

Result<SyncOutcome> ChannelSync::run(const PackInstaller& install) {
    const std::string channelPath = channelRelativePath(m_settings.channel);
    std::optional<ChannelRecord> handled;
    std::string etag;
    if (auto text = readFile(handledFile(".json")); text) {
        if (auto record = parseChannelRecord(*text, handledFile(".json").string()); record) {
            handled = *record;
            etag = readFile(handledFile(".etag")).valueOr("");
        }
    }
    auto channelReply = get(channelPath, etag);
    if (!channelReply) return channelReply.error();
    if (channelReply->status == 304) {
        if (!handled) return httpError(url(channelPath), 304); // none was asked for
        m_outcome.packId = handled->packId;
        m_outcome.version = handled->version;
        return m_outcome;
    }
    const std::string channelUrl = url(channelPath);
    auto signatureReply = get(channelSignatureRelativePath(m_settings.channel), "");
    if (!signatureReply) return signatureReply.error();
    auto signature = parseMinisignSignature(signatureReply->body, channelUrl + ".minisig");
    if (!signature) return signature.error();
    if (auto signer = verifyMinisign(channelReply->body, *signature, m_settings.keys, channelUrl);
        !signer)
        return signer.error();
    auto record = parseChannelRecord(channelReply->body, channelUrl);
    if (!record) return record.error();
    if (record->channel != m_settings.channel)
        return operationalError(kFleetChannelInvalid, channelUrl,
                                channelUrl + " is signed for channel \"" + record->channel +
                                    "\", not \"" + m_settings.channel + "\"",
                                channelUrl + " 签名所属频道为“" + record->channel + "”，而非“" +
                                    m_settings.channel + "”");
    m_outcome.packId = record->packId;
    m_outcome.version = record->version;
    if (handled && record->version < handled->version)
        return operationalError(
            kFleetChannelDowngrade, channelUrl,
            channelUrl + " names version " + std::to_string(record->version) + ", older than " +
                std::to_string(handled->version) + " installed from it before: refused",
            channelUrl + " 指向版本 " + std::to_string(record->version) + "，低于此前安装的版本 " +
                std::to_string(handled->version) + "：已拒绝");

    const auto remember = [&]() -> Status {
        std::error_code ec;
        fs::create_directories(m_handled, ec);
        if (Status s = writeFileAtomic(handledFile(".json.minisig"), signatureReply->body); !s)
            return s;
        if (Status s = writeFileAtomic(handledFile(".json"), channelReply->body); !s) return s;
        return writeFileAtomic(handledFile(".etag"), channelReply->etag);
    };
    if (handled && handled->manifest.sha256 == record->manifest.sha256 &&
        handled->manifestSignature.sha256 == record->manifestSignature.sha256) {
        m_outcome.result = SyncResult::UpToDate;
        if (Status s = remember(); !s) return s.error();
        return m_outcome;
    }

    auto manifestText = readObject(record->manifest);
    if (!manifestText) return manifestText.error();
    auto manifestSignatureText = readObject(record->manifestSignature);
    if (!manifestSignatureText) return manifestSignatureText.error();
    const std::string manifestName = "manifest " + record->manifest.sha256;
    auto manifestSignature = parseMinisignSignature(*manifestSignatureText, manifestName);
    if (!manifestSignature) return manifestSignature.error();
    if (auto signer =
            verifyMinisign(*manifestText, *manifestSignature, m_settings.keys, manifestName);
        !signer)
        return signer.error();
    auto manifest = parsePackManifest(*manifestText, manifestName);
    if (!manifest) return manifest.error();
    if (manifest->packId != record->packId ||
        static_cast<std::int64_t>(manifest->version) != record->version)
        return operationalError(kFleetChannelInvalid, channelUrl,
                                channelUrl + " names pack " + record->packId + " version " +
                                    std::to_string(record->version) + " but its manifest is " +
                                    manifest->packId + " version " +
                                    std::to_string(manifest->version),
                                channelUrl + " 所指内容包与其清单不一致");

    // Every object, even after one failed: what verifies is kept for the next attempt.
    std::optional<Diagnostic> firstError;
    for (const ManifestFile& file : manifest->files) {
        Status fetched = fetchObject({file.sha256, file.size});
        if (!fetched) {
            logWarning("sync: " + formatDiagnostic(fetched.error(), false));
            if (!firstError) firstError = fetched.error();
            if (fetched.error().code == kFleetUnreachable) break;
        }
    }
    if (firstError) return *firstError;

    const fs::path assembled = m_folder / "pack";
    if (Status s = assemble(*manifest, *record, assembled); !s) return s.error();
    if (Status installed = install(assembled); !installed) return installed.error();
    if (Status s = remember(); !s) return s.error();
    prune(*manifest, *record);
    m_outcome.result = SyncResult::Installed;
    return m_outcome;
}

} // namespace

const char* syncResultName(SyncResult result) {
    switch (result) {
    case SyncResult::Unchanged:
        return "unchanged";
    case SyncResult::UpToDate:
        return "up_to_date";
    case SyncResult::Installed:
        return "installed";
    }
    return "unchanged";
}

fs::path syncFolder(const fs::path& stateDir) {
    return stateDir / "sync";
}

Result<SyncOutcome> syncChannel(HttpClient& http, const ChannelSyncSettings& settings,
                                const PackInstaller& install) {
    ChannelSync sync(http, settings);
    return sync.run(install);
}

} // namespace lantai::core

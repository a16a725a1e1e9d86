// tests: core/fleet — object names, the write-once store, channels/NAME.json, the newest snapshot
// per booth, and one sync against a fake origin (304, a tampered object, a downgraded channel)
#include "core/base/sha256.h"
#include "core/fleet/booth_report.h"
#include "core/fleet/channel_record.h"
#include "core/fleet/channel_sync.h"
#include "core/fleet/object_store.h"
#include "core/report/collected_snapshots.h"
#include "core/trust/minisign_signature.h"
#include "core/trust/pack_manifest.h"
#include "tests/unit/support/temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>
#include <map>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

// An origin in memory: path -> bytes; counts requests; the channel's ETag is its hash.
class FakeOrigin : public HttpClient {
  public:
    std::map<std::string, std::string> files;
    std::vector<std::string> requested;

    Result<HttpReply> get(const std::string& url, const std::string& ifNoneMatch,
                          std::size_t) override {
        requested.push_back(url);
        HttpReply reply;
        const auto it = files.find(pathOf(url));
        if (it == files.end()) {
            reply.status = 404;
            return reply;
        }
        reply.etag = "\"" + sha256Hex(it->second).substr(0, 8) + "\"";
        reply.status = reply.etag == ifNoneMatch ? 304 : 200;
        if (reply.status == 200) reply.body = it->second;
        reply.received = reply.body.size();
        return reply;
    }
    Result<HttpReply> download(const std::string& url, const fs::path& part) override {
        requested.push_back(url);
        HttpReply reply;
        const auto it = files.find(pathOf(url));
        reply.status = it == files.end() ? 404 : 200;
        if (it != files.end()) std::ofstream(part, std::ios::binary) << it->second;
        return reply;
    }
    Result<HttpReply> put(const std::string& url, const fs::path&) override {
        requested.push_back("PUT " + url);
        HttpReply reply;
        reply.status = 201;
        return reply;
    }

  private:
    static std::string pathOf(const std::string& url) { return url.substr(url.find("/", 8) + 1); }
};

// Publishes a pack of `files` (path -> bytes) at `version` into the fake origin, as lantai
// publish lays it out.
void publish(FakeOrigin& origin, const MinisignSecretKey& key,
             const std::map<std::string, std::string>& files, std::uint64_t version) {
    PackManifest manifest;
    manifest.packId = "demo";
    manifest.version = version;
    for (const auto& [path, bytes] : files) {
        manifest.files.push_back({path, bytes.size(), sha256Hex(bytes)});
        origin.files[objectRelativePath(sha256Hex(bytes))] = bytes;
    }
    const std::string text = canonicalManifestJson(manifest);
    const std::string signature = formatMinisignSignature(signMinisign(text, key, "t", "u"));
    origin.files[objectRelativePath(sha256Hex(text))] = text;
    origin.files[objectRelativePath(sha256Hex(signature))] = signature;
    ChannelRecord record;
    record.channel = "stable";
    record.packId = "demo";
    record.version = static_cast<std::int64_t>(version);
    record.published = utcTimestamp(0);
    record.manifest = {sha256Hex(text), text.size()};
    record.manifestSignature = {sha256Hex(signature), signature.size()};
    const std::string json = channelRecordJson(record);
    origin.files["channels/stable.json"] = json;
    origin.files["channels/stable.json.minisig"] =
        formatMinisignSignature(signMinisign(json, key, "t", "u"));
}

} // namespace

TEST(FleetObjects, NamedByTheirHashUnderTwoHexDigits) {
    const std::string sha = sha256Hex("x");
    EXPECT_TRUE(isSha256Hex(sha));
    EXPECT_FALSE(isSha256Hex("ABC"));
    EXPECT_EQ(objectRelativePath(sha), "objects/" + sha.substr(0, 2) + "/" + sha.substr(2));
    EXPECT_EQ(joinUrl("http://h/a/", "/objects/x"), "http://h/a/objects/x");
    EXPECT_EQ(redactUrl("https://booth:pw@h/reports/"), "https://booth:***@h/reports/");
    EXPECT_EQ(redactUrl("https://h/a@b"), "https://h/a@b");
}

TEST(FleetObjects, WrittenOnceAndVerifiedBeforeAdoption) {
    lantai::test::TempDir dir;
    ObjectStore store(dir.path());
    const std::string sha = sha256Hex("hello");
    EXPECT_EQ(store.addBytes("hello", sha), true);
    EXPECT_EQ(store.addBytes("hello", sha), false); // already there: nothing written
    EXPECT_FALSE(store.addBytes("other", sha256Hex("hello!")));
    const fs::path part = dir.path() / "x.part";
    writeText(part, "tampered");
    auto adopted = store.adoptVerified(part, sha256Hex("original"));
    ASSERT_FALSE(adopted);
    EXPECT_EQ(adopted.error().code, kFleetObjectInvalid);
    EXPECT_FALSE(fs::exists(part));
    EXPECT_FALSE(store.has(sha256Hex("original")));
}

TEST(FleetChannel, RoundTripsAndRefusesWhatIsMissing) {
    ChannelRecord r;
    r.channel = "stable";
    r.packId = "demo";
    r.version = 20260609;
    r.published = utcTimestamp(1780992000);
    r.manifest = {sha256Hex("m"), 10};
    r.manifestSignature = {sha256Hex("s"), 20};
    auto back = parseChannelRecord(channelRecordJson(r), "c.json");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->version, 20260609);
    EXPECT_EQ(back->manifest.sha256, r.manifest.sha256);
    EXPECT_EQ(back->published, "2026-06-09T08:00:00Z");
    for (const char* broken :
         {"[]", "{\"format\":2}", "{\"format\":1,\"channel\":\"Stable!\"}",
          "{\"format\":1,\"channel\":\"s\",\"pack_id\":\"p\",\"version\":1,\"published\":\"t\","
          "\"manifest\":{\"sha256\":\"zz\",\"size\":1},\"manifest_signature\":{}}"}) {
        auto parsed = parseChannelRecord(broken, "c.json");
        ASSERT_FALSE(parsed) << broken;
        EXPECT_EQ(parsed.error().code, kFleetChannelInvalid);
    }
    EXPECT_FALSE(isValidChannelName(".hidden"));
    EXPECT_FALSE(isValidChannelName("a/b"));
}

TEST(FleetReports, TheNewestSnapshotOfEachBooth) {
    lantai::test::TempDir dir;
    writeText(dir.path() / "hall-east/2026-06-08/lantai.sqlite", "a");
    writeText(dir.path() / "hall-east/2026-06-09/lantai.sqlite", "b");
    writeText(dir.path() / "hall-east/2026-06-10/heartbeat.json", "{}"); // no snapshot that day
    writeText(dir.path() / "hall-west/2026-06-01/lantai.sqlite", "c");
    auto found = latestBoothSnapshots(dir.path());
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ((*found)[0], dir.path() / "hall-east/2026-06-09/lantai.sqlite");
    EXPECT_EQ((*found)[1], dir.path() / "hall-west/2026-06-01/lantai.sqlite");
    lantai::test::TempDir empty;
    auto none = latestBoothSnapshots(empty.path());
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, kReportNoSnapshots);
}

TEST(FleetSync, InstallsThen304ThenRefusesTamperingAndDowngrades) {
    lantai::test::TempDir dir;
    const MinisignKeyPair keys = generateMinisignKeyPair();
    FakeOrigin origin;
    publish(origin, keys.secretKey, {{"pack.json", "{}"}, {"images/a.jpg", "AAAA"}}, 5);
    ChannelSyncSettings settings{"http://origin/", "stable", dir.path(), {keys.publicKey}};
    std::vector<std::string> installed; // images/a.jpg of each pack installed
    PackInstaller install = [&](const fs::path& pack) {
        std::ifstream in(pack / "images/a.jpg");
        installed.emplace_back((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        EXPECT_TRUE(fs::exists(pack / kManifestFile));
        EXPECT_TRUE(fs::exists(pack / kManifestSignatureFile));
        return Status{};
    };
    auto first = syncChannel(origin, settings, install);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->result, SyncResult::Installed);
    EXPECT_EQ(first->objectsFetched, 4u); // two files, the manifest, its signature
    ASSERT_EQ(installed.size(), 1u);

    origin.requested.clear();
    auto again = syncChannel(origin, settings, install);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->result, SyncResult::Unchanged);
    EXPECT_EQ(origin.requested, std::vector<std::string>{"http://origin/channels/stable.json"});

    // One changed file, tampered with on the origin: refused, nothing installed, deleted.
    publish(origin, keys.secretKey, {{"pack.json", "{}"}, {"images/a.jpg", "BBBB"}}, 6);
    origin.files[objectRelativePath(sha256Hex("BBBB"))] = "EVIL";
    auto tampered = syncChannel(origin, settings, install);
    ASSERT_FALSE(tampered);
    EXPECT_EQ(tampered.error().code, kFleetObjectInvalid);
    EXPECT_EQ(installed.size(), 1u);
    EXPECT_FALSE(ObjectStore(syncFolder(dir.path())).has(sha256Hex("BBBB")));
    // Fixed on the origin: the next sync fetches only that object and installs.
    origin.files[objectRelativePath(sha256Hex("BBBB"))] = "BBBB";
    auto fixed = syncChannel(origin, settings, install);
    ASSERT_TRUE(fixed) << fixed.error().message;
    EXPECT_EQ(fixed->result, SyncResult::Installed);
    EXPECT_EQ(fixed->objectsFetched, 1u);
    EXPECT_EQ(installed, (std::vector<std::string>{"AAAA", "BBBB"}));

    // An older channel, validly signed (a replay): refused.
    publish(origin, keys.secretKey, {{"pack.json", "{}"}, {"images/a.jpg", "AAAA"}}, 5);
    auto replay = syncChannel(origin, settings, install);
    ASSERT_FALSE(replay);
    EXPECT_EQ(replay.error().code, "fleet.channel_downgrade");

    // Another key's channel: refused.
    const MinisignKeyPair other = generateMinisignKeyPair();
    publish(origin, other.secretKey, {{"pack.json", "{}"}, {"images/a.jpg", "CCCC"}}, 9);
    EXPECT_FALSE(syncChannel(origin, settings, install));
    EXPECT_EQ(installed.size(), 2u);
}

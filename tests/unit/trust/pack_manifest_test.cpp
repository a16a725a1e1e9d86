// tests/unit/trust: the pack manifest — canonical JSON, parsing (malformed manifests), signing and
// verifying a folder
#include "core/trust/minisign_signature.h"
#include "core/trust/pack_manifest.h"
#include "core/trust/signed_pack.h"
#include "tests/unit/support/temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void makePack(const fs::path& dir) {
    writeText(dir / "pack.json", R"({"id": "test-pack", "format_version": 1})");
    writeText(dir / "media/a.jpg", "image bytes");
    writeText(dir / "derived/index.json", "{}");
    writeText(dir / ".lantai-edit/journal.jsonl", "editor state, not content");
}

} // namespace

TEST(PackManifest, CanonicalJsonIsFixedAndParsesBack) {
    PackManifest manifest{
        "demo-展",
        20260612103000,
        {{"a/b.json", 3, std::string(64, 'a')}, {"pack.json", 10, std::string(64, '0')}}};
    const std::string text = canonicalManifestJson(manifest);
    EXPECT_EQ(
        text,
        "{\"format\":\"lantai-pack-manifest\",\"manifest_version\":1,\"pack_id\":\"demo-展\","
        "\"version\":20260612103000,\"files\":[{\"path\":\"a/b.json\",\"size\":3,\"sha256\":\"" +
            std::string(64, 'a') + "\"},{\"path\":\"pack.json\",\"size\":10,\"sha256\":\"" +
            std::string(64, '0') + "\"}]}\n");
    Result<PackManifest> back = parsePackManifest(text, "manifest.json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->packId, manifest.packId);
    EXPECT_EQ(back->version, manifest.version);
    EXPECT_EQ(back->files, manifest.files);
    EXPECT_EQ(canonicalManifestJson(*back), text);
}

TEST(PackManifest, RefusesMalformedManifests) {
    const std::string hash(64, 'a');
    const auto code = [](const std::string& text) {
        Result<PackManifest> manifest = parsePackManifest(text, "manifest.json");
        return manifest ? std::string("ok") : manifest.error().code;
    };
    const std::string head =
        R"({"format":"lantai-pack-manifest","manifest_version":1,"pack_id":"p","version":3,"files":)";
    EXPECT_EQ(code(head + "[]}"), "ok");
    EXPECT_EQ(code("not json"), "trust.manifest_invalid");
    EXPECT_EQ(code("[]"), "trust.manifest_invalid");
    EXPECT_EQ(
        code(
            R"({"format":"lantai-pack-manifest","manifest_version":2,"pack_id":"p","version":3,"files":[]})"),
        "trust.manifest_invalid");
    EXPECT_EQ(
        code(
            R"({"format":"lantai-pack-manifest","manifest_version":1,"pack_id":"p","version":-3,"files":[]})"),
        "trust.manifest_invalid");
    EXPECT_EQ(
        code(R"({"format":"lantai-pack-manifest","manifest_version":1,"version":3,"files":[]})"),
        "trust.manifest_invalid");
    EXPECT_EQ(code(head + "[], \"extra\": 1}"), "trust.manifest_invalid");
    for (const std::string path :
         {"../etc/passwd", "/etc/passwd", "a//b", "a/./b", "a/", "a\\\\b", ""})
        EXPECT_EQ(
            code(head + R"([{"path":")" + path + R"(","size":1,"sha256":")" + hash + R"("}]})"),
            "trust.manifest_invalid")
            << path;
    EXPECT_EQ(code(head + R"([{"path":"a","size":1,"sha256":"ABC"}]})"), "trust.manifest_invalid");
    EXPECT_EQ(code(head + R"([{"path":"b","size":1,"sha256":")" + hash +
                   R"("},{"path":"a","size":1,"sha256":")" + hash + R"("}]})"),
              "trust.manifest_invalid"); // unsorted
    EXPECT_EQ(code(head + R"([{"path":"a","size":1,"sha256":")" + hash +
                   R"("},{"path":"a","size":1,"sha256":")" + hash + R"("}]})"),
              "trust.manifest_invalid"); // twice
}

TEST(PackManifest, SignedPackVerifiesAndNamesEveryChangedMissingAndAddedFile) {
    lantai::test::TempDir dir;
    const fs::path pack = dir.path() / "pack";
    makePack(pack);
    const MinisignKeyPair pair = generateMinisignKeyPair();
    Result<PackManifest> signedManifest = signPack(pack, pair.secretKey, 7);
    ASSERT_TRUE(signedManifest) << signedManifest.error().message;
    ASSERT_EQ(signedManifest->files.size(), 3u); // .lantai-edit is not content
    EXPECT_EQ(signedManifest->files[0].path, "derived/index.json");
    EXPECT_EQ(existingManifestVersion(pack), 7u);

    Result<PackVerification> clean = verifySignedPack(pack, {pair.publicKey});
    ASSERT_TRUE(clean) << clean.error().message;
    EXPECT_TRUE(clean->differences.empty());
    EXPECT_EQ(clean->signedManifest.manifest.packId, "test-pack");
    EXPECT_EQ(clean->signedManifest.manifest.version, 7u);

    writeText(pack / "media/a.jpg", "image bytez");
    fs::remove(pack / "derived/index.json");
    writeText(pack / "media/new.png", "added");
    Result<PackVerification> tampered = verifySignedPack(pack, {pair.publicKey});
    ASSERT_TRUE(tampered);
    EXPECT_EQ(tampered->differences.changed, std::vector<std::string>{"media/a.jpg"});
    EXPECT_EQ(tampered->differences.missing, std::vector<std::string>{"derived/index.json"});
    EXPECT_EQ(tampered->differences.added, std::vector<std::string>{"media/new.png"});
    const Diagnostic error = filesDifferError(pack, tampered->differences);
    EXPECT_EQ(error.code, "trust.files_changed");
    EXPECT_NE(error.message.find("media/a.jpg"), std::string::npos);
    EXPECT_NE(error.messageZh.find("media/new.png"), std::string::npos);

    // Another key, an edited manifest, no signature at all.
    EXPECT_EQ(verifySignedPack(pack, {generateMinisignKeyPair().publicKey}).error().code,
              "trust.wrong_key");
    std::string manifest;
    {
        std::ifstream in(pack / kManifestFile);
        std::getline(in, manifest);
    }
    manifest.replace(manifest.find("\"version\":7"), 11, "\"version\":9");
    writeText(pack / kManifestFile, manifest + "\n");
    EXPECT_EQ(verifySignedPack(pack, {pair.publicKey}).error().code, "trust.signature_mismatch");
    fs::remove(pack / kManifestSignatureFile);
    EXPECT_EQ(verifySignedPack(pack, {pair.publicKey}).error().code, "trust.unsigned");
}

TEST(PackManifest, SigningRefusesLinksInsideThePack) {
    lantai::test::TempDir dir;
    const fs::path pack = dir.path() / "pack";
    makePack(pack);
    fs::create_symlink("/etc/passwd", pack / "media/link.jpg");
    Result<PackManifest> result = signPack(pack, generateMinisignKeyPair().secretKey, 1);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "trust.not_regular");
}

TEST(PackManifest, DefaultVersionIsTheUtcTimeAndAlwaysGoesUp) {
    EXPECT_EQ(defaultPackVersion(0, 0), 19700101000000u);
    EXPECT_EQ(defaultPackVersion(1781260200, 0), 20260612103000u);
    EXPECT_EQ(defaultPackVersion(1781260200, 20260612103000u), 20260612103001u);
    EXPECT_EQ(defaultPackVersion(1781260200, 5), 20260612103000u);
}

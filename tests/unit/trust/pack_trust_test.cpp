// tests/unit/trust: the kiosk's acceptance of a pack with `[trust] public_keys` — signed by a
// trusted key, every file as signed, never older than the highest version installed (the last good
// pack excepted), never a rolled-back version; the setting's key files
#include "core/trust/pack_trust.h"
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
}

struct Fixture {
    lantai::test::TempDir dir;
    MinisignKeyPair key = generateMinisignKeyPair();
    fs::path pack = dir.path() / "pack";
    PackTrustRules rules{{key.publicKey}, {}, {}};
    Fixture() { makePack(pack); }
    std::string code(const fs::path& p) {
        auto r = checkPackTrust(p, rules);
        return r ? "" : r.error().code;
    }
};

} // namespace

TEST(PackTrust, ASignedUnchangedPackIsTrusted) {
    Fixture f;
    ASSERT_TRUE(signPack(f.pack, f.key.secretKey, 7));
    auto trusted = checkPackTrust(f.pack, f.rules);
    ASSERT_TRUE(trusted) << trusted.error().message;
    EXPECT_EQ(trusted->packId, "test-pack");
    EXPECT_EQ(trusted->version, 7u);
}

TEST(PackTrust, RefusalsNameTheReason) {
    Fixture f;
    EXPECT_EQ(f.code(f.pack), "trust.unsigned");
    ASSERT_TRUE(signPack(f.pack, f.key.secretKey, 7));
    writeText(f.pack / "media/a.jpg", "changed bytes");
    auto tampered = checkPackTrust(f.pack, f.rules);
    ASSERT_FALSE(tampered);
    EXPECT_EQ(tampered.error().code, "trust.files_changed");
    EXPECT_NE(tampered.error().message.find("media/a.jpg"), std::string::npos);
    ASSERT_TRUE(signPack(f.pack, f.key.secretKey, 8));
    EXPECT_EQ(f.code(f.pack), "");
    writeText(f.pack / "extra.txt", "added");
    EXPECT_EQ(f.code(f.pack), "trust.files_changed");
    fs::remove(f.pack / "extra.txt");
    PackTrustRules otherKey{{generateMinisignKeyPair().publicKey}, {}, {}};
    auto wrong = checkPackTrust(f.pack, otherKey);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, "trust.wrong_key");
}

TEST(PackTrust, OlderThanInstalledIsADowngradeUnlessItIsTheLastGoodPack) {
    Fixture f;
    ASSERT_TRUE(signPack(f.pack, f.key.secretKey, 7));
    f.rules.installState.highestVersion = 9;
    EXPECT_EQ(f.code(f.pack), "trust.downgrade");
    f.rules.installState.highestVersion = 7;
    EXPECT_EQ(f.code(f.pack), "") << "the same version again is fine";
    f.rules.installState.highestVersion = 9;
    fs::create_directory_symlink(f.pack, f.dir.path() / "last-good");
    f.rules.lastGood = f.dir.path() / "last-good";
    EXPECT_EQ(f.code(f.pack), "") << "what a rollback goes back to";
    f.rules.installState.rolledBack.push_back({"test-pack", 7});
    EXPECT_EQ(f.code(f.pack), "trust.rolled_back");
}

TEST(PackTrust, RulesComeFromTheInstallState) {
    Fixture f;
    InstallState state;
    state.highestVersion = 12;
    fs::create_directories(packsFolder(f.dir.path()));
    ASSERT_TRUE(writeInstallState(f.dir.path(), state));
    auto rules = readPackTrustRules({f.key.publicKey}, f.dir.path(), {});
    ASSERT_TRUE(rules);
    EXPECT_EQ(rules->installState.highestVersion, 12u);
    writeText(packsFolder(f.dir.path()) / "install-state.json", "{damaged");
    EXPECT_FALSE(readPackTrustRules({f.key.publicKey}, f.dir.path(), {}))
        << "a damaged state must not reset the version floor";
}

TEST(PackTrust, KeyListReadsEveryFile) {
    lantai::test::TempDir dir;
    const MinisignKeyPair a = generateMinisignKeyPair(), b = generateMinisignKeyPair();
    writeText(dir.path() / "a.pub", formatMinisignPublicKey(a.publicKey));
    writeText(dir.path() / "b.pub", formatMinisignPublicKey(b.publicKey));
    auto keys =
        parseTrustedKeys((dir.path() / "a.pub").string() + ":" + (dir.path() / "b.pub").string());
    ASSERT_TRUE(keys) << keys.error().message;
    ASSERT_EQ(keys->keys.size(), 2u);
    EXPECT_EQ(keys->keys[0].keyId, a.publicKey.keyId);
    EXPECT_EQ(keys->keys[1].key, b.publicKey.key);
    EXPECT_EQ(keys->files[1], (dir.path() / "b.pub").string());
    EXPECT_TRUE(parseTrustedKeys("")->keys.empty());
    EXPECT_FALSE(parseTrustedKeys((dir.path() / "a.pub").string() + ":" +
                                  (dir.path() / "absent.pub").string()))
        << "an unreadable key trusts nothing rather than fewer keys";
    writeText(dir.path() / "bad.pub", "untrusted comment: x\nnot base64\n");
    auto garbage = parseTrustedKeys((dir.path() / "bad.pub").string());
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().code, "trust.key_invalid");
}

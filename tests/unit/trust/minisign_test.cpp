// tests/unit/trust: minisign key and signature files — round trips, vectors made by minisign 0.11,
// malformed input
#include "core/trust/minisign_keys.h"
#include "core/trust/minisign_signature.h"

#include <gtest/gtest.h>
#include <string>

namespace lantai::core {
namespace {

// Made by `minisign -G -W` (0.11, unencrypted: its checksum is zeros) and
// `echo hello > m; minisign -S -s k.key -m m -t "tc here"`.
const std::string kMinisignPublic = "untrusted comment: minisign public key FE766A90EFD6E61\n"
                                    "RWRhbv0OqWbnD40izWpOCtPPO7klnN5W43chNbxFanj+cgKL5lgkcM2/\n";
const std::string kMinisignSecret =
    "untrusted comment: minisign encrypted secret key\n"
    "RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAYW79Dqlm5w+w7/"
    "cO4WXfLD2V"
    "bP0VOtdTR9HnYspR+koNhPs/yuEulI0izWpOCtPPO7klnN5W43chNbxFanj+cgKL5lgkcM2/"
    "AAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAA=\n";
const std::string kMinisignSignature =
    "untrusted comment: signature from minisign secret key\n"
    "RURhbv0OqWbnDxKTDk//ztSBlW4sltVanuxqWAD6Q4JQv9KYVOGNJkc3fzzoSROEWstGyR2so/"
    "nw7hxZpsKFcxozFA21KCGN"
    "IwI=\n"
    "trusted comment: tc here\n"
    "r001XKJ6wpfdTZEF2Yq38dnPabtn4Um4IkD8zXMJcCVl0hnhnPLhap/2iY+eGzZ3NcbGTrE5qrqHpMYHkEbGAA==\n";

TEST(Minisign, ReadsMinisignsOwnKeysAndVerifiesItsSignature) {
    Result<MinisignPublicKey> publicKey = parseMinisignPublicKey(kMinisignPublic, "k.pub");
    ASSERT_TRUE(publicKey) << publicKey.error().message;
    EXPECT_EQ(formatKeyId(publicKey->keyId), "FE766A90EFD6E61");
    EXPECT_EQ(formatMinisignPublicKey(*publicKey), kMinisignPublic);
    Result<MinisignSecretKey> secretKey = parseMinisignSecretKey(kMinisignSecret, "k.key");
    ASSERT_TRUE(secretKey) << secretKey.error().message;
    EXPECT_EQ(secretKey->publicKey().key, publicKey->key);

    Result<MinisignSignature> signature = parseMinisignSignature(kMinisignSignature, "m.minisig");
    ASSERT_TRUE(signature) << signature.error().message;
    EXPECT_TRUE(signature->prehashed);
    EXPECT_EQ(signature->trustedComment, "tc here");
    EXPECT_EQ(formatMinisignSignature(*signature), kMinisignSignature);
    EXPECT_TRUE(verifyMinisign("hello\n", *signature, {*publicKey}, "m"));
    // Ed25519 is deterministic: signing the same message with the same key gives the same bytes.
    const MinisignSignature ours =
        signMinisign("hello\n", *secretKey, "tc here", "signature from minisign secret key");
    EXPECT_EQ(formatMinisignSignature(ours), kMinisignSignature);
}

TEST(Minisign, RefusesChangedMessagesCommentsAndOtherKeys) {
    const MinisignKeyPair pair = generateMinisignKeyPair();
    const MinisignKeyPair other = generateMinisignKeyPair();
    MinisignSignature signature = signMinisign("message", pair.secretKey, "trusted", "untrusted");
    EXPECT_TRUE(verifyMinisign("message", signature, {other.publicKey, pair.publicKey}, "f"));

    Result<MinisignPublicKey> changed = verifyMinisign("messagf", signature, {pair.publicKey}, "f");
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().code, "trust.signature_mismatch");

    Result<MinisignPublicKey> wrongKey =
        verifyMinisign("message", signature, {other.publicKey}, "f");
    ASSERT_FALSE(wrongKey);
    EXPECT_EQ(wrongKey.error().code, "trust.wrong_key");
    EXPECT_NE(wrongKey.error().message.find(formatKeyId(pair.publicKey.keyId)), std::string::npos);

    // Same key id, different key (a forged key file): the signature does not match.
    MinisignPublicKey forged = other.publicKey;
    forged.keyId = pair.publicKey.keyId;
    EXPECT_EQ(verifyMinisign("message", signature, {forged}, "f").error().code,
              "trust.signature_mismatch");

    signature.trustedComment = "trusted, but edited";
    EXPECT_EQ(verifyMinisign("message", signature, {pair.publicKey}, "f").error().code,
              "trust.signature_mismatch");
    // The untrusted comment is not signed: changing it changes nothing.
    signature = signMinisign("message", pair.secretKey, "trusted", "untrusted");
    signature.untrustedComment = "anything";
    EXPECT_TRUE(verifyMinisign("message", signature, {pair.publicKey}, "f"));
}

TEST(Minisign, KeysRoundTripThroughTheirFiles) {
    const MinisignKeyPair pair = generateMinisignKeyPair();
    Result<MinisignSecretKey> secret =
        parseMinisignSecretKey(formatMinisignSecretKey(pair.secretKey), "s");
    ASSERT_TRUE(secret) << secret.error().message;
    EXPECT_EQ(secret->key, pair.secretKey.key);
    EXPECT_EQ(secret->keyId, pair.secretKey.keyId);
    Result<MinisignPublicKey> pub =
        parseMinisignPublicKey(formatMinisignPublicKey(pair.publicKey), "p");
    ASSERT_TRUE(pub);
    EXPECT_EQ(pub->key, pair.publicKey.key);
    EXPECT_EQ(pair.secretKey.publicKey().key, pair.publicKey.key);
}

TEST(Minisign, RefusesMalformedKeys) {
    const auto publicCode = [](const std::string& text) {
        Result<MinisignPublicKey> key = parseMinisignPublicKey(text, "k.pub");
        return key ? std::string("ok") : key.error().code;
    };
    EXPECT_EQ(publicCode(""), "trust.key_invalid");
    EXPECT_EQ(publicCode("RWRhbv0OqWbnD40izWpOCtPPO7klnN5W43chNbxFanj+cgKL5lgkcM2/\n"),
              "trust.key_invalid");
    EXPECT_EQ(publicCode("untrusted comment: x\nnot base64!!\n"), "trust.key_invalid");
    EXPECT_EQ(
        publicCode("untrusted comment: x\nRWRhbv0OqWbnD40izWpOCtPPO7klnN5W43chNbxFanj+cgKL5lgk\n"),
        "trust.key_invalid"); // too short
    // "Ex" instead of "Ed".
    EXPECT_EQ(
        publicCode(
            "untrusted comment: x\nRXhhbv0OqWbnD40izWpOCtPPO7klnN5W43chNbxFanj+cgKL5lgkcM2/\n"),
        "trust.key_invalid");
    EXPECT_EQ(publicCode(kMinisignPublic), "ok");
    // A secret key where a public key belongs, and the other way round.
    EXPECT_EQ(publicCode(kMinisignSecret), "trust.key_invalid");
    EXPECT_FALSE(parseMinisignSecretKey(kMinisignPublic, "k.key"));

    // An encrypted key (kdf "Sc") names the way out.
    std::string bytes;
    ASSERT_TRUE(base64Decode(
        kMinisignSecret.substr(kMinisignSecret.find('\n') + 1,
                               kMinisignSecret.size() - kMinisignSecret.find('\n') - 2),
        bytes));
    std::string encrypted = bytes;
    encrypted.replace(2, 2, "Sc");
    Result<MinisignSecretKey> refused = parseMinisignSecretKey(
        "untrusted comment: x\n" +
            base64Encode(reinterpret_cast<const unsigned char*>(encrypted.data()),
                         encrypted.size()) +
            "\n",
        "k.key");
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("minisign -G -W"), std::string::npos);
    // A flipped bit in the secret key: the checksum (ours) or the key halves (minisign's zeros) say
    // so.
    std::string damaged = bytes;
    damaged[6 + 32 + 8 + 8 + 8 + 5] ^= 1;
    EXPECT_FALSE(parseMinisignSecretKey(
        "untrusted comment: x\n" +
            base64Encode(reinterpret_cast<const unsigned char*>(damaged.data()), damaged.size()) +
            "\n",
        "k.key"));
    const MinisignKeyPair pair = generateMinisignKeyPair();
    std::string ours = formatMinisignSecretKey(pair.secretKey);
    std::string ourBytes;
    ASSERT_TRUE(base64Decode(ours.substr(ours.find('\n') + 1, ours.size() - ours.find('\n') - 2),
                             ourBytes));
    ourBytes[ourBytes.size() - 1] ^= 1; // the checksum itself
    EXPECT_FALSE(parseMinisignSecretKey(
        "untrusted comment: x\n" +
            base64Encode(reinterpret_cast<const unsigned char*>(ourBytes.data()), ourBytes.size()) +
            "\n",
        "k.key"));
}

TEST(Minisign, RefusesMalformedSignatures) {
    const auto code = [](const std::string& text) {
        Result<MinisignSignature> signature = parseMinisignSignature(text, "m.minisig");
        return signature ? std::string("ok") : signature.error().code;
    };
    EXPECT_EQ(code(kMinisignSignature), "ok");
    EXPECT_EQ(code(""), "trust.signature_invalid");
    EXPECT_EQ(code(kMinisignSignature.substr(0, kMinisignSignature.rfind("trusted comment"))),
              "trust.signature_invalid");
    std::string noTrusted = kMinisignSignature;
    noTrusted.replace(noTrusted.find("trusted comment: tc"), 16, "comment:        ");
    EXPECT_EQ(code(noTrusted), "trust.signature_invalid");
    std::string badAlgorithm = kMinisignSignature;
    badAlgorithm.replace(badAlgorithm.find("\nRURh") + 1, 4, "RXhh"); // "Ex"
    EXPECT_EQ(code(badAlgorithm), "trust.signature_invalid");
    std::string shortGlobal = kMinisignSignature;
    shortGlobal.replace(shortGlobal.find("r001"), 8, "");
    EXPECT_EQ(code(shortGlobal), "trust.signature_invalid");
    // CRLF line ends (a file that went through a Windows editor) are still the same signature.
    std::string crlf;
    for (char c : kMinisignSignature)
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    EXPECT_EQ(code(crlf), "ok");
}

} // namespace
} // namespace lantai::core

// core/trust: minisign's Ed25519 key files (public keys, unencrypted secret keys) and key pairs
#include "core/trust/minisign_keys.h"

#include "core/base/file_io.h"

#include <cstdio>
#include <cstring>
#include <sodium.h>

namespace lantai::core {

namespace {

constexpr std::size_t kPublicKeyBytes = 2 + 8 + 32;
constexpr std::size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr std::size_t kKeyFileLimit = 64 * 1024;

Diagnostic keyError(const std::string& file, const std::string& what, const std::string& whatZh) {
    return operationalError("trust.key_invalid", file,
                            "The key file \"" + file + "\" is not usable: " + what + ".",
                            "密钥文件“" + file + "”无法使用：" + whatZh + "。");
}

// The two lines of a minisign file: the comment line and the base64 line (later lines ignored).
bool keyLines(std::string_view text, std::string_view& comment, std::string_view& data) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return false;
    comment = text.substr(0, end);
    std::string_view rest = text.substr(end + 1);
    data = rest.substr(0, rest.find('\n'));
    while (!data.empty() && (data.back() == '\r' || data.back() == ' '))
        data.remove_suffix(1);
    if (!comment.empty() && comment.back() == '\r') comment.remove_suffix(1);
    return true;
}

void ensureSodium() {
    if (sodium_init() < 0) std::abort(); // libsodium cannot run at all: nothing else can be trusted
}

} // namespace

std::string formatKeyId(const MinisignKeyId& id) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | id[static_cast<std::size_t>(i)];
    char text[24];
    std::snprintf(text, sizeof text, "%llX", static_cast<unsigned long long>(value));
    return text;
}

std::string base64Encode(const unsigned char* data, std::size_t size) {
    ensureSodium();
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

bool base64Decode(std::string_view text, std::string& out) {
    ensureSodium();
    out.assign(text.size(), '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return false;
    out.resize(length);
    return true;
}

MinisignPublicKey MinisignSecretKey::publicKey() const {
    MinisignPublicKey out;
    out.keyId = keyId;
    std::memcpy(out.key.data(), key.data() + 32, 32);
    return out;
}

MinisignKeyPair generateMinisignKeyPair() {
    ensureSodium();
    MinisignKeyPair pair;
    randombytes_buf(pair.secretKey.keyId.data(), pair.secretKey.keyId.size());
    crypto_sign_keypair(pair.publicKey.key.data(), pair.secretKey.key.data());
    pair.publicKey.keyId = pair.secretKey.keyId;
    return pair;
}

Result<MinisignPublicKey> parseMinisignPublicKey(std::string_view text, const std::string& file) {
    std::string_view comment, data;
    if (!keyLines(text, comment, data) || !comment.starts_with("untrusted comment:"))
        return keyError(file, "a minisign public key starts with an \"untrusted comment:\" line",
                        "minisign 公钥应以“untrusted comment:”一行开头");
    std::string bytes;
    if (!base64Decode(data, bytes) || bytes.size() != kPublicKeyBytes)
        return keyError(file, "the second line is not a base64 minisign public key",
                        "第二行不是 base64 编码的 minisign 公钥");
    if (bytes.compare(0, 2, "Ed") != 0)
        return keyError(file, "the key is not an Ed25519 key (\"Ed\")",
                        "不是 Ed25519 密钥（“Ed”）");
    MinisignPublicKey key;
    std::memcpy(key.keyId.data(), bytes.data() + 2, 8);
    std::memcpy(key.key.data(), bytes.data() + 10, 32);
    return key;
}

Result<MinisignSecretKey> parseMinisignSecretKey(std::string_view text, const std::string& file) {
    std::string_view comment, data;
    if (!keyLines(text, comment, data) || !comment.starts_with("untrusted comment:"))
        return keyError(file, "a minisign secret key starts with an \"untrusted comment:\" line",
                        "minisign 私钥应以“untrusted comment:”一行开头");
    std::string bytes;
    if (!base64Decode(data, bytes) || bytes.size() != kSecretKeyBytes)
        return keyError(file, "the second line is not a base64 minisign secret key",
                        "第二行不是 base64 编码的 minisign 私钥");
    if (bytes.compare(0, 2, "Ed") != 0)
        return keyError(file, "the key is not an Ed25519 key (\"Ed\")",
                        "不是 Ed25519 密钥（“Ed”）");
    if (bytes.compare(2, 2, std::string("\0\0", 2)) != 0)
        return keyError(
            file,
            "the secret key is protected by a password; make an unencrypted one with "
            "`lantai pack keygen` or `minisign -G -W`",
            "私钥受密码保护；请用 `lantai pack keygen` 或 `minisign -G -W` 生成不加密的私钥");
    if (bytes.compare(4, 2, "B2") != 0)
        return keyError(file, "the checksum algorithm is not BLAKE2b (\"B2\")",
                        "校验和算法不是 BLAKE2b（“B2”）");
    constexpr std::size_t keyIdAt = 6 + 32 + 8 + 8;
    MinisignSecretKey key;
    std::memcpy(key.keyId.data(), bytes.data() + keyIdAt, 8);
    std::memcpy(key.key.data(), bytes.data() + keyIdAt + 8, 64);
    const auto* stored = reinterpret_cast<const unsigned char*>(bytes.data() + keyIdAt + 8 + 64);
    unsigned char checksum[32];
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, sizeof checksum);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&state, key.keyId.data(), key.keyId.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, checksum, sizeof checksum);
    static const unsigned char zeros[32] = {};
    if (std::memcmp(checksum, stored, 32) != 0 && std::memcmp(zeros, stored, 32) != 0)
        return keyError(file, "its checksum does not match (the file is damaged)",
                        "校验和不符（文件已损坏）");
    // The secret key's second half is its public key: a key whose halves disagree is damaged.
    unsigned char derived[32];
    crypto_sign_ed25519_sk_to_pk(derived, key.key.data());
    unsigned char fromSeed[32], skFromSeed[64];
    crypto_sign_seed_keypair(fromSeed, skFromSeed, key.key.data());
    sodium_memzero(skFromSeed, sizeof skFromSeed);
    if (std::memcmp(derived, fromSeed, 32) != 0)
        return keyError(file,
                        "its secret and public halves do not belong together (the file is damaged)",
                        "私钥与公钥部分不匹配（文件已损坏）");
    return key;
}

std::string minisignPublicKeyBase64(const MinisignPublicKey& key) {
    unsigned char bytes[kPublicKeyBytes];
    std::memcpy(bytes, "Ed", 2);
    std::memcpy(bytes + 2, key.keyId.data(), 8);
    std::memcpy(bytes + 10, key.key.data(), 32);
    return base64Encode(bytes, sizeof bytes);
}

std::string formatMinisignPublicKey(const MinisignPublicKey& key) {
    return "untrusted comment: minisign public key " + formatKeyId(key.keyId) + "\n" +
           minisignPublicKeyBase64(key) + "\n";
}

std::string formatMinisignSecretKey(const MinisignSecretKey& key) {
    ensureSodium();
    unsigned char bytes[kSecretKeyBytes] = {};
    std::memcpy(bytes, "Ed", 2);
    std::memcpy(bytes + 4, "B2", 2);
    constexpr std::size_t keyIdAt = 6 + 32 + 8 + 8;
    std::memcpy(bytes + keyIdAt, key.keyId.data(), 8);
    std::memcpy(bytes + keyIdAt + 8, key.key.data(), 64);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    crypto_generichash_update(&state, bytes, 2);
    crypto_generichash_update(&state, key.keyId.data(), 8);
    crypto_generichash_update(&state, key.key.data(), 64);
    crypto_generichash_final(&state, bytes + keyIdAt + 8 + 64, 32);
    std::string out = "untrusted comment: minisign secret key " + formatKeyId(key.keyId) +
                      " (unencrypted)\n" + base64Encode(bytes, sizeof bytes) + "\n";
    sodium_memzero(bytes, sizeof bytes);
    return out;
}

Result<MinisignPublicKey> readMinisignPublicKey(const std::string& file) {
    Result<std::string> text = readFile(file, kKeyFileLimit);
    if (!text) return std::move(text).error();
    return parseMinisignPublicKey(*text, file);
}

Result<MinisignSecretKey> readMinisignSecretKey(const std::string& file) {
    Result<std::string> text = readFile(file, kKeyFileLimit);
    if (!text) return std::move(text).error();
    Result<MinisignSecretKey> key = parseMinisignSecretKey(*text, file);
    sodium_memzero(text->data(), text->size());
    return key;
}

} // namespace lantai::core

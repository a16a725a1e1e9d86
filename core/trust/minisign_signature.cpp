// core/trust: minisign signature files — Ed25519 over BLAKE2b-512 ("ED"), trusted comment, global
// signature
#include "core/trust/minisign_signature.h"

#include <cassert>
#include <cstring>
#include <sodium.h>

namespace lantai::core {

namespace {

constexpr std::size_t kSignatureBytes = 2 + 8 + 64;
constexpr std::string_view kUntrusted = "untrusted comment: ";
constexpr std::string_view kTrusted = "trusted comment: ";

Diagnostic signatureError(const std::string& file, const std::string& what,
                          const std::string& whatZh) {
    return operationalError("trust.signature_invalid", file,
                            "The signature file \"" + file +
                                "\" is not a minisign signature: " + what + ".",
                            "签名文件“" + file + "”不是 minisign 签名：" + whatZh + "。");
}

std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty() && out.size() < 5) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

std::array<unsigned char, 64> blake2b512(std::string_view message) {
    std::array<unsigned char, 64> hash{};
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       nullptr, 0);
    return hash;
}

std::string signedComment(const MinisignSignature& signature) {
    std::string out(reinterpret_cast<const char*>(signature.signature.data()), 64);
    return out + signature.trustedComment;
}

} // namespace

MinisignSignature signMinisign(std::string_view message, const MinisignSecretKey& key,
                               const std::string& trustedComment,
                               const std::string& untrustedComment) {
    assert(trustedComment.find_first_of("\r\n") == std::string::npos);
    assert(untrustedComment.find_first_of("\r\n") == std::string::npos);
    if (sodium_init() < 0) std::abort();
    MinisignSignature out;
    out.prehashed = true;
    out.keyId = key.keyId;
    out.trustedComment = trustedComment;
    out.untrustedComment = untrustedComment;
    const std::array<unsigned char, 64> hash = blake2b512(message);
    crypto_sign_detached(out.signature.data(), nullptr, hash.data(), hash.size(), key.key.data());
    const std::string global = signedComment(out);
    crypto_sign_detached(out.globalSignature.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(global.data()), global.size(),
                         key.key.data());
    return out;
}

std::string formatMinisignSignature(const MinisignSignature& signature) {
    unsigned char bytes[kSignatureBytes];
    std::memcpy(bytes, signature.prehashed ? "ED" : "Ed", 2);
    std::memcpy(bytes + 2, signature.keyId.data(), 8);
    std::memcpy(bytes + 10, signature.signature.data(), 64);
    return std::string(kUntrusted) + signature.untrustedComment + "\n" +
           base64Encode(bytes, sizeof bytes) + "\n" + std::string(kTrusted) +
           signature.trustedComment + "\n" +
           base64Encode(signature.globalSignature.data(), signature.globalSignature.size()) + "\n";
}

Result<MinisignSignature> parseMinisignSignature(std::string_view text, const std::string& file) {
    const std::vector<std::string_view> parts = lines(text);
    if (parts.size() < 4 || !parts[0].starts_with(kUntrusted) || !parts[2].starts_with(kTrusted))
        return signatureError(file,
                              "it needs four lines: untrusted comment, signature, trusted comment, "
                              "global signature",
                              "应有四行：不可信注释、签名、可信注释、全局签名");
    MinisignSignature out;
    out.untrustedComment = std::string(parts[0].substr(kUntrusted.size()));
    out.trustedComment = std::string(parts[2].substr(kTrusted.size()));
    std::string bytes;
    if (!base64Decode(parts[1], bytes) || bytes.size() != kSignatureBytes)
        return signatureError(file, "the second line is not a base64 signature",
                              "第二行不是 base64 编码的签名");
    if (bytes.compare(0, 2, "ED") == 0)
        out.prehashed = true;
    else if (bytes.compare(0, 2, "Ed") == 0)
        out.prehashed = false;
    else
        return signatureError(file, "the algorithm is neither \"ED\" nor \"Ed\" (Ed25519)",
                              "算法既不是“ED”也不是“Ed”（Ed25519）");
    std::memcpy(out.keyId.data(), bytes.data() + 2, 8);
    std::memcpy(out.signature.data(), bytes.data() + 10, 64);
    std::string global;
    if (!base64Decode(parts[3], global) || global.size() != 64)
        return signatureError(file, "the fourth line is not a base64 global signature",
                              "第四行不是 base64 编码的全局签名");
    std::memcpy(out.globalSignature.data(), global.data(), 64);
    return out;
}

Result<MinisignPublicKey> verifyMinisign(std::string_view message,
                                         const MinisignSignature& signature,
                                         const std::vector<MinisignPublicKey>& keys,
                                         const std::string& file) {
    if (sodium_init() < 0) std::abort();
    for (const MinisignPublicKey& key : keys) {
        if (key.keyId != signature.keyId) continue;
        const std::array<unsigned char, 64> hash = blake2b512(signature.prehashed ? message : "");
        const bool bodyOk =
            signature.prehashed
                ? crypto_sign_verify_detached(signature.signature.data(), hash.data(), hash.size(),
                                              key.key.data()) == 0
                : crypto_sign_verify_detached(
                      signature.signature.data(),
                      reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                      key.key.data()) == 0;
        const std::string global = signedComment(signature);
        const bool commentOk =
            crypto_sign_verify_detached(signature.globalSignature.data(),
                                        reinterpret_cast<const unsigned char*>(global.data()),
                                        global.size(), key.key.data()) == 0;
        if (bodyOk && commentOk) return key;
        return operationalError("trust.signature_mismatch", file,
                                "The signature of \"" + file +
                                    "\" does not match: the file or its trusted comment "
                                    "was changed after signing (key " +
                                    formatKeyId(key.keyId) + ").",
                                "“" + file + "”的签名不符：签名后文件或其可信注释被改动过（密钥 " +
                                    formatKeyId(key.keyId) + "）。");
    }
    std::string known;
    for (const MinisignPublicKey& key : keys)
        known += (known.empty() ? "" : ", ") + formatKeyId(key.keyId);
    return operationalError(
        "trust.wrong_key", file,
        "\"" + file + "\" is signed with key " + formatKeyId(signature.keyId) +
            ", which is not a trusted key (trusted: " + (known.empty() ? "none" : known) + ").",
        "“" + file + "”由密钥 " + formatKeyId(signature.keyId) +
            " 签名，不是受信任的密钥（受信任：" + (known.empty() ? "无" : known) + "）。");
}

} // namespace lantai::core

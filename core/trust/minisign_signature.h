// core/trust: minisign signature files — Ed25519 over BLAKE2b-512 ("ED"), trusted comment, global
// signature
#pragma once

#include "core/base/result.h"
#include "core/trust/minisign_keys.h"

#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// A `.minisig` file:
//   untrusted comment: <text>
//   base64(algorithm "ED" or "Ed" || key id (8) || signature (64))
//   trusted comment: <text>
//   base64(global signature (64))
// "ED" (what minisign 0.11 makes by default) signs BLAKE2b-512 of the message, "Ed" the message
// itself; both are verified, "ED" is what sign() makes. The global signature covers
// signature || trusted comment, so the trusted comment cannot be changed.
struct MinisignSignature {
    bool prehashed = true;
    MinisignKeyId keyId{};
    std::array<unsigned char, 64> signature{};
    std::string untrustedComment;
    std::string trustedComment;
    std::array<unsigned char, 64> globalSignature{};
};

// Signs `message` (prehashed, "ED"). Comments must not contain line breaks (asserted).
MinisignSignature signMinisign(std::string_view message, const MinisignSecretKey& key,
                               const std::string& trustedComment,
                               const std::string& untrustedComment);

std::string formatMinisignSignature(const MinisignSignature& signature);
// `file` only names the source in errors (code trust.signature_invalid).
Result<MinisignSignature> parseMinisignSignature(std::string_view text, const std::string& file);

// Which of `keys` made the signature, or an error: trust.wrong_key (no key with the signature's
// key id), trust.signature_mismatch (a key with that id, but the message or the trusted comment
// was changed). `file` names the signed file in the messages.
Result<MinisignPublicKey> verifyMinisign(std::string_view message,
                                         const MinisignSignature& signature,
                                         const std::vector<MinisignPublicKey>& keys,
                                         const std::string& file);

} // namespace lantai::core

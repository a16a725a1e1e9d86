// core/trust: minisign's Ed25519 key files (public keys, unencrypted secret keys) and key pairs
#pragma once

#include "core/base/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace lantai::core {

// A key id: 8 random bytes minisign stores beside every key and signature, shown as hex of the
// little-endian 64-bit number ("FE766A90EFD6E61", as minisign prints it).
using MinisignKeyId = std::array<unsigned char, 8>;
std::string formatKeyId(const MinisignKeyId& id);

// A public key file (`minisign.pub`):
//   untrusted comment: minisign public key <KEYID>
//   base64("Ed" || key id (8) || Ed25519 public key (32))
struct MinisignPublicKey {
    MinisignKeyId keyId{};
    std::array<unsigned char, 32> key{};
};

// A secret key file as `minisign -G -W` writes it (unencrypted):
//   untrusted comment: ...
//   base64("Ed" || kdf "\0\0" || "B2" || salt (32) || opslimit (8) || memlimit (8) ||
//          key id (8) || Ed25519 secret key (64) || checksum (32))
// The checksum is BLAKE2b-256 of "Ed" || key id || secret key; minisign 0.11 writes zeros for an
// unencrypted key, which is accepted too. Encrypted keys (kdf "Sc") are refused with a message
// saying how to make an unencrypted one.
struct MinisignSecretKey {
    MinisignKeyId keyId{};
    std::array<unsigned char, 64> key{}; // libsodium's secret key: seed || public key
    MinisignPublicKey publicKey() const;
};

struct MinisignKeyPair {
    MinisignPublicKey publicKey;
    MinisignSecretKey secretKey;
};

// A new key pair with a random key id (libsodium's randombytes).
MinisignKeyPair generateMinisignKeyPair();

// Parsing: `file` only names the source in errors (code trust.key_invalid).
Result<MinisignPublicKey> parseMinisignPublicKey(std::string_view text, const std::string& file);
Result<MinisignSecretKey> parseMinisignSecretKey(std::string_view text, const std::string& file);
// The base64 line alone (minisign's -P argument).
std::string minisignPublicKeyBase64(const MinisignPublicKey& key);
std::string formatMinisignPublicKey(const MinisignPublicKey& key);
std::string formatMinisignSecretKey(const MinisignSecretKey& key);

// Reads a key file (a regular file of at most 64 KB).
Result<MinisignPublicKey> readMinisignPublicKey(const std::string& file);
Result<MinisignSecretKey> readMinisignSecretKey(const std::string& file);

// Base64 (the original alphabet with padding, as minisign writes it); nullopt-like error on bad
// input is reported as an empty Result by the callers above.
std::string base64Encode(const unsigned char* data, std::size_t size);
bool base64Decode(std::string_view text, std::string& out);

} // namespace lantai::core

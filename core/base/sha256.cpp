// core/base: SHA-256 via libsodium's crypto_hash_sha256
#include "core/base/sha256.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sodium.h>

namespace lantai::core {

namespace {

std::string toHex(const unsigned char* digest) {
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, crypto_hash_sha256_BYTES);
    return hex;
}

} // namespace

std::string sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(digest);
}

std::optional<std::string> sha256File(const std::filesystem::path& file, std::string& error) {
    FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    static thread_local unsigned char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        crypto_hash_sha256_update(&state, buffer, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
        error = "read error";
        return std::nullopt;
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return toHex(digest);
}

} // namespace lantai::core

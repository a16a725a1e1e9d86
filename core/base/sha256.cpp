// core/base: SHA-256 via libsodium's crypto_hash_sha256
#include "core/base/sha256.h"

#include "core/base/file_io.h"

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

Result<std::string> sha256File(const std::filesystem::path& file) {
    auto opened = openRegularFile(file);
    if (!opened) return std::move(opened).error();
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    static thread_local unsigned char buffer[1 << 16];
    std::uint64_t offset = 0;
    for (;;) {
        const long long n = opened->readAt(offset, buffer, sizeof buffer);
        if (n < 0)
            return operationalError(
                kFileUnreadable, file.string(),
                "Cannot read \"" + file.string() + "\": " + std::strerror(errno) + ".",
                "无法读取“" + file.string() + "”：" + std::strerror(errno) + "。");
        if (n == 0) break;
        crypto_hash_sha256_update(&state, buffer, static_cast<std::size_t>(n));
        offset += static_cast<std::uint64_t>(n);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return toHex(digest);
}

} // namespace lantai::core

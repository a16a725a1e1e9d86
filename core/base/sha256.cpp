// core/base: SHA-256 via OpenSSL's libcrypto (uses the CPU's SHA extensions: ~5x libsodium's)
#include "core/base/sha256.h"

#include "core/base/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <openssl/evp.h>
#include <vector>

namespace lantai::core {

namespace {

constexpr std::size_t kDigestBytes = 32;

std::string toHex(const unsigned char* digest) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(kDigestBytes * 2, '0');
    for (std::size_t i = 0; i < kDigestBytes; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0x0f];
    }
    return hex;
}

struct DigestContextFree {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextFree>;

// A context set up for SHA-256; null only when OpenSSL cannot allocate one.
DigestContext newSha256Context() {
    DigestContext context(EVP_MD_CTX_new());
    if (context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) context.reset();
    return context;
}

std::string finalHex(EVP_MD_CTX* context) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context, digest, &length);
    return toHex(digest);
}

} // namespace

std::string sha256Hex(std::string_view data) {
    DigestContext context = newSha256Context();
    if (!context) throw std::bad_alloc();
    EVP_DigestUpdate(context.get(), data.data(), data.size());
    return finalHex(context.get());
}

Sha256Hasher::Sha256Hasher() : m_context(newSha256Context().release()) {
    if (!m_context) throw std::bad_alloc();
}

Sha256Hasher::~Sha256Hasher() {
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_context));
}

void Sha256Hasher::update(const void* data, std::size_t size) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_context), data, size);
}

std::string Sha256Hasher::finishHex() {
    return finalHex(static_cast<EVP_MD_CTX*>(m_context));
}

Result<std::string> sha256File(const std::filesystem::path& file) {
    auto opened = openRegularFile(file);
    if (!opened) return std::move(opened).error();
    DigestContext context = newSha256Context();
    if (!context) throw std::bad_alloc();
    // On the heap, once per thread: a 64 KB thread_local array would be static TLS, which glibc
    // carves out of every thread's stack — civetweb's workers (kiosk/net) have 100 KB stacks.
    static thread_local std::vector<unsigned char> buffer(std::size_t{1} << 16);
    std::uint64_t offset = 0;
    for (;;) {
        const long long n = opened->readAt(offset, buffer.data(), buffer.size());
        if (n < 0)
            return operationalError(
                kFileUnreadable, file.string(),
                "Cannot read \"" + file.string() + "\": " + std::strerror(errno) + ".",
                "无法读取“" + file.string() + "”：" + std::strerror(errno) + "。");
        if (n == 0) break;
        EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(n));
        offset += static_cast<std::uint64_t>(n);
    }
    return finalHex(context.get());
}

} // namespace lantai::core

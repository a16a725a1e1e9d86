// core/base: SHA-256 of files and buffers (OpenSSL libcrypto), as lower-case hex
#pragma once

#include "core/base/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

std::string sha256Hex(std::string_view data);

// SHA-256 of bytes that arrive in pieces (a file copied and hashed in one pass).
class Sha256Hasher {
  public:
    Sha256Hasher();
    ~Sha256Hasher();
    Sha256Hasher(const Sha256Hasher&) = delete;
    Sha256Hasher& operator=(const Sha256Hasher&) = delete;
    void update(const void* data, std::size_t size);
    std::string finishHex(); // once; the hasher is spent afterwards

  private:
    void* m_context; // EVP_MD_CTX
};
// SHA-256 of a regular file (a FIFO, device or folder is an error, never a blocking read).
Result<std::string> sha256File(const std::filesystem::path& file);

} // namespace lantai::core

// core/media: random access to a probed file's bytes (memory or file with seeks) and endian readers
#pragma once

#include "core/media/asset_probe.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

namespace lantai::core {

// Random access to the probed bytes. read() copies out.size() bytes at `offset` and returns
// false when that range is not inside the data (or, for files, on an I/O error, recorded in
// error()). head() is the first min(size, kProbePrefixBytes) bytes.
class ByteSource {
  public:
    virtual ~ByteSource() = default;
    virtual bool read(std::uint64_t offset, std::span<std::uint8_t> out) = 0;
    std::uint64_t size() const { return m_size; }
    std::span<const std::uint8_t> head() const { return m_head; }

  protected:
    bool inside(std::uint64_t offset, std::size_t n) const {
        return offset <= m_size && n <= m_size - offset;
    }
    std::uint64_t m_size = 0;
    std::span<const std::uint8_t> m_head;
};

class SpanSource final : public ByteSource {
  public:
    explicit SpanSource(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {
        m_size = bytes.size();
        m_head = bytes.first(std::min(bytes.size(), kProbePrefixBytes));
    }
    bool read(std::uint64_t offset, std::span<std::uint8_t> out) override {
        if (!inside(offset, out.size())) return false;
        std::copy_n(m_bytes.begin() + static_cast<std::ptrdiff_t>(offset), out.size(), out.begin());
        return true;
    }

  private:
    std::span<const std::uint8_t> m_bytes;
};

// Reads the prefix up front and everything after it through a small seek-and-read window.
class FileSource final : public ByteSource {
  public:
    bool open(const std::filesystem::path& file, std::uint64_t size);
    bool read(std::uint64_t offset, std::span<std::uint8_t> out) override;
    const std::string& error() const { return m_error; }

  private:
    bool fail(std::string message) {
        m_error = std::move(message);
        return false;
    }
    static bool copyFrom(const std::vector<std::uint8_t>& buf, std::uint64_t at,
                         std::span<std::uint8_t> out) {
        std::copy_n(buf.begin() + static_cast<std::ptrdiff_t>(at), out.size(), out.begin());
        return true;
    }
    std::ifstream m_in;
    std::vector<std::uint8_t> m_prefix;
    std::vector<std::uint8_t> m_window;
    std::uint64_t m_windowOffset = 0;
    std::string m_error;
};

// Opens `file` for probing: a regular file, its size known. Returns "" or an English reason
// ("is a directory", "not a regular file", an errno message).
std::string openProbeFile(const std::filesystem::path& file, FileSource& source);

inline std::uint32_t be16(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 8 | p[1];
}
inline std::uint32_t le16(const std::uint8_t* p) {
    return std::uint32_t{p[1]} << 8 | p[0];
}
inline std::uint32_t le24(const std::uint8_t* p) {
    return std::uint32_t{p[2]} << 16 | le16(p);
}
inline std::uint32_t be32(const std::uint8_t* p) {
    return be16(p) << 16 | be16(p + 2);
}
inline std::uint32_t le32(const std::uint8_t* p) {
    return le16(p + 2) << 16 | le16(p);
}
inline std::uint64_t be64(const std::uint8_t* p) {
    return std::uint64_t{be32(p)} << 32 | be32(p + 4);
}
inline std::uint64_t le64(const std::uint8_t* p) {
    return std::uint64_t{le32(p + 4)} << 32 | le32(p);
}

// Printable form of a four-character code taken from hostile bytes.
inline std::string fourcc(const std::uint8_t* p) {
    std::string s;
    for (int i = 0; i < 4; ++i)
        s += (p[i] >= 0x20 && p[i] < 0x7f) ? static_cast<char>(p[i]) : '?';
    return s;
}

} // namespace lantai::core

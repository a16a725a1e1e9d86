// core/media: random access to a probed file's bytes (memory or file with seeks) and endian readers
#include "core/media/byte_source.h"

#include <cerrno>
#include <system_error>

namespace lantai::core {

bool FileSource::open(const std::filesystem::path& file, std::uint64_t size) {
    errno = 0;
    m_in.open(file, std::ios::binary);
    if (!m_in) return fail(errno != 0 ? std::generic_category().message(errno) : "open failed");
    m_size = size;
    m_prefix.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, kProbePrefixBytes)));
    m_in.read(reinterpret_cast<char*>(m_prefix.data()),
              static_cast<std::streamsize>(m_prefix.size()));
    if (m_in.bad()) return fail("read error");
    if (static_cast<std::size_t>(m_in.gcount()) < m_prefix.size()) { // shrank since stat
        m_prefix.resize(static_cast<std::size_t>(m_in.gcount()));
        m_size = m_prefix.size();
    }
    m_head = m_prefix;
    return true;
}

bool FileSource::read(std::uint64_t offset, std::span<std::uint8_t> out) {
    if (!inside(offset, out.size()) || !m_error.empty()) return false;
    if (offset + out.size() <= m_prefix.size()) return copyFrom(m_prefix, offset, out);
    if (offset >= m_windowOffset && offset + out.size() <= m_windowOffset + m_window.size())
        return copyFrom(m_window, offset - m_windowOffset, out);
    constexpr std::uint64_t kWindow = 4096;
    m_window.resize(static_cast<std::size_t>(
        std::min(std::max<std::uint64_t>(out.size(), kWindow), m_size - offset)));
    m_windowOffset = offset;
    m_in.clear();
    m_in.seekg(static_cast<std::streamoff>(offset));
    m_in.read(reinterpret_cast<char*>(m_window.data()),
              static_cast<std::streamsize>(m_window.size()));
    if (!m_in || static_cast<std::size_t>(m_in.gcount()) != m_window.size()) {
        m_window.clear();
        return fail(m_in.bad() ? "read error" : "file ended early (changed while reading?)");
    }
    return copyFrom(m_window, 0, out);
}

std::string openProbeFile(const std::filesystem::path& file, FileSource& source) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec) return ec.message();
    if (std::filesystem::is_directory(status)) return "is a directory";
    if (!std::filesystem::is_regular_file(status)) return "not a regular file";
    const std::uint64_t size = std::filesystem::file_size(file, ec);
    if (ec) return ec.message();
    if (!source.open(file, size)) return source.error();
    return {};
}

} // namespace lantai::core

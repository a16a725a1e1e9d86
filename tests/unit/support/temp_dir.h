// tests: a fresh temporary folder per test, removed with everything in it afterwards
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace lantai::test {

class TempDir {
  public:
    explicit TempDir(const std::string& prefix = "lantai-test") {
        std::string pattern =
            (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data())) m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

} // namespace lantai::test

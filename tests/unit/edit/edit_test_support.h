// tests: helpers for the edit-model tests — pack copies in temporary folders, sessions, files
#pragma once

#include "core/base/file_io.h"
#include "core/base/localized_text.h"
#include "core/edit/edit_session.h"
#include "tests/unit/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <string>

namespace lantai::test {

namespace fs = std::filesystem;

inline const fs::path kPacks = LANTAI_TEST_PACKS_DIR;
inline const fs::path kDemoPack = fs::path(LANTAI_SOURCE_DIR) / "content" / "demo";

// Copies a folder tree (regular files and folders).
inline void copyTree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

// A pack copied into a fresh temporary folder.
class PackCopy {
  public:
    explicit PackCopy(const fs::path& source) : m_dir("lantai-edit-test") {
        copyTree(source, path());
    }
    fs::path path() const { return m_dir.path() / "pack"; }

  private:
    TempDir m_dir;
};

inline std::string readText(const fs::path& file) {
    auto text = core::readFile(file);
    return text ? *text : std::string("<unreadable: ") + file.string() + ">";
}

// Every file save() would write, as they are on disk now.
inline std::map<std::string, std::string>
filesOnDisk(const fs::path& root, const std::map<std::string, std::string>& like) {
    std::map<std::string, std::string> out;
    for (const auto& [name, text] : like)
        out[name] = readText(root / name);
    return out;
}

inline core::edit::OpenOptions testOptions(bool sync = false) {
    core::edit::OpenOptions options;
    options.syncJournal = sync;
    options.clock = [] { return std::int64_t{1780000000}; };
    return options;
}

inline std::unique_ptr<core::edit::EditSession>
openOrFail(const fs::path& dir, core::edit::OpenOptions options = testOptions()) {
    auto session = core::edit::EditSession::open(dir, std::move(options));
    if (!session) {
        ADD_FAILURE() << "open failed: " << session.error().message;
        return nullptr;
    }
    return std::move(*session);
}

// The PNG of the valid-minimal pack, copied to `file` (a real image for media tests).
inline void writeTestImage(const fs::path& file) {
    fs::create_directories(file.parent_path());
    fs::copy_file(kPacks / "valid-minimal" / "images" / "letter.png", file,
                  fs::copy_options::overwrite_existing);
}

} // namespace lantai::test

// tests: helpers for the edit-model tests — pack copies in temporary folders, sessions, files
#pragma once

#include "core/base/file_io.h"
#include "core/base/localized_text.h"
#include "core/edit/edit_session.h"
#include "tests/unit/support/temp_dir.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

// Where two sets of files first differ (file, line and the two lines), for failure messages.
inline std::string firstDifference(const std::map<std::string, std::string>& a,
                                   const std::map<std::string, std::string>& b) {
    for (const auto& [name, text] : a) {
        const auto it = b.find(name);
        if (it == b.end()) return name + " only in the first";
        if (it->second == text) continue;
        std::size_t line = 1, at = 0;
        while (at < text.size() && at < it->second.size() && text[at] == it->second[at])
            line += text[at++] == '\n';
        const auto lineOf = [&](const std::string& t) {
            const auto start = t.rfind('\n', at == 0 ? 0 : at - 1);
            const auto from = start == std::string::npos ? 0 : start + 1;
            return t.substr(from, t.find('\n', from) - from);
        };
        if (const char* dump = std::getenv("LANTAI_EDIT_TEST_DUMP"); dump && *dump) {
            std::ofstream(std::string(dump) + ".a") << text;
            std::ofstream(std::string(dump) + ".b") << it->second;
        }
        return name + ":" + std::to_string(line) + ": \"" + lineOf(text) + "\" vs \"" +
               lineOf(it->second) + "\"";
    }
    for (const auto& [name, text] : b)
        if (!a.count(name)) return name + " only in the second";
    return "no difference";
}

// The same files, byte for byte; the message says where they first differ.
inline ::testing::AssertionResult sameFiles(const std::map<std::string, std::string>& a,
                                            const std::map<std::string, std::string>& b) {
    if (a == b) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << firstDifference(a, b);
}

#define EXPECT_SAME_FILES(a, b) EXPECT_TRUE(::lantai::test::sameFiles((a), (b)))
#define ASSERT_SAME_FILES(a, b) ASSERT_TRUE(::lantai::test::sameFiles((a), (b)))

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

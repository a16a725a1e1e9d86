// tests: narration in the pack model — loading, validation (missing file, wrong type, damaged
// header, unsafe path) and the writer's round trip, on a copy of tests/packs/valid-minimal
#include "core/base/file_io.h"
#include "core/pack/loader.h"
#include "core/pack/validator.h"
#include "core/pack/writer.h"
#include "tests/unit/support/temp_dir.h"
#include "tests/unit/support/wav_bytes.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

using test::wavBytes;

void writeBytes(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

class NarrationPack : public testing::Test {
  protected:
    void SetUp() override {
        fs::copy(kPacks / "valid-minimal", m_dir.path() / "pack", fs::copy_options::recursive);
        writeBytes(root() / "audio/letter-zh.wav", wavBytes(2000));
    }
    fs::path root() const { return m_dir.path() / "pack"; }

    // Sets `narration` on the first item (and the first chapter, and the first question).
    void setNarration(const nlohmann::json& item, const nlohmann::json& chapter = nullptr,
                      const nlohmann::json& question = nullptr) {
        auto pack = nlohmann::json::parse(*readFile(root() / "pack.json"));
        auto& c = pack["exhibitions"][0]["chapters"][0];
        c["items"][0]["narration"] = item;
        if (!chapter.is_null()) c["narration"] = chapter;
        writeBytes(root() / "pack.json", pack.dump(2));
        if (question.is_null()) return;
        auto bank = nlohmann::json::parse(*readFile(root() / "quiz/basics.json"));
        bank["questions"][0]["narration"] = question;
        writeBytes(root() / "quiz/basics.json", bank.dump(2));
    }

    PackLoadResult load() { return loadAndValidatePack(root()); }

    static const Diagnostic* find(const PackLoadResult& r, const std::string& code) {
        for (const auto& d : r.diagnostics.items())
            if (d.code == code) return &d;
        return nullptr;
    }

    test::TempDir m_dir{"lantai-narration"};
};

TEST_F(NarrationPack, ItemChapterAndQuestionNarrationLoadWithoutDiagnostics) {
    writeBytes(root() / "audio/letter-en.wav", wavBytes(1000));
    setNarration({{"zh", "audio/letter-zh.wav"}, {"en", "audio/letter-en.wav"}},
                 {{"zh", "audio/letter-zh.wav"}}, {{"en", "audio/letter-en.wav"}});
    const auto r = load();
    ASSERT_TRUE(r.parsed);
    EXPECT_TRUE(r.diagnostics.items().empty()) << formatDiagnostic(r.diagnostics.items()[0], false);
    const Item* item = r.pack.findItem("letter-1931");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->narration.fileFor(Language::Zh), "audio/letter-zh.wav");
    EXPECT_EQ(item->narration.fileFor(Language::En), "audio/letter-en.wav");
    EXPECT_EQ(r.pack.exhibitions[0].chapters[0].narration.zh, "audio/letter-zh.wav");
    EXPECT_TRUE(r.pack.exhibitions[0].chapters[0].narration.en.empty());
    const Question* q = r.pack.findQuestion("letter-year");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->narration.en, "audio/letter-en.wav");
    EXPECT_TRUE(q->narration.zh.empty());
}

TEST_F(NarrationPack, MissingFileIsAWarningNamingTheFile) {
    setNarration({{"zh", "audio/none.mp3"}});
    const auto r = load();
    const Diagnostic* d = find(r, "asset.missing");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning); // one missing reading keeps the pack on screen
    EXPECT_EQ(d->pointer, "/exhibitions/0/chapters/0/items/0/narration/zh");
    EXPECT_NE(d->message.find("audio/none.mp3"), std::string::npos);
    EXPECT_FALSE(r.diagnostics.hasErrors());
}

TEST_F(NarrationPack, AnImageIsNotAudio) {
    setNarration({{"zh", "images/letter.png"}});
    const auto r = load();
    const Diagnostic* d = find(r, "asset.type_mismatch");
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->message.find("images/letter.png"), std::string::npos);
    EXPECT_NE(d->message.find("audio"), std::string::npos);
    EXPECT_NE(d->messageZh.find("音频"), std::string::npos);
}

TEST_F(NarrationPack, TextWithAnMp3NameIsNotAudio) {
    writeBytes(root() / "audio/fake.mp3", "this is not audio\n");
    setNarration({{"zh", "audio/fake.mp3"}});
    const auto r = load();
    EXPECT_NE(find(r, "asset.type_mismatch"), nullptr);
}

TEST_F(NarrationPack, ATruncatedWavIsUnreadable) {
    const std::string whole = wavBytes(4000);
    writeBytes(root() / "audio/cut.wav", whole.substr(0, whole.size() / 2));
    setNarration({{"zh", "audio/cut.wav"}});
    const auto r = load();
    const Diagnostic* d = find(r, "asset.unreadable");
    ASSERT_NE(d, nullptr) << (r.diagnostics.items().empty()
                                  ? "(none)"
                                  : formatDiagnostic(r.diagnostics.items()[0], false));
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_NE(d->message.find("audio/cut.wav"), std::string::npos);
}

TEST_F(NarrationPack, UnsafePathsAreErrors) {
    setNarration({{"zh", "../outside.mp3"}}, {{"en", "/etc/passwd"}});
    const auto r = load();
    std::vector<std::string> pointers;
    for (const auto& d : r.diagnostics.items())
        if (d.severity == Severity::Error) pointers.push_back(d.pointer);
    EXPECT_NE(std::find(pointers.begin(), pointers.end(),
                        "/exhibitions/0/chapters/0/items/0/narration/zh"),
              pointers.end());
    EXPECT_NE(std::find(pointers.begin(), pointers.end(), "/exhibitions/0/chapters/0/narration/en"),
              pointers.end());
}

TEST_F(NarrationPack, QuestionNarrationIsCheckedInItsBank) {
    setNarration(nullptr, nullptr, {{"zh", "audio/gone.ogg"}});
    // setNarration wrote item narration null: remove it again.
    auto pack = nlohmann::json::parse(*readFile(root() / "pack.json"));
    pack["exhibitions"][0]["chapters"][0]["items"][0].erase("narration");
    writeBytes(root() / "pack.json", pack.dump(2));
    const auto r = load();
    const Diagnostic* d = find(r, "asset.missing");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->file, "quiz/basics.json");
    EXPECT_EQ(d->pointer, "/questions/0/narration/zh");
}

TEST_F(NarrationPack, UnknownLanguageAndWrongTypeAreReported) {
    setNarration({{"zh", "audio/letter-zh.wav"}, {"fr", "audio/x.mp3"}}, "audio/letter-zh.wav");
    const auto r = load();
    EXPECT_NE(find(r, "schema.unknown_field"), nullptr);
    const Diagnostic* type = find(r, "schema.type");
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type->pointer, "/exhibitions/0/chapters/0/narration");
}

TEST_F(NarrationPack, WriterKeepsNarrationOnTheRoundTrip) {
    writeBytes(root() / "audio/letter-en.wav", wavBytes(1000));
    setNarration({{"zh", "audio/letter-zh.wav"}, {"en", "audio/letter-en.wav"}},
                 {{"en", "audio/letter-en.wav"}}, {{"zh", "audio/letter-zh.wav"}});
    const auto first = load();
    ASSERT_FALSE(first.diagnostics.hasErrors());
    const fs::path copy = m_dir.path() / "copy";
    ASSERT_TRUE(writePack(first.pack, copy));
    fs::copy(root() / "audio", copy / "audio", fs::copy_options::recursive);
    fs::copy(root() / "images", copy / "images", fs::copy_options::recursive);
    const auto again = loadAndValidatePack(copy);
    EXPECT_FALSE(again.diagnostics.hasErrors());
    EXPECT_EQ(again.pack.findItem("letter-1931")->narration.en, "audio/letter-en.wav");
    EXPECT_EQ(again.pack.exhibitions[0].chapters[0].narration.en, "audio/letter-en.wav");
    EXPECT_EQ(again.pack.findQuestion("letter-year")->narration.zh, "audio/letter-zh.wav");
    EXPECT_EQ(packToJson(again.pack), packToJson(first.pack));
    // Nodes without narration get no empty member.
    EXPECT_FALSE(itemToJson(Item{}).contains("narration"));
}

} // namespace
} // namespace lantai::core

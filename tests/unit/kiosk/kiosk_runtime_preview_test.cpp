// tests: the kiosk runtime as the editor's live preview — any screen on demand, an edited pack
// shown at once on the same screen, the atlas growing with new characters, and packs that do not
// validate shown without crashing (needs a display: runs under xvfb-run as kiosk/runtime_preview)
#include "core/pack/loader.h"
#include "kiosk/runtime/kiosk_runtime.h"
#include "tests/unit/support/gl_host.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace lantai;
using namespace lantai::kiosk;
using lantai::test::GlHost;
using Kind = PreviewTarget::Kind;

namespace {

constexpr int kWidth = 640, kHeight = 360;

std::filesystem::path packs() {
    return LANTAI_TEST_PACKS_DIR;
}

// A runtime drawing into the host's framebuffer object, on `pack` as the editor loaded it.
struct Preview {
    GlHost host;
    std::unique_ptr<KioskRuntime> runtime;
    double now = 1.0;

    explicit Preview(core::PackLoadResult pack) {
        if (!host.skip.empty() || !host.makeTarget(kWidth, kHeight)) return;
        KioskRuntimeOptions options;
        options.config.packPath = pack.pack.root;
        options.config.idleTimeoutS = 100000; // an editor's preview never resets
        options.themeDirs = {std::string(LANTAI_SOURCE_DIR) + "/themes"};
        options.pack = std::move(pack);
        runtime = std::make_unique<KioskRuntime>(std::move(options));
        std::string error;
        if (!runtime->startGraphics(kWidth, kHeight, std::size_t(16) << 20, error)) runtime.reset();
    }
    nlohmann::json frame() {
        runtime->update(now += 0.05);
        runtime->renderFrame(now);
        runtime->framePresented();
        return runtime->stateJson({});
    }
};

core::PackLoadResult minimal() {
    core::PackLoadResult loaded = core::loadAndValidatePack(packs() / "valid-minimal");
    EXPECT_TRUE(loaded.ok());
    return loaded;
}

#define REQUIRE_PREVIEW(p)                                                                         \
    if (!(p).host.skip.empty()) GTEST_SKIP() << (p).host.skip;                                     \
    ASSERT_TRUE((p).runtime) << "the runtime did not start"

TEST(RuntimePreview, ShowsEveryKindOfScreenOnDemand) {
    Preview p(minimal());
    REQUIRE_PREVIEW(p);
    EXPECT_EQ(p.frame()["screen"], "attract");

    ASSERT_TRUE(p.runtime->previewShow({Kind::Item, "letter-1931", 0}));
    auto state = p.frame();
    EXPECT_EQ(state["screen"], "item");
    EXPECT_EQ(state["item"], "letter-1931");

    ASSERT_TRUE(p.runtime->previewShow({Kind::Chapter, "early-years", 0}));
    EXPECT_EQ(p.frame()["screen"], "chapter");
    ASSERT_TRUE(p.runtime->previewShow({Kind::Exhibition, "letters", 0}));
    EXPECT_EQ(p.frame()["screen"], "exhibition");

    ASSERT_TRUE(p.runtime->previewShow({Kind::Question, "archives-keep-letters", 0}));
    state = p.frame();
    EXPECT_EQ(state["screen"], "quiz");
    EXPECT_EQ(state["quiz"]["stage"], "playing");
    EXPECT_EQ(p.runtime->previewWhere().id, "archives-keep-letters");

    ASSERT_TRUE(p.runtime->previewShow({Kind::Home, {}, 0}));
    EXPECT_EQ(p.frame()["screen"], "home");
    ASSERT_TRUE(p.runtime->previewShow({Kind::Attract, {}, 0}));
    EXPECT_EQ(p.frame()["screen"], "attract");

    EXPECT_FALSE(p.runtime->previewShow({Kind::Item, "no-such-item", 0}));
    EXPECT_FALSE(p.runtime->previewShow({Kind::Question, "no-such-question", 0}));
    EXPECT_FALSE(p.runtime->previewShow({Kind::Chapter, "no-such-chapter", 0}));

    p.runtime->previewLanguage(core::Language::En);
    EXPECT_EQ(p.frame()["language"], "en");
}

TEST(RuntimePreview, AnEditedPackShowsAtOnceOnTheSameScreenAndTheAtlasGrows) {
    Preview p(minimal());
    REQUIRE_PREVIEW(p);
    ASSERT_TRUE(p.runtime->previewShow({Kind::Item, "letter-1931", 0}));
    p.runtime->previewLanguage(core::Language::En);
    const int glyphsBefore = p.frame()["glyphs"].get<int>();

    // The curator retitles the item with characters the atlas does not have.
    core::PackLoadResult edited = minimal();
    edited.pack.exhibitions[0].chapters[0].items[0].title.zh = "龘靐齉爩 馕";
    p.runtime->previewPack(std::move(edited));
    auto state = p.frame();
    EXPECT_EQ(state["screen"], "item");
    EXPECT_EQ(state["item"], "letter-1931");
    EXPECT_EQ(state["language"], "en"); // the preview's language survives the edit
    // The atlas is built on a worker and installed by a later update().
    int glyphs = state["glyphs"].get<int>();
    for (int i = 0; i < 200 && glyphs <= glyphsBefore; ++i) {
        SDL_Delay(20);
        glyphs = p.frame()["glyphs"].get<int>();
    }
    EXPECT_GE(glyphs, glyphsBefore + 4);

    // The item is deleted: the preview goes one level up, to its chapter.
    core::PackLoadResult without = minimal();
    without.pack.exhibitions[0].chapters[0].items.clear();
    p.runtime->previewPack(std::move(without));
    EXPECT_EQ(p.frame()["screen"], "chapter");
}

// Every broken fixture that parses is shown on each of its screens: an editor's pack is often
// invalid while being edited, and the preview must survive any of it.
TEST(RuntimePreview, PacksThatDoNotValidateAreShownWithoutCrashing) {
    std::vector<std::filesystem::path> broken;
    for (const auto& entry : std::filesystem::directory_iterator(packs() / "broken"))
        if (entry.is_directory()) broken.push_back(entry.path());
    std::sort(broken.begin(), broken.end());
    ASSERT_GT(broken.size(), 20u);

    Preview p(minimal());
    REQUIRE_PREVIEW(p);
    int shown = 0;
    for (const auto& dir : broken) {
        SCOPED_TRACE(dir.filename().string());
        core::PackLoadResult loaded = core::loadAndValidatePack(dir);
        const bool parsed = loaded.parsed;
        const core::Pack pack = loaded.pack;
        p.runtime->previewPack(std::move(loaded));
        auto state = p.frame();
        if (!parsed) {
            EXPECT_EQ(state["screen"], "out_of_service");
            continue;
        }
        ++shown;
        std::vector<PreviewTarget> targets = {{Kind::Attract, {}, 0}, {Kind::Home, {}, 0}};
        for (const auto& e : pack.exhibitions) {
            targets.push_back({Kind::Exhibition, e.id, 0});
            for (const auto& c : e.chapters) {
                targets.push_back({Kind::Chapter, c.id, 0});
                for (const auto& item : c.items)
                    for (int image = 0; image <= static_cast<int>(item.images.size()); ++image)
                        targets.push_back({Kind::Item, item.id, image});
            }
        }
        for (const auto& bank : pack.quizBanks)
            for (const auto& q : bank.questions)
                targets.push_back({Kind::Question, q.id, 0});
        for (const auto& target : targets) {
            p.runtime->previewShow(target);
            for (int frame = 0; frame < 3; ++frame)
                p.frame();
        }
    }
    EXPECT_GT(shown, 15);
    EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));
}

// The text the kiosk cannot show whole is reported per frame (the editor's "check every
// screen", the large-text check): a title truncated in the top bar, but not a long caption in
// the panel that scrolls; characters no font has.
TEST(RuntimePreview, ReportsTextThatIsCutOffAndGlyphsTheFontsLack) {
    core::PackLoadResult loaded = minimal();
    auto& item = loaded.pack.exhibitions[0].chapters[0].items[0];
    std::string longTitle;
    for (int i = 0; i < 12; ++i)
        longTitle += "一封从上海寄往北平的家书";
    item.title.zh = longTitle;
    std::string longCaption;
    for (int i = 0; i < 60; ++i)
        longCaption += "信中谈及战时物价与家中近况。";
    item.caption.zh = longCaption;
    item.description.zh = std::string("私用区字符") + "\xEE\x80\x80"; // U+E000
    Preview p(std::move(loaded));
    REQUIRE_PREVIEW(p);
    ASSERT_TRUE(p.runtime->previewShow({Kind::Item, "letter-1931", 0}));
    const auto state = p.frame();
    const auto& cut = state["cut_text"];
    bool title = false;
    for (const auto& c : cut) {
        EXPECT_NE(c["text"].get<std::string>().rfind("信中谈及", 0), 0u)
            << "the caption panel scrolls: its text is not cut off";
        if (c["where"] == "top-bar:title") {
            title = true;
            EXPECT_EQ(c["how"], "truncated");
            EXPECT_EQ(c["language"], "zh");
            EXPECT_EQ(c["lines_shown"], 2); // the top bar wraps a long title to two lines
            EXPECT_TRUE(c["shown_whole_elsewhere"]) << "the caption panel shows the title whole";
            EXPECT_EQ(c["text"].get<std::string>().rfind("一封从上海", 0), 0u);
            EXPECT_LE(c["text"].get<std::string>().size(), 130u);
        }
    }
    EXPECT_TRUE(title) << cut.dump();
    bool privateUse = false;
    for (const auto& g : state["missing_glyph_texts"])
        if (g["text"].get<std::string>().rfind("私用区字符", 0) == 0) {
            privateUse = true;
            EXPECT_EQ(g["characters"], nlohmann::json::array({"U+E000"}));
        }
    EXPECT_TRUE(privateUse) << state["missing_glyph_texts"].dump();

    // A short title fits: nothing of the top bar is reported; the report is the last frame's.
    core::PackLoadResult fits = minimal();
    p.runtime->previewPack(std::move(fits));
    ASSERT_TRUE(p.runtime->previewShow({Kind::Item, "letter-1931", 0}));
    for (const auto& c : p.frame()["cut_text"])
        EXPECT_NE(c["where"], "top-bar:title") << c.dump();
}

} // namespace

// tests: the built demo pack — valid, and every image has a complete IIIF pyramid and thumbnail
#include "core/pack/derived_index.h"
#include "core/pack/loader.h"
#include "tools/builder/image_pyramid.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

const fs::path kDemo = LANTAI_DEMO_PACK_DIR;

TEST(DemoPack, ValidatesWithoutErrorsOrWarnings) {
    const auto result = loadAndValidatePack(kDemo);
    for (const auto& d : result.diagnostics.items())
        ADD_FAILURE() << formatDiagnostic(d, false);
    EXPECT_TRUE(result.ok());
}

TEST(DemoPack, HasTheContentTheIssueAsksFor) {
    const auto result = loadPack(kDemo);
    ASSERT_TRUE(result.parsed);
    const Pack& pack = result.pack;
    ASSERT_EQ(pack.exhibitions.size(), 1u);
    EXPECT_EQ(pack.exhibitions[0].chapters.size(), 5u);
    EXPECT_GE(pack.itemCount(), 40u);
    EXPECT_GE(pack.questionCount(), 30u);
    EXPECT_GE(pack.videos.size(), 2u);
    for (const auto& video : pack.videos) {
        bool chinese = false;
        for (const auto& s : video.subtitles)
            chinese = chinese || s.lang == "zh";
        EXPECT_TRUE(chinese) << video.id << " has no Chinese subtitles";
    }
    const auto chapterTitle = [&](std::size_t i) {
        return pack.exhibitions[0].chapters[i].title.zh;
    };
    EXPECT_EQ(chapterTitle(0), "信仰之基");
    EXPECT_EQ(chapterTitle(1), "践行初心");
    EXPECT_EQ(chapterTitle(2), "英勇斗争");
    EXPECT_EQ(chapterTitle(3), "不负人民");
    EXPECT_EQ(chapterTitle(4), "奋楫笃行");
}

TEST(DemoPack, EveryImageHasACompletePyramidAndThumbnail) {
    const auto index = readDerivedIndex(kDemo);
    ASSERT_TRUE(index) << index.error().message;
    const auto pack = loadPack(kDemo);
    ASSERT_TRUE(pack.parsed);
    std::size_t large = 0;
    for (const ImageRef* image : pack.pack.allImages()) {
        const auto it = index->images.find(image->file);
        ASSERT_NE(it, index->images.end()) << image->file << " is not in derived/index.json";
        const auto& derived = it->second;
        const auto missing = verifyPyramid(kDemo / "derived" / derived.iiif);
        EXPECT_TRUE(missing.empty())
            << image->file << ": " << missing.size()
            << " missing, first: " << (missing.empty() ? "" : missing.front());
        EXPECT_TRUE(fs::is_regular_file(kDemo / "derived" / derived.thumb)) << derived.thumb;
        large += static_cast<long long>(derived.width) * derived.height >= 50'000'000 ? 1 : 0;
    }
    EXPECT_GE(large, 2u) << "the demo needs at least two scans of 50 megapixels or more";
    EXPECT_TRUE(fs::is_regular_file(kDemo / "derived" / "charset.txt"));
}

} // namespace

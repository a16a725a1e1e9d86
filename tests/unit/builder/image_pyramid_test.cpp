// tests/unit: IIIF level-0 tile pyramid + thumbnail writer (image_pyramid) against generated images
#include "tools/builder/image_pyramid.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>
#include <vips/vips.h>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
}

// Pixel size of an image file (header only), {-1,-1} when unreadable.
std::pair<int, int> imageSize(const fs::path& path) {
    VipsImage* image = vips_image_new_from_file(path.c_str(), nullptr);
    if (!image) {
        vips_error_clear();
        return {-1, -1};
    }
    std::pair<int, int> size{image->Xsize, image->Ysize};
    g_object_unref(image);
    return size;
}

int bandsOf(const fs::path& path) {
    VipsImage* image = vips_image_new_from_file(path.c_str(), nullptr);
    if (!image) {
        vips_error_clear();
        return -1;
    }
    const int bands = image->Bands;
    g_object_unref(image);
    return bands;
}

// Deterministic noisy RGB image with some structure (a gradient), optionally with an alpha
// channel and an EXIF orientation, saved as JPEG or PNG by extension.
void writeTestImage(const fs::path& path, int w, int h, bool alpha = false, int orientation = 1) {
    VipsImage *noise = nullptr, *grey = nullptr, *ramp = nullptr, *mixed = nullptr, *rgb = nullptr,
              *out = nullptr;
    ASSERT_EQ(vips_gaussnoise(&noise, w, h, "mean", 128.0, "sigma", 30.0, "seed", 42, nullptr), 0);
    ASSERT_EQ(vips_xyz(&ramp, w, h, nullptr), 0);
    VipsImage* x = nullptr;
    ASSERT_EQ(vips_extract_band(ramp, &x, 0, nullptr), 0);
    VipsImage* scaled = nullptr;
    ASSERT_EQ(vips_linear1(x, &scaled, 100.0 / w, 0.0, nullptr), 0);
    ASSERT_EQ(vips_add(noise, scaled, &mixed, nullptr), 0);
    ASSERT_EQ(vips_cast_uchar(mixed, &grey, nullptr), 0);
    VipsImage* bands[3] = {grey, grey, grey};
    ASSERT_EQ(vips_bandjoin(bands, &rgb, 3, nullptr), 0);
    if (alpha) {
        ASSERT_EQ(vips_bandjoin_const1(rgb, &out, 200.0, nullptr), 0);
    } else {
        ASSERT_EQ(vips_copy(rgb, &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), 0);
    }
    if (orientation != 1) vips_image_set_int(out, VIPS_META_ORIENTATION, orientation);
    int rc;
    if (path.extension() == ".png")
        rc = vips_pngsave(out, path.c_str(), nullptr);
    else
        rc = vips_jpegsave(out, path.c_str(), "Q", 90, nullptr);
    for (VipsImage* i : {noise, ramp, x, scaled, mixed, grey, rgb, out})
        g_object_unref(i);
    ASSERT_EQ(rc, 0) << vips_error_buffer();
}

// The tile list the rule in content/FORMAT.md implies, computed independently of the library:
// relative path -> expected pixel size.
std::vector<std::pair<std::string, std::pair<int, int>>>
expectedTiles(int W, int H, int ts, const std::vector<int>& scaleFactors) {
    std::vector<std::pair<std::string, std::pair<int, int>>> out;
    for (int s : scaleFactors) {
        const int region = ts * s;
        for (int y = 0; y < H; y += region)
            for (int x = 0; x < W; x += region) {
                const int w = std::min(region, W - x), h = std::min(region, H - y);
                const int tw = ceilDiv(w, s), th = ceilDiv(h, s);
                out.push_back({std::to_string(x) + "," + std::to_string(y) + "," +
                                   std::to_string(w) + "," + std::to_string(h) + "/" +
                                   std::to_string(tw) + "," + std::to_string(th) + "/0/default.jpg",
                               {tw, th}});
            }
    }
    return out;
}

std::set<std::string> filesUnder(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).generic_string());
    return out;
}

bool hasTempLeftovers(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind(".tmp-", 0) == 0) return true;
    return false;
}

class ImagePyramidTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        std::string error;
        ASSERT_TRUE(initImageLibrary(&error)) << error;
        ASSERT_TRUE(initImageLibrary(&error)) << "second call must succeed too";
    }
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("lantai_pyramid_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "src");
        m_derived = m_dir / "derived";
    }
    void TearDown() override {
        if (!HasFailure()) fs::remove_all(m_dir);
    }
    fs::path m_dir;
    fs::path m_derived;
};

TEST_F(ImagePyramidTest, LargeImageHasCompleteCanonicalPyramid) {
    const fs::path src = m_dir / "src" / "a.jpg";
    writeTestImage(src, 3000, 2000);
    const fs::path iiif = m_derived / "iiif" / "images_a_jpg";
    const fs::path thumb = m_derived / "thumbs" / "images_a_jpg.jpg";

    const PyramidResult r = buildImagePyramid(src, iiif, "iiif/images_a_jpg", thumb);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.error.empty());
    EXPECT_EQ(r.width, 3000);
    EXPECT_EQ(r.height, 2000);
    // 3000x2000 -> 1500x1000 -> 750x500 -> 375x250 (first level in one 512 tile).
    const std::vector<int> scales{1, 2, 4, 8};
    EXPECT_EQ(r.scaleFactors, scales);
    // Longer side <= 2048: scale 2, 4, 8 (3000 at scale 1 is too large); ascending.
    const std::vector<std::pair<int, int>> sizes{{375, 250}, {750, 500}, {1500, 1000}};
    EXPECT_EQ(r.sizes, sizes);

    // info.json, field by field.
    std::ifstream in(iiif / "info.json");
    const nlohmann::json info = nlohmann::json::parse(in);
    EXPECT_EQ(info["@context"], "http://iiif.io/api/image/3/context.json");
    EXPECT_EQ(info["id"], "iiif/images_a_jpg");
    EXPECT_EQ(info["type"], "ImageService3");
    EXPECT_EQ(info["protocol"], "http://iiif.io/api/image");
    EXPECT_EQ(info["profile"], "level0");
    EXPECT_EQ(info["width"], 3000);
    EXPECT_EQ(info["height"], 2000);
    ASSERT_EQ(info["tiles"].size(), 1u);
    EXPECT_EQ(info["tiles"][0]["width"], 512);
    EXPECT_EQ(info["tiles"][0]["scaleFactors"], nlohmann::json(scales));
    ASSERT_EQ(info["sizes"].size(), 3u);
    for (size_t i = 0; i < sizes.size(); ++i) {
        EXPECT_EQ(info["sizes"][i]["width"], sizes[i].first);
        EXPECT_EQ(info["sizes"][i]["height"], sizes[i].second);
    }

    // Every tile exists with the pixel size its name says.
    const auto tiles = expectedTiles(3000, 2000, 512, scales);
    EXPECT_EQ(r.tileCount, static_cast<int>(tiles.size()));
    EXPECT_EQ(tiles.size(), 24u + 6u + 2u + 1u);
    for (const auto& [rel, dims] : tiles)
        EXPECT_EQ(imageSize(iiif / rel), dims) << rel;
    // The one-tile level under its region path and as "full".
    EXPECT_EQ(imageSize(iiif / "0,0,3000,2000/375,250/0/default.jpg"), std::make_pair(375, 250));
    // Every listed size.
    for (const auto& [w, h] : sizes)
        EXPECT_EQ(imageSize(iiif / ("full/" + std::to_string(w) + "," + std::to_string(h) +
                                    "/0/default.jpg")),
                  std::make_pair(w, h));
    // Nothing else but info.json (no vips-properties.xml, no unlisted levels).
    std::set<std::string> expected{"info.json"};
    for (const auto& t : tiles)
        expected.insert(t.first);
    for (const auto& [w, h] : sizes)
        expected.insert("full/" + std::to_string(w) + "," + std::to_string(h) + "/0/default.jpg");
    EXPECT_EQ(filesUnder(iiif), expected);

    EXPECT_EQ(imageSize(thumb), std::make_pair(480, 320));
    EXPECT_EQ(bandsOf(thumb), 3);
    EXPECT_FALSE(hasTempLeftovers(iiif.parent_path()));
    EXPECT_FALSE(hasTempLeftovers(thumb.parent_path()));
    EXPECT_TRUE(verifyPyramid(iiif).empty());
}

TEST_F(ImagePyramidTest, TinyImageIsOneTileAndNotUpscaled) {
    const fs::path src = m_dir / "src" / "tiny.jpg";
    writeTestImage(src, 300, 200);
    const fs::path iiif = m_derived / "iiif" / "tiny";
    const fs::path thumb = m_derived / "thumbs" / "tiny.jpg";
    const PyramidResult r = buildImagePyramid(src, iiif, "iiif/tiny", thumb);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.scaleFactors, std::vector<int>{1});
    EXPECT_EQ(r.sizes, (std::vector<std::pair<int, int>>{{300, 200}}));
    EXPECT_EQ(r.tileCount, 1);
    EXPECT_EQ(imageSize(iiif / "0,0,300,200/300,200/0/default.jpg"), std::make_pair(300, 200));
    EXPECT_EQ(imageSize(iiif / "full/300,200/0/default.jpg"), std::make_pair(300, 200));
    // OpenSeadragon asks for size "max" when the full-resolution image fits in one tile.
    EXPECT_EQ(imageSize(iiif / "full/max/0/default.jpg"), std::make_pair(300, 200));
    EXPECT_EQ(imageSize(thumb), std::make_pair(300, 200)); // never upscaled
    std::ifstream in(iiif / "info.json");
    const nlohmann::json info = nlohmann::json::parse(in);
    EXPECT_EQ(info["tiles"][0]["scaleFactors"], nlohmann::json::array({1}));
    EXPECT_TRUE(verifyPyramid(iiif).empty());
}

TEST_F(ImagePyramidTest, OddSizesMatchCeilRule) {
    // Odd dimensions and a last column/row only 1 px wide; portrait, so the thumbnail's
    // longest side is its height.
    const fs::path src = m_dir / "src" / "odd.png";
    writeTestImage(src, 1025, 2049, /*alpha=*/true);
    const fs::path iiif = m_derived / "iiif" / "odd";
    const fs::path thumb = m_derived / "thumbs" / "odd.jpg";
    const PyramidResult r = buildImagePyramid(src, iiif, "iiif/odd", thumb);
    ASSERT_TRUE(r.ok) << r.error;
    const std::vector<int> scales{1, 2, 4, 8};
    EXPECT_EQ(r.scaleFactors, scales);
    EXPECT_EQ(r.sizes, (std::vector<std::pair<int, int>>{{129, 257}, {257, 513}, {513, 1025}}));
    for (const auto& [rel, dims] : expectedTiles(1025, 2049, 512, scales)) {
        EXPECT_EQ(imageSize(iiif / rel), dims) << rel;
        EXPECT_EQ(bandsOf(iiif / rel), 3) << rel << ": alpha must be flattened";
    }
    for (const auto& [w, h] : r.sizes)
        EXPECT_EQ(imageSize(iiif / ("full/" + std::to_string(w) + "," + std::to_string(h) +
                                    "/0/default.jpg")),
                  std::make_pair(w, h));
    const auto t = imageSize(thumb);
    EXPECT_EQ(t.second, 480);
    EXPECT_EQ(t.first, 240);
    EXPECT_TRUE(verifyPyramid(iiif).empty());
}

TEST_F(ImagePyramidTest, ExifOrientationIsApplied) {
    const fs::path src = m_dir / "src" / "rotated.jpg";
    writeTestImage(src, 900, 600, false, /*orientation=*/6); // stored landscape, shown portrait
    const fs::path iiif = m_derived / "iiif" / "rotated";
    const fs::path thumb = m_derived / "thumbs" / "rotated.jpg";
    const PyramidResult r = buildImagePyramid(src, iiif, "iiif/rotated", thumb);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.width, 600);
    EXPECT_EQ(r.height, 900);
    EXPECT_EQ(imageSize(iiif / "0,0,600,900/300,450/0/default.jpg"), std::make_pair(300, 450));
    EXPECT_EQ(imageSize(thumb), std::make_pair(320, 480));
    EXPECT_TRUE(verifyPyramid(iiif).empty());
}

TEST_F(ImagePyramidTest, TruncatedJpegFailsCleanly) {
    const fs::path src = m_dir / "src" / "broken.jpg";
    writeTestImage(src, 3000, 2000);
    fs::resize_file(src, fs::file_size(src) / 2);
    const fs::path iiif = m_derived / "iiif" / "broken";
    const fs::path thumb = m_derived / "thumbs" / "broken.jpg";
    const PyramidResult r = buildImagePyramid(src, iiif, "iiif/broken", thumb);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find(src.string()), std::string::npos) << r.error;
    EXPECT_FALSE(fs::exists(iiif));
    EXPECT_FALSE(fs::exists(thumb));
    if (fs::exists(iiif.parent_path())) {
        EXPECT_FALSE(hasTempLeftovers(iiif.parent_path()));
    }
    if (fs::exists(thumb.parent_path())) {
        EXPECT_FALSE(hasTempLeftovers(thumb.parent_path()));
    }
}

TEST_F(ImagePyramidTest, NotAnImageFailsWithClearError) {
    const fs::path src = m_dir / "src" / "text.jpg";
    std::ofstream(src) << "this is not a JPEG";
    const PyramidResult r =
        buildImagePyramid(src, m_derived / "iiif" / "text", "iiif/text", m_derived / "t.jpg");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find(src.string()), std::string::npos) << r.error;
    EXPECT_FALSE(fs::exists(m_derived / "iiif" / "text"));

    const PyramidResult missing = buildImagePyramid(
        m_dir / "src" / "nope.jpg", m_derived / "iiif" / "nope", "iiif/nope", m_derived / "n.jpg");
    EXPECT_FALSE(missing.ok);
    EXPECT_NE(missing.error.find("nope.jpg"), std::string::npos) << missing.error;
}

TEST_F(ImagePyramidTest, FailedRebuildKeepsOldPyramidAndRebuildReplacesIt) {
    const fs::path src = m_dir / "src" / "b.jpg";
    writeTestImage(src, 800, 600);
    const fs::path iiif = m_derived / "iiif" / "b";
    const fs::path thumb = m_derived / "thumbs" / "b.jpg";
    ASSERT_TRUE(buildImagePyramid(src, iiif, "iiif/b", thumb).ok);
    std::ofstream(iiif / "stale-marker") << "x";

    const fs::path broken = m_dir / "src" / "broken.jpg";
    std::ofstream(broken) << "garbage";
    EXPECT_FALSE(buildImagePyramid(broken, iiif, "iiif/b", thumb).ok);
    EXPECT_TRUE(fs::exists(iiif / "stale-marker"));
    EXPECT_TRUE(verifyPyramid(iiif).empty());

    writeTestImage(src, 1200, 500);
    const PyramidResult r = buildImagePyramid(src, iiif, "iiif/b", thumb);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_FALSE(fs::exists(iiif / "stale-marker"));
    EXPECT_EQ(r.width, 1200);
    EXPECT_EQ(imageSize(thumb), std::make_pair(480, 200));
    EXPECT_FALSE(hasTempLeftovers(iiif.parent_path()));
    EXPECT_TRUE(verifyPyramid(iiif).empty());
}

TEST_F(ImagePyramidTest, VerifyReportsDeletedTileAndBadInfo) {
    const fs::path src = m_dir / "src" / "c.jpg";
    writeTestImage(src, 1500, 1100);
    const fs::path iiif = m_derived / "iiif" / "c";
    ASSERT_TRUE(buildImagePyramid(src, iiif, "iiif/c", m_derived / "thumbs" / "c.jpg").ok);
    ASSERT_TRUE(verifyPyramid(iiif).empty());

    const std::string tile = "1024,512,476,512/476,512/0/default.jpg";
    ASSERT_TRUE(fs::remove(iiif / tile));
    EXPECT_EQ(verifyPyramid(iiif), std::vector<std::string>{tile});

    const std::string size = "full/750,550/0/default.jpg";
    std::ofstream(iiif / size, std::ios::trunc) << "not a jpeg";
    EXPECT_EQ(verifyPyramid(iiif), (std::vector<std::string>{tile, size}));

    std::ofstream(iiif / "info.json", std::ios::trunc) << "{\"width\": ";
    EXPECT_EQ(verifyPyramid(iiif), std::vector<std::string>{"info.json"});
    EXPECT_EQ(verifyPyramid(m_dir / "does-not-exist"), std::vector<std::string>{"info.json"});
}

TEST_F(ImagePyramidTest, ConcurrentBuilds) {
    constexpr int kCount = 4;
    for (int i = 0; i < kCount; ++i)
        writeTestImage(m_dir / "src" / (std::to_string(i) + ".jpg"), 1400 + 100 * i, 900);
    std::vector<PyramidResult> results(kCount);
    std::vector<std::thread> threads;
    for (int i = 0; i < kCount; ++i)
        threads.emplace_back([&, i] {
            const std::string key = "k" + std::to_string(i);
            results[i] = buildImagePyramid(m_dir / "src" / (std::to_string(i) + ".jpg"),
                                           m_derived / "iiif" / key, "iiif/" + key,
                                           m_derived / "thumbs" / (key + ".jpg"));
        });
    for (auto& t : threads)
        t.join();
    for (int i = 0; i < kCount; ++i) {
        ASSERT_TRUE(results[i].ok) << results[i].error;
        EXPECT_EQ(results[i].width, 1400 + 100 * i);
        EXPECT_TRUE(verifyPyramid(m_derived / "iiif" / ("k" + std::to_string(i))).empty());
    }
    EXPECT_FALSE(hasTempLeftovers(m_derived / "iiif"));
}

// The web export's "limited" policy: the pyramid of a shrunk image, complete, long side <= max.
TEST_F(ImagePyramidTest, MaxLongestShrinksBeforeTiling) {
    const fs::path src = m_dir / "src" / "big.jpg";
    writeTestImage(src, 3000, 2000);
    const fs::path iiif = m_derived / "iiif" / "images_big_jpg";
    PyramidOptions opt;
    opt.maxLongest = 1200;
    const PyramidResult r =
        buildImagePyramid(src, iiif, "iiif/images_big_jpg", m_derived / "t.jpg", opt);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.width, 1200);
    EXPECT_EQ(r.height, 800);
    EXPECT_EQ(r.scaleFactors, (std::vector<int>{1, 2, 4}));
    EXPECT_TRUE(verifyPyramid(iiif).empty());
    opt.maxLongest = 5000; // never upscaled
    const PyramidResult same =
        buildImagePyramid(src, iiif, "iiif/images_big_jpg", m_derived / "t.jpg", opt);
    ASSERT_TRUE(same.ok) << same.error;
    EXPECT_EQ(same.width, 3000);
}

} // namespace
} // namespace lantai::core

// tests: kiosk render layer — decoder (real JPEG/PNG bytes, downscale, EXIF, corrupt input), decode
// pool, texture cache, deep zoom. Over 500 lines in one file because the four parts share the
// fixtures at the top (encoded test images, temporary folders, the fake GPU uploader).
#include "kiosk/render/decode_pool.h"
#include "kiosk/render/deep_zoom_renderer.h"
#include "kiosk/render/image_decoder.h"
#include "kiosk/render/texture_cache.h"
#include "tests/unit/support/special_files.h"

#include <GL/gl.h>
#include <SDL.h>
#include <gtest/gtest.h>
#include <imgui.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <unistd.h>

using namespace lantai;
using namespace lantai::kiosk;
namespace fs = std::filesystem;

namespace {

using Bytes = std::vector<std::uint8_t>;

struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("lantai_render_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Rgba {
    std::uint8_t r, g, b, a;
};

// w x h RGBA: left half `left`, right half `right`.
Bytes twoColour(int w, int h, Rgba left, Rgba right) {
    Bytes px(std::size_t(w) * std::size_t(h) * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const Rgba c = x < w / 2 ? left : right;
            std::uint8_t* p = &px[(std::size_t(y) * w + x) * 4];
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
            p[3] = c.a;
        }
    return px;
}

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<Bytes*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}

Bytes encodeJpeg(int w, int h, const Bytes& rgba, int quality = 90) {
    Bytes out;
    stbi_write_jpg_to_func(appendBytes, &out, w, h, 4, rgba.data(), quality);
    return out;
}

Bytes encodePng(int w, int h, int channels, const Bytes& pixels) {
    Bytes out;
    stbi_write_png_to_func(appendBytes, &out, w, h, channels, pixels.data(), w * channels);
    return out;
}

void writeBytes(const fs::path& file, const Bytes& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

const std::uint8_t* pixelAt(const DecodedImage& image, int x, int y) {
    return &image.pixels[(std::size_t(y) * image.width + x) * 4];
}

void expectNear(const DecodedImage& image, int x, int y, Rgba c, int tolerance) {
    const std::uint8_t* p = pixelAt(image, x, y);
    EXPECT_NEAR(p[0], c.r, tolerance) << "at " << x << "," << y;
    EXPECT_NEAR(p[1], c.g, tolerance) << "at " << x << "," << y;
    EXPECT_NEAR(p[2], c.b, tolerance) << "at " << x << "," << y;
    EXPECT_NEAR(p[3], c.a, tolerance) << "at " << x << "," << y;
}

constexpr Rgba kRed{220, 30, 30, 255};
constexpr Rgba kBlue{30, 30, 220, 255};

// An APP1 EXIF segment holding only the orientation tag, inserted after SOI.
Bytes withExifOrientation(const Bytes& jpeg, int orientation, bool bigEndian) {
    auto u16 = [bigEndian](Bytes& b, unsigned v) {
        if (bigEndian) {
            b.push_back(std::uint8_t(v >> 8));
            b.push_back(std::uint8_t(v));
        } else {
            b.push_back(std::uint8_t(v));
            b.push_back(std::uint8_t(v >> 8));
        }
    };
    auto u32 = [&](Bytes& b, unsigned v) {
        if (bigEndian) {
            u16(b, v >> 16);
            u16(b, v & 0xFFFF);
        } else {
            u16(b, v & 0xFFFF);
            u16(b, v >> 16);
        }
    };
    Bytes tiff;
    tiff.push_back(bigEndian ? 'M' : 'I');
    tiff.push_back(bigEndian ? 'M' : 'I');
    u16(tiff, 42);
    u32(tiff, 8);
    u16(tiff, 1);      // one entry
    u16(tiff, 0x0112); // Orientation
    u16(tiff, 3);      // SHORT
    u32(tiff, 1);      // count
    u16(tiff, unsigned(orientation));
    u16(tiff, 0);
    u32(tiff, 0); // next IFD
    Bytes payload{'E', 'x', 'i', 'f', 0, 0};
    payload.insert(payload.end(), tiff.begin(), tiff.end());
    const std::size_t length = payload.size() + 2;
    Bytes out{jpeg[0], jpeg[1], 0xFF, 0xE1, std::uint8_t(length >> 8), std::uint8_t(length & 0xFF)};
    out.insert(out.end(), payload.begin(), payload.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

// ---- decoder -----------------------------------------------------------------------------------

TEST(ImageDecoder, JpegDecodesToRgba) {
    TempDir dir;
    writeBytes(dir.path / "a.jpg", encodeJpeg(64, 48, twoColour(64, 48, kRed, kBlue)));
    const DecodedImage image = decodeImageFile(dir.path / "a.jpg");
    ASSERT_TRUE(image.ok()) << image.error;
    EXPECT_EQ(image.width, 64);
    EXPECT_EQ(image.height, 48);
    EXPECT_EQ(image.sourceWidth, 64);
    EXPECT_EQ(image.pixels.size(), 64u * 48u * 4u);
    EXPECT_TRUE(image.opaque);
    EXPECT_TRUE(image.warning.empty());
    expectNear(image, 8, 24, kRed, 12);
    expectNear(image, 56, 24, kBlue, 12);
}

TEST(ImageDecoder, PngKeepsAlphaAndGreyBecomesRgba) {
    const Bytes rgba = twoColour(10, 4, Rgba{10, 20, 30, 0}, Rgba{200, 100, 50, 128});
    const DecodedImage image = decodeImageBytes(encodePng(10, 4, 4, rgba), "a.png");
    ASSERT_TRUE(image.ok()) << image.error;
    EXPECT_EQ(image.width, 10);
    EXPECT_FALSE(image.opaque);
    EXPECT_EQ(image.pixels, rgba); // lossless

    const Bytes grey(6 * 3, 77);
    const DecodedImage g = decodeImageBytes(encodePng(6, 3, 1, grey), "g.png");
    ASSERT_TRUE(g.ok()) << g.error;
    EXPECT_TRUE(g.opaque);
    expectNear(g, 5, 2, Rgba{77, 77, 77, 255}, 0);
}

TEST(ImageDecoder, GifFirstFrame) {
    // 1 x 1 GIF89a, one red pixel.
    const Bytes gif{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0, 0, 0,  0,
                    0,   ',', 0,   0,   0,   0,   1, 0, 1, 0, 0,    2, 2, 'D',  1, 0, ';'};
    const DecodedImage image = decodeImageBytes(gif, "dot.gif");
    ASSERT_TRUE(image.ok()) << image.error;
    EXPECT_EQ(image.width, 1);
    expectNear(image, 0, 0, Rgba{255, 0, 0, 255}, 0);
}

TEST(ImageDecoder, JpegScaledDecodeFitsMaxDimension) {
    const Bytes jpeg = encodeJpeg(1000, 600, twoColour(1000, 600, kRed, kBlue), 85);
    // 1/4 DCT scale gives 250 x 150, then the box filter: 200 x 120.
    DecodedImage image = decodeImageBytes(jpeg, "big.jpg", 200);
    ASSERT_TRUE(image.ok()) << image.error;
    EXPECT_EQ(image.width, 200);
    EXPECT_EQ(image.height, 120);
    EXPECT_EQ(image.sourceWidth, 1000);
    EXPECT_EQ(image.sourceHeight, 600);
    expectNear(image, 40, 60, kRed, 12);
    expectNear(image, 160, 60, kBlue, 12);
    // Exactly a DCT scale: no box pass needed.
    image = decodeImageBytes(jpeg, "big.jpg", 500);
    ASSERT_TRUE(image.ok());
    EXPECT_EQ(image.width, 500);
    EXPECT_EQ(image.height, 300);
    // Larger than the image: unchanged.
    image = decodeImageBytes(jpeg, "big.jpg", 4096);
    EXPECT_EQ(image.width, 1000);
    // Below 1/8: 1/8 scale, then the box filter.
    image = decodeImageBytes(jpeg, "big.jpg", 50);
    EXPECT_EQ(image.width, 50);
    EXPECT_EQ(image.height, 30);
}

TEST(ImageDecoder, PngDownscaleAveragesArea) {
    const DecodedImage image =
        decodeImageBytes(encodePng(100, 50, 4, twoColour(100, 50, kRed, kBlue)), "p.png", 10);
    ASSERT_TRUE(image.ok()) << image.error;
    EXPECT_EQ(image.width, 10);
    EXPECT_EQ(image.height, 5);
    EXPECT_EQ(image.sourceWidth, 100);
    expectNear(image, 2, 2, kRed, 0);
    expectNear(image, 7, 2, kBlue, 0);
}

TEST(ImageDecoder, BoxDownscaleIsAlphaWeighted) {
    DecodedImage src;
    src.width = 4;
    src.height = 2;
    src.opaque = false;
    // Left pair: transparent black + opaque white -> white at half alpha (not grey).
    // Right pair: 0 and 200 opaque grey -> 100.
    src.pixels = {0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255, 200, 200, 200, 255,
                  0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255, 200, 200, 200, 255};
    const DecodedImage out = boxDownscale(src, 2, 1);
    ASSERT_TRUE(out.ok());
    expectNear(out, 0, 0, Rgba{255, 255, 255, 128}, 1);
    expectNear(out, 1, 0, Rgba{100, 100, 100, 255}, 1);
    // Non-integer ratio: 3 -> 2 keeps a uniform colour uniform.
    DecodedImage flat;
    flat.width = 3;
    flat.height = 3;
    flat.pixels.assign(3 * 3 * 4, 90);
    const DecodedImage two = boxDownscale(flat, 2, 2);
    for (std::uint8_t v : two.pixels)
        EXPECT_EQ(v, 90);
    EXPECT_FALSE(boxDownscale(flat, 4, 1).ok()); // upscaling is not its job
}

TEST(ImageDecoder, FitWithinKeepsAspect) {
    int w = 0, h = 0;
    fitWithin(12000, 8000, 4096, w, h);
    EXPECT_EQ(w, 4096);
    EXPECT_EQ(h, 2731);
    fitWithin(100, 20000, 4096, w, h);
    EXPECT_EQ(w, 20);
    EXPECT_EQ(h, 4096);
    fitWithin(300, 200, 0, w, h);
    EXPECT_EQ(w, 300);
}

TEST(ImageDecoder, ExifOrientationRotates) {
    const Bytes jpeg = encodeJpeg(40, 20, twoColour(40, 20, kRed, kBlue));
    EXPECT_EQ(jpegExifOrientation(jpeg), 1);
    for (const bool bigEndian : {false, true}) {
        const Bytes rotated = withExifOrientation(jpeg, 6, bigEndian);
        EXPECT_EQ(jpegExifOrientation(rotated), 6);
        const DecodedImage image = decodeImageBytes(rotated, "r.jpg");
        ASSERT_TRUE(image.ok()) << image.error;
        // 90 degrees clockwise: the left (red) half ends on top.
        EXPECT_EQ(image.width, 20);
        EXPECT_EQ(image.height, 40);
        EXPECT_EQ(image.sourceWidth, 20);
        EXPECT_EQ(image.sourceHeight, 40);
        expectNear(image, 10, 5, kRed, 14);
        expectNear(image, 10, 35, kBlue, 14);
    }
    const DecodedImage mirrored = decodeImageBytes(withExifOrientation(jpeg, 2, false), "m.jpg");
    ASSERT_TRUE(mirrored.ok());
    EXPECT_EQ(mirrored.width, 40);
    expectNear(mirrored, 5, 10, kBlue, 14);
    // Scaled decode and orientation together: the longer side is still bounded.
    const DecodedImage small = decodeImageBytes(withExifOrientation(jpeg, 8, true), "s.jpg", 10);
    ASSERT_TRUE(small.ok());
    EXPECT_EQ(small.width, 5);
    EXPECT_EQ(small.height, 10);
    expectNear(small, 2, 8, kRed, 20); // 90 degrees counter-clockwise: red at the bottom
}

TEST(ImageDecoder, TruncatedFilesAreErrorsNotCrashes) {
    const Bytes jpeg = encodeJpeg(64, 64, twoColour(64, 64, kRed, kBlue));
    const Bytes png = encodePng(64, 64, 4, twoColour(64, 64, kRed, kBlue));
    for (std::size_t n = 0; n < jpeg.size(); n += 7) {
        const DecodedImage image = decodeImageBytes({jpeg.data(), n}, "cut.jpg");
        EXPECT_FALSE(image.ok()) << "length " << n;
        EXPECT_NE(image.error.find("cut.jpg"), std::string::npos);
    }
    EXPECT_NE(decodeImageBytes({jpeg.data(), jpeg.size() - 40}, "cut.jpg").error.find("truncated"),
              std::string::npos);
    // Cut inside the pixel data (stb_image does not need the final 12-byte IEND chunk).
    for (std::size_t n = 0; n + 12 < png.size(); n += 5)
        EXPECT_FALSE(decodeImageBytes({png.data(), n}, "cut.png").ok())
            << "length " << n << " of " << png.size();
}

TEST(ImageDecoder, CorruptBytesNeverCrash) {
    std::mt19937 random(12345);
    const Bytes sources[] = {encodeJpeg(48, 32, twoColour(48, 32, kRed, kBlue)),
                             encodePng(48, 32, 4, twoColour(48, 32, kRed, kBlue))};
    for (const Bytes& source : sources) {
        for (int round = 0; round < 300; ++round) {
            Bytes bytes = source;
            const int flips = 1 + round % 8;
            for (int i = 0; i < flips; ++i)
                bytes[random() % bytes.size()] = static_cast<std::uint8_t>(random());
            const DecodedImage image = decodeImageBytes(bytes, "fuzz", round % 3 == 0 ? 16 : 0);
            if (image.ok()) {
                EXPECT_EQ(image.pixels.size(),
                          std::size_t(image.width) * std::size_t(image.height) * 4);
            } else {
                EXPECT_FALSE(image.error.empty());
            }
        }
    }
}

TEST(ImageDecoder, UnsupportedAndMissingFilesExplainThemselves) {
    EXPECT_NE(decodeImageBytes({}, "empty.jpg").error.find("empty"), std::string::npos);
    const std::string text = "hello, not an image";
    const DecodedImage t = decodeImageBytes(
        {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, "t.jpg");
    EXPECT_NE(t.error.find("not an image"), std::string::npos);
    const Bytes webp{'R', 'I', 'F', 'F', 30,  0,   0, 0, 'W', 'E',
                     'B', 'P', 'V', 'P', '8', ' ', 0, 0, 0,   0};
    EXPECT_NE(decodeImageBytes(webp, "w.webp").error.find("lantai build"), std::string::npos);
    const DecodedImage missing = decodeImageFile("/nonexistent/lantai/x.jpg");
    EXPECT_FALSE(missing.ok());
    EXPECT_NE(missing.error.find("/nonexistent/lantai/x.jpg"), std::string::npos);
}

TEST(ImageDecoder, RefusesDecompressionBombs) {
    // A real JPEG whose SOF0 claims 30000 x 30000 (900 MP).
    Bytes jpeg = encodeJpeg(16, 16, twoColour(16, 16, kRed, kBlue));
    bool patched = false;
    for (std::size_t i = 2; i + 9 < jpeg.size(); ++i) {
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) {
            jpeg[i + 5] = 30000 >> 8; // height
            jpeg[i + 6] = 30000 & 0xFF;
            jpeg[i + 7] = 30000 >> 8; // width
            jpeg[i + 8] = 30000 & 0xFF;
            patched = true;
            break;
        }
    }
    ASSERT_TRUE(patched);
    EXPECT_NE(decodeImageBytes(jpeg, "bomb.jpg").error.find("300 megapixel"), std::string::npos);
    // A PNG whose IHDR claims 20000 x 20000.
    Bytes png = encodePng(4, 4, 4, twoColour(4, 4, kRed, kBlue));
    png[16] = 0;
    png[17] = 0;
    png[18] = 20000 >> 8;
    png[19] = 20000 & 0xFF;
    png[20] = 0;
    png[21] = 0;
    png[22] = 20000 >> 8;
    png[23] = 20000 & 0xFF;
    const DecodedImage p = decodeImageBytes(png, "bomb.png");
    EXPECT_FALSE(p.ok());
}

// ---- decode pool -------------------------------------------------------------------------------

// Holds the (single) worker inside the wake callback until released, so the test can queue
// requests deterministically behind it.
struct WakeGate {
    std::mutex mutex;
    std::condition_variable cv;
    int wakes = 0;
    bool open = false;
    void wake() {
        std::unique_lock lock(mutex);
        ++wakes;
        cv.notify_all();
        cv.wait(lock, [this] { return open; });
    }
    void waitForWake(int n) {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return wakes >= n; }));
    }
    void release() {
        std::lock_guard lock(mutex);
        open = true;
        cv.notify_all();
    }
};

bool waitUntil(const std::function<bool()>& done, int seconds = 20) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

std::vector<std::string> keysOf(const std::vector<DecodeResult>& results) {
    std::vector<std::string> keys;
    for (const auto& r : results)
        keys.push_back(r.key);
    return keys;
}

struct PoolFiles {
    TempDir dir;
    fs::path file;
    PoolFiles() {
        file = dir.path / "t.png";
        writeBytes(file, encodePng(8, 8, 4, twoColour(8, 8, kRed, kBlue)));
    }
};

TEST(DecodePool, DecodesAndWakesOncePerBatch) {
    PoolFiles f;
    std::atomic<int> wakes{0};
    DecodePool pool(2);
    EXPECT_EQ(pool.threadCount(), 2);
    pool.setWakeCallback([&] { ++wakes; });
    pool.submit({"a", f.file, 0, 0});
    pool.submit({"b", f.file, 0, 0});
    pool.submit({"missing", f.dir.path / "nope.jpg", 0, 0});
    ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == 3; }));
    EXPECT_GE(wakes.load(), 1);
    EXPECT_LE(wakes.load(), 3);
    std::map<std::string, DecodeResult> byKey;
    for (auto& r : pool.takeFinished())
        byKey[r.key] = std::move(r);
    ASSERT_EQ(byKey.size(), 3u);
    EXPECT_TRUE(byKey["a"].image.ok());
    EXPECT_EQ(byKey["a"].image.width, 8);
    EXPECT_FALSE(byKey["missing"].image.ok());
    EXPECT_NE(byKey["missing"].image.error.find("nope.jpg"), std::string::npos);
    EXPECT_TRUE(pool.idle());
}

TEST(DecodePool, MostUrgentFirstAndDuplicatesMerged) {
    PoolFiles f;
    WakeGate gate;
    DecodePool pool(1);
    pool.setWakeCallback([&] { gate.wake(); });
    pool.submit({"first", f.file, 0, 0});
    gate.waitForWake(1); // the worker now waits in the callback
    pool.submit({"p5", f.file, 0, 5});
    pool.submit({"p1", f.file, 0, 1});
    pool.submit({"p3", f.file, 0, 3});
    pool.submit({"p5", f.file, 0, 5}); // already queued: merged
    pool.submit({"p3", f.file, 0, 0}); // re-prioritised
    EXPECT_EQ(pool.queuedCount(), 3u);
    gate.release();
    ASSERT_TRUE(waitUntil([&] { return pool.idle() || pool.finishedCount() == 4; }));
    EXPECT_EQ(keysOf(pool.takeFinished()), (std::vector<std::string>{"first", "p3", "p1", "p5"}));
}

TEST(DecodePool, StaleRequestsAreDroppedNewestFirst) {
    PoolFiles f;
    WakeGate gate;
    DecodePool pool(1);
    pool.setWakeCallback([&] { gate.wake(); });
    pool.submit({"first", f.file, 0, 0});
    gate.waitForWake(1);
    pool.submit({"old", f.file, 0, 0});
    pool.submit({"kept", f.file, 0, 9});
    pool.beginGeneration(); // both were asked for in the previous frame: kept
    EXPECT_EQ(pool.queuedCount(), 2u);
    pool.submit({"kept", f.file, 0, 9}); // asked again in this frame
    pool.submit({"new", f.file, 0, 5});
    pool.beginGeneration(); // "old" was not asked for in the last frame: dropped
    EXPECT_EQ(pool.queuedCount(), 2u);
    EXPECT_EQ(pool.droppedCount(), 1u);
    gate.release();
    ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == 3; }));
    EXPECT_EQ(keysOf(pool.takeFinished()), (std::vector<std::string>{"first", "new", "kept"}));
    pool.submit({"x", f.file, 0, 0});
    pool.cancelAll();
    EXPECT_EQ(pool.queuedCount(), 0u); // (or it was already running)
}

TEST(DecodePool, DestructorDropsQueuedWorkAndJoins) {
    PoolFiles f;
    const auto start = std::chrono::steady_clock::now();
    {
        DecodePool pool(1);
        pool.setWakeCallback([] {});
        for (int i = 0; i < 200; ++i)
            pool.submit({"k" + std::to_string(i), f.file, 0, i});
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// ---- texture cache (fake uploader: no GL context needed) ---------------------------------------

struct FakeUploader final : TextureUploader {
    unsigned next = 100;
    std::vector<unsigned> created;
    std::vector<std::pair<int, int>> sizes;
    std::set<unsigned> live;
    bool failNext = false;
    unsigned create(const DecodedImage& image) override {
        if (failNext) {
            failNext = false;
            return 0;
        }
        created.push_back(++next);
        sizes.emplace_back(image.width, image.height);
        live.insert(next);
        return next;
    }
    void destroy(unsigned id) override { EXPECT_EQ(live.erase(id), 1u) << "double destroy " << id; }
};

// Runs frames until nothing is pending, then one more (drawn with everything uploaded).
// `frame` requests what it wants each frame.
void pump(TextureCache& cache, const std::function<void()>& frame, int maxUploads = 64) {
    for (int i = 0; i < 5000; ++i) {
        cache.beginFrame();
        frame();
        cache.uploadPending(1000.0, maxUploads);
        if (!cache.hasPendingWork()) {
            cache.beginFrame();
            frame();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL() << "texture cache never settled";
}

struct CacheFixture : ::testing::Test {
    TempDir dir;
    DecodePool pool{2};
    FakeUploader gpu;
    std::vector<std::string> logLines;

    fs::path png(const std::string& name, int w, int h) {
        const fs::path file = dir.path / name;
        writeBytes(file, encodePng(w, h, 4, twoColour(w, h, kRed, kBlue)));
        return file;
    }
};

TEST_F(CacheFixture, GetRequestsThenReturnsResidentTexture) {
    TextureCache cache(1 << 20, pool, &gpu);
    const fs::path file = png("a.png", 16, 8);
    cache.beginFrame();
    EXPECT_EQ(cache.get("a", file, 0), nullptr);
    EXPECT_TRUE(cache.hasPendingWork());
    pump(cache, [&] { cache.get("a", file, 0); });
    cache.beginFrame();
    const Texture* t = cache.get("a", file, 0);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->width, 16);
    EXPECT_EQ(t->height, 8);
    EXPECT_EQ(t->imguiId(), reinterpret_cast<ImTextureID>(std::intptr_t(t->id)));
    EXPECT_EQ(cache.residentBytes(), 16u * 8u * 4u);
    const TextureCacheStats s = cache.stats();
    EXPECT_EQ(s.uploads, 1u);
    EXPECT_EQ(s.resident, 1u);
    EXPECT_EQ(s.pendingDecodes, 0u);
    // maxDimension reaches the decoder
    pump(cache, [&] { cache.get("a-small", file, 0, 4); });
    cache.beginFrame();
    ASSERT_NE(cache.get("a-small", file, 0, 4), nullptr);
    EXPECT_EQ(cache.get("a-small", file, 0, 4)->width, 4);
}

TEST_F(CacheFixture, EvictsLeastRecentlyUsedBeyondBudgetButNeverPinned) {
    const std::size_t tile = 16 * 16 * 4;
    TextureCache cache(2 * tile, pool, &gpu);
    std::vector<fs::path> files;
    for (int i = 0; i < 4; ++i)
        files.push_back(png("t" + std::to_string(i) + ".png", 16, 16));
    pump(cache, [&] { cache.get("t0", files[0], 0); });
    pump(cache, [&] { cache.get("t1", files[1], 0); });
    pump(cache, [&] { cache.get("t2", files[2], 0); }); // t0 is the least recently used
    cache.beginFrame();
    EXPECT_EQ(cache.resident("t0"), nullptr);
    EXPECT_NE(cache.resident("t1"), nullptr);
    EXPECT_NE(cache.resident("t2"), nullptr);
    EXPECT_EQ(cache.stats().evictions, 1u);
    EXPECT_EQ(gpu.live.size(), 2u);

    // One frame wants three tiles with room for two: the two in use stay, the third waits for
    // room (the budget is a ceiling) without keeping the cache busy.
    pump(cache, [&] {
        cache.get("t1", files[1], 0);
        cache.get("t2", files[2], 0);
        cache.get("t3", files[3], 0);
    });
    EXPECT_EQ(cache.stats().resident, 2u);
    EXPECT_EQ(cache.stats().waitingForRoom, 1u);
    EXPECT_LE(cache.residentBytes(), cache.budget());
    EXPECT_EQ(cache.resident("t3"), nullptr);
    // The view moves on to t3 alone: room is made for it.
    pump(cache, [&] { cache.get("t3", files[3], 0); });
    EXPECT_NE(cache.resident("t3"), nullptr);
    EXPECT_EQ(cache.stats().waitingForRoom, 0u);
    cache.setBudget(tile); // unpinned ones go now
    EXPECT_EQ(cache.stats().resident, 1u);
    EXPECT_NE(cache.resident("t3"), nullptr);
    cache.clear();
    EXPECT_TRUE(gpu.live.empty());
}

TEST_F(CacheFixture, VisibleSetLargerThanTheBudgetDoesNotThrash) {
    TextureCache cache(16 * 16 * 4, pool, &gpu); // room for one of the two
    const fs::path a = png("a.png", 16, 16), b = png("b.png", 16, 16);
    for (int frame = 0; frame < 400; ++frame) {
        cache.beginFrame();
        cache.uploadPending(1000.0, 8); // the kiosk's order: upload, then draw
        const bool drawn = cache.get("a", a, 0) != nullptr;
        cache.get("b", b, 1);
        if (drawn && !cache.hasPendingWork()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    // The more urgent one is on screen; the other waits for room (it was either never uploaded
    // or gave way to `a`), and waiting does not keep the kiosk drawing.
    const TextureCacheStats settled = cache.stats();
    EXPECT_LE(settled.uploads, 2u);
    EXPECT_EQ(settled.evictions, settled.uploads - 1);
    for (int frame = 0; frame < 20; ++frame) {
        cache.beginFrame();
        cache.uploadPending(1000.0, 8);
        EXPECT_NE(cache.get("a", a, 0), nullptr);
        EXPECT_EQ(cache.get("b", b, 1), nullptr);
        EXPECT_LE(cache.residentBytes(), cache.budget());
        EXPECT_FALSE(cache.hasPendingWork());
    }
    EXPECT_EQ(cache.stats().uploads, settled.uploads); // no thrash
    EXPECT_EQ(cache.stats().evictions, settled.evictions);
    EXPECT_EQ(cache.stats().waitingForRoom, 1u);
    // The view shows only `b` now: it takes a's place.
    for (int frame = 0; frame < 400 && cache.stats().resident == 1 && !cache.resident("b");
         ++frame) {
        cache.beginFrame();
        cache.uploadPending(1000.0, 8);
        cache.get("b", b, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_NE(cache.resident("b"), nullptr);
    EXPECT_EQ(cache.stats().resident, 1u);
    EXPECT_LE(cache.residentBytes(), cache.budget());
}

// A budget is a ceiling: room is made before each upload, never after (the kiosk's state JSON,
// written after a frame, once showed 65.2 MB resident against a 64 MB budget).
TEST_F(CacheFixture, BudgetIsNeverExceededAfterAnUpload) {
    const std::size_t tile = 16 * 16 * 4;
    TextureCache cache(3 * tile, pool, &gpu);
    std::vector<fs::path> files;
    for (int i = 0; i < 8; ++i)
        files.push_back(png("s" + std::to_string(i) + ".png", 16, 16));
    std::size_t most = 0;
    // A scrolling view: two tiles at a time, one further each step.
    for (int view = 0; view + 1 < 8; ++view) {
        for (int frame = 0; frame < 400; ++frame) {
            cache.beginFrame();
            cache.uploadPending(1000.0, 8);
            most = std::max(most, cache.residentBytes());
            const Texture* first =
                cache.get("s" + std::to_string(view), files[std::size_t(view)], 0);
            const Texture* second =
                cache.get("s" + std::to_string(view + 1), files[std::size_t(view + 1)], 1);
            if (first && second && !cache.hasPendingWork()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    EXPECT_LE(most, cache.budget());
    EXPECT_EQ(cache.stats().uploads, 8u);
    EXPECT_EQ(cache.stats().evictions, 5u);
    EXPECT_EQ(cache.stats().waitingForRoom, 0u);
}

// When the textures in use fill the budget, a more urgent one (a tile on screen) displaces the
// least urgent in use (the prefetch ring), and a less urgent one waits.
TEST_F(CacheFixture, MoreUrgentTexturesDisplaceLessUrgentOnesInUse) {
    const std::size_t tile = 16 * 16 * 4;
    TextureCache cache(2 * tile, pool, &gpu);
    const fs::path x = png("x.png", 16, 16), y = png("y.png", 16, 16), z = png("z.png", 16, 16);
    const fs::path big = png("big.png", 32, 32); // four tiles: more than the whole budget
    const auto frames = [&](const std::function<bool()>& view) {
        for (int frame = 0; frame < 400; ++frame) {
            cache.beginFrame();
            cache.uploadPending(1000.0, 8);
            if (view() && !cache.hasPendingWork()) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ADD_FAILURE() << "the cache never settled";
    };
    frames([&] {
        const Texture* shownX = cache.get("x", x, 1);
        const Texture* shownY = cache.get("y", y, 2);
        return shownX && shownY;
    });
    EXPECT_EQ(cache.stats().evictions, 0u);
    // z comes on screen: y (prefetch) gives way, x stays.
    frames([&] {
        const Texture* shownZ = cache.get("z", z, 0);
        const Texture* shownX = cache.get("x", x, 1);
        cache.get("y", y, 2);
        return shownZ && shownX;
    });
    EXPECT_EQ(cache.stats().evictions, 1u);
    EXPECT_EQ(cache.resident("y"), nullptr);
    EXPECT_EQ(cache.stats().waitingForRoom, 1u); // y, decoded again, waits
    EXPECT_LE(cache.residentBytes(), cache.budget());
    // An image larger than the whole budget fails with a reason instead of waiting forever.
    frames([&] {
        cache.get("big", big, 0);
        return cache.failed("big");
    });
    EXPECT_NE(cache.error("big").find("texture budget"), std::string::npos);
    EXPECT_LE(cache.residentBytes(), cache.budget());
}

TEST_F(CacheFixture, FailuresAreRememberedAndLoggedOnce) {
    TextureCache cache(1 << 20, pool, &gpu);
    cache.setLogSink([&](const std::string& line) { logLines.push_back(line); });
    const fs::path missing = dir.path / "missing.jpg";
    writeBytes(dir.path / "bad.jpg", Bytes{0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0});
    pump(cache, [&] {
        cache.get("missing", missing, 0);
        cache.get("bad", dir.path / "bad.jpg", 0);
    });
    EXPECT_TRUE(cache.failed("missing"));
    EXPECT_TRUE(cache.failed("bad"));
    EXPECT_NE(cache.error("missing").find("missing.jpg"), std::string::npos);
    EXPECT_FALSE(cache.failed("other"));
    EXPECT_TRUE(cache.error("other").empty());
    EXPECT_EQ(logLines.size(), 2u);
    // Not retried.
    cache.beginFrame();
    EXPECT_EQ(cache.get("missing", missing, 0), nullptr);
    EXPECT_FALSE(cache.hasPendingWork());
    EXPECT_EQ(cache.stats().failures, 2u);

    // An upload failure is a failure too.
    gpu.failNext = true;
    const fs::path file = png("ok.png", 4, 4);
    pump(cache, [&] { cache.get("gpu", file, 0); });
    EXPECT_TRUE(cache.failed("gpu"));
    EXPECT_NE(cache.error("gpu").find("GPU texture"), std::string::npos);
}

TEST_F(CacheFixture, DecodesNoLongerWantedAreDiscarded) {
    TextureCache cache(1 << 20, pool, &gpu);
    const fs::path file = png("a.png", 8, 8);
    cache.beginFrame();
    cache.get("a", file, 0);
    ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == 1; }));
    cache.beginFrame(); // not asked for in this frame...
    cache.beginFrame(); // ...nor in this one
    EXPECT_FALSE(cache.uploadPending(10.0, 8));
    EXPECT_EQ(cache.stats().discarded, 1u);
    EXPECT_EQ(cache.stats().uploads, 0u);
    EXPECT_TRUE(gpu.created.empty());
}

TEST_F(CacheFixture, UploadsAreBudgetedPerFrameMostUrgentFirst) {
    TextureCache cache(1 << 20, pool, &gpu);
    std::vector<fs::path> files;
    for (int i = 0; i < 3; ++i)
        files.push_back(png("u" + std::to_string(i) + ".png", 4 + i, 4));
    auto want = [&] {
        for (int i = 0; i < 3; ++i)
            cache.get("u" + std::to_string(i), files[std::size_t(i)], 2 - i);
    };
    cache.beginFrame();
    want();
    ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == 3; }));
    EXPECT_TRUE(cache.uploadPending(1000.0, 1));
    EXPECT_TRUE(cache.hasPendingUploads());
    EXPECT_EQ(cache.stats().pendingUploads, 2u);
    ASSERT_EQ(gpu.sizes.size(), 1u);
    EXPECT_EQ(gpu.sizes[0].first, 6); // "u2": priority 0
    cache.beginFrame();
    want();
    EXPECT_TRUE(cache.uploadPending(0.0, 8)); // a zero time budget still uploads one
    EXPECT_EQ(gpu.sizes.size(), 2u);
    EXPECT_EQ(gpu.sizes[1].first, 5);
    cache.beginFrame();
    want();
    cache.uploadPending(1000.0, 8);
    EXPECT_FALSE(cache.hasPendingWork());
    EXPECT_FALSE(cache.uploadPending(1000.0, 8)); // nothing left to do
}

// ---- deep zoom ---------------------------------------------------------------------------------

// A headless ImGui context: draw lists can be built and inspected without a renderer.
struct ImGuiFrame {
    ImGuiFrame() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~ImGuiFrame() { ImGui::DestroyContext(); }
    ImDrawList* begin() {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        return ImGui::GetForegroundDrawList();
    }
    void end() { ImGui::EndFrame(); }
};

struct Quad {
    unsigned texture;
    ImVec2 uvMin, uvMax;
};

// Every textured quad in the list (texture 0 = untextured fill).
std::vector<Quad> quadsOf(const ImDrawList* list) {
    std::vector<Quad> out;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
        const auto texture = static_cast<unsigned>(reinterpret_cast<std::intptr_t>(cmd.TextureId));
        for (unsigned i = 0; i + 6 <= cmd.ElemCount; i += 6) {
            Quad q{texture, ImVec2(1e9f, 1e9f), ImVec2(-1e9f, -1e9f)};
            for (unsigned k = 0; k < 6; ++k) {
                const ImVec2 uv = list->VtxBuffer[list->IdxBuffer[int(cmd.IdxOffset + i + k)]].uv;
                q.uvMin = ImVec2(std::min(q.uvMin.x, uv.x), std::min(q.uvMin.y, uv.y));
                q.uvMax = ImVec2(std::max(q.uvMax.x, uv.x), std::max(q.uvMax.y, uv.y));
            }
            out.push_back(q);
        }
    }
    return out;
}

constexpr ImU32 kPlaceholder = IM_COL32(40, 40, 40, 255);

// derived/iiif/img with a 1200 x 800 pyramid (scale factors 1, 2, 4), each level one colour.
struct PyramidPack {
    TempDir dir;
    core::TilePyramid pyramid = core::TilePyramid::standard(1200, 800);
    core::DerivedImage derived;
    PyramidPack() {
        derived.key = "images_a_jpg";
        derived.iiif = "iiif/img";
        derived.width = 1200;
        derived.height = 800;
        const fs::path iiif = dir.path / "derived" / "iiif" / "img";
        for (const int s : pyramid.scaleFactors) {
            const Rgba colour = s == 4 ? kRed : s == 2 ? Rgba{30, 200, 30, 255} : kBlue;
            for (const core::TileRef& t : core::tilesInRegion(pyramid, s, {0, 0, 1200, 800}))
                writeBytes(iiif / t.path,
                           encodeJpeg(t.tileWidth, t.tileHeight,
                                      twoColour(t.tileWidth, t.tileHeight, colour, colour)));
        }
        std::ofstream(iiif / "info.json")
            << R"({"@context": "http://iiif.io/api/image/3/context.json", "id": "iiif/img",
                  "type": "ImageService3", "profile": "level0", "width": 1200, "height": 800,
                  "tiles": [{"width": 512, "height": 512, "scaleFactors": [1, 2, 4]}]})";
        writeBytes(dir.path / "images" / "a.jpg",
                   encodeJpeg(120, 80, twoColour(120, 80, kRed, kBlue)));
    }
    fs::path tile(int s, int column, int row) const {
        return dir.path / "derived" / "iiif" / "img" / core::makeTile(pyramid, s, column, row).path;
    }
};

TEST(DeepZoom, ParsesInfoJson) {
    std::string error;
    const auto p = parseIiifInfo(
        R"({"width": 9000, "height": 5000, "tiles": [{"width": 512, "scaleFactors": [4, 1, 2, 2]}]})",
        &error);
    ASSERT_TRUE(p) << error;
    EXPECT_EQ(p->width, 9000);
    EXPECT_EQ(p->height, 5000);
    EXPECT_EQ(p->tileSize, 512);
    EXPECT_EQ(p->scaleFactors, (std::vector<int>{1, 2, 4}));

    const std::pair<const char*, const char*> bad[] = {
        {"{", "not valid JSON"},
        {"[]", "not valid JSON"},
        {R"({"height": 5, "tiles": [{"width": 512, "scaleFactors": [1]}]})", "width and height"},
        {R"({"width": 0, "height": 5, "tiles": [{"width": 512, "scaleFactors": [1]}]})",
         "width and height"},
        {R"({"width": "9", "height": 5, "tiles": [{"width": 512, "scaleFactors": [1]}]})",
         "width and height"},
        {R"({"width": 9, "height": 5})", "tiles"},
        {R"({"width": 9, "height": 5, "tiles": []})", "tiles"},
        {R"({"width": 9, "height": 5, "tiles": [{"width": 4, "scaleFactors": [1]}]})",
         "16 to 8192"},
        {R"({"width": 9, "height": 5, "tiles": [{"width": 512, "height": 256, "scaleFactors": [1]}]})",
         "square"},
        {R"({"width": 9, "height": 5, "tiles": [{"width": 512, "scaleFactors": []}]})",
         "non-empty"},
        {R"({"width": 9, "height": 5, "tiles": [{"width": 512, "scaleFactors": [0]}]})",
         "integers from 1"},
        {R"({"width": 9, "height": 5, "tiles": [{"width": 512, "scaleFactors": [1.5]}]})",
         "integers from 1"},
    };
    for (const auto& [json, expected] : bad) {
        error.clear();
        EXPECT_FALSE(parseIiifInfo(json, &error)) << json;
        EXPECT_NE(error.find(expected), std::string::npos) << json << " -> " << error;
    }
}

TEST(DeepZoom, LoadsPyramidOrFallsBackToTheOriginal) {
    PyramidPack pack;
    std::string warning;
    auto image = loadIiifImage(pack.dir.path, &pack.derived, "images/a.jpg", &warning);
    ASSERT_TRUE(image);
    EXPECT_TRUE(warning.empty()) << warning;
    EXPECT_TRUE(image->hasTiles);
    EXPECT_EQ(image->pyramid.width, 1200);
    EXPECT_EQ(image->pyramid.scaleFactors, (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(image->iiifDir, pack.dir.path / "derived" / "iiif" / "img");

    // Pack not built.
    image = loadIiifImage(pack.dir.path, nullptr, "images/a.jpg", &warning);
    ASSERT_TRUE(image);
    EXPECT_FALSE(image->hasTiles);
    EXPECT_EQ(image->pyramid.width, 120);
    EXPECT_EQ(image->fallbackFile, pack.dir.path / "images" / "a.jpg");
    EXPECT_NE(warning.find("lantai build"), std::string::npos);

    // Damaged info.json: fallback, and the warning says why.
    std::ofstream(pack.dir.path / "derived" / "iiif" / "img" / "info.json") << "{\"width\": 3";
    image = loadIiifImage(pack.dir.path, &pack.derived, "images/a.jpg", &warning);
    ASSERT_TRUE(image);
    EXPECT_FALSE(image->hasTiles);
    EXPECT_NE(warning.find("info.json"), std::string::npos);

    // EXIF-rotated original: the size is the displayed one.
    writeBytes(pack.dir.path / "images" / "r.jpg",
               withExifOrientation(encodeJpeg(40, 20, twoColour(40, 20, kRed, kBlue)), 6, false));
    image = loadIiifImage(pack.dir.path, nullptr, "images/r.jpg", &warning);
    ASSERT_TRUE(image);
    EXPECT_EQ(image->pyramid.width, 20);
    EXPECT_EQ(image->pyramid.height, 40);

    // Nothing usable.
    EXPECT_FALSE(loadIiifImage(pack.dir.path, nullptr, "images/none.jpg", &warning));
    EXPECT_NE(warning.find("none.jpg"), std::string::npos);
    writeBytes(pack.dir.path / "images" / "t.tif", Bytes{'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0});
    EXPECT_FALSE(loadIiifImage(pack.dir.path, nullptr, "images/t.tif", &warning));
}

// A FIFO, a device, a socket or a link loop as an image or as a pyramid's info.json: the decoder
// and the deep-zoom loader (both read through core::readFile) name it and never block.
TEST(DeepZoom, SpecialFilesAreNamedAndNeverBlock) {
    PyramidPack pack;
    const auto specials = lantai::test::makeSpecialPaths(pack.dir.path / "special", "a.jpg");
    ASSERT_EQ(specials.size(), 4u);
    lantai::test::Deadline deadline(20);
    const fs::path info = pack.dir.path / "derived" / "iiif" / "img" / "info.json";
    for (const auto& special : specials) {
        SCOPED_TRACE(special.kind);
        const DecodedImage decoded = decodeImageFile(special.path);
        EXPECT_FALSE(decoded.ok());
        EXPECT_NE(decoded.error.find(special.words), std::string::npos) << decoded.error;

        fs::remove(info);
        fs::create_symlink(special.path, info); // the link loop stays a loop through it
        std::string warning;
        const auto image = loadIiifImage(pack.dir.path, &pack.derived, "images/a.jpg", &warning);
        ASSERT_TRUE(image); // the original stands in
        EXPECT_FALSE(image->hasTiles);
        EXPECT_NE(warning.find("info.json"), std::string::npos) << warning;
        EXPECT_NE(warning.find(special.words), std::string::npos) << warning;
    }
}

TEST(DeepZoom, CoarsestFirstThenCoarserLevelUnderMissingTilesThenSharp) {
    PyramidPack pack;
    std::string warning;
    const auto image = loadIiifImage(pack.dir.path, &pack.derived, "images/a.jpg", &warning);
    ASSERT_TRUE(image);
    ImGuiFrame imgui;
    DecodePool pool(1);
    FakeUploader gpu;
    TextureCache cache(64 << 20, pool, &gpu);
    core::ZoomViewport viewport;
    viewport.setImageSize(1200, 800);
    viewport.setViewRect({100, 50, 600, 400}); // fit zoom 0.5 -> level 2 (2 x 1 tiles)

    // Frame 1: nothing resident — placeholders only, never a blank.
    cache.beginFrame();
    ImDrawList* list = imgui.begin();
    DrawResult r = drawDeepZoom(list, viewport, *image, cache, kPlaceholder);
    EXPECT_FALSE(r.sharp);
    EXPECT_FALSE(r.failed);
    EXPECT_EQ(r.scaleFactor, 2);
    EXPECT_EQ(r.tilesMissing, 2);
    EXPECT_EQ(r.tilesDrawn, 0);
    EXPECT_EQ(quadsOf(list).size(), 2u);     // two placeholder rectangles
    EXPECT_EQ(list->_ClipRectStack.Size, 1); // the viewer's clip rect was popped again
    imgui.end();

    // The coarsest tile (priority 0) is uploaded first.
    ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == 3; }));
    cache.uploadPending(1000.0, 1);
    ASSERT_EQ(gpu.sizes.size(), 1u);
    EXPECT_EQ(gpu.sizes[0], (std::pair<int, int>{300, 200}));
    const unsigned coarse = gpu.created[0];

    // Frame 2: the coarse level stands in for both missing tiles, cropped to each.
    cache.beginFrame();
    list = imgui.begin();
    r = drawDeepZoom(list, viewport, *image, cache, kPlaceholder);
    EXPECT_EQ(r.tilesMissing, 2);
    std::vector<Quad> quads = quadsOf(list);
    ASSERT_EQ(quads.size(), 2u);
    for (const Quad& q : quads)
        EXPECT_EQ(q.texture, coarse);
    EXPECT_NEAR(quads[0].uvMax.x - quads[0].uvMin.x + quads[1].uvMax.x - quads[1].uvMin.x, 1.0f,
                1e-5f);
    EXPECT_NEAR(quads[0].uvMin.x, 0.0f, 1e-5f); // the left tile (nearest the centre) first
    EXPECT_NEAR(quads[0].uvMax.x, 1024.0f / 1200.0f, 1e-5f);
    imgui.end();

    cache.uploadPending(1000.0, 8);
    cache.beginFrame();
    list = imgui.begin();
    r = drawDeepZoom(list, viewport, *image, cache, kPlaceholder);
    EXPECT_TRUE(r.sharp);
    EXPECT_EQ(r.tilesDrawn, 2);
    quads = quadsOf(list);
    ASSERT_EQ(quads.size(), 2u);
    for (const Quad& q : quads) {
        EXPECT_NE(q.texture, coarse);
        EXPECT_NEAR(q.uvMin.x, 0.0f, 1e-6f);
        EXPECT_NEAR(q.uvMax.y, 1.0f, 1e-6f);
    }
    imgui.end();

    // Zoom to full resolution about the centre: level 1; level 2 covers while it loads.
    viewport.setZoomAbout(1.0, viewport.viewRect().center());
    cache.beginFrame();
    list = imgui.begin();
    r = drawDeepZoom(list, viewport, *image, cache, kPlaceholder);
    EXPECT_EQ(r.scaleFactor, 1);
    EXPECT_GT(r.tilesMissing, 0);
    EXPECT_FALSE(r.sharp);
    for (const Quad& q : quadsOf(list)) {
        EXPECT_NE(q.texture, 0u) << "placeholder drawn although level 2 was resident";
        EXPECT_NE(q.texture, coarse);
    }
    imgui.end();

    pump(cache, [&] {
        ImDrawList* l = imgui.begin();
        r = drawDeepZoom(l, viewport, *image, cache, kPlaceholder);
        imgui.end();
    });
    EXPECT_TRUE(r.sharp);
    EXPECT_EQ(r.tilesMissing, 0);
    EXPECT_GT(r.tilesDrawn, 0);
}

TEST(DeepZoom, BrokenTilesKeepTheCoarserLevelAndBrokenBaseFails) {
    PyramidPack pack;
    std::string warning;
    const auto image = loadIiifImage(pack.dir.path, &pack.derived, "images/a.jpg", &warning);
    ASSERT_TRUE(image);
    fs::remove(pack.tile(2, 0, 0));
    ImGuiFrame imgui;
    DecodePool pool(2);
    FakeUploader gpu;
    TextureCache cache(64 << 20, pool, &gpu);
    std::vector<std::string> log;
    cache.setLogSink([&](const std::string& line) { log.push_back(line); });
    core::ZoomViewport viewport;
    viewport.setImageSize(1200, 800);
    viewport.setViewRect({0, 0, 600, 400});
    DrawResult r;
    pump(cache, [&] {
        r = drawDeepZoom(imgui.begin(), viewport, *image, cache, kPlaceholder);
        imgui.end();
    });
    EXPECT_FALSE(r.failed);
    EXPECT_FALSE(r.sharp);
    EXPECT_EQ(r.tilesDrawn, 1);
    EXPECT_EQ(r.tilesMissing, 1);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_NE(log[0].find("0,0,1024,800"), std::string::npos);

    // The one-tile level itself is broken too: nothing to show at fit.
    writeBytes(pack.tile(4, 0, 0), Bytes{0xFF, 0xD8, 0xFF});
    fs::remove(pack.tile(2, 1, 0));
    TextureCache fresh(64 << 20, pool, &gpu);
    fresh.setLogSink([](const std::string&) {});
    pump(fresh, [&] {
        r = drawDeepZoom(imgui.begin(), viewport, *image, fresh, kPlaceholder);
        imgui.end();
    });
    EXPECT_TRUE(r.failed);
    EXPECT_NE(r.error.find("0,0,1200,800"), std::string::npos);
    ImDrawList* list = imgui.begin();
    r = drawDeepZoom(list, viewport, *image, fresh, kPlaceholder);
    for (const Quad& q : quadsOf(list))
        EXPECT_EQ(q.texture, 0u); // placeholders only
    imgui.end();
}

TEST(DeepZoom, WithoutDerivativesShowsTheDownscaledOriginal) {
    TempDir dir;
    writeBytes(dir.path / "wide.jpg", encodeJpeg(4400, 100, twoColour(4400, 100, kRed, kBlue), 70));
    writeBytes(dir.path / "broken.jpg", Bytes{0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 10, 0, 10, 3});
    std::string warning;
    const auto image = loadIiifImage(dir.path, nullptr, "wide.jpg", &warning);
    ASSERT_TRUE(image);
    ImGuiFrame imgui;
    DecodePool pool(1);
    FakeUploader gpu;
    TextureCache cache(64 << 20, pool, &gpu);
    core::ZoomViewport viewport;
    viewport.setImageSize(image->pyramid.width, image->pyramid.height);
    viewport.setViewRect({0, 0, 1000, 500});
    // A small preview (most urgent) stands in while the 4096 px version decodes.
    cache.beginFrame();
    DrawResult r = drawDeepZoom(imgui.begin(), viewport, *image, cache, kPlaceholder);
    imgui.end();
    EXPECT_EQ(r.tilesMissing, 1);
    ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == 2; }));
    cache.uploadPending(1000.0, 1);
    ASSERT_EQ(gpu.sizes.size(), 1u);
    EXPECT_EQ(gpu.sizes[0].first, 512);
    cache.beginFrame();
    ImDrawList* list = imgui.begin();
    r = drawDeepZoom(list, viewport, *image, cache, kPlaceholder);
    EXPECT_FALSE(r.sharp);
    ASSERT_EQ(quadsOf(list).size(), 1u);
    EXPECT_EQ(quadsOf(list)[0].texture, gpu.created[0]);
    imgui.end();

    pump(cache, [&] {
        r = drawDeepZoom(imgui.begin(), viewport, *image, cache, kPlaceholder);
        imgui.end();
    });
    EXPECT_TRUE(r.sharp);
    EXPECT_EQ(r.tilesDrawn, 1);
    EXPECT_EQ(r.scaleFactor, 2); // 4400 px shown from a 4096 px texture
    ASSERT_EQ(gpu.sizes.size(), 2u);
    EXPECT_EQ(gpu.sizes[1].first, kFallbackMaxDimension);

    auto broken = loadIiifImage(dir.path, nullptr, dir.path / "broken.jpg", &warning);
    if (broken) { // the header may probe fine; the decode must then fail cleanly
        cache.setLogSink([](const std::string&) {});
        viewport.setImageSize(broken->pyramid.width, broken->pyramid.height);
        pump(cache, [&] {
            r = drawDeepZoom(imgui.begin(), viewport, *broken, cache, kPlaceholder);
            imgui.end();
        });
        EXPECT_TRUE(r.failed);
        EXPECT_NE(r.error.find("broken.jpg"), std::string::npos);
    }
}

TEST(DeepZoom, FitImageContainAndCover) {
    // 200 x 100 image into a 100 x 100 rect.
    FitPlacement p = fitImage(ImVec2(0, 0), ImVec2(100, 100), 200, 100, ImageFit::Contain);
    EXPECT_FLOAT_EQ(p.min.y, 25.0f);
    EXPECT_FLOAT_EQ(p.max.y, 75.0f);
    EXPECT_FLOAT_EQ(p.max.x, 100.0f);
    EXPECT_FLOAT_EQ(p.uvMax.x, 1.0f);
    p = fitImage(ImVec2(0, 0), ImVec2(100, 100), 200, 100, ImageFit::Cover);
    EXPECT_FLOAT_EQ(p.min.x, 0.0f);
    EXPECT_FLOAT_EQ(p.max.y, 100.0f);
    EXPECT_FLOAT_EQ(p.uvMin.x, 0.25f);
    EXPECT_FLOAT_EQ(p.uvMax.x, 0.75f);
    EXPECT_FLOAT_EQ(p.uvMin.y, 0.0f);
    // Tall image into a wide rect: crop top and bottom.
    p = fitImage(ImVec2(10, 10), ImVec2(110, 60), 100, 200, ImageFit::Cover);
    EXPECT_FLOAT_EQ(p.uvMin.y, 0.375f);
    EXPECT_FLOAT_EQ(p.uvMax.y, 0.625f);
    // Degenerate input: the whole rect, the whole texture.
    p = fitImage(ImVec2(0, 0), ImVec2(10, 10), 0, 5, ImageFit::Cover);
    EXPECT_FLOAT_EQ(p.uvMax.x, 1.0f);

    ImGuiFrame imgui;
    ImDrawList* list = imgui.begin();
    const Texture texture{7, 200, 100};
    drawImageFit(list, ImVec2(0, 0), ImVec2(100, 100), &texture, ImageFit::Cover, kPlaceholder,
                 8.0f);
    drawImageFit(list, ImVec2(0, 0), ImVec2(100, 100), nullptr, ImageFit::Cover, kPlaceholder);
    bool sawTexture = false;
    for (const ImDrawCmd& cmd : list->CmdBuffer)
        sawTexture |= cmd.TextureId == texture.imguiId() && cmd.ElemCount > 0;
    EXPECT_TRUE(sawTexture);
    imgui.end();
}

// ---- OpenGL upload (needs a display: runs under xvfb-run, skipped otherwise) -------------------

TEST(GlTextureUpload, UploadsTilesIntoARealContext) {
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) GTEST_SKIP() << "no display";
    if (SDL_Init(SDL_INIT_VIDEO) != 0) GTEST_SKIP() << "SDL video: " << SDL_GetError();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_Window* window =
        SDL_CreateWindow("lantai render test", 0, 0, 64, 64, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!context) {
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
        GTEST_SKIP() << "no OpenGL 3.3 core context: " << SDL_GetError();
    }
    {
        TempDir dir;
        constexpr int kTiles = 40;
        std::vector<fs::path> files;
        for (int i = 0; i < kTiles; ++i) {
            files.push_back(dir.path / ("t" + std::to_string(i) + ".jpg"));
            writeBytes(files.back(), encodeJpeg(512, 512, twoColour(512, 512, kRed, kBlue), 85));
        }
        DecodePool pool(2);
        TextureCache cache(std::size_t(kTiles) * 512 * 512 * 4, pool); // the real GL uploader
        cache.beginFrame();
        for (int i = 0; i < kTiles; ++i)
            cache.get("t" + std::to_string(i), files[std::size_t(i)], i);
        ASSERT_TRUE(waitUntil([&] { return pool.finishedCount() == std::size_t(kTiles); }));
        const auto start = std::chrono::steady_clock::now();
        cache.uploadPending(1e9, kTiles);
        glFinish();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        EXPECT_EQ(cache.stats().uploads, std::size_t(kTiles));
        std::printf("[ gl       ] %s: %.3f ms per 512x512 upload (%d tiles)\n",
                    reinterpret_cast<const char*>(glGetString(GL_RENDERER)), ms / kTiles, kTiles);

        cache.beginFrame();
        const Texture* t = cache.get("t0", files[0], 0);
        ASSERT_NE(t, nullptr);
        EXPECT_EQ(glIsTexture(t->id), GL_TRUE);
        std::vector<std::uint8_t> back(512 * 512 * 4);
        glBindTexture(GL_TEXTURE_2D, t->id);
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, back.data());
        glBindTexture(GL_TEXTURE_2D, 0);
        EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));
        EXPECT_NEAR(back[(256 * 512 + 64) * 4 + 0], kRed.r, 12);
        EXPECT_NEAR(back[(256 * 512 + 448) * 4 + 2], kBlue.b, 12);
        const unsigned id = t->id;
        cache.clear();
        EXPECT_EQ(glIsTexture(id), GL_FALSE);
    }
    SDL_GL_DeleteContext(context);
    SDL_DestroyWindow(window);
    SDL_Quit();
}

} // namespace

// tools/builder: IIIF Image API 3.0 level-0 static tile pyramid + thumbnail writer on libvips
#include "tools/builder/image_pyramid.h"

#include "core/iiif/tile_geometry.h"
#include "tools/builder/vips_image.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <system_error>
#include <unistd.h>
#include <vips/vips.h>

namespace lantai::core {
namespace fs = std::filesystem;

using namespace imaging; // ImageRef, openSource, makeJpegReady, saveJpeg, ...

namespace {

constexpr const char* kContext = "http://iiif.io/api/image/3/context.json";
constexpr const char* kProtocol = "http://iiif.io/api/image";

// The whole image at scale factor s, joined from its tiles in dir.
bool loadLevel(const fs::path& dir, const TilePyramid& pyramid, int s, ImageRef* out) {
    std::vector<ImageRef> tiles;
    for (const TileRef& t : levelTiles(pyramid, s)) {
        ImageRef tile;
        if (vips_jpegload((dir / t.path).c_str(), tile.out(), nullptr) != 0) return false;
        tiles.push_back(std::move(tile));
    }
    if (tiles.size() == 1) {
        *out = std::move(tiles.front());
        return true;
    }
    std::vector<VipsImage*> raw;
    for (const ImageRef& t : tiles)
        raw.push_back(t.get());
    ImageRef joined;
    if (vips_arrayjoin(raw.data(), joined.out(), static_cast<int>(raw.size()), "across",
                       tileColumns(pyramid, s), "hspacing", pyramid.tileSize, "vspacing",
                       pyramid.tileSize, nullptr) != 0)
        return false;
    const PixelSize size = levelSize(pyramid, s);
    return vips_crop(joined.get(), out->out(), 0, 0, size.width, size.height, nullptr) == 0;
}

std::atomic<unsigned> g_tempCounter{0};

std::string tempSuffix() {
    return std::to_string(::getpid()) + "-" + std::to_string(g_tempCounter.fetch_add(1));
}

// Removes "<prefix><pid>-..." entries in dir left by processes that no longer exist.
void removeStaleTemps(const fs::path& dir, const std::string& prefix) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove_all(it->path(), ignored);
        }
    }
}

bool looksLikeJpeg(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char head[3] = {0, 0, 0};
    if (!in.read(reinterpret_cast<char*>(head), 3)) return false;
    return head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
}

nlohmann::ordered_json makeInfo(const std::string& id, const TilePyramid& pyramid,
                                const std::vector<PixelSize>& sizes) {
    nlohmann::ordered_json info;
    info["@context"] = kContext;
    info["id"] = id;
    info["type"] = "ImageService3";
    info["protocol"] = kProtocol;
    info["profile"] = "level0";
    info["width"] = pyramid.width;
    info["height"] = pyramid.height;
    nlohmann::ordered_json tile;
    tile["width"] = pyramid.tileSize;
    tile["height"] = pyramid.tileSize;
    tile["scaleFactors"] = pyramid.scaleFactors;
    info["tiles"] = nlohmann::ordered_json::array({tile});
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const PixelSize& size : sizes) {
        nlohmann::ordered_json entry;
        entry["width"] = size.width;
        entry["height"] = size.height;
        list.push_back(entry);
    }
    if (!list.empty()) info["sizes"] = list; // IIIF: if present, at least one entry
    return info;
}

// Cleans up the temporary files of one build unless released.
struct TempGuard {
    fs::path dir;
    fs::path file;
    ~TempGuard() {
        std::error_code ec;
        if (!dir.empty()) fs::remove_all(dir, ec);
        if (!file.empty()) fs::remove(file, ec);
    }
};

PyramidResult fail(std::string message) {
    PyramidResult r;
    r.error = std::move(message);
    return r;
}

} // namespace

bool initImageLibrary(std::string* error) {
    static std::once_flag once;
    static bool ok = false;
    static std::string message;
    std::call_once(once, [] {
        if (VIPS_INIT("lantai") != 0) {
            message = "libvips initialisation failed: " + takeVipsError();
            return;
        }
        vips_cache_set_max(0); // no operation cache: sources may change between builds
        ok = true;
    });
    if (!ok && error) *error = message;
    return ok;
}

PyramidResult buildImagePyramid(const fs::path& source, const fs::path& iiifDirArg,
                                const std::string& iiifId, const fs::path& thumbPath,
                                const PyramidOptions& opt) {
    const fs::path iiifDir = iiifDirArg.filename().empty() && iiifDirArg.has_parent_path()
                                 ? iiifDirArg.parent_path() // "…/key/" names the same directory
                                 : iiifDirArg;
    std::string initError;
    if (!initImageLibrary(&initError)) return fail(source.string() + ": " + initError);
    if (opt.tileSize < 1 || opt.jpegQuality < 1 || opt.jpegQuality > 100 || opt.maxListedSize < 1 ||
        opt.thumbLongest < 1 || opt.maxLongest < 0)
        return fail(source.string() + ": invalid pyramid options");
    if (iiifDir.filename().empty() || thumbPath.filename().empty())
        return fail(source.string() + ": output paths must name a directory and a file");
    std::error_code ec;
    if (!fs::is_regular_file(source, ec))
        return fail(source.string() + ": image file does not exist or is not a regular file");

    // ---- open (sequential: keeps memory flat) and normalise ------------------------------------
    Failure failure;
    ImageRef image = openSource(source, VIPS_ACCESS_SEQUENTIAL, &failure);
    if (!image) return fail(failure.message);
    const int orientation = orientationOf(image.get());
    if (orientation >= 2 && orientation <= 8) {
        // Rotation needs random access; libvips decodes large images to a temporary disc file.
        image = openSource(source, VIPS_ACCESS_RANDOM, &failure);
        if (!image) return fail(failure.message);
        ImageRef rotated;
        if (vips_autorot(image.get(), rotated.out(), nullptr) != 0)
            return fail(vipsFailure(source, "cannot apply EXIF orientation").message);
        image = std::move(rotated);
    }
    if (!makeJpegReady(image, source, &failure)) return fail(failure.message);
    if (opt.maxLongest > 0 && std::max(image.get()->Xsize, image.get()->Ysize) > opt.maxLongest) {
        ImageRef shrunk;
        if (vips_thumbnail_image(image.get(), shrunk.out(), opt.maxLongest, "height",
                                 opt.maxLongest, "size", VIPS_SIZE_DOWN, nullptr) != 0)
            return fail(vipsFailure(source, "cannot shrink image").message);
        image = std::move(shrunk);
    }

    const int width = image.get()->Xsize;
    const int height = image.get()->Ysize;
    const int ts = opt.tileSize;
    const TilePyramid pyramid = TilePyramid::standard(width, height, ts);
    const std::vector<PixelSize> sizes = listedSizes(pyramid, opt.maxListedSize);

    // ---- temporary sibling directory ----------------------------------------------------------
    const fs::path parent = iiifDir.parent_path().empty() ? fs::path(".") : iiifDir.parent_path();
    const fs::path thumbParent =
        thumbPath.parent_path().empty() ? fs::path(".") : thumbPath.parent_path();
    fs::create_directories(parent, ec);
    if (ec) return fail(parent.string() + ": cannot create directory: " + ec.message());
    fs::create_directories(thumbParent, ec);
    if (ec) return fail(thumbParent.string() + ": cannot create directory: " + ec.message());
    const std::string dirPrefix = ".tmp-" + iiifDir.filename().string() + "-";
    const std::string thumbPrefix = ".tmp-" + thumbPath.filename().string() + "-";
    removeStaleTemps(parent, dirPrefix);
    removeStaleTemps(thumbParent, thumbPrefix);

    TempGuard guard;
    guard.dir = parent / (dirPrefix + tempSuffix());
    fs::create_directory(guard.dir, ec);
    if (ec) return fail(guard.dir.string() + ": cannot create directory: " + ec.message());
    const fs::path out = guard.dir / "pyramid"; // no dot: dzsave strips "extensions"

    // ---- tiles ----------------------------------------------------------------------------------
    const std::string suffix = ".jpg[Q=" + std::to_string(opt.jpegQuality) + "]";
    if (vips_dzsave(image.get(), out.c_str(), "layout", VIPS_FOREIGN_DZ_LAYOUT_IIIF3, "tile_size",
                    ts, "overlap", 0, "depth", VIPS_FOREIGN_DZ_DEPTH_ONETILE, "suffix",
                    suffix.c_str(), "id", "lantai", nullptr) != 0)
        return fail(
            vipsFailure(source, "cannot write tiles (image truncated or corrupt?)").message);
    image.reset(); // release the decoder before the next pass
    fs::remove(out / "vips-properties.xml", ec);

    {
        std::ofstream info(out / "info.json", std::ios::binary | std::ios::trunc);
        info << makeInfo(iiifId, pyramid, sizes).dump(2) << '\n';
        info.close();
        if (!info) return fail((iiifDir / "info.json").string() + ": cannot write file");
    }

    // ---- full-region images and thumbnail
    // -------------------------------------------------------- Made from the tiles just written,
    // not from the source: a second decode of a large JPEG would cost about half of dzsave's time
    // again, while a listed size is at most 2048 px (16 tiles). The tiles are block-aligned, so
    // re-encoding them at the same quality adds almost no loss, and colour, orientation and alpha
    // handling match the tiles by construction.
    const std::vector<FullImage> fullImages = fullImagesToWrite(pyramid, opt.maxListedSize);
    for (auto first = fullImages.begin(); first != fullImages.end();) {
        const int s = first->scaleFactor; // the images of one level: load it once
        const auto last = std::find_if(first, fullImages.end(),
                                       [s](const FullImage& f) { return f.scaleFactor != s; });
        const std::string firstTile = makeTile(pyramid, s, 0, 0).path;
        const bool oneTile = tileColumns(pyramid, s) == 1 && tileRows(pyramid, s) == 1;
        ImageRef level;
        if (!oneTile && !loadLevel(out, pyramid, s, &level))
            return fail(vipsFailure(iiifDir / firstTile, "cannot read tiles back").message);
        for (; first != last; ++first) {
            const std::string& rel = first->path;
            fs::create_directories((out / rel).parent_path(), ec);
            if (ec)
                return fail((iiifDir / rel).string() +
                            ": cannot create directory: " + ec.message());
            if (oneTile) { // byte-identical to the tile
                fs::copy_file(out / firstTile, out / rel, fs::copy_options::overwrite_existing, ec);
                if (ec)
                    return fail((iiifDir / rel).string() + ": cannot write file: " + ec.message());
            } else if (!saveJpeg(level.get(), out / rel, opt.jpegQuality)) {
                return fail(vipsFailure(iiifDir / rel, "cannot write reduced image").message);
            }
        }
    }

    const PixelSize thumb = thumbnailSize(width, height, opt.thumbLongest);
    // From the smallest level that is still at least the thumbnail's size.
    const int thumbScale = coarsestLevelAtLeast(pyramid, thumb);
    guard.file = thumbParent / (thumbPrefix + tempSuffix());
    {
        ImageRef level, shrunk;
        if (!loadLevel(out, pyramid, thumbScale, &level) ||
            !resizeExact(level.get(), thumb.width, thumb.height, &shrunk) ||
            !saveJpeg(shrunk.get(), guard.file, opt.jpegQuality))
            return fail(vipsFailure(thumbPath, "cannot write thumbnail").message);
    }

    // ---- check, then move into place
    // ---------------------------------------------------------------
    const std::vector<std::string> missing = verifyPyramid(out);
    if (!missing.empty())
        return fail((iiifDir / missing.front()).string() + ": missing after writing the pyramid (" +
                    std::to_string(missing.size()) + " files missing)");

    fs::rename(guard.file, thumbPath, ec);
    if (ec) return fail(thumbPath.string() + ": cannot move thumbnail into place: " + ec.message());
    guard.file.clear();
    const fs::path old = guard.dir / "old"; // removed with the temp dir
    const bool hadOld = fs::exists(fs::symlink_status(iiifDir, ec));
    if (hadOld) {
        fs::rename(iiifDir, old, ec);
        if (ec) return fail(iiifDir.string() + ": cannot replace old pyramid: " + ec.message());
    }
    fs::rename(out, iiifDir, ec);
    if (ec) {
        std::error_code ignored;
        if (hadOld) fs::rename(old, iiifDir, ignored);
        return fail(iiifDir.string() + ": cannot move pyramid into place: " + ec.message());
    }

    PyramidResult result;
    result.ok = true;
    result.width = width;
    result.height = height;
    result.scaleFactors = pyramid.scaleFactors;
    for (const PixelSize& size : sizes)
        result.sizes.emplace_back(size.width, size.height);
    result.tileCount = static_cast<int>(tileCount(pyramid));
    return result;
}

std::vector<std::string> verifyPyramid(const fs::path& iiifDir) {
    const std::vector<std::string> bad{"info.json"};
    nlohmann::json info;
    {
        std::ifstream in(iiifDir / "info.json", std::ios::binary);
        if (!in) return bad;
        info = nlohmann::json::parse(in, nullptr, false);
    }
    auto positiveInt = [](const nlohmann::json& j, const char* key) {
        return j.is_object() && j.contains(key) && j[key].is_number_integer() &&
               j[key].get<long long>() > 0 && j[key].get<long long>() < (1LL << 30);
    };
    auto stringIs = [&](const char* key, const char* value) {
        return info.contains(key) && info[key].is_string() && info[key] == value;
    };
    if (info.is_discarded() || !info.is_object() || !stringIs("@context", kContext) ||
        !stringIs("type", "ImageService3") || !stringIs("protocol", kProtocol) ||
        !stringIs("profile", "level0") || !info.contains("id") || !info["id"].is_string() ||
        !positiveInt(info, "width") || !positiveInt(info, "height") || !info.contains("tiles") ||
        !info["tiles"].is_array() || info["tiles"].size() != 1 ||
        !positiveInt(info["tiles"][0], "width") || !info["tiles"][0].contains("scaleFactors"))
        return bad;
    const int width = info["width"].get<int>();
    const int height = info["height"].get<int>();
    const nlohmann::json& tile = info["tiles"][0];
    const int ts = tile["width"].get<int>();
    if (tile.contains("height") && (!positiveInt(tile, "height") || tile["height"] != ts))
        return bad;
    const nlohmann::json& sf = tile["scaleFactors"];
    if (!sf.is_array() || sf.empty()) return bad;
    std::vector<int> scaleFactors;
    for (const auto& s : sf) {
        if (!s.is_number_integer() || s.get<long long>() < 1 || s.get<long long>() > (1 << 20))
            return bad;
        scaleFactors.push_back(s.get<int>());
    }
    if (!std::is_sorted(scaleFactors.begin(), scaleFactors.end())) return bad;
    std::vector<PixelSize> sizes;
    if (info.contains("sizes")) {
        if (!info["sizes"].is_array()) return bad;
        for (const auto& s : info["sizes"]) {
            if (!positiveInt(s, "width") || !positiveInt(s, "height")) return bad;
            sizes.push_back({s["width"].get<int>(), s["height"].get<int>()});
        }
    }

    const TilePyramid pyramid{width, height, ts, scaleFactors};
    std::vector<std::string> problems;
    auto check = [&](const std::string& rel) {
        if (!looksLikeJpeg(iiifDir / rel)) problems.push_back(rel);
    };
    for (const TileRef& t : allTiles(pyramid))
        check(t.path);
    for (const std::string& rel : fullImagePaths(pyramid, sizes))
        check(rel);
    return problems;
}

} // namespace lantai::core

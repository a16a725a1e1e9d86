// tools/builder: pack build — validation, parallel image derivatives, content index, charset
#include "tools/builder/pack_builder.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/i18n/pack_glyphs.h"
#include "core/pack/charset.h"
#include "core/pack/loader.h"
#include "tools/builder/image_pyramid.h"
#include "tools/builder/source_hash_cache.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

struct ImageJob {
    std::string file;
    std::string key;
    std::string sha256;
    bool reuse = false;
    PyramidResult result;
    int width = 0;
    int height = 0;
};

void addFailure(BuildReport& report, const std::string& file, const std::string& what) {
    report.diagnostics.add({Severity::Error, "build.failed", file, "", 0, 0,
                            "Build failed: " + what, "生成失败：" + what});
}

// Every source file of the pack (not derived/), pack-relative, sorted. Symlinks are listed
// as files only when they stay inside the pack (the validator reports the others).
std::vector<std::string> listSourceFiles(const fs::path& root) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto relative = fs::relative(it->path(), root, ec).generic_string();
        if (it.depth() == 0 && (relative == "derived" || relative.starts_with("."))) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) out.push_back(relative);
    }
    std::sort(out.begin(), out.end());
    return out;
}

nlohmann::json readPreviousIndex(const fs::path& derived) {
    const auto text = readFile(derived / "index.json");
    if (!text) return nlohmann::json::object(); // no usable previous build: rebuild everything
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_object() ? parsed : nlohmann::json::object();
}

void removeStale(const fs::path& dir, const std::set<std::string>& keep, bool stripExtension) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> stale;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name =
            stripExtension ? entry.path().stem().string() : entry.path().filename().string();
        if (name.starts_with(".")) continue; // another build's temporary output
        if (!keep.count(name)) stale.push_back(entry.path());
    }
    for (const auto& p : stale)
        fs::remove_all(p, ec);
}

void dropCode(Diagnostics& diagnostics, const std::string& code) {
    Diagnostics kept;
    for (const auto& d : diagnostics.items())
        if (d.code != code) kept.add(d);
    diagnostics = std::move(kept);
}

} // namespace

std::string derivedKeyForPath(const std::string& relativePath) {
    std::string key = relativePath;
    for (char& c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) c = '_';
    }
    return key;
}

BuildReport buildPack(const fs::path& packDir, const BuildOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    BuildReport report;
    PackLoadResult loaded = loadAndValidatePack(packDir);
    report.diagnostics = loaded.diagnostics;
    if (loaded.parsed) // characters the booth's fonts cannot draw: warnings, as in `validate`
        checkPackGlyphs(loaded.pack, KioskFontSet::locate(), report.diagnostics, &loaded.documents);
    if (!loaded.ok()) return report;
    const Pack& pack = loaded.pack;
    const fs::path derived = pack.root / "derived";
    std::error_code ec;
    fs::create_directories(derived / "iiif", ec);
    fs::create_directories(derived / "thumbs", ec);
    if (ec) {
        addFailure(report, "derived", "cannot create " + derived.string() + ": " + ec.message());
        return report;
    }
    std::string error;
    if (!initImageLibrary(&error)) {
        addFailure(report, "", "cannot start the image library: " + error);
        return report;
    }

    // Which images need work: hash every source image (a file whose stat is unchanged since the
    // last build keeps its hash without being read), compare with the previous index.
    SourceHashCache hashCache(derived);
    const nlohmann::json previous = readPreviousIndex(derived);
    std::vector<ImageJob> jobs;
    std::map<std::string, std::string> hashes; // pack path -> sha256
    std::set<std::string> keys;
    for (const ImageRef* image : pack.allImages()) {
        ImageJob job;
        job.file = image->file;
        job.key = derivedKeyForPath(image->file);
        auto sha = hashCache.sha256(pack.root, image->file);
        if (!sha) {
            addFailure(report, image->file, sha.error().message);
            continue;
        }
        job.sha256 = *sha;
        hashes[job.file] = *sha;
        keys.insert(job.key);
        const auto prev = previous.value("images", nlohmann::json::object())
                              .value(job.file, nlohmann::json::object());
        if (prev.value("sha256", "") == job.sha256 && prev.value("key", "") == job.key &&
            fs::exists(derived / "thumbs" / (job.key + ".jpg"), ec) &&
            verifyPyramid(derived / "iiif" / job.key).empty()) {
            job.reuse = true;
            job.width = prev.value("width", 0);
            job.height = prev.value("height", 0);
        }
        jobs.push_back(std::move(job));
    }
    report.images = jobs.size();

    // Build the rest on a small pool; each libvips pipeline is itself multi-threaded.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    // Each libvips pipeline is multi-threaded but bound by the one-thread JPEG decoder, so a
    // few images at once help; more only add memory (~100 MB per concurrent 100 MP image).
    const std::size_t defaultJobs = std::min(cores, 4u);
    const std::size_t workers = std::min<std::size_t>(
        jobs.size(), options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : defaultJobs);
    std::atomic<std::size_t> next{0};
    std::size_t done = 0;
    std::mutex progressMutex;
    auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            ImageJob& job = jobs[i];
            if (!job.reuse) {
                job.result =
                    buildImagePyramid(pack.root / job.file, derived / "iiif" / job.key,
                                      "iiif/" + job.key, derived / "thumbs" / (job.key + ".jpg"));
                job.width = job.result.width;
                job.height = job.result.height;
            }
            std::lock_guard lock(progressMutex);
            ++done;
            if (options.onProgress) options.onProgress({done, jobs.size(), job.file, job.reuse});
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();

    nlohmann::json imagesIndex = nlohmann::json::object();
    for (const auto& job : jobs) {
        if (!job.reuse && !job.result.ok) {
            addFailure(report, job.file, job.result.error);
            continue;
        }
        if (job.reuse)
            ++report.imagesReused;
        else {
            ++report.imagesBuilt;
            report.tiles += static_cast<std::size_t>(job.result.tileCount);
        }
        imagesIndex[job.file] = {{"key", job.key},
                                 {"width", job.width},
                                 {"height", job.height},
                                 {"sha256", job.sha256},
                                 {"thumb", "thumbs/" + job.key + ".jpg"},
                                 {"iiif", "iiif/" + job.key}};
    }
    if (report.diagnostics.hasErrors()) return report;
    removeStale(derived / "iiif", keys, false);
    removeStale(derived / "thumbs", keys, true);

    // Content index: every source file with its sha256 (images were hashed above).
    nlohmann::json files = nlohmann::json::object();
    for (const auto& relative : listSourceFiles(pack.root)) {
        std::string sha;
        if (auto it = hashes.find(relative); it != hashes.end())
            sha = it->second;
        else if (auto computed = hashCache.sha256(pack.root, relative))
            sha = *computed;
        else {
            addFailure(report, relative, computed.error().message);
            continue;
        }
        files[relative] = {{"size", fs::file_size(pack.root / relative, ec)}, {"sha256", sha}};
    }
    report.files = files.size();
    const auto characters = collectPackCharacters(pack);
    report.characters = characters.size();
    const nlohmann::json index = {{"format_version", kPackFormatVersion},
                                  {"built_by", std::string("lantai ") + LANTAI_VERSION},
                                  {"pack", pack.id},
                                  {"files", files},
                                  {"images", imagesIndex}};
    Status written = writeFileAtomic(derived / "charset.txt", charactersToUtf8(characters));
    if (written) written = writeFileAtomic(derived / "index.json", index.dump(1) + "\n");
    if (written) (void)hashCache.save(derived); // a cache that cannot be written costs time only
    if (!written)
        report.diagnostics.add(written.error()); // names the file and what went wrong, zh/en
    else
        dropCode(report.diagnostics, "derived.charset_stale"); // this build wrote it anew
    report.ok = !report.diagnostics.hasErrors();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace lantai::core

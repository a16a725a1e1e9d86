// tools/editor: thumbnails — the worker (disk cache, shrink-on-load decode) and the GL uploads
#include "tools/editor/thumbnail_cache.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/edit/edit_folder.h"
#include "tools/editor/background_thread.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <turbojpeg.h>

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

namespace lantai::editor {

namespace fs = std::filesystem;

namespace {

// <pack>/.lantai-edit/thumbs/<sha256 of path, size, mtime>.jpg, or empty when the image is not
// a readable regular file.
fs::path diskCacheFile(const fs::path& root, const std::string& packPath) {
    std::error_code ec;
    const fs::path image = root / packPath;
    const auto size = fs::file_size(image, ec);
    if (ec) return {};
    const auto modified = fs::last_write_time(image, ec);
    if (ec) return {};
    const std::string identity = packPath + "\n" + std::to_string(size) + "\n" +
                                 std::to_string(modified.time_since_epoch().count()) + "\n" +
                                 std::to_string(kThumbnailPixels);
    return core::edit::EditFolder{root}.dir() / "thumbs" /
           (core::sha256Hex(identity).substr(0, 32) + ".jpg");
}

void writeDiskCache(const fs::path& file, const kiosk::DecodedImage& image) {
    struct TjDeleter {
        void operator()(void* handle) const { tjDestroy(handle); }
    };
    std::unique_ptr<void, TjDeleter> tj(tjInitCompress());
    unsigned char* out = nullptr;
    unsigned long size = 0;
    if (tj && tjCompress2(tj.get(), image.pixels.data(), image.width, 0, image.height, TJPF_RGBA,
                          &out, &size, TJSAMP_420, 85, 0) == 0) {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        // A cache: a lost or torn file is only made again (no fsync needed).
        const fs::path temporary = file.string() + ".tmp";
        if (FILE* f = std::fopen(temporary.c_str(), "wb")) {
            const bool written = std::fwrite(out, 1, size, f) == size;
            if (std::fclose(f) == 0 && written) fs::rename(temporary, file, ec);
        }
    }
    if (out) tjFree(out);
}

} // namespace

// 2048-texel pages (16 MB each) of 20 x 20 cells: one page holds a typical exhibition's
// thumbnails, and the 1000-item test pack needs three.
constexpr int kAtlasPageTexels = 2048;
constexpr int kAtlasGapTexels = 4;

ThumbnailCache::ThumbnailCache(std::function<void()> wake)
    : m_wake(std::move(wake)), m_atlas(kAtlasPageTexels, kThumbnailPixels, kAtlasGapTexels) {
    m_worker = std::thread([this] { workerLoop(); });
}

ThumbnailCache::~ThumbnailCache() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_worker.join();
    forget();
}

void ThumbnailCache::forget() {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.clear();
        m_made.clear();
        m_batchDone = m_batchTotal = 0;
        m_root.clear(); // under the lock: the worker compares its job's root with it
    }
    if (!m_pages.empty()) glDeleteTextures(static_cast<int>(m_pages.size()), m_pages.data());
    m_pages.clear();
    m_atlas.reset();
    m_thumbnails.clear();
    m_known.clear();
    m_failed = m_fromDisk = 0;
    m_revision = ~std::uint64_t(0);
}

void ThumbnailCache::follow(const core::edit::EditSession& session) {
    if (session.root() != m_root) {
        forget();
        std::lock_guard lock(m_mutex);
        m_root = session.root();
    }
    if (session.revision() == m_revision) return;
    m_revision = session.revision();
    std::vector<Job> jobs;
    for (const core::ImageRef* image : session.pack().allImages())
        if (!image->file.empty() && m_known.insert(image->file).second)
            jobs.push_back({image->file, m_root});
    if (jobs.empty()) return;
    {
        std::lock_guard lock(m_mutex);
        if (!m_working && m_jobs.empty() && m_made.empty()) m_batchDone = m_batchTotal = 0;
        m_batchTotal += jobs.size();
        for (auto& job : jobs)
            m_jobs.push_back(std::move(job));
    }
    m_changed.notify_all();
}

const Thumbnail* ThumbnailCache::find(const std::string& packPath) const {
    const auto it = m_thumbnails.find(packPath);
    return it == m_thumbnails.end() ? nullptr : &it->second;
}

ThumbnailCache::Made ThumbnailCache::make(const Job& job) const {
    Made made;
    made.packPath = job.packPath;
    const fs::path cached = diskCacheFile(job.root, job.packPath);
    std::error_code ec;
    if (!cached.empty() && fs::exists(cached, ec)) {
        made.image = kiosk::decodeImageFile(cached);
        made.fromDisk = made.image.ok();
        if (made.fromDisk) return made;
    }
    // JPEGs are decoded at 1/8 scale in the DCT domain when that is still large enough: a 24 MP
    // scan costs a few tens of milliseconds, not a full decode.
    made.image = kiosk::decodeImageFile(job.root / job.packPath, kThumbnailPixels);
    if (made.image.ok() && !cached.empty()) writeDiskCache(cached, made.image);
    return made;
}

void ThumbnailCache::workerLoop() {
    makeThisThreadBackground();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_stop) return;
        const Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_working = true;
        lock.unlock();
        Made made = make(job);
        lock.lock();
        m_working = false;
        // A job of a pack forgotten meanwhile is dropped.
        if (m_batchTotal > 0 && job.root == m_root) {
            m_made.push_back(std::move(made));
            ++m_batchDone;
        }
        if (m_wake) m_wake();
    }
}

bool ThumbnailCache::upload(double budgetMs) {
    const auto started = std::chrono::steady_clock::now();
    bool uploaded = false;
    for (;;) {
        Made made;
        {
            std::lock_guard lock(m_mutex);
            if (m_made.empty()) break;
            made = std::move(m_made.back());
            m_made.pop_back();
        }
        uploaded = true;
        if (!made.image.ok()) {
            ++m_failed;
        } else {
            const auto [it, isNew] = m_thumbnails.try_emplace(made.packPath);
            Thumbnail& thumbnail = it->second;
            thumbnail.cell =
                isNew ? m_atlas.allocate(made.image.width, made.image.height)
                      : m_atlas.resize(thumbnail.cell, made.image.width, made.image.height);
            thumbnail.texture = page(thumbnail.cell.page);
            // The whole cell and its gap: the image at the top-left, transparent around it (what
            // linear filtering at the image's edge meets). A page is never cleared as a whole.
            const int w = std::min(made.image.width, kThumbnailPixels);
            const int h = std::min(made.image.height, kThumbnailPixels);
            const int span = kThumbnailPixels + kAtlasGapTexels;
            std::vector<std::uint8_t> cell(static_cast<std::size_t>(span) * span * 4, 0);
            for (int y = 0; y < h; ++y)
                std::copy_n(made.image.pixels.begin() +
                                static_cast<std::ptrdiff_t>(y) * made.image.width * 4,
                            w * 4, cell.begin() + static_cast<std::ptrdiff_t>(y) * span * 4);
            glBindTexture(GL_TEXTURE_2D, thumbnail.texture);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
            glTexSubImage2D(GL_TEXTURE_2D, 0, thumbnail.cell.x, thumbnail.cell.y,
                            std::min(span, kAtlasPageTexels - thumbnail.cell.x),
                            std::min(span, kAtlasPageTexels - thumbnail.cell.y), GL_RGBA,
                            GL_UNSIGNED_BYTE, cell.data());
            glBindTexture(GL_TEXTURE_2D, 0);
            thumbnail.width = made.image.width;
            thumbnail.height = made.image.height;
            m_fromDisk += made.fromDisk;
        }
        if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count() >= budgetMs)
            break;
    }
    return uploaded;
}

unsigned ThumbnailCache::page(std::size_t index) {
    while (m_pages.size() <= index) {
        unsigned texture = 0;
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        // Left undefined: each upload writes its cell and the gap around it.
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kAtlasPageTexels, kAtlasPageTexels, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, nullptr);
        m_pages.push_back(texture);
    }
    return m_pages[index];
}

std::optional<ThumbnailProgress> ThumbnailCache::progress() const {
    std::lock_guard lock(m_mutex);
    if (!m_working && m_jobs.empty() && m_made.empty()) return std::nullopt;
    return ThumbnailProgress{m_batchDone, m_batchTotal};
}

nlohmann::json ThumbnailCache::state() const {
    const auto now = progress();
    return {{"made", m_thumbnails.size()}, {"from_disk_cache", m_fromDisk},
            {"failed", m_failed},          {"busy", now.has_value()},
            {"done", now ? now->done : 0}, {"total", now ? now->total : 0}};
}

} // namespace lantai::editor

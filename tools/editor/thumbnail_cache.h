// tools/editor: small thumbnails of the pack's images for the tree and the fields — made on a
// background worker (JPEGs shrunk while decoding), kept in memory and in the pack's editor
// folder (.lantai-edit/thumbs/), uploaded to GL a few at a time
#pragma once

#include "core/edit/edit_session.h"
#include "kiosk/render/image_decoder.h"
#include "tools/editor/thumbnail_atlas.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace lantai::editor {

// The longer side of a thumbnail, in pixels.
inline constexpr int kThumbnailPixels = 96;

// A thumbnail is a cell of an atlas page (a GL texture shared by up to 400 thumbnails).
struct Thumbnail {
    unsigned texture = 0; // GL texture name of its page
    int width = 0;
    int height = 0;
    AtlasCell cell; // where in the page: its texture coordinates
};

// Progress of the thumbnails being made since the worker was last idle.
struct ThumbnailProgress {
    std::size_t done = 0;
    std::size_t total = 0;
};

// Ownership: owns the worker and the GL textures (the atlas pages). The disk cache lives under the
// pack's editor folder (never in the published content: `lantai build` and the exporter skip dot
// folders), named by the SHA-256 of the image's pack path, size and modification time, so a changed
// file gets a new thumbnail. Threading: every call on the main thread with the GL context current;
// the worker decodes and writes the disk cache only, and calls `wake` when a thumbnail is ready.
class ThumbnailCache {
  public:
    explicit ThumbnailCache(std::function<void()> wake);
    ~ThumbnailCache();
    ThumbnailCache(const ThumbnailCache&) = delete;
    ThumbnailCache& operator=(const ThumbnailCache&) = delete;

    // Keeps up with the open pack: a new pack folder forgets everything; a new revision queues
    // the images the pack names that have no thumbnail yet (a drop, a replace, a rotation).
    void follow(const core::edit::EditSession& session);
    void forget();
    // The thumbnail of a pack-relative image, or nullptr (not made yet, or it failed).
    const Thumbnail* find(const std::string& packPath) const;
    // Uploads finished thumbnails for at most `budgetMs` (at least one). True when it did.
    bool upload(double budgetMs);
    // Thumbnails being made (nullopt when the worker has nothing to do and all are uploaded).
    std::optional<ThumbnailProgress> progress() const;
    bool busy() const { return progress().has_value(); }
    nlohmann::json state() const;

  private:
    struct Job {
        std::string packPath;
        std::filesystem::path root;
    };
    struct Made {
        std::string packPath;
        kiosk::DecodedImage image;
        bool fromDisk = false;
    };
    void workerLoop();
    Made make(const Job& job) const;
    // The GL texture of atlas page `index`, made (cleared) when first needed.
    unsigned page(std::size_t index);

    std::function<void()> m_wake;
    std::filesystem::path m_root;
    std::uint64_t m_revision = ~std::uint64_t(0);
    std::set<std::string> m_known; // queued, made or failed
    std::map<std::string, Thumbnail> m_thumbnails;
    ThumbnailAtlas m_atlas;
    std::vector<unsigned> m_pages; // GL textures, one per atlas page in use
    std::size_t m_failed = 0, m_fromDisk = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    std::vector<Made> m_made;
    bool m_working = false;
    bool m_stop = false;
    std::size_t m_batchDone = 0, m_batchTotal = 0;
    std::thread m_worker;
};

} // namespace lantai::editor

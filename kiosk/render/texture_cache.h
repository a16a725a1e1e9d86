// kiosk/render: GPU texture cache — decodes via DecodePool, uploads within a per-frame budget, LRU
// eviction under a byte budget
#pragma once

#include "core/base/lru_budget.h"
#include "kiosk/render/decode_pool.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <imgui.h>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace lantai::kiosk {

// A resident GPU texture: RGBA8, linear filtering, clamped to the edge, no mipmaps.
struct Texture {
    unsigned id = 0; // OpenGL texture name (GL_TEXTURE_2D)
    int width = 0;
    int height = 0;
    // What ImGui_ImplOpenGL3 binds: the GL name cast to a pointer.
    ImTextureID imguiId() const {
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(id));
    }
};

// How pixels reach the GPU. The default creates GL_TEXTURE_2D objects with OpenGL 1.1 entry
// points (exported by libGL itself, no loader needed) in the current context; tests pass a fake.
// Threading: called only from TextureCache, on the thread owning the GL context.
class TextureUploader {
  public:
    virtual ~TextureUploader() = default;
    // Returns the new texture's id, 0 when it could not be created (e.g. out of video memory).
    virtual unsigned create(const DecodedImage& image) = 0;
    virtual void destroy(unsigned id) = 0;
};

struct TextureCacheStats {
    std::size_t resident = 0;      // textures on the GPU
    std::size_t residentBytes = 0; // their size (width * height * 4 each)
    std::size_t budgetBytes = 0;
    std::uint64_t uploads = 0; // since construction
    std::uint64_t evictions = 0;
    std::uint64_t failures = 0;     // decode or upload failures (each key once)
    std::uint64_t discarded = 0;    // decoded, but no longer wanted when it arrived
    std::size_t pendingDecodes = 0; // queued or running in the pool
    std::size_t pendingUploads = 0; // decoded, waiting for uploadPending() (or for room)
    std::size_t waitingForRoom = 0; // of those: no room in the budget without evicting in-use ones
    double lastUploadMs = 0.0;      // time the last uploadPending() spent uploading
};

// Maps keys (usually the file path) to GPU textures. get() returns what is resident and asks
// the DecodePool for the rest; uploadPending() turns finished decodes into textures, a few per
// frame. Textures returned by get() or resident() stay valid at least until the next
// beginFrame(), so draw lists built this frame can be rendered safely.
//
// The byte budget is a ceiling: residentBytes() never exceeds it. Room for an upload is made
// before it: first by evicting least recently used textures that neither this frame nor the
// previous one used; then, when the textures in use alone leave no room, by evicting textures
// only the previous frame used that were requested less urgently (a higher priority number;
// resident() counts as 0) than the new one, least urgent first — the prefetch ring gives way to
// the tiles on screen (this needs the kiosk's order, uploads before drawing: what this frame
// drew is in its draw lists). Otherwise the decoded image waits for room (the deep-zoom renderer
// keeps showing the coarser level there; logged once): a texture never displaces one in use that is
// as urgent, so a view larger than the budget settles instead of thrashing. Waiting images do
// not count as pending uploads unless the textures this frame used would leave them room next
// frame. A texture larger than the whole budget fails (failed(key), with the reason).
//
// Decode failures (missing file, corrupt data) are remembered per key, logged once and not
// retried until clear(): failed(key) tells the caller to draw a placeholder with error(key).
//
// A decoded result is uploaded only if its key was asked for in this frame or the previous one;
// otherwise (the visitor moved on) it is discarded.
//
// Frame order (main thread): beginFrame(), then uploadPending() and the drawing (get /
// resident) in either order, then the ImGui render. Call beginFrame() only after the previous
// frame's draw data was rendered. Uploading before drawing shows a texture in the frame it is
// uploaded. Redraw soon when uploadPending() returned true or hasPendingUploads() is true;
// while only decodes are pending, the DecodePool's wake callback says when to look again.
//
// Threading: main thread only (the thread owning the GL context), including construction and
// destruction; destroy it while the GL context is still current. The DecodePool must outlive it.
class TextureCache {
  public:
    // uploader: nullptr = the OpenGL uploader. The cache does not own a given uploader.
    TextureCache(std::size_t budgetBytes, DecodePool& pool, TextureUploader* uploader = nullptr);
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    // New frame: evicts beyond the budget (sparing last frame's textures), drops the pins and
    // starts a new decode generation (requests last frame did not repeat leave the pool's queue).
    void beginFrame();

    // The resident texture for `key` (touched and pinned for this frame), or nullptr after
    // asking the pool to decode `file` (lower priority = sooner). nullptr also when failed(key).
    const Texture* get(const std::string& key, const std::filesystem::path& file, int priority,
                       int maxDimension = 0);
    // The resident texture (touched and pinned) or nullptr; never requests a decode.
    const Texture* resident(const std::string& key);

    bool failed(const std::string& key) const;
    // The failure message (names the file), empty when !failed(key).
    const std::string& error(const std::string& key) const;

    // Collects finished decodes, then uploads the most urgent wanted ones until maxUploads
    // textures or budgetMs milliseconds (at least one per call); new textures are pinned for
    // this frame. True when the frame should be redrawn (something uploaded or failed).
    bool uploadPending(double budgetMs, int maxUploads);

    std::size_t residentBytes() const { return m_lru.totalBytes(); }
    TextureCacheStats stats() const;
    // Decoded images uploadPending() can upload next frame (not those waiting for room that the
    // textures this frame used would still keep out).
    bool hasPendingUploads() const;
    // Decodes queued or running, or uploads pending.
    bool hasPendingWork() const;

    // Evicts beyond the new budget at once, sparing what this frame pinned (the draw lists built
    // so far use them); the next beginFrame() evicts the rest.
    void setBudget(std::size_t budgetBytes);
    std::size_t budget() const { return m_budget; }
    // Frees every texture and forgets failures and requests (pack reload).
    void clear();
    // Where failures and decoder warnings go, one line each; default: core::logWarning.
    void setLogSink(std::function<void(const std::string&)> sink);

  private:
    struct Wanted {
        std::uint64_t frame = 0;
        int priority = 0;
    };

    struct Resident {
        Texture texture;
        std::size_t bytes = 0;
        int priority = 0; // of the latest request (resident(): 0)
    };

    void log(const std::string& line) const;
    void recordFailure(const std::string& key, std::string message);
    void evict(const std::vector<std::string>& keys);
    // Evicts (see the class comment) until `bytes` more fit in the budget; false when they cannot
    // without evicting a texture in use that is at least as urgent (nothing evicted then beyond
    // textures no recent frame used).
    bool makeRoom(std::size_t bytes, int priority);
    // Bytes in use this frame that a request of `priority` could not displace next frame.
    std::size_t keptInUse(int priority) const;

    DecodePool& m_pool;
    std::unique_ptr<TextureUploader> m_ownedUploader;
    TextureUploader* m_uploader = nullptr;
    std::size_t m_budget = 0;
    core::LruBudget m_lru;
    std::unordered_map<std::string, Resident> m_textures;
    std::unordered_map<std::string, Wanted> m_wanted;      // asked for, not resident or failed
    std::unordered_map<std::string, DecodedImage> m_ready; // decoded, waiting for upload
    std::unordered_map<std::string, int> m_waitingForRoom; // of m_ready: priority, no room
    bool m_loggedBudgetFull = false;
    bool m_uploadedThisFrame = false; // uploadPending() ran since beginFrame()
    bool m_drewBeforeUpload = false;  // get() / resident() pinned before it did
    std::unordered_map<std::string, std::string> m_failed;
    std::function<void(const std::string&)> m_logSink;
    std::uint64_t m_frame = 1;
    TextureCacheStats m_counters;
};

} // namespace lantai::kiosk

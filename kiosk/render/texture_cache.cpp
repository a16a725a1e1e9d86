// kiosk/render: GPU texture cache — per-frame pins, budgeted uploads with glTexImage2D, LRU
// eviction
#include "kiosk/render/texture_cache.h"

#include "core/base/log.h"

#include <GL/gl.h>
#include <algorithm>
#include <chrono>
#include <vector>

namespace lantai::kiosk {

namespace {

// OpenGL 1.1 calls only: libGL exports them, so no function loader is needed here.
class GlTextureUploader final : public TextureUploader {
  public:
    unsigned create(const DecodedImage& image) override {
        if (image.width <= 0 || image.height <= 0) return 0;
        while (glGetError() != GL_NO_ERROR) {
        } // someone else's stale error must not fail this upload
        GLint previous = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
        GLuint id = 0;
        glGenTextures(1, &id);
        if (id == 0) return 0;
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, image.pixels.data());
        const GLenum error = glGetError();
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
        if (error != GL_NO_ERROR) {
            glDeleteTextures(1, &id);
            return 0;
        }
        return id;
    }
    void destroy(unsigned id) override {
        const GLuint name = id;
        glDeleteTextures(1, &name);
    }
};

std::size_t textureBytes(const DecodedImage& image) {
    return std::size_t(image.width) * std::size_t(image.height) * 4;
}

} // namespace

TextureCache::TextureCache(std::size_t budgetBytes, DecodePool& pool, TextureUploader* uploader)
    : m_pool(pool), m_budget(budgetBytes) {
    if (!uploader) {
        m_ownedUploader = std::make_unique<GlTextureUploader>();
        uploader = m_ownedUploader.get();
    }
    m_uploader = uploader;
}

TextureCache::~TextureCache() {
    for (const auto& [key, entry] : m_textures)
        m_uploader->destroy(entry.texture.id);
}

void TextureCache::beginFrame() {
    ++m_frame;
    m_lru.beginFrame();
    m_uploadedThisFrame = false;
    m_drewBeforeUpload = false;
    // Uploads make room first, so the total is over the budget only after setBudget() lowered
    // it while this frame's pins held. The previous frame's draw data is rendered: nothing must
    // stay for safety now; what it drew goes last.
    evict(m_lru.evictUntilWithin(m_budget, 1));
    evict(m_lru.evictUntilWithin(m_budget));
    m_pool.beginGeneration();
    // Requests neither repeated last frame nor this one are no longer wanted.
    std::erase_if(m_wanted, [this](const auto& entry) { return entry.second.frame + 1 < m_frame; });
}

const Texture* TextureCache::get(const std::string& key, const std::filesystem::path& file,
                                 int priority, int maxDimension) {
    if (const Texture* texture = resident(key)) {
        m_textures.find(key)->second.priority = priority;
        return texture;
    }
    if (m_failed.contains(key)) return nullptr;
    m_wanted[key] = Wanted{m_frame, priority};
    if (!m_ready.contains(key)) m_pool.submit(DecodeRequest{key, file, maxDimension, priority});
    return nullptr;
}

const Texture* TextureCache::resident(const std::string& key) {
    const auto it = m_textures.find(key);
    if (it == m_textures.end()) return nullptr;
    m_lru.pin(key);
    if (!m_uploadedThisFrame) m_drewBeforeUpload = true;
    it->second.priority = 0; // drawn: as urgent as anything (get() sets its own priority)
    return &it->second.texture;
}

bool TextureCache::failed(const std::string& key) const {
    return m_failed.contains(key);
}

const std::string& TextureCache::error(const std::string& key) const {
    static const std::string none;
    const auto it = m_failed.find(key);
    return it == m_failed.end() ? none : it->second;
}

bool TextureCache::uploadPending(double budgetMs, int maxUploads) {
    const auto start = std::chrono::steady_clock::now();
    bool changed = false;
    m_waitingForRoom.clear(); // each is tried again below
    m_uploadedThisFrame = true;
    for (DecodeResult& result : m_pool.takeFinished()) {
        if (m_textures.contains(result.key)) continue; // cannot happen (no request while resident)
        if (!result.image.ok()) {
            recordFailure(result.key, std::move(result.image.error));
            changed = true;
            continue;
        }
        if (!result.image.warning.empty()) log("image warning: " + result.image.warning);
        m_ready[result.key] = std::move(result.image);
    }

    // Upload order: asked for this frame before last frame, then by priority.
    struct Candidate {
        const std::string* key;
        std::uint64_t frame;
        int priority;
    };
    std::vector<Candidate> order;
    order.reserve(m_ready.size());
    for (auto it = m_ready.begin(); it != m_ready.end();) {
        const auto wanted = m_wanted.find(it->first);
        if (wanted == m_wanted.end()) { // the visitor moved on while it was decoding
            ++m_counters.discarded;
            it = m_ready.erase(it);
            continue;
        }
        order.push_back({&it->first, wanted->second.frame, wanted->second.priority});
        ++it;
    }
    std::sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) {
        return a.frame != b.frame ? a.frame > b.frame : a.priority < b.priority;
    });

    int uploads = 0;
    double elapsedMs = 0.0;
    for (const Candidate& candidate : order) {
        if (uploads >= std::max(1, maxUploads) || (uploads > 0 && elapsedMs >= budgetMs)) break;
        const std::string key = *candidate.key;
        const auto ready = m_ready.find(key);
        const DecodedImage& image = ready->second;
        const std::size_t bytes = textureBytes(image);
        if (bytes > m_budget) {
            recordFailure(key, key + ": a " + std::to_string(image.width) + " x " +
                                   std::to_string(image.height) + " texture (" +
                                   std::to_string(bytes >> 20) +
                                   " MB) does not fit in the whole texture budget (" +
                                   std::to_string(m_budget >> 20) + " MB)");
            changed = true;
            continue;
        }
        if (!makeRoom(bytes, candidate.priority)) {
            m_waitingForRoom[key] = candidate.priority;
            if (!m_loggedBudgetFull) {
                m_loggedBudgetFull = true;
                log("texture budget (" + std::to_string(m_budget >> 20) +
                    " MB) full with textures on screen: some images stay at a coarser level "
                    "(display.texture_budget_mb raises the budget)");
            }
            continue;
        }
        const unsigned id = m_uploader->create(image);
        if (id == 0) {
            recordFailure(key, key + ": cannot create a " + std::to_string(image.width) + " x " +
                                   std::to_string(image.height) +
                                   " GPU texture (out of video memory?)");
        } else {
            m_textures[key] =
                Resident{Texture{id, image.width, image.height}, bytes, candidate.priority};
            m_lru.insert(key, bytes);
            m_lru.pin(key); // kept at least until the frame that wanted it has drawn it
            m_ready.erase(ready);
            m_wanted.erase(key);
            ++m_counters.uploads;
        }
        ++uploads;
        changed = true;
        elapsedMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
    }
    if (uploads > 0) m_counters.lastUploadMs = elapsedMs;
    return changed;
}

void TextureCache::evict(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        const auto it = m_textures.find(key);
        if (it == m_textures.end()) continue;
        m_uploader->destroy(it->second.texture.id);
        m_textures.erase(it);
        ++m_counters.evictions;
    }
}

bool TextureCache::makeRoom(std::size_t bytes, int priority) {
    const std::size_t target = m_budget - bytes; // bytes <= m_budget (checked by the caller)
    // Textures neither this frame nor the previous one used.
    evict(m_lru.evictUntilWithin(target, 1));
    if (m_lru.totalBytes() <= target) return true;
    // Only in-use textures remain. Those the previous frame used but this one has not (yet)
    // may give way to a more urgent texture; this frame's are in its draw lists.
    std::vector<std::pair<int, std::string>> lessUrgent;
    std::size_t freeable = 0;
    for (const auto& [key, entry] : m_textures) {
        if (entry.priority <= priority || m_lru.isPinned(key)) continue;
        lessUrgent.emplace_back(entry.priority, key);
        freeable += entry.bytes;
    }
    if (m_lru.totalBytes() - freeable > target) return false;
    std::sort(lessUrgent.begin(), lessUrgent.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> keys;
    for (auto& [entryPriority, key] : lessUrgent) {
        if (m_lru.totalBytes() <= target) break;
        m_lru.erase(key);
        keys.push_back(std::move(key));
    }
    evict(keys);
    return true;
}

std::size_t TextureCache::keptInUse(int priority) const {
    // Drawing before uploading (allowed, not the kiosk's order) pins the next frame's in-use
    // textures before its upload: none of them can give way then.
    if (m_drewBeforeUpload) return m_lru.pinnedBytes();
    std::size_t kept = 0;
    for (const auto& [key, entry] : m_textures)
        if (entry.priority <= priority && m_lru.isPinned(key)) kept += entry.bytes;
    return kept;
}

bool TextureCache::hasPendingUploads() const {
    if (m_ready.size() > m_waitingForRoom.size()) return true;
    // Next frame the textures this frame used are the previous frame's: would that leave room?
    for (const auto& [key, priority] : m_waitingForRoom) {
        const auto ready = m_ready.find(key);
        if (ready != m_ready.end() && keptInUse(priority) + textureBytes(ready->second) <= m_budget)
            return true;
    }
    return false;
}

void TextureCache::recordFailure(const std::string& key, std::string message) {
    m_wanted.erase(key);
    m_ready.erase(key);
    m_waitingForRoom.erase(key);
    log("image failed: " + message);
    m_failed[key] = std::move(message);
    ++m_counters.failures;
}

TextureCacheStats TextureCache::stats() const {
    TextureCacheStats s = m_counters;
    s.resident = m_textures.size();
    s.residentBytes = m_lru.totalBytes();
    s.budgetBytes = m_budget;
    s.pendingDecodes = m_pool.queuedCount() + m_pool.runningCount() + m_pool.finishedCount();
    s.pendingUploads = m_ready.size();
    s.waitingForRoom = m_waitingForRoom.size();
    return s;
}

bool TextureCache::hasPendingWork() const {
    return hasPendingUploads() || !m_pool.idle();
}

void TextureCache::setBudget(std::size_t budgetBytes) {
    m_budget = budgetBytes;
    evict(m_lru.evictUntilWithin(m_budget));
}

void TextureCache::clear() {
    for (const auto& [key, entry] : m_textures)
        m_uploader->destroy(entry.texture.id);
    m_textures.clear();
    m_lru.clear();
    m_wanted.clear();
    m_ready.clear();
    m_waitingForRoom.clear();
    m_failed.clear();
    m_pool.cancelAll();
    m_pool.takeFinished(); // results of decodes started before the clear
}

void TextureCache::setLogSink(std::function<void(const std::string&)> sink) {
    m_logSink = std::move(sink);
}

void TextureCache::log(const std::string& line) const {
    if (m_logSink) {
        m_logSink(line);
    } else {
        core::logWarning(line);
    }
}

} // namespace lantai::kiosk

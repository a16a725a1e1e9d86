// kiosk/render: decode worker pool — dedup by key, stale-generation drop, wake callback on results
#include "kiosk/render/decode_pool.h"

#include <algorithm>
#include <chrono>
#include <exception>

namespace lantai::kiosk {

DecodePool::DecodePool(int threads, std::function<void()> onWorkerStart) {
    const int n = std::clamp(threads, 1, 16);
    m_threads.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        m_threads.emplace_back([this, onWorkerStart] {
            if (onWorkerStart) onWorkerStart();
            workerLoop();
        });
}

DecodePool::~DecodePool() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queued.clear();
        m_wake = nullptr;
    }
    m_wakeWorkers.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void DecodePool::setWakeCallback(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

void DecodePool::beginGeneration() {
    std::lock_guard lock(m_mutex);
    ++m_generation;
    // Keep what the previous generation (the frame just drawn) asked for; drop the rest.
    std::erase_if(m_queued, [this](const auto& entry) {
        const bool stale = entry.second.generation + 1 < m_generation;
        if (stale) ++m_dropped;
        return stale;
    });
}

void DecodePool::submit(DecodeRequest request) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_running.contains(request.key) || m_finishedKeys.contains(request.key))
            return;
        auto it = m_queued.find(request.key);
        if (it != m_queued.end()) {
            it->second.request.priority = request.priority;
            it->second.generation = m_generation;
            return;
        }
        std::string key = request.key;
        m_queued.emplace(std::move(key), Job{std::move(request), m_generation, m_sequence++});
    }
    m_wakeWorkers.notify_one();
}

std::vector<DecodeResult> DecodePool::takeFinished() {
    std::lock_guard lock(m_mutex);
    std::vector<DecodeResult> out;
    out.swap(m_finished);
    m_finishedKeys.clear();
    return out;
}

void DecodePool::cancelAll() {
    std::lock_guard lock(m_mutex);
    m_dropped += m_queued.size();
    m_queued.clear();
}

std::size_t DecodePool::queuedCount() const {
    std::lock_guard lock(m_mutex);
    return m_queued.size();
}

std::size_t DecodePool::runningCount() const {
    std::lock_guard lock(m_mutex);
    return m_running.size();
}

std::size_t DecodePool::finishedCount() const {
    std::lock_guard lock(m_mutex);
    return m_finished.size();
}

bool DecodePool::idle() const {
    std::lock_guard lock(m_mutex);
    return m_queued.empty() && m_running.empty() && m_finished.empty();
}

std::uint64_t DecodePool::droppedCount() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

void DecodePool::workerLoop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wakeWorkers.wait(lock, [this] { return m_stopping || !m_queued.empty(); });
        if (m_stopping) return;
        // Newest generation, then most urgent, then oldest. The queue holds what one screen
        // shows (tens to a few hundred entries), so a scan beats keeping a heap up to date.
        auto best = m_queued.begin();
        for (auto it = std::next(best); it != m_queued.end(); ++it) {
            const Job& a = it->second;
            const Job& b = best->second;
            if (a.generation != b.generation               ? a.generation > b.generation
                : a.request.priority != b.request.priority ? a.request.priority < b.request.priority
                                                           : a.sequence < b.sequence)
                best = it;
        }
        DecodeRequest request = std::move(best->second.request);
        m_queued.erase(best);
        m_running.insert(request.key);
        lock.unlock();

        DecodeResult result;
        result.key = request.key;
        const auto start = std::chrono::steady_clock::now();
        try {
            result.image = decodeImageFile(request.file, request.maxDimension);
        } catch (const std::exception& e) { // decodeImageFile does not throw; belt and braces
            result.image = DecodedImage{};
            result.image.error = request.file.string() + ": " + e.what();
        }
        result.decodeMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();

        lock.lock();
        m_running.erase(request.key);
        const bool first = m_finished.empty();
        m_finishedKeys.insert(result.key);
        m_finished.push_back(std::move(result));
        std::function<void()> wake = first ? m_wake : nullptr;
        if (wake) {
            lock.unlock();
            wake();
            lock.lock();
        }
    }
}

} // namespace lantai::kiosk

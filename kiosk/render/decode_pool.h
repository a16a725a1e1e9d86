// kiosk/render: worker threads that decode image files off the main thread, newest and most urgent
// first
#pragma once

#include "kiosk/render/image_decoder.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lantai::kiosk {

struct DecodeRequest {
    std::string key; // identifies the result; one request per key at a time
    std::filesystem::path file;
    int maxDimension = 0; // see decodeImageFile
    int priority = 0;     // lower is decoded sooner (0 = most urgent)
};

struct DecodeResult {
    std::string key;
    DecodedImage image; // check image.ok()
    double decodeMs = 0.0;
};

// A fixed set of worker threads decoding DecodeRequests. The main thread submits requests every
// frame for what it still wants; a request already queued is only refreshed (priority,
// generation), one being decoded or waiting to be collected is not queued again.
//
// Generations cancel stale work: beginGeneration() starts a new one (once per frame) and drops
// every queued request that was not submitted during the previous generation, i.e. tiles the
// visitor zoomed or panned away from. Workers take the newest generation first, then the lowest
// priority, then the oldest submission. A decode already running is never interrupted.
//
// Threading: construct, submit(), beginGeneration(), takeFinished(), cancelAll(), the counters
// and setWakeCallback() on one thread (the kiosk runtime's thread). The wake callback runs on a
// worker thread, without any lock held, when a result arrives while none was waiting to be
// collected (one wake per batch, not per result); it must be cheap and thread-safe: the runtime
// passes its host's wake callback (the kiosk's pushes an SDL user event to end the loop's wait).
// The destructor stops the workers (queued requests are dropped, running decodes finish) and
// joins them, so every wake callback has returned when it returns: destroy the pool before
// whatever the callback uses (the host's window and event queue).
class DecodePool {
  public:
    // `onWorkerStart` runs first on each worker thread (e.g. the editor's preview lowers their
    // scheduling priority, so decoding a dropped folder of scans never slows its UI).
    explicit DecodePool(int threads = 2, std::function<void()> onWorkerStart = {});
    ~DecodePool();
    DecodePool(const DecodePool&) = delete;
    DecodePool& operator=(const DecodePool&) = delete;

    void setWakeCallback(std::function<void()> wake);

    void beginGeneration();
    // Queues `request` (or refreshes the queued one with the same key) for this generation.
    void submit(DecodeRequest request);
    // Results finished since the last call, in completion order.
    std::vector<DecodeResult> takeFinished();
    // Drops every queued request (pack reload, screen change). Running decodes still report.
    void cancelAll();

    std::size_t queuedCount() const;
    std::size_t runningCount() const;
    std::size_t finishedCount() const; // waiting for takeFinished()
    bool idle() const;                 // nothing queued, running or waiting
    std::uint64_t generation() const { return m_generation; }
    std::uint64_t droppedCount() const; // stale requests dropped so far
    int threadCount() const { return static_cast<int>(m_threads.size()); }

  private:
    struct Job {
        DecodeRequest request;
        std::uint64_t generation = 0;
        std::uint64_t sequence = 0;
    };

    void workerLoop();

    mutable std::mutex m_mutex;
    std::condition_variable m_wakeWorkers;
    std::unordered_map<std::string, Job> m_queued;
    std::unordered_set<std::string> m_running;
    std::vector<DecodeResult> m_finished;
    std::unordered_set<std::string> m_finishedKeys;
    std::function<void()> m_wake;
    std::uint64_t m_generation = 1; // written on the main thread under m_mutex
    std::uint64_t m_sequence = 0;
    std::uint64_t m_dropped = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace lantai::kiosk

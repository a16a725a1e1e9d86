// tools/editor: the preview's next content made off the UI thread — a large pack's characters,
// font input and derived index take longer than a frame
#pragma once

#include "core/pack/derived_index.h"
#include "core/pack/loader.h"
#include "kiosk/runtime/kiosk_content.h"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace lantai::editor {

// The content for the kiosk runtime's previewContent() and the pack's characters as UTF-8 (the
// editor's own atlas wants them too).
struct PreviewContent {
    kiosk::KioskContent content;
    std::string characters;
};

// Ownership: owns one worker thread, and the derived index of the pack folder it saw last (read
// once per folder, copied into each content).
// Threading: submit() and take() on the main thread; the worker calls `wake` when a content is
// ready. Only the newest pack counts: one submitted while another waits replaces it, and a
// content made from a pack submitted before the newest one is dropped.
class PreviewContentWorker {
  public:
    explicit PreviewContentWorker(std::function<void()> wake);
    ~PreviewContentWorker();
    PreviewContentWorker(const PreviewContentWorker&) = delete;
    PreviewContentWorker& operator=(const PreviewContentWorker&) = delete;

    void submit(core::PackLoadResult pack);
    // The content of the newest pack submitted, once made.
    std::optional<PreviewContent> take();
    // A pack submitted whose content was not taken yet.
    bool pending() const;

  private:
    void loop();

    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<core::PackLoadResult> m_next;
    std::optional<PreviewContent> m_made;
    bool m_working = false;
    bool m_stop = false;
    std::filesystem::path m_derivedRoot; // the worker's own
    std::optional<core::DerivedIndex> m_derived;
    std::thread m_thread;
};

} // namespace lantai::editor

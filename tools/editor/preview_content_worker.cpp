// tools/editor: the preview's content made on a worker, the newest pack only
#include "tools/editor/preview_content_worker.h"

#include "core/pack/charset.h"

namespace lantai::editor {

PreviewContentWorker::PreviewContentWorker(std::function<void()> wake)
    : m_wake(std::move(wake)), m_thread([this] { loop(); }) {}

PreviewContentWorker::~PreviewContentWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void PreviewContentWorker::submit(core::PackLoadResult pack) {
    std::optional<PreviewContent> stale;
    {
        std::lock_guard lock(m_mutex);
        m_next = std::move(pack);
        stale = std::exchange(m_made, std::nullopt); // of an older pack, freed without the lock
    }
    m_changed.notify_all();
}

std::optional<PreviewContent> PreviewContentWorker::take() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_made, std::nullopt);
}

bool PreviewContentWorker::pending() const {
    std::lock_guard lock(m_mutex);
    return m_next || m_working || m_made;
}

void PreviewContentWorker::loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || m_next; });
        if (m_stop) return;
        core::PackLoadResult pack = std::move(*m_next);
        m_next.reset();
        m_working = true;
        lock.unlock();

        if (pack.pack.root != m_derivedRoot) {
            m_derivedRoot = pack.pack.root;
            m_derived.reset();
            if (auto read = core::readDerivedIndex(m_derivedRoot)) m_derived = std::move(*read);
        }
        {
            PreviewContent made;
            made.characters = core::charactersToUtf8(core::collectPackCharacters(pack.pack));
            made.content = kiosk::previewContentWith(std::move(pack), m_derived);
            std::lock_guard done(m_mutex);
            m_working = false;
            if (!m_next) m_made = std::move(made); // else a newer pack waits: this one is stale
        } // a stale content (a whole pack) is freed here, without the lock
        if (m_wake) m_wake();
        lock.lock();
    }
}

} // namespace lantai::editor

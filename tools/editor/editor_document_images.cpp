// tools/editor: replacing and rotating an item's image — the file work on a worker, the edit
// (one undo step) on the main thread
#include "core/base/log.h"
#include "core/edit/ids.h"
#include "core/edit/media_files.h"
#include "tools/editor/background_thread.h"
#include "tools/editor/editor_document.h"
#include "tools/editor/image_rotation.h"

namespace lantai::editor {

namespace fs = std::filesystem;

void EditorDocument::replaceImage(const std::string& itemId, std::size_t index, fs::path source) {
    queueImageJob({itemId, index, {}, std::move(source), true});
}

void EditorDocument::rotateImage(const std::string& itemId, std::size_t index, bool clockwise) {
    queueImageJob({itemId, index, {}, {}, clockwise});
}

bool EditorDocument::imageJobPending() const {
    std::lock_guard lock(const_cast<std::mutex&>(m_mutex));
    return m_imageJobsOpen > 0;
}

void EditorDocument::queueImageJob(ImageJob job) {
    if (!m_session || m_session->readOnly()) {
        message("该内容包为只读，无法修改图片。 The pack is read-only: images cannot be changed.");
        return;
    }
    const core::Item* item = m_session->pack().findItem(job.itemId);
    if (!item || job.index >= item->images.size()) return;
    job.file = item->images[job.index].file;
    {
        std::lock_guard lock(m_mutex);
        m_imageJobs.push_back(std::move(job));
        ++m_imageJobsOpen;
    }
    m_changed.notify_all();
}

void EditorDocument::imageLoop() {
    makeThisThreadBackground();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_imageJobs.empty(); });
        if (m_stop) return;
        ImageResult result{std::move(m_imageJobs.front()), std::nullopt, {}};
        m_imageJobs.erase(m_imageJobs.begin());
        const fs::path root = m_dropRoot;
        const edit::Transliterator* names = m_transliterator.get();
        lock.unlock();

        const ImageJob& job = result.job;
        core::Result<edit::StagedFile> staged = core::Diagnostic{};
        if (!job.source.empty()) {
            staged = edit::stageMediaFile(
                root, job.source, edit::mediaFileName(job.source.filename().string(), names));
        } else if (auto turned = rotateImageFile(root / job.file, job.clockwise)) {
            staged = edit::stageMediaBytes(
                root, *turned, rotatedFileName(fs::path(job.file).filename().string()), job.file);
        } else {
            staged = turned.error();
        }
        if (staged)
            result.staged = std::move(*staged);
        else
            result.problem = core::formatDiagnostic(staged.error(), true);

        lock.lock();
        m_imageResults.push_back(std::move(result));
        if (m_wake) m_wake();
    }
}

bool EditorDocument::applyImageResults() {
    std::vector<ImageResult> results;
    {
        std::lock_guard lock(m_mutex);
        results.swap(m_imageResults);
    }
    for (auto& result : results) {
        const ImageJob& job = result.job;
        if (!result.problem.empty()) {
            message(std::move(result.problem));
        } else {
            // The image must still be the one the worker read (an undo may have come between).
            const core::Item* item = m_session->pack().findItem(job.itemId);
            core::Status applied =
                !item || job.index >= item->images.size() ||
                        item->images[job.index].file != job.file
                    ? core::Status(
                          core::operationalError("edit.changed", job.file,
                                                 "The image changed meanwhile; nothing was done.",
                                                 "图片在此期间已改变，未做修改。"))
                : job.source.empty()
                    ? m_session->rotateImage(job.itemId, job.index, *result.staged)
                    : m_session->replaceImage(job.itemId, job.index, *result.staged);
            if (!applied) {
                message(core::formatDiagnostic(applied.error(), true));
                edit::discardStaged(m_session->root(), *result.staged);
            }
        }
        std::lock_guard lock(m_mutex);
        --m_imageJobsOpen;
    }
    return !results.empty();
}

} // namespace lantai::editor

// tools/editor: the open pack — session, validation worker, media-drop worker, new and save-as
#include "tools/editor/editor_document.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#ifdef LANTAI_EDITOR_ICU
#include "core/edit/icu_transliterator.h"
#endif
#include "core/edit/ids.h"
#include "core/edit/media_files.h"
#include "core/edit/pack_folders.h"
#include "core/media/asset_probe.h"
#include "tools/editor/background_thread.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lantai::editor {

namespace fs = std::filesystem;

namespace {

bool isImageFile(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".tif" || ext == ".tiff" ||
           ext == ".webp";
}

} // namespace

EditorDocument::EditorDocument(std::function<void()> wake) : m_wake(std::move(wake)) {
#ifdef LANTAI_EDITOR_ICU
    m_transliterator = edit::makeIcuTransliterator();
#endif
}

EditorDocument::~EditorDocument() {
    stopWorkers();
    if (m_session) (void)m_session->close();
}

core::Status EditorDocument::open(const fs::path& dir, bool readOnly, bool forceLock) {
    stopWorkers();
    if (m_session) {
        if (core::Status closed = m_session->close(); !closed) return closed;
        m_session.reset();
    }
    edit::OpenOptions options;
    options.transliterator = m_transliterator.get();
    options.readOnly = readOnly;
    options.forceLock = forceLock;
    auto opened = edit::EditSession::open(dir, std::move(options));
    if (!opened) return opened.error();
    m_session = std::move(*opened);
    m_report = {};
    m_report.revision = ~std::uint64_t(0);
    m_requestedRevision = ~std::uint64_t(0);
    previewRevision = ~std::uint64_t(0);
    selection = {edit::NodeRef::pack(), {}};
    multiSelection.clear();
    m_dropRoot = m_session->root();
    startWorkers();
    return {};
}

core::Status EditorDocument::createNew(const fs::path& dir) {
    // The template (one exhibition, one chapter) is core/edit's; the organiser is left for the
    // curator (the fields panel marks it required).
    if (core::Status made =
            edit::createPack(dir, {"新展览", "New exhibition"}, {}, m_transliterator.get());
        !made)
        return made;
    return open(dir, false);
}

core::Status EditorDocument::saveAs(const fs::path& dir) {
    if (!m_session) return {};
    // core/edit's copy: what save() would write, the media the pack names and the translation
    // memory; it refuses a folder that is not empty and removes what it wrote on failure.
    auto plan = m_session->planCopy();
    if (!plan) return plan.error();
    if (core::Status written = edit::writePackCopy(*plan, dir); !written) return written;
    return open(dir, false);
}

core::Status EditorDocument::close() {
    stopWorkers();
    if (!m_session) return {};
    core::Status closed = m_session->close();
    m_session.reset();
    return closed;
}

void EditorDocument::startWorkers() {
    m_stop = false;
    m_validator = std::thread([this] { validationLoop(); });
    m_dropper = std::thread([this] { dropLoop(); });
    m_imageWorker = std::thread([this] { imageLoop(); });
}

void EditorDocument::stopWorkers() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_dropJobs.clear();
        m_imageJobs.clear();
        m_validationRequest.reset();
    }
    m_changed.notify_all();
    if (m_validator.joinable()) m_validator.join();
    if (m_dropper.joinable()) m_dropper.join();
    if (m_imageWorker.joinable()) m_imageWorker.join();
    m_dropResults.clear();
    m_imageResults.clear();
    m_imageJobsOpen = 0;
    m_validationResult.reset();
    m_dropProgress.reset();
}

bool EditorDocument::poll() {
    if (!m_session) return false;
    bool changed = false;
    std::vector<DropResult> drops;
    {
        std::lock_guard lock(m_mutex);
        if (m_validationResult) {
            m_report = std::move(*m_validationResult);
            m_validationResult.reset();
            changed = true;
        }
        drops.swap(m_dropResults);
        if (m_session->revision() != m_requestedRevision) {
            m_requestedRevision = m_session->revision();
            m_validationRequest = edit::validationRequest(*m_session);
            m_changed.notify_all();
        }
    }
    for (auto& drop : drops) {
        applyDrop(std::move(drop));
        changed = true;
    }
    if (applyImageResults()) changed = true;
    return changed;
}

void EditorDocument::validationLoop() {
    makeThisThreadBackground();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || m_validationRequest; });
        if (m_stop) return;
        edit::ValidationRequest request = std::move(*m_validationRequest);
        m_validationRequest.reset();
        lock.unlock();
        edit::ValidationReport report = edit::runValidation(request);
        lock.lock();
        // A newer request supersedes this report only when it is waiting already.
        if (!m_validationRequest) m_validationResult = std::move(report);
        if (m_wake) m_wake();
    }
}

void EditorDocument::dropMedia(const std::string& chapterId, std::vector<fs::path> paths) {
    if (!m_session || m_session->readOnly()) {
        message("该内容包为只读，无法添加文件。 The pack is read-only: files cannot be added.");
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_dropJobs.push_back({chapterId, std::move(paths)});
    }
    m_changed.notify_all();
}

std::optional<DropProgress> EditorDocument::dropProgress() const {
    std::lock_guard lock(const_cast<std::mutex&>(m_mutex));
    // A drop queued but not started yet, or copied but not applied yet, is in progress too.
    if (!m_dropProgress && (!m_dropJobs.empty() || !m_dropResults.empty())) return DropProgress{};
    return m_dropProgress;
}

void EditorDocument::dropLoop() {
    makeThisThreadBackground();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_dropJobs.empty(); });
        if (m_stop) return;
        DropJob job = std::move(m_dropJobs.front());
        m_dropJobs.erase(m_dropJobs.begin());
        // In progress from here: the folders are listed before the first copy reports.
        m_dropProgress = DropProgress{};
        const fs::path root = m_dropRoot;
        const edit::Transliterator* names = m_transliterator.get();
        lock.unlock();

        // What was dropped: image files, and folders of images (one item per folder).
        DropResult result;
        result.chapterId = job.chapterId;
        std::vector<fs::path> singles;
        std::vector<std::pair<fs::path, std::vector<fs::path>>> folders;
        for (const auto& path : job.paths) {
            std::error_code ec;
            if (fs::is_directory(path, ec)) {
                std::vector<fs::path> loose, sub;
                for (const auto& entry : fs::directory_iterator(path, ec)) {
                    if (entry.is_directory(ec))
                        sub.push_back(entry.path());
                    else if (isImageFile(entry.path()))
                        loose.push_back(entry.path());
                }
                std::sort(loose.begin(), loose.end());
                std::sort(sub.begin(), sub.end());
                singles.insert(singles.end(), loose.begin(), loose.end());
                for (const auto& folder : sub) {
                    std::vector<fs::path> pages;
                    for (const auto& entry : fs::directory_iterator(folder, ec))
                        if (isImageFile(entry.path())) pages.push_back(entry.path());
                    std::sort(pages.begin(), pages.end());
                    if (!pages.empty()) folders.emplace_back(folder, std::move(pages));
                }
            } else if (isImageFile(path)) {
                singles.push_back(path);
            } else {
                result.problems.push_back(path.string() +
                                          ": 不是图片或文件夹 not an image or a folder");
            }
        }
        std::size_t total = singles.size();
        for (const auto& f : folders)
            total += f.second.size();
        std::size_t done = 0;
        auto stage = [&](const fs::path& source) -> std::optional<edit::StagedFile> {
            {
                std::lock_guard progress(m_mutex);
                m_dropProgress = DropProgress{done, total, source.filename().string()};
            }
            if (m_wake) m_wake();
            auto staged = edit::stageMediaFile(
                root, source, edit::mediaFileName(source.filename().string(), names));
            ++done;
            if (!staged) {
                result.problems.push_back(core::formatDiagnostic(staged.error(), true));
                return std::nullopt;
            }
            return std::move(*staged);
        };
        for (const auto& source : singles)
            if (auto staged = stage(source)) result.singles.push_back(std::move(*staged));
        for (const auto& [folder, pages] : folders) {
            std::vector<edit::StagedFile> staged;
            for (const auto& page : pages)
                if (auto one = stage(page)) staged.push_back(std::move(*one));
            if (!staged.empty())
                result.folders.emplace_back(edit::titleFromFileName(folder.filename().string()),
                                            std::move(staged));
        }
        lock.lock();
        m_dropProgress.reset();
        m_dropResults.push_back(std::move(result));
        if (m_wake) m_wake();
    }
}

void EditorDocument::applyDrop(DropResult result) {
    for (auto& problem : result.problems)
        message(std::move(problem));
    if (!result.singles.empty()) {
        auto added = m_session->addImageItems(result.chapterId, result.singles);
        if (!added) {
            message(core::formatDiagnostic(added.error(), true));
            for (const auto& staged : result.singles)
                edit::discardStaged(m_session->root(), staged);
        } else if (!added->empty()) {
            selection = {edit::NodeRef::item(added->front()), {}};
        }
    }
    for (auto& [title, pages] : result.folders) {
        auto added = m_session->addMultiImageItem(result.chapterId, {title, ""}, pages);
        if (!added) {
            message(core::formatDiagnostic(added.error(), true));
            for (const auto& staged : pages)
                edit::discardStaged(m_session->root(), staged);
        }
    }
}

} // namespace lantai::editor

// tools/editor: the open pack — the edit session, the selection, background validation, media
// drops copied on a worker, and keeping the preview in step with every revision
#pragma once

#include "core/edit/edit_session.h"
#include "core/edit/validation.h"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lantai::editor {

namespace edit = core::edit;

// What the curator has selected: a node, and optionally one of its fields (a diagnostic's).
struct Selection {
    edit::NodeRef node;
    std::string pointer;
    bool operator==(const Selection&) const = default;
};

// A drop being copied into the pack's staging folder.
struct DropProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::string current;
};

// Threading: every member function on the main thread. Validation and media copies run on the
// document's own worker threads; they call `wake` when they have a result, and the main thread
// picks it up in poll().
class EditorDocument {
  public:
    explicit EditorDocument(std::function<void()> wake);
    ~EditorDocument();
    EditorDocument(const EditorDocument&) = delete;
    EditorDocument& operator=(const EditorDocument&) = delete;

    // Opens a pack folder (read-only when another editor holds it, or on request).
    core::Status open(const std::filesystem::path& dir, bool readOnly, bool forceLock = false);
    // Writes a new pack from the template (one exhibition, one chapter) into an empty or new
    // folder and opens it.
    core::Status createNew(const std::filesystem::path& dir);
    // Saves, then copies the pack folder (without the editor's folder) to `dir` and opens it.
    core::Status saveAs(const std::filesystem::path& dir);
    core::Status close();

    bool isOpen() const { return m_session != nullptr; }
    edit::EditSession& session() { return *m_session; }
    const edit::EditSession& session() const { return *m_session; }
    const core::Pack& pack() const { return m_session->pack(); }

    Selection selection;
    std::vector<edit::NodeRef> multiSelection; // items picked with Ctrl for a batch edit

    // Picks up worker results (validation reports, finished drops); starts validation when the
    // revision moved. Returns true when something changed that the UI shows.
    bool poll();
    const edit::ValidationReport& report() const { return m_report; }
    bool validationCurrent() const { return m_report.revision == m_session->revision(); }

    // Copies `paths` (files, or folders: one multi-image item per sub-folder) into the pack on a
    // worker, then adds items to `chapterId` as one undo step.
    void dropMedia(const std::string& chapterId, std::vector<std::filesystem::path> paths);
    std::optional<DropProgress> dropProgress() const;
    // Image `index` of `itemId` replaced by a copy of `source`, or turned a quarter: the file
    // work (copy, lossless JPEG rotation) on a worker, then one undo step
    // (editor_document_images.cpp).
    void replaceImage(const std::string& itemId, std::size_t index, std::filesystem::path source);
    void rotateImage(const std::string& itemId, std::size_t index, bool clockwise);
    // A replace or rotation not applied yet (the UI disables further ones meanwhile).
    bool imageJobPending() const;

    const std::vector<std::string>& messages() const { return m_messages; }
    void message(std::string text) { m_messages.push_back(std::move(text)); }

    // The last revision handed to the preview (the app compares with session().revision()).
    std::uint64_t previewRevision = ~std::uint64_t(0);

  private:
    struct DropJob {
        std::string chapterId;
        std::vector<std::filesystem::path> paths;
    };
    struct DropResult {
        std::string chapterId;
        std::vector<edit::StagedFile> singles;                                      // one item each
        std::vector<std::pair<std::string, std::vector<edit::StagedFile>>> folders; // title, pages
        std::vector<std::string> problems;
    };
    struct ImageJob {
        std::string itemId;
        std::size_t index = 0;
        std::string file;             // the image's pack path when asked
        std::filesystem::path source; // replace with this file; empty: rotate
        bool clockwise = true;
    };
    struct ImageResult {
        ImageJob job;
        std::optional<edit::StagedFile> staged;
        std::string problem;
    };
    void imageLoop();
    void queueImageJob(ImageJob job);
    bool applyImageResults();
    void validationLoop();
    void dropLoop();
    void stopWorkers();
    void startWorkers();
    void applyDrop(DropResult result);

    std::function<void()> m_wake;
    std::unique_ptr<edit::Transliterator> m_transliterator;
    std::unique_ptr<edit::EditSession> m_session;
    edit::ValidationReport m_report;
    std::vector<std::string> m_messages;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stop = false;
    std::optional<edit::ValidationRequest> m_validationRequest;
    std::optional<edit::ValidationReport> m_validationResult;
    std::uint64_t m_requestedRevision = ~std::uint64_t(0);
    std::vector<DropJob> m_dropJobs;
    std::vector<DropResult> m_dropResults;
    std::optional<DropProgress> m_dropProgress;
    std::filesystem::path m_dropRoot;
    std::thread m_validator;
    std::thread m_dropper;
    std::vector<ImageJob> m_imageJobs;
    std::vector<ImageResult> m_imageResults;
    std::size_t m_imageJobsOpen = 0; // queued, running or waiting to be applied
    std::thread m_imageWorker;
};

} // namespace lantai::editor

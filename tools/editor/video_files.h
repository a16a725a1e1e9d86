// tools/editor: a video's files — the clip, poster and subtitles chosen or dropped, copied into
// the pack on a worker and adopted as one undo step; subtitle files checked through core
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/result.h"
#include "core/edit/edit_session.h"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lantai::editor {

// Which of a video's fields a file goes into.
enum class VideoFileSlot { Clip, Poster, Subtitle };

struct VideoFileRequest {
    std::string videoId;
    VideoFileSlot slot = VideoFileSlot::Clip;
    std::string lang; // Subtitle: "zh", "en", ...
    std::filesystem::path source;
};

// Why `source` cannot go into `slot` (its kind, by extension: MP4/MOV/WebM/MKV clips, JPEG/PNG/
// WebP posters, SRT/WebVTT subtitles), both languages; nullopt when it fits.
std::optional<std::string> videoFileProblem(VideoFileSlot slot,
                                            const std::filesystem::path& source);

// Points the slot at a staged copy (adopted into the pack's "videos" folder): the clip's "/file",
// the "/poster", the subtitle of `lang` (its "/subtitles/N/file", or a new entry): one undo step.
core::Status adoptVideoFile(core::edit::EditSession& session, const VideoFileRequest& request,
                            const core::edit::StagedFile& staged);

// A subtitle file of the pack read and parsed as the kiosk and the validator do.
struct SubtitleCheck {
    std::size_t cues = 0;
    std::vector<core::Diagnostic> problems; // subtitle.parse_error (line, column) and file errors
};
SubtitleCheck checkSubtitleFile(const std::filesystem::path& packRoot, const std::string& file);

// Copies chosen files into the pack's staging folder on a worker thread (a clip may be large);
// the main thread takes the finished copies and adopts them. Threading: every member on the main
// thread; `wake` is called from the worker when a copy is done.
class VideoFileCopier {
  public:
    struct Finished {
        VideoFileRequest request;
        core::Result<core::edit::StagedFile> staged;
    };
    explicit VideoFileCopier(std::function<void()> wake);
    ~VideoFileCopier();
    VideoFileCopier(const VideoFileCopier&) = delete;
    VideoFileCopier& operator=(const VideoFileCopier&) = delete;

    void copy(std::filesystem::path packRoot, std::string stagedName, VideoFileRequest request);
    bool busy() const;
    std::vector<Finished> takeFinished();

  private:
    struct Job {
        std::filesystem::path packRoot;
        std::string stagedName;
        VideoFileRequest request;
    };
    void loop();

    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Job> m_jobs;
    std::vector<Finished> m_finished;
    bool m_copying = false;
    bool m_stop = false;
    std::thread m_worker;
};

class EditorDocument;

// The video panel's files: copies under way, the slot a file chooser is choosing for, subtitle
// checks cached until the file changes. Threading: the main thread (the copies run on the
// copier's worker).
class VideoFiles {
  public:
    explicit VideoFiles(std::function<void()> wake) : m_copier(std::move(wake)) {}
    // Checks the file for its slot and copies it into the pack; problems go to the document's
    // messages.
    void add(EditorDocument& doc, VideoFileRequest request);
    // Adopts the finished copies (one undo step each); true when something changed.
    bool poll(EditorDocument& doc);
    bool busy() const { return m_copier.busy(); }
    // The subtitle file parsed, again only when its size or time changed.
    const SubtitleCheck& subtitles(const std::filesystem::path& packRoot, const std::string& file);
    // The selected video's files and each subtitle file's cues and problems (state file).
    nlohmann::json state(EditorDocument& doc);

    std::optional<VideoFileRequest> choosing; // the slot the path prompt is choosing a file for

  private:
    struct Cached {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type time;
        SubtitleCheck check;
    };
    VideoFileCopier m_copier;
    std::map<std::filesystem::path, Cached> m_subtitles;
};

} // namespace lantai::editor

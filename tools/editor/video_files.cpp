// tools/editor: a video's files — checking, copying on a worker, adopting as one undo step, and
// subtitle files parsed through core
#include "tools/editor/video_files.h"

#include "core/base/file_io.h"
#include "core/edit/commands.h"
#include "core/edit/node_ref.h"
#include "core/media/asset_probe.h"
#include "core/media/subtitles.h"
#include "tools/editor/editor_document.h"

namespace lantai::editor {

namespace fs = std::filesystem;
namespace edit = core::edit;

std::optional<std::string> videoFileProblem(VideoFileSlot slot, const fs::path& source) {
    std::error_code ec;
    if (!fs::is_regular_file(source, ec))
        return "不是文件 not a file: " + source.filename().string();
    const std::string name = source.filename().string();
    if (slot == VideoFileSlot::Subtitle) {
        if (core::subtitleFormatOf(name)) return std::nullopt;
        return "字幕须为 SRT 或 WebVTT 文件 subtitles must be .srt or .vtt: " + name;
    }
    const core::ProbeResult probe = core::probeFile(source);
    if (slot == VideoFileSlot::Clip && !core::isVideoKind(probe.kind))
        return "不是视频（MP4/MOV/WebM/MKV）not a video (MP4/MOV/WebM/MKV): " + name;
    if (slot == VideoFileSlot::Poster && !core::isImageKind(probe.kind))
        return "海报须为图片 the poster must be an image: " + name;
    return std::nullopt;
}

core::Status adoptVideoFile(edit::EditSession& session, const VideoFileRequest& request,
                            const edit::StagedFile& staged) {
    const edit::NodeRef node = edit::NodeRef::video(request.videoId);
    const auto index = edit::findVideo(session.pack(), request.videoId);
    if (!index)
        return core::operationalError("edit.no_node", "",
                                      "The video " + request.videoId + " no longer exists.",
                                      "视频 " + request.videoId + " 已不存在。");
    switch (request.slot) {
    case VideoFileSlot::Clip:
        return session.setFileField({node, "/file"}, staged, "videos");
    case VideoFileSlot::Poster:
        return session.setFileField({node, "/poster"}, staged, "videos");
    case VideoFileSlot::Subtitle:
        break;
    }
    const auto& subtitles = session.pack().videos[*index].subtitles;
    for (std::size_t i = 0; i < subtitles.size(); ++i)
        if (subtitles[i].lang == request.lang)
            return session.setFileField({node, "/subtitles/" + std::to_string(i) + "/file"}, staged,
                                        "videos");
    // A new language: the copy and the new entry in one step.
    edit::PlannedFile file = session.planAdoption(staged, "videos");
    edit::Json entries = edit::Json::array();
    for (const auto& s : subtitles)
        entries.push_back({{"lang", s.lang}, {"file", s.file}});
    entries.push_back({{"lang", request.lang}, {"file", file.path}});
    std::vector<edit::CommandPtr> children;
    children.push_back(std::move(file.command));
    children.push_back(std::make_unique<edit::SetFieldCommand>(edit::FieldRef{node, "/subtitles"},
                                                               std::move(entries)));
    return session.apply(std::make_unique<edit::CompoundCommand>(
        core::LocalizedText{"添加字幕", "Add subtitles"}, std::move(children)));
}

SubtitleCheck checkSubtitleFile(const fs::path& packRoot, const std::string& file) {
    SubtitleCheck check;
    const auto format = core::subtitleFormatOf(file);
    auto text = core::readFile(packRoot / file);
    if (!text) {
        check.problems.push_back(text.error());
        return check;
    }
    if (!format) return check; // the validator names the wrong extension
    core::SubtitleParseResult parsed = core::parseSubtitles(*text, file, *format);
    check.cues = parsed.cues.size();
    check.problems = parsed.diagnostics.items();
    return check;
}

VideoFileCopier::VideoFileCopier(std::function<void()> wake)
    : m_wake(std::move(wake)), m_worker([this] { loop(); }) {}

VideoFileCopier::~VideoFileCopier() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_worker.join();
    // Copies never adopted stay in the staging folder; the next session removes them.
}

void VideoFileCopier::copy(fs::path packRoot, std::string stagedName, VideoFileRequest request) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back({std::move(packRoot), std::move(stagedName), std::move(request)});
    }
    m_changed.notify_all();
}

bool VideoFileCopier::busy() const {
    std::lock_guard lock(m_mutex);
    return m_copying || !m_jobs.empty() || !m_finished.empty(); // until adopted, too
}

std::vector<VideoFileCopier::Finished> VideoFileCopier::takeFinished() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_finished, {});
}

void VideoFileCopier::loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_stop) return;
        Job job = std::move(m_jobs.front());
        m_jobs.erase(m_jobs.begin());
        m_copying = true;
        lock.unlock();
        auto staged = edit::stageMediaFile(job.packRoot, job.request.source, job.stagedName);
        lock.lock();
        m_copying = false;
        m_finished.push_back({std::move(job.request), std::move(staged)});
        if (m_wake) m_wake();
    }
}

void VideoFiles::add(EditorDocument& doc, VideoFileRequest request) {
    if (!doc.isOpen()) return;
    if (doc.session().readOnly()) {
        doc.message("该内容包为只读，无法添加文件。 The pack is read-only: files cannot be added.");
        return;
    }
    if (auto problem = videoFileProblem(request.slot, request.source)) {
        doc.message(*problem);
        return;
    }
    const std::string name =
        edit::mediaFileName(request.source.filename().string(), doc.session().transliterator());
    m_copier.copy(doc.session().root(), name, std::move(request));
}

bool VideoFiles::poll(EditorDocument& doc) {
    auto finished = m_copier.takeFinished();
    if (finished.empty() || !doc.isOpen()) return !finished.empty();
    for (auto& done : finished) {
        if (!done.staged) {
            doc.message(core::formatDiagnostic(done.staged.error(), true));
            continue;
        }
        if (core::Status adopted = adoptVideoFile(doc.session(), done.request, *done.staged);
            !adopted) {
            doc.message(core::formatDiagnostic(adopted.error(), true));
            edit::discardStaged(doc.session().root(), *done.staged);
        }
    }
    return true;
}

const SubtitleCheck& VideoFiles::subtitles(const fs::path& packRoot, const std::string& file) {
    const fs::path path = packRoot / file;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    const auto time = fs::last_write_time(path, ec);
    auto it = m_subtitles.find(path);
    if (it == m_subtitles.end() || it->second.size != size || it->second.time != time)
        it = m_subtitles
                 .insert_or_assign(path, Cached{size, time, checkSubtitleFile(packRoot, file)})
                 .first;
    return it->second.check;
}

nlohmann::json VideoFiles::state(EditorDocument& doc) {
    nlohmann::json out = {{"copying", busy()}};
    if (!doc.isOpen() || doc.selection.node.kind != edit::NodeKind::Video) return out;
    const auto index = edit::findVideo(doc.pack(), doc.selection.node.id);
    if (!index) return out;
    const core::Video& video = doc.pack().videos[*index];
    out["id"] = video.id;
    out["file"] = video.file;
    out["poster"] = video.poster ? video.poster->file : "";
    nlohmann::json subtitles = nlohmann::json::array();
    for (const auto& s : video.subtitles) {
        const SubtitleCheck& check = this->subtitles(doc.session().root(), s.file);
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& d : check.problems)
            problems.push_back(
                {{"code", d.code}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
        subtitles.push_back(
            {{"lang", s.lang}, {"file", s.file}, {"cues", check.cues}, {"problems", problems}});
    }
    out["subtitles"] = subtitles;
    return out;
}

} // namespace lantai::editor

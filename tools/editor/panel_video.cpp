// tools/editor: the video panel — a video's clip, poster and subtitles (chosen or dropped, copied
// into the pack), subtitle problems by line, and the clip playing in the kiosk preview
#include "tools/editor/editor_context.h"
#include "tools/editor/video_files.h"

#include <algorithm>

namespace lantai::editor {

namespace {

namespace edit = core::edit;
namespace fs = std::filesystem;

const ImVec4 kRed(0.95f, 0.4f, 0.4f, 1);
const ImVec4 kGreen(0.5f, 0.85f, 0.5f, 1);

std::string slotTarget(VideoFileSlot slot, const std::string& lang) {
    switch (slot) {
    case VideoFileSlot::Clip:
        return "field:video:file";
    case VideoFileSlot::Poster:
        return "field:video:poster";
    case VideoFileSlot::Subtitle:
        break;
    }
    return "field:video:subtitles:" + lang;
}

// One file row: its label and path (the drop target), Choose…, and Remove when it may go.
void fileRow(EditorContext& ctx, const core::Video& video, VideoFileSlot slot,
             const std::string& lang, const char* label, const std::string& file,
             const edit::Json* removed) {
    const std::string target = slotTarget(slot, lang);
    ImGui::PushID(target.c_str());
    ImGui::AlignTextToFramePadding();
    if (file.empty())
        ImGui::TextColored(
            slot == VideoFileSlot::Clip ? kRed : ImVec4(0.6f, 0.6f, 0.6f, 1), "%s  %s", label,
            slot == VideoFileSlot::Clip ? "未设置（必填）not set (required)" : "无 none");
    else
        ImGui::Text("%s  %s", label, file.c_str());
    ctx.targets.mark(target);
    const bool readOnly = ctx.doc.session().readOnly();
    ImGui::BeginDisabled(readOnly);
    ImGui::SameLine();
    if (ImGui::SmallButton("选择… Choose…")) {
        ctx.videoFiles->choosing = VideoFileRequest{video.id, slot, lang, {}};
        askPath(ctx, PathPrompt::VideoFile, true);
    }
    ctx.targets.mark(target + ":choose");
    if (removed && !file.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("移除 Remove"))
            report(ctx, ctx.doc.session().setField(
                            {edit::NodeRef::video(video.id),
                             slot == VideoFileSlot::Poster ? "/poster" : "/subtitles"},
                            *removed));
        ctx.targets.mark(target + ":remove");
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

void subtitleProblems(EditorContext& ctx, const std::string& file, const std::string& lang) {
    const SubtitleCheck& check = ctx.videoFiles->subtitles(ctx.doc.session().root(), file);
    ImGui::Indent();
    if (check.problems.empty()) {
        ImGui::TextColored(kGreen, "√ %zu 条字幕 cues", check.cues);
    } else {
        ImGui::TextColored(kRed, "%zu 处问题，%zu 条字幕可用 %zu problems, %zu cues usable",
                           check.problems.size(), check.cues, check.problems.size(), check.cues);
        for (const auto& d : check.problems) {
            const std::string where = d.line > 0 ? "第 " + std::to_string(d.line) + " 行 line " +
                                                       std::to_string(d.line) + ":" +
                                                       std::to_string(d.column)
                                                 : std::string("文件 file");
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kRed, "%s  %s  %s", where.c_str(), d.messageZh.c_str(),
                               d.message.c_str());
            ImGui::PopTextWrapPos();
            ctx.targets.mark("field:video:subtitles:" + lang + ":line:" + std::to_string(d.line));
        }
    }
    ImGui::Unindent();
}

// Play, pause and seek the clip in the kiosk preview (the booth's own video screen and player).
void playback(EditorContext& ctx, const core::Video& video) {
    ImGui::Separator();
    ImGui::TextUnformatted("预览播放 Play in the preview");
    const nlohmann::json state = ctx.preview.videoState();
    const bool open = state.is_object() && state.value("id", "") == video.id;
    const std::string playing = open ? state.value("state", "") : "";
    const char* label = playing == "playing"  ? "暂停 Pause"
                        : playing == "paused" ? "继续 Resume"
                                              : "播放 Play";
    ImGui::BeginDisabled(video.file.empty());
    if (ImGui::Button(label)) {
        if (playing == "playing" || playing == "paused")
            ctx.preview.toggleVideoPause();
        else if (!ctx.preview.playVideo(video.id))
            ctx.status = "预览中没有这个视频 The preview has no such video";
    }
    ctx.targets.mark("video:play");
    ImGui::EndDisabled();
    if (!open) return;
    const double position = state.value("position", 0.0);
    const double duration = state.value("duration", 0.0);
    ImGui::SameLine();
    float fraction = duration > 0 ? static_cast<float>(position / duration) : 0.0f;
    const std::string text = std::to_string(static_cast<int>(position)) + " / " +
                             std::to_string(static_cast<int>(duration)) + " s  " + playing;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##position", &fraction, 0.0f, 1.0f, text.c_str()) && duration > 0)
        ctx.preview.seekVideo(fraction);
    ctx.targets.mark("video:seek");
    if (const std::string line = state.value("subtitle_text", ""); !line.empty()) {
        ctx.fonts.add(line); // the atlas grows with the subtitle's characters
        ImGui::TextWrapped("字幕 subtitle (%s): %s", state.value("subtitle", "").c_str(),
                           line.c_str());
    }
    if (state.contains("error")) ImGui::TextColored(kRed, "%s", state.value("error", "").c_str());
}

} // namespace

void drawVideoFiles(EditorContext& ctx) {
    if (!ctx.videoFiles) return;
    const auto index = edit::findVideo(ctx.doc.pack(), ctx.doc.selection.node.id);
    if (!index) return;
    const core::Video video = ctx.doc.pack().videos[*index]; // a copy: edits below change it
    ImGui::Separator();
    ImGui::TextUnformatted("视频文件 Video files");
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", "选择文件，或从文件管理器拖到一行上：文件会复制进内容包 "
                              "Choose a file or drop one on a row: it is copied into the pack");
    ImGui::PopTextWrapPos();
    fileRow(ctx, video, VideoFileSlot::Clip, "", "视频 Clip", video.file, nullptr);
    const edit::Json none;
    fileRow(ctx, video, VideoFileSlot::Poster, "", "海报 Poster",
            video.poster ? video.poster->file : std::string(), &none);
    // zh and en always offered; other languages the pack already has are listed too.
    std::vector<std::string> langs = {"zh", "en"};
    for (const auto& s : video.subtitles)
        if (std::find(langs.begin(), langs.end(), s.lang) == langs.end()) langs.push_back(s.lang);
    for (const auto& lang : langs) {
        std::string file;
        edit::Json rest = edit::Json::array();
        for (const auto& s : video.subtitles) {
            if (s.lang == lang)
                file = s.file;
            else
                rest.push_back({{"lang", s.lang}, {"file", s.file}});
        }
        if (rest.empty()) rest = nullptr;
        const std::string label = "字幕 Subtitles " + lang;
        fileRow(ctx, video, VideoFileSlot::Subtitle, lang, label.c_str(), file, &rest);
        if (!file.empty()) subtitleProblems(ctx, file, lang);
    }
    if (ctx.videoFiles->busy()) ImGui::TextDisabled("%s", "复制中… copying…");
    playback(ctx, video);
}

bool dropOnVideoField(EditorContext& ctx, const std::vector<fs::path>& paths, ImVec2 at) {
    if (!ctx.videoFiles || paths.empty() || ctx.doc.selection.node.kind != edit::NodeKind::Video)
        return false;
    const auto name = ctx.targets.at(at, "field:video:");
    if (!name) return false;
    VideoFileRequest request{ctx.doc.selection.node.id, VideoFileSlot::Clip, "", paths.front()};
    const std::string subtitles = "field:video:subtitles:";
    if (name->starts_with("field:video:poster")) {
        request.slot = VideoFileSlot::Poster;
    } else if (name->starts_with(subtitles)) {
        request.slot = VideoFileSlot::Subtitle;
        request.lang = name->substr(subtitles.size());
        request.lang = request.lang.substr(0, request.lang.find(':'));
    } else if (!name->starts_with("field:video:file")) {
        return false;
    }
    if (paths.size() > 1) ctx.doc.message("只用第一个文件 Only the first file is used");
    ctx.videoFiles->add(ctx.doc, std::move(request));
    return true;
}

} // namespace lantai::editor

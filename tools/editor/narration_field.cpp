// tools/editor: the narration widget (one row per language), choosing and checking its audio
// file, and which files are synthetic (derived/narration.json, cached by file time and size)
#include "tools/editor/narration_field.h"

#include "core/edit/ids.h"
#include "core/edit/media_files.h"
#include "core/media/asset_probe.h"
#include "core/pack/narration_sidecar.h"

#include <map>

namespace lantai::editor {

namespace {

namespace fs = std::filesystem;
namespace edit = core::edit;

constexpr const char* kLanguages[] = {"zh", "en"};

// A file's size and modification time: what tells that it changed.
struct Stamp {
    std::uintmax_t size = 0;
    fs::file_time_type time;
    bool exists = false;
    bool operator==(const Stamp&) const = default;
};

Stamp stampOf(const fs::path& file) {
    std::error_code ec;
    Stamp stamp;
    stamp.time = fs::last_write_time(file, ec);
    if (ec) return {};
    stamp.size = fs::file_size(file, ec);
    stamp.exists = !ec;
    return stamp;
}

// Which narration files are synthetic, asked every frame the widget is drawn: the sidecar is read
// again only when it changes, a file hashed again only when it changes (a curator replacing a
// synthetic file with a recording under the same name makes it recorded). Main thread only.
class SyntheticMarks {
  public:
    bool synthetic(const fs::path& root, const std::string& file) {
        if (root != m_root) {
            *this = {};
            m_root = root;
        }
        if (const Stamp sidecar = stampOf(root / core::kNarrationSidecar);
            !m_read || !(sidecar == m_sidecarStamp)) {
            m_sidecar = core::readNarrationSidecar(root);
            m_sidecarStamp = sidecar;
            m_files.clear();
            m_read = true;
        }
        if (!m_sidecar.count(file)) return false;
        const Stamp stamp = stampOf(root / file);
        auto it = m_files.find(file);
        if (it == m_files.end() || !(it->second.first == stamp))
            it = m_files
                     .insert_or_assign(
                         file, std::pair{stamp, core::isSyntheticNarration(root, m_sidecar, file)})
                     .first;
        return it->second.second;
    }

  private:
    fs::path m_root;
    bool m_read = false;
    Stamp m_sidecarStamp;
    std::map<std::string, std::string> m_sidecar;
    std::map<std::string, std::pair<Stamp, bool>> m_files;
};

SyntheticMarks& syntheticMarks() {
    static SyntheticMarks marks;
    return marks;
}

std::string fileOf(const edit::Json& narration, const char* lang) {
    if (narration.is_object() && narration.contains(lang) && narration[lang].is_string())
        return narration[lang].get<std::string>();
    return {};
}

bool hasNarrationField(edit::NodeKind kind) {
    return kind == edit::NodeKind::Item || kind == edit::NodeKind::Chapter ||
           kind == edit::NodeKind::Question;
}

const core::Narration* narrationOf(const core::Pack& pack, const edit::NodeRef& node) {
    switch (node.kind) {
    case edit::NodeKind::Item:
        if (const core::Item* item = pack.findItem(node.id)) return &item->narration;
        break;
    case edit::NodeKind::Chapter:
        if (const core::Chapter* chapter = pack.findChapter(node.id)) return &chapter->narration;
        break;
    case edit::NodeKind::Question:
        if (const core::Question* question = pack.findQuestion(node.id))
            return &question->narration;
        break;
    default:
        break;
    }
    return nullptr;
}

} // namespace

void drawNarrationField(FieldEdit& edit) {
    EditorContext& ctx = edit.ctx;
    const fs::path root = ctx.doc.session().root();
    // Language, then the buttons, then the file: the buttons line up across the rows and a long
    // path runs off the panel's edge, not the buttons.
    const char* choose = "选择… Choose…";
    const char* remove = "移除 Remove";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float languageColumn = ImGui::GetFontSize() * 5;
    const float fileColumn = languageColumn + ImGui::CalcTextSize(choose).x +
                             ImGui::CalcTextSize(remove).x + 4 * style.FramePadding.x +
                             2 * style.ItemSpacing.x;
    for (const char* lang : kLanguages) {
        const std::string target = "field:narration:" + std::string(lang);
        const std::string file = fileOf(edit.value, lang);
        ImGui::PushID(lang);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(std::string_view(lang) == "zh" ? "中文" : "English");
        ImGui::BeginDisabled(edit.readOnly);
        ImGui::SameLine(languageColumn);
        if (ImGui::SmallButton(choose)) {
            ctx.narrationNode = edit.field.node;
            ctx.narrationLang = lang;
            askPath(ctx, PathPrompt::NarrationFile, true);
        }
        ctx.targets.mark(target + ":choose");
        if (!file.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton(remove))
                report(ctx, ctx.doc.session().setField(
                                {edit.field.node, "/narration/" + std::string(lang)}, nullptr));
            ctx.targets.mark(target + ":remove");
        }
        ImGui::EndDisabled();
        ImGui::SameLine(fileColumn);
        if (file.empty())
            ImGui::TextDisabled("%s", "无 none");
        else
            ImGui::TextUnformatted(file.c_str());
        ctx.targets.mark(target);
        if (!file.empty() && syntheticMarks().synthetic(root, file)) {
            // After the path when it fits, else under it: the mark must never be cut off.
            const char* mark = "合成语音 synthetic";
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + ImGui::CalcTextSize(mark).x <=
                right)
                ImGui::SameLine();
            else
                ImGui::SetCursorPosX(fileColumn);
            ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s", mark);
            ctx.targets.mark(target + ":synthetic");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", "由 lantai build --narrate 合成：请换成真人录音\n"
                                        "Made by lantai build --narrate: replace it with a "
                                        "recorded voice");
        }
        ImGui::PopID();
    }
}

std::optional<std::string> narrationFileProblem(const fs::path& source) {
    const std::string name = source.filename().string();
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) return "不是文件 not a file: " + name;
    const core::ProbeResult probe = core::probeFile(source);
    if (!core::isAudioKind(probe.kind))
        return "不是音频文件（MP3、Ogg、M4A、WAV、FLAC）not an audio file (MP3, Ogg, M4A, WAV, "
               "FLAC): " +
               name;
    if (!probe.problem.empty())
        return "音频文件已损坏 the audio file is damaged: " + name + " (" + probe.problem + ")";
    return std::nullopt;
}

void setNarrationFile(EditorContext& ctx, const fs::path& source) {
    if (!ctx.doc.isOpen() || !hasNarrationField(ctx.narrationNode.kind)) return;
    edit::EditSession& session = ctx.doc.session();
    const auto refuse = [&](const std::string& why) {
        ctx.status = why;
        ctx.doc.message(why);
    };
    if (session.readOnly())
        return refuse(
            "该内容包为只读，无法添加文件。 The pack is read-only: files cannot be added.");
    if (auto problem = narrationFileProblem(source)) return refuse(*problem);
    // Narration is small (a minute of MP3 is about a megabyte): copied here, not on a worker.
    const std::string name =
        edit::mediaFileName(source.filename().string(), session.transliterator());
    auto staged = edit::stageMediaFile(session.root(), source, name);
    if (!staged) {
        report(ctx, std::move(staged).error());
        return;
    }
    if (!report(ctx, session.setFileField({ctx.narrationNode, "/narration/" + ctx.narrationLang},
                                          *staged, "audio/narration")))
        edit::discardStaged(session.root(), *staged);
    else
        ctx.status = "已添加朗读音频 Narration added: " + source.filename().string();
}

nlohmann::json narrationState(EditorDocument& doc) {
    if (!doc.isOpen()) return nullptr;
    const edit::NodeRef& node = doc.selection.node;
    const core::Narration* narration = narrationOf(doc.pack(), node);
    if (!narration) return nullptr;
    nlohmann::json synthetic = nlohmann::json::array();
    for (const char* lang : kLanguages) {
        const std::string& file = std::string_view(lang) == "zh" ? narration->zh : narration->en;
        if (!file.empty() && syntheticMarks().synthetic(doc.session().root(), file))
            synthetic.push_back(lang);
    }
    return {{"node", edit::toString(node)},
            {"zh", narration->zh},
            {"en", narration->en},
            {"synthetic", synthetic}};
}

} // namespace lantai::editor

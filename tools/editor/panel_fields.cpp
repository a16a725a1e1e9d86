// tools/editor: the fields panel — every field of the selected node (FORMAT.md), zh and en side
// by side with translation marks, images, options and badges, and batch edits of a selection
#include "tools/editor/field_widgets.h"
#include "tools/editor/image_actions.h"

#include <imgui_stdlib.h>

namespace lantai::editor {

namespace {

using core::edit::NodeKind;
namespace edit = core::edit;

void applyArray(FieldEdit& edit, const Json& array) {
    report(edit.ctx, edit.ctx.doc.session().setField(edit.field, array.empty() ? Json() : array));
}

// Edits of one element's text inside an array field ("/images/0/alt"), one undo step each.
void elementText(FieldEdit& edit, const std::string& pointer, const char* labelZh,
                 const char* labelEn, bool required, const std::string& target) {
    const Json value = edit::valueAt(edit.value, pointer);
    ImGui::PushID(pointer.c_str()); // alt and caption of one image are separate widgets
    ImGui::TextUnformatted(bilingual(labelZh, labelEn).c_str());
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    for (int lang = 0; lang < 2; ++lang) {
        const char* code = lang == 0 ? "zh" : "en";
        if (lang == 1) ImGui::SameLine();
        ImGui::PushID(code);
        std::string text = value.is_object() && value.contains(code)
                               ? value[code].get<std::string>()
                               : std::string();
        ImGui::SetNextItemWidth(half);
        const bool changed =
            ImGui::InputTextWithHint("##t", lang == 0 ? "中文" : "English", &text,
                                     edit.readOnly ? ImGuiInputTextFlags_ReadOnly : 0);
        edit.ctx.targets.mark(target + ":" + code);
        const auto activation = activationOfLastItem();
        if (changed) {
            edit::FieldRef field{edit.field.node, edit.field.pointer + pointer + "/" + code};
            report(edit.ctx, edit.ctx.doc.session().setField(
                                 field, text.empty() ? Json() : Json(text), activation));
        }
        ImGui::PopID();
    }
    if (required && (!value.is_object() || value.value("zh", "").empty()))
        ImGui::TextColored(ImVec4(0.95f, 0.4f, 0.4f, 1), "%s",
                           "必填：为看不见图片的观众描述图片 required: describe the image");
    ImGui::PopID();
}

void moveButtons(FieldEdit& edit, std::size_t i, const std::string& target) {
    Json array = edit.value;
    ImGui::BeginDisabled(edit.readOnly);
    if (ImGui::SmallButton("上移 Up") && i > 0) {
        std::swap(array[i], array[i - 1]);
        applyArray(edit, array);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("下移 Down") && i + 1 < array.size()) {
        std::swap(array[i], array[i + 1]);
        applyArray(edit, array);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("删除 Remove")) {
        array.erase(array.begin() + static_cast<std::ptrdiff_t>(i));
        applyArray(edit, array);
    }
    edit.ctx.targets.mark(target + ":remove");
    ImGui::EndDisabled();
}

} // namespace

void drawImagesField(FieldEdit& edit) {
    if (!edit.value.is_array() || edit.value.empty())
        ImGui::TextColored(ImVec4(0.95f, 0.4f, 0.4f, 1), "%s",
                           "至少需要一张图片：把图片从文件管理器拖到章节上 "
                           "At least one image: drop scans onto a chapter");
    if (!edit.value.is_array()) return;
    for (std::size_t i = 0; i < edit.value.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string target = "field:images:" + std::to_string(i);
        ImGui::Separator();
        const std::string file = edit.value[i].value("file", "");
        ImGui::Text("%zu. %s", i + 1, file.c_str());
        if (edit.field.node.kind == NodeKind::Item)
            drawImageActions(edit.ctx, edit.field.node.id, i, file, edit.readOnly, target);
        elementText(edit, "/" + std::to_string(i) + "/alt", "替代文字", "Alt text", true,
                    target + ":alt");
        elementText(edit, "/" + std::to_string(i) + "/caption", "图注", "Caption", false,
                    target + ":caption");
        moveButtons(edit, i, target);
        ImGui::PopID();
    }
}

void drawOptionsField(FieldEdit& edit) {
    Json options = edit.value.is_array() ? edit.value : Json::array();
    for (std::size_t i = 0; i < options.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string target = "field:options:" + std::to_string(i);
        ImGui::Separator();
        ImGui::Text("%c.", static_cast<char>('A' + i));
        ImGui::SameLine();
        bool correct = options[i].value("correct", false);
        ImGui::BeginDisabled(edit.readOnly);
        if (ImGui::Checkbox("正确 correct", &correct)) {
            edit::FieldRef field{edit.field.node,
                                 edit.field.pointer + "/" + std::to_string(i) + "/correct"};
            report(edit.ctx, edit.ctx.doc.session().setField(field, correct ? Json(true) : Json()));
        }
        edit.ctx.targets.mark(target + ":correct");
        ImGui::EndDisabled();
        elementText(edit, "/" + std::to_string(i) + "/text", "选项", "Option", true,
                    target + ":text");
        moveButtons(edit, i, target);
        ImGui::PopID();
    }
    ImGui::BeginDisabled(edit.readOnly || options.size() >= 8);
    if (ImGui::SmallButton("＋选项 Option")) {
        options.push_back({{"text", {{"zh", "新选项"}}}});
        applyArray(edit, options);
    }
    edit.ctx.targets.mark("field:options:add");
    ImGui::EndDisabled();
}

void drawBadgesField(FieldEdit& edit) {
    Json badges = edit.value.is_array() ? edit.value : Json::array();
    static const char* kinds[] = {"treasure", "heritage_register", "custom"};
    static const char* labels[] = {"镇馆之宝 treasure", "档案文献遗产 heritage register",
                                   "自定义 custom"};
    for (std::size_t i = 0; i < badges.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string kind = badges[i].value("kind", "custom");
        ImGui::TextUnformatted(kind.c_str());
        ImGui::SameLine();
        moveButtons(edit, i, "field:badges:" + std::to_string(i));
        ImGui::PopID();
    }
    ImGui::BeginDisabled(edit.readOnly);
    for (int k = 0; k < 2; ++k) {
        if (k > 0) ImGui::SameLine();
        if (ImGui::SmallButton((std::string("＋") + labels[k]).c_str())) {
            badges.push_back({{"kind", kinds[k]}});
            applyArray(edit, badges);
        }
    }
    ImGui::EndDisabled();
}

void drawFieldsPanel(EditorContext& ctx) {
    if (!ctx.doc.isOpen()) return;
    const core::Pack& pack = ctx.doc.pack();
    const edit::NodeRef node = ctx.doc.selection.node;
    if (!edit::nodeExists(pack, node)) {
        ctx.doc.selection = {edit::NodeRef::pack(), {}};
        return;
    }
    const bool readOnly = ctx.doc.session().readOnly();
    // Translation marks for this node's texts: made with the validation, on its worker (a few
    // frames after an edit, not on every revision here).
    const edit::TranslationReport& translation = ctx.doc.report().translation;
    std::map<std::string, std::pair<bool, bool>> marks;
    for (const auto& status : translation.fields)
        if (status.field.node == node)
            marks[status.field.pointer] = {status.missingEnglish, status.englishOutdated};

    ImGui::PushFont(ctx.fonts.heading());
    ImGui::TextUnformatted(nodeTitle(pack, node).c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s  id: %s", edit::nodeKindName(node.kind),
                        node.id.empty() ? pack.id.c_str() : node.id.c_str());
    ImGui::Text(
        "待翻译 %zu / 英文可能过时 %zu  (untranslated / English may be outdated, whole pack)",
        translation.missingCount, translation.outdatedCount);
    ImGui::Separator();

    const auto& multi = ctx.doc.multiSelection;
    if (multi.size() > 1) {
        // Batch edit: the shared fields, one undo step for all the selected items.
        ImGui::Text("已选 %zu 件展品：批量修改 %zu items selected: batch edit", multi.size(),
                    multi.size());
        static std::string holding, date, rights;
        ImGui::InputTextWithHint("##holding", "馆藏单位 Holding institution (zh)", &holding);
        ImGui::SameLine();
        if (ImGui::Button("应用 Apply##holding"))
            report(ctx, ctx.doc.session().setFieldOnAll(multi, "/holding", Json{{"zh", holding}}));
        ctx.targets.mark("batch:holding");
        ImGui::InputTextWithHint("##rights", "版权 Rights (zh)", &rights);
        ImGui::SameLine();
        if (ImGui::Button("应用 Apply##rights"))
            report(ctx, ctx.doc.session().setFieldOnAll(multi, "/rights", Json{{"zh", rights}}));
        ImGui::InputTextWithHint("##date", "日期 Date 1931-05", &date);
        ImGui::SameLine();
        if (ImGui::Button("应用 Apply##date") && isPartialDate(date))
            report(ctx, ctx.doc.session().setFieldOnAll(multi, "/date", Json(date)));
        if (ImGui::Button("设为待机轮播 Highlight all"))
            report(ctx, ctx.doc.session().setFieldOnAll(multi, "/highlight", Json(true)));
        ImGui::Separator();
    }

    // The node's JSON once per revision and selection, not every frame.
    static std::uint64_t headRevision = ~std::uint64_t(0);
    static edit::NodeRef headNode;
    static Json head;
    if (headRevision != ctx.doc.session().revision() || !(headNode == node)) {
        head = headJson(pack, node);
        headRevision = ctx.doc.session().revision();
        headNode = node;
    }
    ImGui::BeginChild("fields", ImVec2(0, 0), false);
    for (const FieldSpec& spec : fieldsOf(node.kind)) {
        if (node.kind == NodeKind::Question) {
            const std::string type = head.value("type", "single");
            if (std::string(spec.pointer) == "/options" && type == "true_false") continue;
            if (std::string(spec.pointer) == "/answer" && type != "true_false") continue;
        }
        const Json value = edit::valueAt(head, spec.pointer);
        FieldEdit edit{ctx, {node, spec.pointer}, value, readOnly, marks};
        drawField(edit, spec);
    }
    if (node.kind == NodeKind::QuizBank || node.kind == NodeKind::Question) drawQuizTools(ctx);
    if (node.kind == NodeKind::Video) drawVideoFiles(ctx);
    ImGui::EndChild();
}

} // namespace lantai::editor

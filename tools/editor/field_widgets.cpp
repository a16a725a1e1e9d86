// tools/editor: the fields panel's widgets for text, dates, choices, numbers, tags and links
#include "tools/editor/field_widgets.h"

#include "tools/editor/narration_field.h"

#include <imgui_stdlib.h>

namespace lantai::editor {

namespace {

using core::edit::NodeKind;
namespace edit = core::edit;

std::uint64_t g_activation = 1;

std::string textOf(const Json& value, const char* language) {
    if (value.is_object() && value.contains(language) && value[language].is_string())
        return value[language].get<std::string>();
    return {};
}

void applyValue(FieldEdit& edit, const Json& value, std::uint64_t activation = 0) {
    report(edit.ctx, edit.ctx.doc.session().setField(edit.field, value, activation));
}

void localized(FieldEdit& edit, const FieldSpec& spec, bool multiline) {
    const auto status = edit.translation.find(edit.field.pointer);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float height = multiline ? ImGui::GetTextLineHeight() * 4.5f : 0;
    for (int lang = 0; lang < 2; ++lang) {
        const char* code = lang == 0 ? "zh" : "en";
        if (lang == 1) ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushID(code);
        std::string text = textOf(edit.value, code);
        ImGui::SetNextItemWidth(half);
        bool changed = false;
        if (multiline)
            changed = ImGui::InputTextMultiline("##text", &text, ImVec2(half, height),
                                                edit.readOnly ? ImGuiInputTextFlags_ReadOnly : 0);
        else
            changed = ImGui::InputTextWithHint("##text", lang == 0 ? "中文" : "English", &text,
                                               edit.readOnly ? ImGuiInputTextFlags_ReadOnly : 0);
        edit.ctx.targets.mark("field:" + std::string(spec.pointer).substr(1) + ":" + code);
        const std::uint64_t activation = activationOfLastItem();
        if (changed && !edit.readOnly)
            report(edit.ctx, edit.ctx.doc.session().setText(
                                 edit.field, lang == 0 ? core::Language::Zh : core::Language::En,
                                 text, activation));
        if (lang == 1 && status != edit.translation.end()) {
            if (status->second.first)
                ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s", "未翻译 not translated");
            else if (status->second.second)
                ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s",
                                   "英文可能过时 English may be outdated");
        }
        if (lang == 0 && spec.required && text.empty())
            ImGui::TextColored(ImVec4(0.95f, 0.4f, 0.4f, 1), "%s", "必填 required");
        ImGui::PopID();
        ImGui::EndGroup();
    }
}

std::vector<std::string> splitTags(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        while (!current.empty() && current.front() == ' ')
            current.erase(current.begin());
        while (!current.empty() && current.back() == ' ')
            current.pop_back();
        if (!current.empty()) out.push_back(current);
        current.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ';' || text[i] == ',') {
            flush();
            ++i;
        } else if (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "；") == 0 ||
                   text.compare(i, 3, "，") == 0) {
            flush();
            i += 3;
        } else {
            current += text[i++];
        }
    }
    flush();
    return out;
}

void linkCombo(FieldEdit& edit, const FieldSpec& spec) {
    const core::Pack& pack = edit.ctx.doc.pack();
    const std::string current = edit.value.is_string() ? edit.value.get<std::string>() : "";
    std::vector<edit::NodeRef> candidates;
    if (spec.linkKind == NodeKind::Item) {
        for (const auto& e : pack.exhibitions)
            for (const auto& c : e.chapters)
                for (const auto& i : c.items)
                    candidates.push_back(edit::NodeRef::item(i.id));
    } else if (spec.linkKind == NodeKind::Video) {
        for (const auto& v : pack.videos)
            candidates.push_back(edit::NodeRef::video(v.id));
    } else if (spec.linkKind == NodeKind::Exhibition) {
        for (const auto& e : pack.exhibitions)
            candidates.push_back(edit::NodeRef::exhibition(e.id));
    } else if (spec.linkKind == NodeKind::Chapter) {
        for (const auto& e : pack.exhibitions)
            for (const auto& c : e.chapters)
                candidates.push_back(edit::NodeRef::chapter(c.id));
    }
    const std::string preview =
        current.empty() ? "（无 none）"
                        : nodeTitle(pack, {spec.linkKind, current}) + "  [" + current + "]";
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##link", preview.c_str())) {
        if (ImGui::Selectable("（无 none）", current.empty())) applyValue(edit, Json());
        for (const auto& node : candidates) {
            const std::string label = nodeTitle(pack, node) + "  [" + node.id + "]";
            if (ImGui::Selectable(label.c_str(), node.id == current))
                applyValue(edit, Json(node.id));
        }
        ImGui::EndCombo();
    }
}

} // namespace

std::uint64_t activationOfLastItem() {
    if (ImGui::IsItemActivated()) ++g_activation;
    return g_activation;
}

Json headJson(const core::Pack& pack, const edit::NodeRef& node) {
    // core/edit's copyHead moves the children aside while it copies (no 1000-item copy for the
    // pack's own fields) and puts them back; the session's pack is only read between edits on
    // this thread, and the validation worker has its own copy.
    auto head = edit::copyHead(const_cast<core::Pack&>(pack), node);
    return head ? edit::nodeToJson(*head) : Json();
}

void drawField(FieldEdit& edit, const FieldSpec& spec) {
    ImGui::PushID(spec.pointer);
    ImGui::TextUnformatted(bilingual(spec.labelZh, spec.labelEn).c_str());
    const ImGuiInputTextFlags ro = edit.readOnly ? ImGuiInputTextFlags_ReadOnly : 0;
    switch (spec.widget) {
    case FieldWidget::Line:
    case FieldWidget::Paragraph:
        localized(edit, spec, spec.widget == FieldWidget::Paragraph);
        break;
    case FieldWidget::Plain: {
        std::string text = edit.value.is_string() ? edit.value.get<std::string>() : "";
        ImGui::SetNextItemWidth(-1);
        const bool changed = ImGui::InputText("##plain", &text, ro);
        edit.ctx.targets.mark("field:" + std::string(spec.pointer).substr(1));
        const auto activation = activationOfLastItem();
        if (changed) applyValue(edit, text.empty() ? Json() : Json(text), activation);
        break;
    }
    case FieldWidget::Date: {
        // Only a complete partial date is written; what is being typed stays in the widget.
        static std::map<std::string, std::string> typing;
        const std::string key = edit::toString(edit.field);
        std::string text = edit.value.is_string() ? edit.value.get<std::string>() : "";
        if (auto it = typing.find(key); it != typing.end()) text = it->second;
        ImGui::SetNextItemWidth(200);
        const bool changed = ImGui::InputTextWithHint("##date", "1931-05-20", &text, ro);
        edit.ctx.targets.mark("field:" + std::string(spec.pointer).substr(1));
        const auto activation = activationOfLastItem();
        if (changed) {
            if (isPartialDate(text)) {
                typing.erase(key);
                applyValue(edit, text.empty() ? Json() : Json(text), activation);
            } else {
                typing[key] = text;
            }
        }
        if (!ImGui::IsItemActive() && typing.count(key) && !isPartialDate(typing[key]))
            ImGui::TextColored(ImVec4(0.95f, 0.4f, 0.4f, 1), "%s",
                               "日期格式：年、年-月或年-月-日 Date: YYYY, YYYY-MM or YYYY-MM-DD");
        break;
    }
    case FieldWidget::DateRange: {
        for (const char* end : {"start", "end"}) {
            ImGui::PushID(end);
            std::string text = edit.value.is_object() && edit.value.contains(end)
                                   ? edit.value[end].get<std::string>()
                                   : "";
            ImGui::SetNextItemWidth(160);
            if (ImGui::InputTextWithHint("##d", end, &text, ro) &&
                (text.size() == 10 || text.empty()) && isPartialDate(text)) {
                Json range = edit.value.is_object() ? edit.value : Json::object();
                if (text.empty())
                    range.erase(end);
                else
                    range[end] = text;
                applyValue(edit, range.empty() ? Json() : range);
            }
            ImGui::PopID();
            if (std::string(end) == "start") ImGui::SameLine();
        }
        break;
    }
    case FieldWidget::Choice: {
        const std::string current = edit.value.is_string() ? edit.value.get<std::string>() : "";
        ImGui::SetNextItemWidth(240);
        ImGui::BeginDisabled(edit.readOnly);
        if (ImGui::BeginCombo("##choice", current.empty() ? "（默认 default）" : current.c_str())) {
            if (!spec.required && ImGui::Selectable("（默认 default）", current.empty()))
                applyValue(edit, Json());
            for (const char* choice : spec.choices)
                if (ImGui::Selectable(choice, current == choice)) applyValue(edit, Json(choice));
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
        edit.ctx.targets.mark("field:" + std::string(spec.pointer).substr(1));
        break;
    }
    case FieldWidget::Flag: {
        bool on = edit.value.is_boolean() && edit.value.get<bool>();
        ImGui::BeginDisabled(edit.readOnly);
        if (ImGui::Checkbox("##flag", &on)) applyValue(edit, on ? Json(true) : Json());
        ImGui::EndDisabled();
        edit.ctx.targets.mark("field:" + std::string(spec.pointer).substr(1));
        break;
    }
    case FieldWidget::Number:
    case FieldWidget::Fraction: {
        int number = edit.value.is_number() ? edit.value.get<int>() : static_cast<int>(spec.min);
        ImGui::SetNextItemWidth(160);
        if (ImGui::InputInt("##n", &number, 1, 10, ro)) {
            number = std::clamp(number, static_cast<int>(spec.min), static_cast<int>(spec.max));
            applyValue(edit, Json(number), activationOfLastItem());
        }
        edit.ctx.targets.mark("field:" + std::string(spec.pointer).substr(1));
        break;
    }
    case FieldWidget::Tags: {
        std::string text;
        if (edit.value.is_array())
            for (const auto& tag : edit.value)
                text += (text.empty() ? "" : "; ") + tag.get<std::string>();
        ImGui::SetNextItemWidth(-1);
        const bool changed = ImGui::InputTextWithHint("##tags", "标签1; 标签2", &text,
                                                      ro | ImGuiInputTextFlags_EnterReturnsTrue);
        if (changed) {
            Json tags = Json::array();
            for (auto& tag : splitTags(text))
                tags.push_back(tag);
            applyValue(edit, tags.empty() ? Json() : tags);
        }
        break;
    }
    case FieldWidget::NodeLink:
        ImGui::BeginDisabled(edit.readOnly);
        linkCombo(edit, spec);
        ImGui::EndDisabled();
        break;
    case FieldWidget::Images:
        drawImagesField(edit);
        break;
    case FieldWidget::Options:
        drawOptionsField(edit);
        break;
    case FieldWidget::Badges:
        drawBadgesField(edit);
        break;
    case FieldWidget::Narration:
        drawNarrationField(edit);
        break;
    }
    ImGui::Spacing();
    ImGui::PopID();
}

} // namespace lantai::editor

// tools/editor: the panels' shared helpers — tap targets, bilingual labels, selection, titles
#include "tools/editor/editor_context.h"

#include "core/base/diagnostic.h"

namespace lantai::editor {

using core::edit::NodeKind;
using core::edit::NodeRef;

std::optional<ImVec2> TapTargets::center(const std::string& id) const {
    auto it = m_last.find(id);
    if (it == m_last.end() || !it->second.visible) return std::nullopt;
    return ImVec2((it->second.min.x + it->second.max.x) / 2,
                  (it->second.min.y + it->second.max.y) / 2);
}

std::vector<std::string> TapTargets::names() const {
    std::vector<std::string> out;
    for (const auto& [name, rect] : m_last)
        out.push_back(name);
    return out;
}

std::optional<std::string> TapTargets::at(ImVec2 point, const std::string& prefix) const {
    for (const auto& [name, rect] : m_last)
        if (rect.visible && name.starts_with(prefix) && point.x >= rect.min.x &&
            point.x <= rect.max.x && point.y >= rect.min.y && point.y <= rect.max.y)
            return name;
    return std::nullopt;
}

std::string bilingual(const char* zh, const char* en) {
    return std::string(zh) + " " + en;
}

bool report(EditorContext& ctx, const core::Status& status) {
    if (status) return true;
    ctx.status = core::formatDiagnostic(status.error(), true) + " — " + status.error().message;
    ctx.doc.message(ctx.status);
    return false;
}

void selectNode(EditorContext& ctx, const NodeRef& node, std::string pointer) {
    ctx.doc.selection = {node, std::move(pointer)};
    using Kind = kiosk::PreviewTarget::Kind;
    switch (node.kind) {
    case NodeKind::Pack:
        ctx.preview.show({Kind::Home, {}, 0});
        break;
    case NodeKind::Exhibition:
        ctx.preview.show({Kind::Exhibition, node.id, 0});
        break;
    case NodeKind::Chapter:
        ctx.preview.show({Kind::Chapter, node.id, 0});
        break;
    case NodeKind::Item:
        ctx.preview.show({Kind::Item, node.id, 0});
        break;
    case NodeKind::Video:
        ctx.preview.show({Kind::Video, node.id, 0}); // the player screen, with its poster
        break;
    case NodeKind::QuizBank:
        break;
    case NodeKind::Question:
        ctx.preview.show({Kind::Question, node.id, 0});
        break;
    }
}

namespace {
std::string pick(const core::LocalizedText& title, const std::string& id) {
    if (!title.zh.empty()) return title.zh;
    if (!title.en.empty()) return title.en;
    return id;
}
} // namespace

std::string nodeTitle(const core::Pack& pack, const NodeRef& node) {
    namespace edit = core::edit;
    switch (node.kind) {
    case NodeKind::Pack:
        return pick(pack.title, pack.id);
    case NodeKind::Exhibition:
        if (auto e = edit::findExhibition(pack, node.id))
            return pick(pack.exhibitions[*e].title, node.id);
        break;
    case NodeKind::Chapter:
        if (auto c = edit::findChapter(pack, node.id))
            return pick(pack.exhibitions[c->exhibition].chapters[c->chapter].title, node.id);
        break;
    case NodeKind::Item:
        if (auto i = edit::findItem(pack, node.id))
            return pick(pack.exhibitions[i->exhibition].chapters[i->chapter].items[i->item].title,
                        node.id);
        break;
    case NodeKind::Video:
        if (auto v = edit::findVideo(pack, node.id)) return pick(pack.videos[*v].title, node.id);
        break;
    case NodeKind::QuizBank:
        if (auto b = edit::findBank(pack, node.id)) return pick(pack.quizBanks[*b].title, node.id);
        break;
    case NodeKind::Question:
        if (auto q = edit::findQuestion(pack, node.id))
            return pick(pack.quizBanks[q->bank].questions[q->question].prompt, node.id);
        break;
    }
    return node.id;
}

} // namespace lantai::editor

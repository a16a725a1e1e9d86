// tools/editor: the structure panel — pack, exhibitions, chapters, items, videos, quiz banks and
// questions; add, duplicate, delete, reorder (buttons or drag), multi-select for batch edits
#include "tools/editor/editor_context.h"
#include "tools/editor/image_actions.h"

#include <algorithm>

namespace lantai::editor {

namespace {

using core::edit::NodeKind;
using core::edit::NodeRef;
namespace edit = core::edit;

constexpr const char* kDragPayload = "LANTAI_NODE";

struct DragPayload {
    NodeKind kind;
    char id[120];
};

std::string targetName(const NodeRef& node) {
    return "tree:" + edit::toString(node);
}

bool isSelected(const EditorContext& ctx, const NodeRef& node) {
    if (ctx.doc.selection.node == node) return true;
    const auto& multi = ctx.doc.multiSelection;
    return std::find(multi.begin(), multi.end(), node) != multi.end();
}

// Drag a node onto another of the same kind (inserted before it) or onto the parent kind
// (appended): items between chapters, chapters between exhibitions, questions between banks.
void dragAndDrop(EditorContext& ctx, const NodeRef& node) {
    if (ImGui::BeginDragDropSource()) {
        DragPayload payload{node.kind, {}};
        std::snprintf(payload.id, sizeof payload.id, "%s", node.id.c_str());
        ImGui::SetDragDropPayload(kDragPayload, &payload, sizeof payload);
        ImGui::TextUnformatted(nodeTitle(ctx.doc.pack(), node).c_str());
        ImGui::EndDragDropSource();
    }
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kDragPayload)) {
        const auto* payload = static_cast<const DragPayload*>(p->Data);
        const NodeRef dragged{payload->kind, payload->id};
        const auto& pack = ctx.doc.pack();
        if (dragged.kind == node.kind && dragged != node) {
            if (auto slot = edit::findParentSlot(pack, node)) {
                auto from = edit::findParentSlot(pack, dragged);
                std::size_t index = slot->index;
                if (from && from->parent == slot->parent && from->index < index) --index;
                report(ctx, ctx.doc.session().move(dragged, slot->parent, index));
            }
        } else if (edit::parentKind(dragged.kind) == node.kind) {
            const auto count = edit::childCount(pack, node, dragged.kind).value_or(0);
            report(ctx, ctx.doc.session().move(dragged, node, count));
        }
    }
    ImGui::EndDragDropTarget();
}

// One row of the tree; returns whether its children are shown.
bool row(EditorContext& ctx, const NodeRef& node, const std::string& label, bool leaf) {
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_DefaultOpen |
                               ImGuiTreeNodeFlags_SpanAvailWidth;
    if (leaf) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (isSelected(ctx, node)) flags |= ImGuiTreeNodeFlags_Selected;
    const std::string key = edit::toString(node);
    const bool open = ImGui::TreeNodeEx(key.c_str(), flags, "%s", label.c_str());
    ctx.targets.mark(targetName(node));
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
        if (ImGui::GetIO().KeyCtrl && node.kind == NodeKind::Item) {
            auto& multi = ctx.doc.multiSelection;
            if (multi.empty() && ctx.doc.selection.node.kind == NodeKind::Item)
                multi.push_back(ctx.doc.selection.node);
            auto it = std::find(multi.begin(), multi.end(), node);
            if (it == multi.end())
                multi.push_back(node);
            else
                multi.erase(it);
        } else {
            ctx.doc.multiSelection.clear();
        }
        selectNode(ctx, node);
    }
    dragAndDrop(ctx, node);
    return open && !leaf;
}

// A chapter's items, one row each, drawn only where the panel shows them (a chapter of a
// thousand items costs a screenful of rows, not a thousand), plus the row a script asked for.
void itemRows(EditorContext& ctx, const std::vector<core::Item>& items) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(items.size())); // the row height measured on the first row
    const std::string& wanted = ctx.targets.wanted();
    const std::string prefix = targetName(NodeRef::item(""));
    if (wanted.rfind(prefix, 0) == 0) {
        const std::string id = wanted.substr(prefix.size());
        const auto it = std::find_if(items.begin(), items.end(),
                                     [&](const core::Item& item) { return item.id == id; });
        if (it != items.end()) {
            const int index = static_cast<int>(it - items.begin());
            clipper.ForceDisplayRangeByIndices(index, index + 1);
        }
    }
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Item& item = items[static_cast<std::size_t>(i)];
            // The title from the item at hand (nodeTitle would search the pack per row).
            std::string itemLabel = item.images.empty() ? "(无图 no image) " : "";
            itemLabel += !item.title.zh.empty()   ? item.title.zh
                         : !item.title.en.empty() ? item.title.en
                                                  : item.id;
            row(ctx, NodeRef::item(item.id), itemLabel, true);
            if (!item.images.empty()) drawRowThumbnail(ctx, item.images.front().file);
        }
    }
}

core::Item newItem() {
    core::Item item;
    item.title = {"新展品", "New item"};
    return item;
}

core::Question newQuestion() {
    core::Question q;
    q.type = core::QuestionType::Single;
    q.prompt = {}; // the field says "required" until the curator types the question
    q.options = {{{"选项一", ""}, true, std::nullopt, {}, std::nullopt, {}},
                 {{"选项二", ""}, false, std::nullopt, {}, std::nullopt, {}}};
    return q;
}

// The node the "add" buttons put a child into: the selection or its nearest ancestor of `kind`.
std::optional<std::string> containing(const EditorContext& ctx, NodeKind kind) {
    const auto& pack = ctx.doc.pack();
    NodeRef node = ctx.doc.selection.node;
    for (int guard = 0; guard < 4; ++guard) {
        if (node.kind == kind) return node.id;
        auto slot = edit::findParentSlot(pack, node);
        if (!slot) break;
        node = slot->parent;
    }
    // Nothing selected inside one: the last of that kind.
    if (kind == NodeKind::Exhibition && !pack.exhibitions.empty())
        return pack.exhibitions.back().id;
    if (kind == NodeKind::Chapter && !pack.exhibitions.empty() &&
        !pack.exhibitions.back().chapters.empty())
        return pack.exhibitions.back().chapters.back().id;
    if (kind == NodeKind::QuizBank && !pack.quizBanks.empty()) return pack.quizBanks.back().id;
    return std::nullopt;
}

void selectResult(EditorContext& ctx, NodeKind kind, const core::Result<std::string>& added) {
    if (added)
        selectNode(ctx, {kind, *added});
    else
        report(ctx, added.error());
}

void toolbar(EditorContext& ctx) {
    auto& session = ctx.doc.session();
    const bool writable = !session.readOnly();
    ImGui::BeginDisabled(!writable);
    if (ImGui::SmallButton("＋展览 Exhibition"))
        selectResult(ctx, NodeKind::Exhibition,
                     session.addExhibition({"新展览", "New exhibition"}));
    ctx.targets.mark("tree:add-exhibition");
    ImGui::SameLine();
    if (ImGui::SmallButton("＋章节 Chapter")) {
        if (auto e = containing(ctx, NodeKind::Exhibition))
            selectResult(ctx, NodeKind::Chapter, session.addChapter(*e, {"新章节", "New chapter"}));
    }
    ctx.targets.mark("tree:add-chapter");
    ImGui::SameLine();
    if (ImGui::SmallButton("＋展品 Item")) {
        if (auto c = containing(ctx, NodeKind::Chapter))
            selectResult(ctx, NodeKind::Item, session.addItem(*c, newItem()));
    }
    ctx.targets.mark("tree:add-item");
    if (ImGui::SmallButton("＋题库 Quiz bank"))
        selectResult(ctx, NodeKind::QuizBank, session.addQuizBank({"题库", "Quiz"}));
    ctx.targets.mark("tree:add-bank");
    ImGui::SameLine();
    if (ImGui::SmallButton("＋题目 Question")) {
        std::optional<std::string> bank = containing(ctx, NodeKind::QuizBank);
        if (!bank) {
            auto made = session.addQuizBank({"题库", "Quiz"});
            if (made)
                bank = *made;
            else
                report(ctx, made.error());
        }
        if (bank) selectResult(ctx, NodeKind::Question, session.addQuestion(*bank, newQuestion()));
    }
    ctx.targets.mark("tree:add-question");
    ImGui::SameLine();
    if (ImGui::SmallButton("＋视频 Video")) {
        core::Video video;
        video.title = {"新视频", "New video"};
        selectResult(ctx, NodeKind::Video, session.addVideo(std::move(video)));
    }
    ctx.targets.mark("tree:add-video");

    const NodeRef selected = ctx.doc.selection.node;
    const bool movable = selected.kind != NodeKind::Pack;
    ImGui::BeginDisabled(!movable);
    if (ImGui::SmallButton("上移 Up")) {
        if (auto slot = edit::findParentSlot(ctx.doc.pack(), selected); slot && slot->index > 0)
            report(ctx, session.move(selected, slot->parent, slot->index - 1));
    }
    ctx.targets.mark("tree:up");
    ImGui::SameLine();
    if (ImGui::SmallButton("下移 Down")) {
        if (auto slot = edit::findParentSlot(ctx.doc.pack(), selected))
            report(ctx, session.move(selected, slot->parent, slot->index + 1));
    }
    ctx.targets.mark("tree:down");
    ImGui::SameLine();
    if (ImGui::SmallButton("复制 Duplicate"))
        selectResult(ctx, selected.kind, session.duplicate(selected));
    ctx.targets.mark("tree:duplicate");
    ImGui::SameLine();
    if (ImGui::SmallButton("删除 Delete")) {
        auto parent = edit::findParentSlot(ctx.doc.pack(), selected);
        if (report(ctx, session.remove(selected)))
            selectNode(ctx, parent ? parent->parent : NodeRef::pack());
    }
    ctx.targets.mark("tree:delete");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
}

} // namespace

void drawTreePanel(EditorContext& ctx) {
    if (!ctx.doc.isOpen()) {
        ImGui::TextWrapped("%s",
                           "没有打开的内容包。用“文件”菜单新建或打开。\nNo pack open: use File → "
                           "New or Open.");
        return;
    }
    toolbar(ctx);
    ImGui::Separator();
    ImGui::BeginChild("tree", ImVec2(0, 0), false);
    const core::Pack& pack = ctx.doc.pack();
    if (row(ctx, NodeRef::pack(), "内容包 " + nodeTitle(pack, NodeRef::pack()), false)) {
        for (const auto& exhibition : pack.exhibitions) {
            const NodeRef e = NodeRef::exhibition(exhibition.id);
            if (!row(ctx, e, "展览 " + nodeTitle(pack, e), false)) continue;
            for (const auto& chapter : exhibition.chapters) {
                const NodeRef c = NodeRef::chapter(chapter.id);
                const std::string label = "章节 " + nodeTitle(pack, c) + "  (" +
                                          std::to_string(chapter.items.size()) + ")";
                if (!row(ctx, c, label, false)) continue;
                itemRows(ctx, chapter.items);
                ImGui::TreePop();
            }
            ImGui::TreePop();
        }
        if (ImGui::TreeNodeEx("videos", ImGuiTreeNodeFlags_DefaultOpen, "视频 Videos (%zu)",
                              pack.videos.size())) {
            for (const auto& video : pack.videos)
                row(ctx, NodeRef::video(video.id), nodeTitle(pack, NodeRef::video(video.id)), true);
            ImGui::TreePop();
        }
        for (const auto& bank : pack.quizBanks) {
            const NodeRef b = NodeRef::quizBank(bank.id);
            const std::string label =
                "题库 " + nodeTitle(pack, b) + "  (" + std::to_string(bank.questions.size()) + ")";
            if (!row(ctx, b, label, false)) continue;
            for (const auto& question : bank.questions) {
                const NodeRef q = NodeRef::question(question.id);
                row(ctx, q, "问 " + nodeTitle(pack, q), true);
            }
            ImGui::TreePop();
        }
        ImGui::TreePop();
    }
    ImGui::EndChild();
}

} // namespace lantai::editor

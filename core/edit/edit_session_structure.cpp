// core/edit: the session's edits — fields, batch edits, adding, duplicating, deleting (with the
// references it clears), moving, and media drops
#include "core/edit/edit_session.h"
#include "core/edit/node_tree.h"
#include "core/pack/writer.h"

#include <algorithm>
#include <filesystem>

namespace lantai::core::edit {

namespace fs = std::filesystem;

namespace {

std::size_t clampIndex(const Pack& pack, const NodeRef& parent, NodeKind kind, std::size_t index) {
    return std::min(index, childCount(pack, parent, kind).value_or(0));
}

// Gives the node and everything in it new ids (id-2, id-3 …), `taken` per kind growing.
void renumber(AnyNode& node, std::map<NodeKind, std::unordered_set<std::string>>& taken) {
    const auto fresh = [&](NodeKind kind, std::string& id) {
        id = uniqueId(id, taken[kind]);
        taken[kind].insert(id);
    };
    const auto items = [&](Chapter& chapter) {
        fresh(NodeKind::Chapter, chapter.id);
        for (auto& item : chapter.items)
            fresh(NodeKind::Item, item.id);
    };
    if (auto* item = std::get_if<Item>(&node)) fresh(NodeKind::Item, item->id);
    if (auto* video = std::get_if<Video>(&node)) fresh(NodeKind::Video, video->id);
    if (auto* question = std::get_if<Question>(&node)) fresh(NodeKind::Question, question->id);
    if (auto* chapter = std::get_if<Chapter>(&node)) items(*chapter);
    if (auto* exhibition = std::get_if<Exhibition>(&node)) {
        fresh(NodeKind::Exhibition, exhibition->id);
        for (auto& chapter : exhibition->chapters)
            items(chapter);
    }
    if (auto* bank = std::get_if<QuizBank>(&node)) {
        fresh(NodeKind::QuizBank, bank->id);
        for (auto& question : bank->questions)
            fresh(NodeKind::Question, question.id);
    }
}

// The ids of every node of each kind inside `node` (itself included).
void collectIds(const Pack& pack, const NodeRef& node,
                std::map<NodeKind, std::set<std::string>>& out) {
    out[node.kind].insert(node.id);
    const auto chapter = [&](const Chapter& c) {
        out[NodeKind::Chapter].insert(c.id);
        for (const auto& item : c.items)
            out[NodeKind::Item].insert(item.id);
    };
    if (node.kind == NodeKind::Exhibition)
        if (const auto e = findExhibition(pack, node.id))
            for (const auto& c : pack.exhibitions[*e].chapters)
                chapter(c);
    if (node.kind == NodeKind::Chapter)
        if (const auto c = findChapter(pack, node.id))
            chapter(pack.exhibitions[c->exhibition].chapters[c->chapter]);
    if (node.kind == NodeKind::QuizBank)
        if (const auto b = findBank(pack, node.id))
            for (const auto& q : pack.quizBanks[*b].questions)
                out[NodeKind::Question].insert(q.id);
}

CommandPtr clearField(NodeRef node, const char* pointer) {
    return std::make_unique<SetFieldCommand>(FieldRef{std::move(node), pointer}, nullptr);
}

std::string withSuffix(const std::string& path, int n) {
    const fs::path p(path);
    const std::string stem = (p.parent_path() / p.stem()).generic_string();
    return stem + "-" + std::to_string(n) + p.extension().string();
}

Json imageJson(const std::string& path) {
    return Json{{"file", path}};
}

Item itemFromFile(const StagedFile& staged) {
    Item item;
    item.title.zh = titleFromFileName(fs::path(staged.source).filename().string());
    if (item.title.zh.empty()) item.title.zh = staged.name;
    return item;
}

} // namespace

// ---- fields
// --------------------------------------------------------------------------------------

Status EditSession::setField(const FieldRef& field, Json value, std::uint64_t activation) {
    return apply(std::make_unique<SetFieldCommand>(field, std::move(value), activation));
}

Status EditSession::setText(const FieldRef& text, Language language, std::string value,
                            std::uint64_t activation) {
    return setField({text.node, text.pointer + "/" + languageCode(language)}, std::move(value),
                    activation);
}

Status EditSession::setFieldOnAll(const std::vector<NodeRef>& nodes, const std::string& pointer,
                                  const Json& value) {
    std::vector<CommandPtr> children;
    for (const auto& node : nodes)
        children.push_back(std::make_unique<SetFieldCommand>(FieldRef{node, pointer}, value));
    const LocalizedText kind = nodeKindLabel(nodes.empty() ? NodeKind::Item : nodes.front().kind);
    const std::string n = std::to_string(nodes.size());
    return apply(std::make_unique<CompoundCommand>(
        LocalizedText{"批量修改 " + n + " 个" + kind.zh, "Edit " + n + " " + kind.en + "s"},
        std::move(children)));
}

// ---- adding
// --------------------------------------------------------------------------------------

Result<std::string> EditSession::insertNew(NodeRef parent, std::size_t index, AnyNode node) {
    const std::string id = idOf(node);
    index = clampIndex(m_pack, parent, kindOf(node), index);
    if (Status ok =
            apply(std::make_unique<InsertNodeCommand>(std::move(parent), index, std::move(node)));
        !ok)
        return std::move(ok).error();
    return id;
}

Result<std::string> EditSession::addExhibition(const LocalizedText& title, std::size_t index) {
    Exhibition exhibition;
    exhibition.id = makeId(NodeKind::Exhibition, title);
    exhibition.title = title;
    // The format needs a part in every exhibition: a new one comes with its first.
    Chapter chapter;
    chapter.title = {"新单元", "New part"};
    chapter.id = makeId(NodeKind::Chapter, chapter.title);
    exhibition.chapters.push_back(std::move(chapter));
    return insertNew(NodeRef::pack(), index, std::move(exhibition));
}

Result<std::string> EditSession::addChapter(const std::string& exhibitionId,
                                            const LocalizedText& title, std::size_t index) {
    Chapter chapter;
    chapter.id = makeId(NodeKind::Chapter, title);
    chapter.title = title;
    return insertNew(NodeRef::exhibition(exhibitionId), index, std::move(chapter));
}

Result<std::string> EditSession::addItem(const std::string& chapterId, Item item,
                                         std::size_t index) {
    if (item.id.empty()) item.id = makeId(NodeKind::Item, item.title);
    return insertNew(NodeRef::chapter(chapterId), index, std::move(item));
}

Result<std::string> EditSession::addVideo(Video video, std::size_t index) {
    if (video.id.empty()) video.id = makeId(NodeKind::Video, video.title);
    return insertNew(NodeRef::pack(), index, std::move(video));
}

std::string EditSession::bankFileFor(const std::string& bankId) const {
    std::set<std::string> used;
    for (const auto& bank : m_pack.quizBanks)
        used.insert(bank.file);
    std::string file = "quiz/" + bankId + ".json";
    std::error_code ec;
    for (int n = 2; used.count(file) || fs::exists(m_root / file, ec); ++n)
        file = withSuffix("quiz/" + bankId + ".json", n);
    return file;
}

Result<std::string> EditSession::addQuizBank(const LocalizedText& title) {
    QuizBank bank;
    bank.id = makeId(NodeKind::QuizBank, title);
    bank.title = title;
    bank.file = bankFileFor(bank.id);
    return insertNew(NodeRef::pack(), SIZE_MAX, std::move(bank));
}

Result<std::string> EditSession::addQuestion(const std::string& bankId, Question question,
                                             std::size_t index) {
    if (question.id.empty()) {
        const auto taken = takenIds(NodeKind::Question);
        for (int n = static_cast<int>(taken.size()) + 1;
             question.id.empty() || taken.count(question.id); ++n)
            question.id = (bankId.empty() ? std::string("q") : bankId) + "-" + std::to_string(n);
    }
    return insertNew(NodeRef::quizBank(bankId), index, std::move(question));
}

Result<std::string> EditSession::duplicate(const NodeRef& node) {
    const auto slot = findParentSlot(m_pack, node);
    auto copy = copyNode(m_pack, node);
    if (!slot || !copy)
        return operationalError("edit.no_node", "", "There is no " + toString(node) + " to copy.",
                                "找不到要复制的 " + toString(node) + "。");
    std::map<NodeKind, std::unordered_set<std::string>> taken;
    for (const NodeKind kind : {NodeKind::Exhibition, NodeKind::Chapter, NodeKind::Item,
                                NodeKind::Video, NodeKind::QuizBank, NodeKind::Question})
        taken[kind] = takenIds(kind);
    renumber(*copy, taken);
    if (auto* bank = std::get_if<QuizBank>(&*copy)) bank->file = bankFileFor(bank->id);
    return insertNew(slot->parent, slot->index + 1, std::move(*copy));
}

// ---- removing and moving ---------------------------------------------------------------------

std::vector<CommandPtr> EditSession::clearReferences(const NodeRef& node) const {
    std::map<NodeKind, std::set<std::string>> gone;
    collectIds(m_pack, node, gone);
    const auto isGone = [&](NodeKind kind, const std::string& id) {
        return !id.empty() && gone[kind].count(id) > 0;
    };
    std::vector<CommandPtr> out;
    // The attract playlist without the entries that named what goes.
    Json attract = Json::array();
    bool attractChanged = false;
    for (const auto& entry : m_pack.attract) {
        const bool video = entry.kind == AttractEntry::Kind::Video;
        if (isGone(video ? NodeKind::Video : NodeKind::Item, entry.id)) {
            attractChanged = true;
            continue;
        }
        Json json = Json::object();
        json[video ? "video" : "item"] = entry.id;
        if (video) json["muted"] = entry.muted;
        if (entry.durationS > 0) json["duration_s"] = entry.durationS;
        attract.push_back(std::move(json));
    }
    if (attractChanged)
        out.push_back(std::make_unique<SetFieldCommand>(FieldRef{NodeRef::pack(), "/attract"},
                                                        attract.empty() ? Json() : attract));
    for (const auto& e : m_pack.exhibitions)
        for (const auto& c : e.chapters)
            for (const auto& item : c.items) {
                if (isGone(NodeKind::Item, item.id)) continue;
                if (isGone(NodeKind::Video, item.video))
                    out.push_back(clearField(NodeRef::item(item.id), "/video"));
                Json questions = Json::array();
                for (const auto& q : item.questions)
                    if (!isGone(NodeKind::Question, q)) questions.push_back(q);
                if (questions.size() != item.questions.size())
                    out.push_back(std::make_unique<SetFieldCommand>(
                        FieldRef{NodeRef::item(item.id), "/questions"},
                        questions.empty() ? Json() : questions));
            }
    for (const auto& video : m_pack.videos) {
        if (isGone(NodeKind::Video, video.id)) continue;
        if (isGone(NodeKind::Item, video.item))
            out.push_back(clearField(NodeRef::video(video.id), "/item"));
        if (isGone(NodeKind::Chapter, video.chapter))
            out.push_back(clearField(NodeRef::video(video.id), "/chapter"));
        if (isGone(NodeKind::Exhibition, video.exhibition))
            out.push_back(clearField(NodeRef::video(video.id), "/exhibition"));
    }
    for (const auto& bank : m_pack.quizBanks)
        for (const auto& q : bank.questions)
            if (!isGone(NodeKind::Question, q.id) && isGone(NodeKind::Item, q.item))
                out.push_back(clearField(NodeRef::question(q.id), "/item"));
    return out;
}

Status EditSession::remove(const NodeRef& node) {
    if (!nodeExists(m_pack, node) || node.kind == NodeKind::Pack)
        return operationalError("edit.no_node", "", "There is no " + toString(node) + ".",
                                "找不到 " + toString(node) + "。");
    std::vector<CommandPtr> children = clearReferences(node);
    children.push_back(std::make_unique<RemoveNodeCommand>(node));
    const LocalizedText kind = nodeKindLabel(node.kind);
    return apply(std::make_unique<CompoundCommand>(
        LocalizedText{"删除" + kind.zh, "Delete " + kind.en}, std::move(children)));
}

Status EditSession::move(const NodeRef& node, const NodeRef& parent, std::size_t index) {
    return apply(std::make_unique<MoveNodeCommand>(node, parent, index));
}

// ---- media
// ---------------------------------------------------------------------------------------

PlannedFile EditSession::planAdoption(const StagedFile& staged, const std::string& folder) {
    // Once per revision: a drop of 100 scans plans 100 files against the same pack.
    if (!m_referenced || m_referenced->first != m_revision)
        m_referenced.emplace(m_revision, referencedFiles(m_pack));
    const std::set<std::string>& used = m_referenced->second;
    const std::string base = folder.empty() ? staged.name : folder + "/" + staged.name;
    std::string path = base;
    std::error_code ec;
    for (int n = 2; used.count(path) || m_plannedPaths.count(path) ||
                    fs::exists(fs::symlink_status(m_root / path, ec));
         ++n)
        path = withSuffix(base, n);
    m_plannedPaths.insert(path);
    return {path, std::make_unique<AdoptFileCommand>(staged.token, staged.name, path)};
}

Result<std::vector<std::string>> EditSession::addImageItems(const std::string& chapterId,
                                                            const std::vector<StagedFile>& images,
                                                            std::size_t index,
                                                            const std::string& folder) {
    const NodeRef chapter = NodeRef::chapter(chapterId);
    index = clampIndex(m_pack, chapter, NodeKind::Item, index);
    auto taken = takenIds(NodeKind::Item);
    std::vector<CommandPtr> children;
    std::vector<std::string> ids;
    for (const auto& staged : images) {
        PlannedFile file = planAdoption(staged, folder);
        Item item = itemFromFile(staged);
        item.id = newId(taken, NodeKind::Item, item.title, transliterator());
        item.images.push_back(ImageRef{file.path, {}, {}, {}});
        ids.push_back(item.id);
        children.push_back(std::move(file.command));
        children.push_back(std::make_unique<InsertNodeCommand>(chapter, index++, std::move(item)));
    }
    const std::string n = std::to_string(images.size());
    if (Status ok = apply(std::make_unique<CompoundCommand>(
            LocalizedText{"添加 " + n + " 张图像", "Add " + n + " images"}, std::move(children)));
        !ok)
        return std::move(ok).error();
    return ids;
}

Result<std::string> EditSession::addMultiImageItem(const std::string& chapterId,
                                                   const LocalizedText& title,
                                                   const std::vector<StagedFile>& images,
                                                   std::size_t index, const std::string& folder) {
    const NodeRef chapter = NodeRef::chapter(chapterId);
    std::vector<CommandPtr> children;
    Item item;
    item.title = title;
    item.id = makeId(NodeKind::Item, title);
    for (const auto& staged : images) {
        PlannedFile file = planAdoption(staged, folder);
        item.images.push_back(ImageRef{file.path, {}, {}, {}});
        children.push_back(std::move(file.command));
    }
    const std::string id = item.id;
    children.push_back(std::make_unique<InsertNodeCommand>(
        chapter, clampIndex(m_pack, chapter, NodeKind::Item, index), std::move(item)));
    if (Status ok = apply(std::make_unique<CompoundCommand>(LocalizedText{"添加展品", "Add item"},
                                                            std::move(children)));
        !ok)
        return std::move(ok).error();
    return id;
}

Status EditSession::addImagesToItem(const std::string& itemId,
                                    const std::vector<StagedFile>& images,
                                    const std::string& folder) {
    const auto at = findItem(m_pack, itemId);
    if (!at)
        return operationalError("edit.no_node", "", "There is no item " + itemId + ".",
                                "找不到展品 " + itemId + "。");
    const Item& item = m_pack.exhibitions[at->exhibition].chapters[at->chapter].items[at->item];
    Json list = valueAt(itemToJson(item), "/images");
    if (!list.is_array()) list = Json::array();
    std::vector<CommandPtr> children;
    for (const auto& staged : images) {
        PlannedFile file = planAdoption(staged, folder);
        list.push_back(imageJson(file.path));
        children.push_back(std::move(file.command));
    }
    children.push_back(
        std::make_unique<SetFieldCommand>(FieldRef{NodeRef::item(itemId), "/images"}, list));
    return apply(std::make_unique<CompoundCommand>(LocalizedText{"添加图像", "Add images"},
                                                   std::move(children)));
}

Status EditSession::replaceImage(const std::string& itemId, std::size_t imageIndex,
                                 const StagedFile& image, const std::string& folder) {
    return swapImageFile(itemId, imageIndex, image, folder, {"替换图像", "Replace image"});
}

Status EditSession::rotateImage(const std::string& itemId, std::size_t imageIndex,
                                const StagedFile& rotated, const std::string& folder) {
    return swapImageFile(itemId, imageIndex, rotated, folder, {"旋转图像", "Rotate image"});
}

Status EditSession::swapImageFile(const std::string& itemId, std::size_t imageIndex,
                                  const StagedFile& staged, const std::string& folder,
                                  LocalizedText label) {
    const Item* item = m_pack.findItem(itemId);
    if (!item || imageIndex >= item->images.size())
        return operationalError(
            "edit.no_node", "",
            "Item " + itemId + " has no image " + std::to_string(imageIndex + 1) + ".",
            "展品 " + itemId + " 没有第 " + std::to_string(imageIndex + 1) + " 张图像。");
    const std::string old = item->images[imageIndex].file;
    PlannedFile file = planAdoption(staged, folder);
    std::vector<CommandPtr> children;
    children.push_back(std::move(file.command));
    children.push_back(std::make_unique<SetFieldCommand>(
        FieldRef{NodeRef::item(itemId), "/images/" + std::to_string(imageIndex) + "/file"},
        file.path));
    // The old file leaves the pack when this entry was the only one naming it.
    std::error_code ec;
    if (referenceCount(m_pack, old) == 1 && fs::is_regular_file(m_root / old, ec))
        children.push_back(std::make_unique<AdoptFileCommand>(
            newStagingToken(), fs::path(old).filename().string(), old, true));
    return apply(std::make_unique<CompoundCommand>(std::move(label), std::move(children)));
}

Status EditSession::setFileField(const FieldRef& field, const StagedFile& file,
                                 const std::string& folder) {
    return adoptInto(field, file, folder, {"设置文件", "Set file"});
}

Status EditSession::adoptInto(const FieldRef& field, const StagedFile& staged,
                              const std::string& folder, LocalizedText label) {
    PlannedFile file = planAdoption(staged, folder);
    std::vector<CommandPtr> children;
    children.push_back(std::move(file.command));
    children.push_back(std::make_unique<SetFieldCommand>(field, file.path));
    return apply(std::make_unique<CompoundCommand>(std::move(label), std::move(children)));
}

} // namespace lantai::core::edit

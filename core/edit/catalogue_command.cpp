// core/edit: a catalogue plan turned into one CompoundCommand (field edits, moves, inserts, image
// adoptions)
#include "core/edit/catalogue_command.h"

#include "core/edit/media_files.h"

#include <map>
#include <string>

namespace lantai::core::edit {

namespace fs = std::filesystem;

namespace {

bool isText(const Json& value) {
    return value.is_object() && value.contains("zh");
}

// One field edit per member of the item's JSON that differs between `before` and `after`.
void fieldEdits(const std::string& itemId, const Json& before, const Json& after,
                std::vector<CommandPtr>& out) {
    const NodeRef node = NodeRef::item(itemId);
    std::vector<std::string> members;
    for (const auto& [key, value] : after.items())
        members.push_back(key);
    for (const auto& [key, value] : before.items())
        if (!after.contains(key)) members.push_back(key);
    for (const auto& key : members) {
        if (key == "id") continue;
        const Json was = before.contains(key) ? before[key] : Json();
        const Json now = after.contains(key) ? after[key] : Json();
        if (was == now) continue;
        const std::string pointer = "/" + key;
        if (isText(was) && isText(now) && was.value("en", "") == now.value("en", "")) {
            Json onlyZh = was;
            onlyZh["zh"] = now["zh"];
            if (onlyZh == now) {
                out.push_back(
                    std::make_unique<SetFieldCommand>(FieldRef{node, pointer + "/zh"}, now["zh"]));
                continue;
            }
        }
        out.push_back(std::make_unique<SetFieldCommand>(FieldRef{node, pointer}, now));
    }
}

Diagnostic notImported(const CataloguePlan& plan) {
    return operationalError("catalogue.not_imported", plan.file,
                            "The sheet has errors; nothing was imported.",
                            "表格有错误，未导入任何内容。");
}

} // namespace

Result<CommandPtr> catalogueImportCommand(const Pack& pack, const fs::path& packRoot,
                                          const CataloguePlan& plan) {
    if (!plan.ok()) return notImported(plan);
    std::vector<CommandPtr> children;

    // The images first: the items that show them come after.
    std::vector<StagedFile> staged;
    for (const auto& copy : plan.copies) {
        auto file = stageMediaFile(packRoot, copy.source, fs::path(copy.packPath).filename());
        if (!file) {
            for (const auto& s : staged)
                discardStaged(packRoot, s);
            return std::move(file).error();
        }
        children.push_back(
            std::make_unique<AdoptFileCommand>(file->token, file->name, copy.packPath));
        staged.push_back(std::move(*file));
    }

    // Items per chapter as the commands leave them (moves and inserts append).
    std::map<std::string, std::size_t> counts;
    for (const auto& exhibition : pack.exhibitions)
        for (const auto& chapter : exhibition.chapters)
            counts[chapter.id] = chapter.items.size();
    for (const auto& change : plan.changes) {
        const NodeRef chapter = NodeRef::chapter(change.chapter);
        if (change.action == ItemAction::Create) {
            children.push_back(std::make_unique<InsertNodeCommand>(
                chapter, counts[change.chapter]++, change.item));
            continue;
        }
        const Item* current = pack.findItem(change.itemId);
        if (!current) return notImported(plan);
        fieldEdits(change.itemId, nodeToJson(*current), nodeToJson(change.item), children);
        const auto slot = findParentSlot(pack, NodeRef::item(change.itemId));
        if (slot && slot->parent.id != change.chapter) {
            --counts[slot->parent.id];
            children.push_back(std::make_unique<MoveNodeCommand>(
                NodeRef::item(change.itemId), chapter, counts[change.chapter]++));
        }
    }
    const std::size_t n = plan.changes.size();
    return CommandPtr(std::make_unique<CompoundCommand>(
        LocalizedText{"导入目录（" + std::to_string(n) + " 件展品）",
                      "Import catalogue (" + std::to_string(n) + " item" + (n == 1 ? "" : "s") +
                          ")"},
        std::move(children)));
}

} // namespace lantai::core::edit

// core/catalogue: applying a plan — to the model (one change), and to the pack folder (all or
// nothing)
#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/catalogue/catalogue_import.h"

#include <unordered_map>
#include <unordered_set>

namespace lantai::core {

namespace fs = std::filesystem;

void applyCataloguePlan(Pack& pack, const CataloguePlan& plan) {
    struct Slot {
        std::size_t exhibition, chapter, item;
    };
    std::unordered_map<std::string, Slot> where;
    std::unordered_map<std::string, Chapter*> chapters; // "exhibition\nchapter"
    for (std::size_t e = 0; e < pack.exhibitions.size(); ++e)
        for (std::size_t c = 0; c < pack.exhibitions[e].chapters.size(); ++c) {
            Chapter& chapter = pack.exhibitions[e].chapters[c];
            chapters.emplace(pack.exhibitions[e].id + "\n" + chapter.id, &chapter);
            for (std::size_t k = 0; k < chapter.items.size(); ++k)
                where.emplace(chapter.items[k].id, Slot{e, c, k});
        }
    std::unordered_set<std::string> moved;
    for (const auto& change : plan.changes) {
        if (change.action != ItemAction::Update) continue;
        const auto it = where.find(change.itemId);
        if (it == where.end()) continue; // the plan was made for another pack
        const Slot at = it->second;
        auto& exhibition = pack.exhibitions[at.exhibition];
        exhibition.chapters[at.chapter].items[at.item] = change.item;
        if (exhibition.id != change.exhibition ||
            exhibition.chapters[at.chapter].id != change.chapter)
            moved.insert(change.itemId);
    }
    if (!moved.empty())
        for (auto& exhibition : pack.exhibitions)
            for (auto& chapter : exhibition.chapters)
                std::erase_if(chapter.items,
                              [&](const Item& item) { return moved.count(item.id) > 0; });
    for (const auto& change : plan.changes) {
        if (change.action == ItemAction::Update && !moved.count(change.itemId)) continue;
        const auto it = chapters.find(change.exhibition + "\n" + change.chapter);
        if (it != chapters.end()) it->second->items.push_back(change.item);
    }
}

Status commitCatalogueImport(const fs::path& packRoot, const CataloguePlan& plan,
                             const std::string& packJsonSha256) {
    if (!plan.ok())
        return operationalError("catalogue.not_imported", plan.file,
                                "The sheet has errors; nothing was imported.",
                                "表格有错误，未导入任何内容。");
    if (plan.changes.empty()) return {};
    const fs::path packJson = packRoot / "pack.json";
    Result<std::string> current = readFile(packJson);
    if (!current) return std::move(current).error();
    if (sha256Hex(*current) != packJsonSha256)
        return operationalError(kCataloguePackChanged, "pack.json",
                                "pack.json changed while the import was prepared (another "
                                "program saved the pack); nothing was imported. Run the import "
                                "again.",
                                "准备导入期间 pack.json 已被修改（其他程序保存了内容包），"
                                "未导入任何内容。请重新导入。");
    Result<std::string> text = applyCataloguePlanToPackJson(*current, plan);
    if (!text) return std::move(text).error();
    *current = std::string(); // a large pack.json is 15 MB
    Result<CopiedImages> copied = copyCatalogueImages(packRoot, plan);
    if (!copied) return std::move(copied).error();
    if (Status written = writeFileAtomic(packJson, std::string_view(*text)); !written) {
        removeCopiedImages(packRoot, *copied);
        return written;
    }
    return {};
}

} // namespace lantai::core

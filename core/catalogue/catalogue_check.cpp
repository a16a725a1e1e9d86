// core/catalogue: the resulting pack checked by the loader and the validator, problems mapped to
// cells
#include "core/catalogue/catalogue_check.h"

#include "core/pack/loader.h"
#include "core/pack/validator.h"
#include "core/pack/writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

namespace lantai::core {

namespace {

// A pack holding the items of some changes, in their chapters: what the import would write for
// them, without the rest of the pack (which the import leaves as it is).
struct TouchedPack {
    Pack pack;
    // [exhibition][chapter][item] -> index of the change
    std::vector<std::vector<std::vector<std::size_t>>> changeAt;
};

// What is checked of a change's item. A new item whole. An updated item only with the members
// the import changes, plus its id and title (what the loader needs to read it): a problem anywhere
// else was there before and is not the import's. An update that leaves the images checks none
// (the loader's "images are required" is then not the import's problem either), so a 10,000-row
// edit of titles does not scan the pack's images.
Item checkedItem(const ItemChange& change) {
    if (change.action == ItemAction::Create) {
        Item item = change.item;
        item.video.clear(); // not in the checked pack, and never changed by an import
        item.questions.clear();
        return item;
    }
    Item item;
    item.id = change.item.id;
    item.title = change.item.title;
    for (const auto& f : change.fields)
        copyItemField(item, change.item, f.field);
    return item;
}

TouchedPack touchedPack(const Pack& pack, const CataloguePlan& plan, std::size_t first,
                        std::size_t last) {
    TouchedPack out;
    out.pack.root = pack.root;
    out.pack.id = pack.id;
    out.pack.title = pack.title;
    out.pack.organiser = pack.organiser;
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> chapters;
    for (std::size_t e = 0; e < pack.exhibitions.size(); ++e) {
        const auto& source = pack.exhibitions[e];
        Exhibition exhibition;
        exhibition.id = source.id;
        exhibition.title = source.title;
        for (std::size_t c = 0; c < source.chapters.size(); ++c) {
            Chapter chapter;
            chapter.id = source.chapters[c].id;
            chapter.title = source.chapters[c].title;
            exhibition.chapters.push_back(std::move(chapter));
            chapters.emplace(source.id + "\n" + source.chapters[c].id, std::make_pair(e, c));
        }
        out.changeAt.emplace_back(exhibition.chapters.size());
        out.pack.exhibitions.push_back(std::move(exhibition));
    }
    for (std::size_t i = first; i < last; ++i) {
        const auto& change = plan.changes[i];
        const auto it = chapters.find(change.exhibition + "\n" + change.chapter);
        if (it == chapters.end()) continue;
        const auto [e, c] = it->second;
        out.pack.exhibitions[e].chapters[c].items.push_back(checkedItem(change));
        out.changeAt[e][c].push_back(i);
    }
    return out;
}

// "/exhibitions/1/chapters/0/items/7/title/zh" -> 1, 0, 7 and "/title/zh".
bool parseItemPointer(const std::string& pointer, std::size_t index[3], std::string& rest) {
    static const char* const kParts[] = {"/exhibitions/", "/chapters/", "/items/"};
    std::size_t pos = 0;
    for (int k = 0; k < 3; ++k) {
        const std::string_view part = kParts[k];
        if (pointer.compare(pos, part.size(), part) != 0) return false;
        pos += part.size();
        const std::size_t start = pos;
        std::size_t value = 0;
        while (pos < pointer.size() && pointer[pos] >= '0' && pointer[pos] <= '9')
            value = value * 10 + static_cast<std::size_t>(pointer[pos++] - '0');
        if (pos == start) return false;
        index[k] = value;
    }
    rest = pointer.substr(pos);
    return rest.empty() || rest[0] == '/';
}

// The field a pointer inside an item names: "/title/zh" -> TitleZh, "/title" -> TitleZh (a
// missing title), "/images/0/file" -> Images.
std::optional<CatalogueField> fieldAt(const std::string& rest) {
    for (const auto& info : catalogueFields()) {
        if (!*info.jsonPath) continue;
        const std::string path = std::string("/") + info.jsonPath;
        if (rest == path || rest.starts_with(path + "/")) return info.field;
        if (path.starts_with(rest + "/") && rest.size() > 1 && path.ends_with("/zh"))
            return info.field;
    }
    return std::nullopt;
}

// "/images/3/file" -> 3.
std::optional<std::size_t> imageFileIndex(const std::string& rest) {
    static const std::string prefix = "/images/";
    if (!rest.starts_with(prefix) || !rest.ends_with("/file")) return std::nullopt;
    std::size_t value = 0, pos = prefix.size();
    const std::size_t end = rest.size() - 5;
    if (pos >= end) return std::nullopt;
    for (; pos < end; ++pos) {
        if (rest[pos] < '0' || rest[pos] > '9') return std::nullopt;
        value = value * 10 + static_cast<std::size_t>(rest[pos] - '0');
    }
    return value;
}

// The images copied from --images DIR, checked where they are: a pack rooted at DIR whose one
// item shows them all, validated like any pack's images.
void checkImageSources(const Sheet& sheet, const CatalogueImportOptions& options,
                       CataloguePlan& plan) {
    if (plan.copies.empty() || options.imagesDir.empty()) return;
    Pack sources;
    sources.root = options.imagesDir;
    Item item;
    for (std::size_t k = 0; k < plan.copies.size(); ++k) {
        ImageRef image;
        image.file = plan.copies[k].source.lexically_relative(options.imagesDir).generic_string();
        image.alt.zh = image.file;
        image.source.pointer = "/" + std::to_string(k);
        item.images.push_back(std::move(image));
    }
    sources.exhibitions.resize(1);
    sources.exhibitions[0].chapters.resize(1);
    sources.exhibitions[0].chapters[0].items.push_back(std::move(item));
    Diagnostics found;
    validatePack(sources, found);
    for (const auto& d : found.items()) {
        if (!d.pointer.ends_with("/file")) continue;
        const std::size_t k = std::stoul(d.pointer.substr(1));
        if (k >= plan.copies.size()) continue;
        plan.diagnostics.add(cellDiagnostic(sheet, plan.copies[k].row, plan.copies[k].column,
                                            d.severity, d.code, d.message, d.messageZh));
    }
}

// Changes checked at once: bounds the JSON trees the loader builds (a 10,000-row import would
// otherwise hold them all at the same time).
constexpr std::size_t kChangesPerCheck = 2000;

// The problems the loader and the validator find in the items of plan.changes[first, last),
// added to the plan at the cells that caused them.
void checkChanges(const Pack& pack, const Sheet& sheet, CataloguePlan& plan, std::size_t first,
                  std::size_t last, const std::unordered_set<std::string>& pending) {
    std::string text;
    std::vector<std::vector<std::vector<std::size_t>>> changeAt;
    {
        TouchedPack touched = touchedPack(pack, plan, first, last);
        try {
            text = serializePackDocument(packToJson(touched.pack));
        } catch (const nlohmann::json::exception& e) {
            plan.diagnostics.add(cellDiagnostic(
                sheet, plan.mapping.headerRow, -1, Severity::Error, "text.not_utf8",
                std::string("A cell's text is not valid UTF-8 (") + e.what() + ").",
                std::string("有单元格的文字不是有效的 UTF-8（") + e.what() + "）。"));
            return;
        }
        changeAt = std::move(touched.changeAt);
    }
    Diagnostics found;
    {
        PackLoadResult loaded = loadPackFromText(text, pack.root);
        found = std::move(loaded.diagnostics);
        if (loaded.parsed) validatePack(loaded.pack, found, &loaded.documents);
    }
    for (const auto& d : found.items()) {
        std::size_t index[3];
        std::string rest;
        if (d.file != "pack.json" || !parseItemPointer(d.pointer, index, rest)) continue;
        if (index[0] >= changeAt.size() || index[1] >= changeAt[index[0]].size() ||
            index[2] >= changeAt[index[0]][index[1]].size())
            continue;
        const ItemChange& change = plan.changes[changeAt[index[0]][index[1]][index[2]]];
        auto field = fieldAt(rest);
        if (!field && rest.empty() && d.code == "schema.required") {
            // Reported at the item, naming the member: Required field "images" is missing.
            const std::size_t open = d.message.find('"');
            const std::size_t close = d.message.find('"', open + 1);
            if (open != std::string::npos && close != std::string::npos)
                field = fieldAt("/" + d.message.substr(open + 1, close - open - 1));
        }
        // An image copied from --images DIR is not in the pack yet: checked where it is.
        if (const auto k = imageFileIndex(rest);
            k && *k < change.item.images.size() && pending.count(change.item.images[*k].file))
            continue;
        int column = -1;
        bool caused = change.action == ItemAction::Create;
        for (const auto& f : change.fields)
            if (field && f.field == *field) {
                caused = true;
                column = f.column;
            }
        if (!caused) continue; // a problem the item already had, in a field the import leaves
        if (column < 0 && field) column = plan.mapping.columnOf(*field).value_or(-1);
        plan.diagnostics.add(
            cellDiagnostic(sheet, change.row, column, d.severity, d.code, d.message, d.messageZh));
    }
}

} // namespace

void checkCatalogueResult(const Pack& pack, const Sheet& sheet,
                          const CatalogueImportOptions& options, CataloguePlan& plan) {
    std::unordered_set<std::string> pending;
    for (const auto& copy : plan.copies)
        pending.insert(copy.packPath);
    for (std::size_t first = 0; first < plan.changes.size(); first += kChangesPerCheck)
        checkChanges(pack, sheet, plan, first,
                     std::min(plan.changes.size(), first + kChangesPerCheck), pending);
    checkImageSources(sheet, options, plan);
}

} // namespace lantai::core

// core/catalogue: planning an import — rows matched to items (档号, then id), the field-level diff,
// new items and their ids, chapter moves
#include "core/base/json_reader.h"
#include "core/catalogue/catalogue_check.h"
#include "core/catalogue/catalogue_images.h"
#include "core/catalogue/catalogue_import.h"
#include "core/catalogue/catalogue_rows.h"

#include <unordered_map>
#include <unordered_set>

namespace lantai::core {

namespace {

using F = CatalogueField;

struct Location {
    std::size_t exhibition = 0;
    std::size_t chapter = 0;
    friend bool operator==(const Location&, const Location&) = default;
};

struct FirstCell {
    int row = 0;
    int column = 0;
};

bool sameValue(CatalogueField field, const FieldValue& old, const FieldValue& now) {
    switch (fieldInfo(field).shape) {
    case FieldShape::Flag:
        return old.flag == now.flag;
    case FieldShape::List:
        if (old.list.size() != now.list.size()) return false;
        for (std::size_t i = 0; i < old.list.size(); ++i)
            if (cleanCellText(old.list[i]) != now.list[i]) return false;
        return true;
    case FieldShape::Text:
    case FieldShape::Date:
        break;
    }
    return cleanCellText(old.text) == now.text;
}

bool isEmptyValue(const FieldValue& value) {
    return value.text.empty() && value.list.empty() && !value.flag;
}

bool names(const std::string& text, const std::string& id, const LocalizedText& title) {
    return text == id || text == cleanCellText(title.zh) ||
           (!title.en.empty() && text == cleanCellText(title.en));
}

// "J001-001-0001" -> "j001-001-0001"; "" when nothing Latin is left.
std::string slugOf(const std::string& text) {
    std::string slug;
    for (char c : text) {
        const char lowerC = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        if ((lowerC >= 'a' && lowerC <= 'z') || (lowerC >= '0' && lowerC <= '9'))
            slug += lowerC;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    if (slug.size() > 64) slug.resize(64);
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

std::string listOfIds(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < 10; ++i)
        out += (i ? ", " : "") + ids[i];
    if (ids.size() > 10) out += ", …";
    return out;
}

class Planner {
  public:
    Planner(const Pack& pack, const Sheet& sheet, const ColumnMapping& mapping,
            const CatalogueImportOptions& options, CataloguePlan& plan)
        : m_pack(pack), m_sheet(sheet), m_mapping(mapping), m_options(options), m_plan(plan),
          m_images(pack.root, options.imagesDir) {}

    void run() {
        index();
        const auto rows = readCatalogueRows(m_sheet, m_mapping, m_plan.diagnostics);
        m_plan.rows = static_cast<int>(rows.size());
        for (const auto& row : rows)
            if (const auto& id = row.at(F::Id); id.present && !id.value.text.empty())
                m_reservedIds.insert(id.value.text);
        for (const auto& row : rows)
            planRow(row);
        m_plan.notInSheet = static_cast<int>(m_pack.itemCount() - m_matched.size());
        if (m_plan.ok() && !m_plan.changes.empty())
            checkCatalogueResult(m_pack, m_sheet, m_options, m_plan);
    }

  private:
    void index() {
        for (std::size_t e = 0; e < m_pack.exhibitions.size(); ++e)
            for (std::size_t c = 0; c < m_pack.exhibitions[e].chapters.size(); ++c)
                for (const auto& item : m_pack.exhibitions[e].chapters[c].items) {
                    m_items.emplace(item.id, std::make_pair(Location{e, c}, &item));
                    m_usedIds.insert(item.id);
                    const std::string reference = cleanCellText(item.reference);
                    if (!reference.empty()) m_byReference[reference].push_back(item.id);
                }
    }

    void error(int row, int column, const char* code, std::string message, std::string messageZh) {
        m_plan.diagnostics.add(cellDiagnostic(m_sheet, row, column, Severity::Error, code,
                                              std::move(message), std::move(messageZh)));
    }

    // A 档号 or id seen before in the sheet is an error at its second cell.
    bool firstInSheet(std::unordered_map<std::string, FirstCell>& seen, const std::string& key,
                      int row, int column, const char* code, const char* what, const char* whatZh) {
        const auto [it, inserted] = seen.emplace(key, FirstCell{row, column});
        if (inserted) return true;
        const std::string first = cellName(m_sheet, it->second.row, it->second.column);
        error(row, column, code,
              std::string("The ") + what + " \"" + key + "\" is also at " + first +
                  "; each may appear once (a second row would silently overwrite the first).",
              std::string(whatZh) + "“" + key + "”在 " + first +
                  " 已出现；每个只能出现一次（否则后一行会覆盖前一行）。");
        return false;
    }

    void planRow(const CatalogueRow& row) {
        const RowCell& referenceCell = row.at(F::Reference);
        const RowCell& idCell = row.at(F::Id);
        const std::string& reference = referenceCell.value.text;
        const std::string& id = idCell.value.text;
        bool ok = row.readOk;
        if (!reference.empty())
            ok = firstInSheet(m_sheetReferences, reference, row.row, referenceCell.column,
                              kCatalogueReferenceDuplicate, "档号 (reference code)", "档号") &&
                 ok;
        if (!id.empty())
            ok = firstInSheet(m_sheetIds, id, row.row, idCell.column, kCatalogueIdDuplicate, "id",
                              "标识") &&
                 ok;
        if (!ok) return;

        const Item* match = nullptr;
        if (const auto it = m_byReference.find(reference);
            !reference.empty() && it != m_byReference.end()) {
            if (it->second.size() > 1) {
                error(row.row, referenceCell.column, kCatalogueReferenceAmbiguous,
                      "The pack has several items with the 档号 \"" + reference + "\" (" +
                          listOfIds(it->second) +
                          "); give them different 档号 first, or match the row by its id.",
                      "内容包中有多个展品的档号为“" + reference + "”（" + listOfIds(it->second) +
                          "）；请先让它们的档号各不相同，或按标识对应此行。");
                return;
            }
            match = m_items.at(it->second.front()).second;
            if (!id.empty() && id != match->id) {
                error(row.row, idCell.column, kCatalogueIdMismatch,
                      "The 档号 \"" + reference + "\" belongs to the item \"" + match->id +
                          "\", but the id cell says \"" + id +
                          "\". An import never changes an item's id (it is its web address).",
                      "档号“" + reference + "”属于展品“" + match->id + "”，但标识单元格为“" + id +
                          "”。导入不会修改展品标识（它是展品的网址）。");
                return;
            }
        } else if (const auto byId = m_items.find(id); !id.empty() && byId != m_items.end()) {
            match = byId->second.second;
        }
        if (match) {
            if (const auto [it, inserted] = m_matched.emplace(match->id, row.row); !inserted) {
                const std::string first = cellName(m_sheet, it->second, -1);
                error(row.row, -1, kCatalogueItemTwice,
                      "This row and the row at " + first + " both describe the item \"" +
                          match->id + "\" (one by its 档号, one by its id).",
                      "此行与 " + first + " 处的行描述的是同一展品“" + match->id +
                          "”（一行按档号，一行按标识）。");
                return;
            }
            planUpdate(row, *match);
        } else {
            planCreate(row);
        }
    }

    // Where the row's 展览 / 单元 cells put the item; nullopt when they name no place (`named`
    // false) or name one that does not exist (an error was added).
    std::optional<Location> chapterOf(const CatalogueRow& row, bool& named) {
        const RowCell& exhibitionCell = row.at(F::Exhibition);
        const RowCell& chapterCell = row.at(F::Chapter);
        const std::string& exhibitionText = exhibitionCell.value.text;
        const std::string& chapterText = chapterCell.value.text;
        named = !exhibitionText.empty() || !chapterText.empty();
        if (!named) return std::nullopt;
        std::vector<std::size_t> exhibitions;
        std::vector<std::string> known;
        for (std::size_t e = 0; e < m_pack.exhibitions.size(); ++e) {
            const auto& exhibition = m_pack.exhibitions[e];
            known.push_back(exhibition.id);
            if (exhibitionText.empty() || names(exhibitionText, exhibition.id, exhibition.title))
                exhibitions.push_back(e);
        }
        if (exhibitions.empty()) {
            error(row.row, exhibitionCell.column, kCatalogueChapterUnknown,
                  "The pack has no exhibition \"" + exhibitionText + "\" (it has " +
                      listOfIds(known) + "). The import adds items, not exhibitions.",
                  "内容包中没有展览“" + exhibitionText + "”（现有：" + listOfIds(known) +
                      "）。导入只添加展品，不新建展览。");
            return std::nullopt;
        }
        if (chapterText.empty()) {
            const auto& chapters = m_pack.exhibitions[exhibitions.front()].chapters;
            if (exhibitions.size() == 1 && chapters.size() == 1)
                return Location{exhibitions.front(), 0};
            error(row.row, exhibitionCell.column, kCatalogueChapterUnknown,
                  "Name the 单元 (part) too: the exhibition \"" + exhibitionText + "\" has " +
                      std::to_string(chapters.size()) + " parts.",
                  "请同时填写“单元”：展览“" + exhibitionText + "”有 " +
                      std::to_string(chapters.size()) + " 个单元。");
            return std::nullopt;
        }
        std::vector<Location> found;
        known.clear();
        for (std::size_t e : exhibitions)
            for (std::size_t c = 0; c < m_pack.exhibitions[e].chapters.size(); ++c) {
                const auto& chapter = m_pack.exhibitions[e].chapters[c];
                known.push_back(chapter.id);
                if (names(chapterText, chapter.id, chapter.title)) found.push_back({e, c});
            }
        if (found.size() == 1) return found.front();
        if (found.empty())
            error(row.row, chapterCell.column, kCatalogueChapterUnknown,
                  "There is no part (单元) \"" + chapterText + "\"" +
                      (exhibitionText.empty() ? "" : " in \"" + exhibitionText + "\"") +
                      " (the parts are " + listOfIds(known) +
                      "). The import adds items, not parts.",
                  "没有单元“" + chapterText + "”" +
                      (exhibitionText.empty() ? "" : "（展览“" + exhibitionText + "”中）") +
                      "（现有单元：" + listOfIds(known) + "）。导入只添加展品，不新建单元。");
        else
            error(row.row, chapterCell.column, kCatalogueChapterUnknown,
                  "Several exhibitions have a part \"" + chapterText +
                      "\"; fill in the 展览 (exhibition) column.",
                  "多个展览都有单元“" + chapterText + "”；请填写“展览”列。");
        return std::nullopt;
    }

    // The chapter CatalogueImportOptions::newItemChapter names (an error at the row when the
    // pack has none of that id).
    std::optional<Location> defaultChapter(const CatalogueRow& row) {
        const std::string& id = m_options.newItemChapter;
        for (std::size_t e = 0; e < m_pack.exhibitions.size(); ++e)
            for (std::size_t c = 0; c < m_pack.exhibitions[e].chapters.size(); ++c)
                if (m_pack.exhibitions[e].chapters[c].id == id) return Location{e, c};
        error(row.row, -1, kCatalogueChapterUnknown,
              "The part \"" + id + "\" chosen for new items is not in the pack.",
              "为新展品选择的单元“" + id + "”不在内容包中。");
        return std::nullopt;
    }

    std::string placeName(Location at) const {
        const auto& exhibition = m_pack.exhibitions[at.exhibition];
        return exhibition.id + "/" + exhibition.chapters[at.chapter].id;
    }

    // Sets every mapped field of `target` from the row; records what differs from `current`
    // (every non-empty field of a new item). False when an images cell cannot be resolved.
    bool fillFields(const CatalogueRow& row, const Item* current, Item& target,
                    std::vector<FieldChange>& changes) {
        bool ok = true;
        for (const auto& info : catalogueFields()) {
            const F field = info.field;
            if (field == F::Id || field == F::Exhibition || field == F::Chapter) continue;
            const RowCell& cell = row.at(field);
            if (!cell.present) continue;
            FieldValue value = cell.value;
            if (field == F::Images) {
                auto files =
                    m_images.resolve(value.list, current, m_sheet, row.row, cell.column, m_plan);
                if (!files) {
                    ok = false;
                    continue;
                }
                value.list = std::move(*files);
            }
            FieldValue old = current ? itemValue(*current, field) : FieldValue{};
            if (current ? sameValue(field, old, value) : isEmptyValue(value)) continue;
            setItemValue(target, field, value);
            changes.push_back({field, std::move(old), std::move(value), cell.column});
        }
        return ok;
    }

    ItemChange change(ItemAction action, const CatalogueRow& row, Item item, Location at,
                      std::vector<FieldChange> fields) const {
        ItemChange out;
        out.action = action;
        out.row = row.row;
        out.itemId = item.id;
        out.reference = item.reference;
        out.exhibition = m_pack.exhibitions[at.exhibition].id;
        out.chapter = m_pack.exhibitions[at.exhibition].chapters[at.chapter].id;
        out.fields = std::move(fields);
        out.item = std::move(item);
        return out;
    }

    void planUpdate(const CatalogueRow& row, const Item& current) {
        Item target = current;
        std::vector<FieldChange> fields;
        if (!fillFields(row, &current, target, fields)) return;
        const Location now = m_items.at(current.id).first;
        Location at = now;
        bool named = false;
        const auto moved = chapterOf(row, named);
        if (named && !moved) return;
        if (moved && !(*moved == now)) {
            at = *moved;
            FieldChange move;
            move.field = F::Chapter;
            move.before.text = placeName(now);
            move.after.text = placeName(at);
            const RowCell& chapterCell = row.at(F::Chapter);
            move.column =
                chapterCell.value.text.empty() ? row.at(F::Exhibition).column : chapterCell.column;
            fields.push_back(std::move(move));
        }
        if (fields.empty()) {
            ++m_plan.unchanged;
            return;
        }
        m_plan.changes.push_back(
            change(ItemAction::Update, row, std::move(target), at, std::move(fields)));
    }

    std::string newId(const CatalogueRow& row, const Chapter& chapter) {
        auto available = [&](const std::string& id) {
            return isValidId(id) && !m_usedIds.count(id) && !m_reservedIds.count(id);
        };
        std::string id = slugOf(row.at(F::Reference).value.text);
        if (!available(id))
            for (std::size_t n = chapter.items.size() + 1; !available(id); ++n)
                id = chapter.id.substr(0, 50) + "-" + std::to_string(n);
        return id;
    }

    void planCreate(const CatalogueRow& row) {
        bool named = false;
        auto at = chapterOf(row, named);
        if (!named && !m_options.newItemChapter.empty()) at = defaultChapter(row);
        if (!named && m_options.newItemChapter.empty()) {
            error(row.row, -1, kCatalogueChapterUnknown,
                  "This row matches no item of the pack (by 档号 or id), so it adds one, but its "
                  "单元 (part) cell is empty: say which part the new item belongs to.",
                  "此行（按档号或标识）不对应内容包中的任何展品，因此将新增展品，但“单元”为空："
                  "请填写新展品所属的单元。");
            return;
        }
        if (!at) return;
        const RowCell& idCell = row.at(F::Id);
        Item item;
        std::vector<FieldChange> fields;
        if (!idCell.value.text.empty()) {
            if (!isValidId(idCell.value.text)) {
                error(row.row, idCell.column, kCatalogueIdInvalid,
                      "\"" + idCell.value.text +
                          "\" is not a valid id: lower-case letters a-z, digits, - and _, "
                          "starting with a letter or digit, at most 64 characters.",
                      "“" + idCell.value.text +
                          "”不是有效标识：只能用小写字母 a-z、数字、- 和 _，以字母或数字开头，"
                          "最长 64 个字符。");
                return;
            }
            item.id = idCell.value.text;
        } else {
            item.id = newId(row, m_pack.exhibitions[at->exhibition].chapters[at->chapter]);
        }
        m_usedIds.insert(item.id);
        FieldChange idChange;
        idChange.field = F::Id;
        idChange.after.text = item.id;
        idChange.column = idCell.present ? idCell.column : -1;
        fields.push_back(std::move(idChange));
        if (!fillFields(row, nullptr, item, fields)) return;
        m_plan.changes.push_back(
            change(ItemAction::Create, row, std::move(item), *at, std::move(fields)));
    }

    const Pack& m_pack;
    const Sheet& m_sheet;
    const ColumnMapping& m_mapping;
    const CatalogueImportOptions& m_options;
    CataloguePlan& m_plan;
    CatalogueImageResolver m_images;
    std::unordered_map<std::string, std::pair<Location, const Item*>> m_items;
    std::unordered_map<std::string, std::vector<std::string>> m_byReference;
    std::unordered_set<std::string> m_usedIds;
    std::unordered_set<std::string> m_reservedIds; // ids the sheet names (never generated)
    std::unordered_map<std::string, FirstCell> m_sheetReferences;
    std::unordered_map<std::string, FirstCell> m_sheetIds;
    std::unordered_map<std::string, int> m_matched; // item id -> row
};

} // namespace

std::size_t CataloguePlan::updatedCount() const {
    std::size_t n = 0;
    for (const auto& c : changes)
        n += c.action == ItemAction::Update ? 1 : 0;
    return n;
}

std::size_t CataloguePlan::createdCount() const {
    return changes.size() - updatedCount();
}

std::size_t CataloguePlan::changedFieldCount() const {
    std::size_t n = 0;
    for (const auto& c : changes)
        if (c.action == ItemAction::Update) n += c.fields.size();
    return n;
}

CataloguePlan planCatalogueImport(const Pack& pack, const Sheet& sheet,
                                  const ColumnMapping& mapping,
                                  const CatalogueImportOptions& options) {
    CataloguePlan plan;
    plan.file = sheet.file;
    plan.sheet = sheet.name;
    plan.mapping = mapping;
    if (mapping.headerRow >= 0) Planner(pack, sheet, mapping, options, plan).run();
    return plan;
}

} // namespace lantai::core

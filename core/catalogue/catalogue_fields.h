// core/catalogue: the catalogue's columns, declared once — key, bilingual header, synonyms, width,
// and how each reads and writes an item
#pragma once

#include "core/pack/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// Every column a catalogue spreadsheet can have, in the order `lantai catalogue export` writes
// them. Exhibition and Chapter say where an item is; the others are item fields.
enum class CatalogueField {
    Id,
    Exhibition,
    Chapter,
    Reference,
    TitleZh,
    TitleEn,
    Date,
    EraZh,
    EraEn,
    CaptionZh,
    CaptionEn,
    DescriptionZh,
    DescriptionEn,
    HoldingZh,
    HoldingEn,
    RightsZh,
    RightsEn,
    Tags,
    Highlight,
    Images,
};
inline constexpr std::size_t kCatalogueFieldCount = 20;

// How a field's cells are read: plain text, a list (";", "；" or a line break between entries),
// a yes/no flag, or a date.
enum class FieldShape { Text, List, Flag, Date };

struct CatalogueFieldInfo {
    CatalogueField field;
    const char* key;      // stable name in mapping files, the diff and --json: "title.zh"
    const char* headerZh; // the exported header is "<headerZh> <headerEn>": "题名 Title"
    const char* headerEn;
    const char* jsonPath; // where the field lives in an item of pack.json: "title/zh"
    FieldShape shape;
    double width; // exported column width, in characters
};

// The table, in export order (one entry per CatalogueField, in enum order).
const std::vector<CatalogueFieldInfo>& catalogueFields();
const CatalogueFieldInfo& fieldInfo(CatalogueField field);
std::optional<CatalogueField> fieldByKey(std::string_view key);
// "题名 Title", as `lantai catalogue export` writes it.
std::string exportedHeader(CatalogueField field);

// The words a header may use for a field (after normalisation: lower case, full-width letters
// made ASCII, separators removed), not counting the language markers (英文, English, en, ...)
// that pick the _en twin of a bilingual field.
const std::vector<std::string>& fieldSynonyms(CatalogueField field);

// A field's value in one place: text (Text, Date), entries (List) or a flag (Flag).
struct FieldValue {
    std::string text;
    std::vector<std::string> list;
    bool flag = false;
    friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

// The item's current value of an item field (not Exhibition / Chapter).
FieldValue itemValue(const Item& item, CatalogueField field);
// Sets an item field. Images: `value.list` are pack paths; an image the item already shows keeps
// its alt text and caption, others get none.
void setItemValue(Item& item, CatalogueField field, const FieldValue& value);
// Copies the item member a field lives in from `from` to `to` (a bilingual text whole, both
// languages; Exhibition and Chapter: nothing).
void copyItemField(Item& to, const Item& from, CatalogueField field);
// One line for people: the text, list entries joined by "; ", the flag as 是 / 否.
std::string displayValue(CatalogueField field, const FieldValue& value);

} // namespace lantai::core

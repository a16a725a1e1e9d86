// core/catalogue: the column table (keys, headers, synonyms, widths) and item field access
#include "core/catalogue/catalogue_fields.h"

#include <cassert>

namespace lantai::core {

namespace {

using F = CatalogueField;
using S = FieldShape;

const std::vector<CatalogueFieldInfo> kFields = {
    {F::Id, "id", "标识", "ID", "id", S::Text, 16},
    {F::Exhibition, "exhibition", "展览", "Exhibition", "", S::Text, 14},
    {F::Chapter, "chapter", "单元", "Part", "", S::Text, 14},
    {F::Reference, "reference", "档号", "Reference code", "reference", S::Text, 20},
    {F::TitleZh, "title.zh", "题名", "Title", "title/zh", S::Text, 32},
    {F::TitleEn, "title.en", "英文题名", "Title (English)", "title/en", S::Text, 32},
    {F::Date, "date", "年代", "Date", "date", S::Date, 12},
    {F::EraZh, "era.zh", "时期", "Era", "era/zh", S::Text, 14},
    {F::EraEn, "era.en", "英文时期", "Era (English)", "era/en", S::Text, 14},
    {F::CaptionZh, "caption.zh", "图说", "Caption", "caption/zh", S::Text, 30},
    {F::CaptionEn, "caption.en", "英文图说", "Caption (English)", "caption/en", S::Text, 30},
    {F::DescriptionZh, "description.zh", "说明", "Description", "description/zh", S::Text, 50},
    {F::DescriptionEn, "description.en", "英文说明", "Description (English)", "description/en",
     S::Text, 50},
    {F::HoldingZh, "holding.zh", "馆藏单位", "Holding institution", "holding/zh", S::Text, 20},
    {F::HoldingEn, "holding.en", "英文馆藏单位", "Holding institution (English)", "holding/en",
     S::Text, 20},
    {F::RightsZh, "rights.zh", "版权说明", "Rights", "rights/zh", S::Text, 20},
    {F::RightsEn, "rights.en", "英文版权说明", "Rights (English)", "rights/en", S::Text, 20},
    {F::Tags, "tags", "标签", "Tags", "tags", S::List, 20},
    {F::Highlight, "highlight", "重点展品", "Highlight", "highlight", S::Flag, 10},
    {F::Images, "images", "文件名", "Image files", "images", S::List, 32},
};

// Synonyms of the Chinese field of each bilingual pair also name its English twin (with a
// language marker), so they are listed once.
const std::vector<std::vector<std::string>> kSynonyms = {
    /* Id */ {"id", "item id", "标识", "标识符", "展品标识"},
    /* Exhibition */ {"exhibition", "exhibition id", "展览", "展览标识", "展厅"},
    /* Chapter */ {"chapter", "part", "section", "chapter id", "单元", "章节", "部分", "单元标识"},
    /* Reference */
    {"档号", "参考号", "档案号", "档案编号", "索引号", "馆藏号", "reference", "reference code",
     "reference number", "reference no", "ref", "ref no", "call number"},
    /* Title */ {"题名", "标题", "名称", "档案题名", "文件题名", "案卷题名", "title", "name"},
    /* TitleEn */ {},
    /* Date */ {"年代", "日期", "时间", "形成时间", "形成日期", "成文日期", "date"},
    /* Era */ {"时期", "年代说明", "时代", "era", "period"},
    /* EraEn */ {},
    /* Caption */ {"图说", "图注", "简介", "caption"},
    /* CaptionEn */ {},
    /* Description */
    {"说明", "描述", "内容", "内容描述", "内容提要", "摘要", "description", "abstract", "summary"},
    /* DescriptionEn */ {},
    /* Holding */
    {"馆藏单位", "馆藏机构", "收藏单位", "保管单位", "馆藏", "holding", "holding institution",
     "institution", "repository"},
    /* HoldingEn */ {},
    /* Rights */
    {"版权说明", "版权", "权利", "权利声明", "版权声明", "rights", "copyright", "credit",
     "credit line"},
    /* RightsEn */ {},
    /* Tags */ {"标签", "关键词", "主题词", "tags", "tag", "keywords", "subjects"},
    /* Highlight */ {"重点展品", "重点", "精选", "highlight", "featured"},
    /* Images */
    {"文件名", "图像", "图片", "图像文件", "影像", "影像文件", "扫描件", "images", "image",
     "image files", "image file", "files", "file", "file name", "file names", "filename"},
};

// The localised text a bilingual field belongs to (const or not, like the item).
template <class AnyItem> auto textOf(AnyItem& item, CatalogueField field) -> decltype(&item.title) {
    switch (field) {
    case F::TitleZh:
    case F::TitleEn:
        return &item.title;
    case F::EraZh:
    case F::EraEn:
        return &item.era;
    case F::CaptionZh:
    case F::CaptionEn:
        return &item.caption;
    case F::DescriptionZh:
    case F::DescriptionEn:
        return &item.description;
    case F::HoldingZh:
    case F::HoldingEn:
        return &item.holding;
    case F::RightsZh:
    case F::RightsEn:
        return &item.rights;
    default:
        return nullptr;
    }
}

bool isEnglish(CatalogueField field) {
    return field == F::TitleEn || field == F::EraEn || field == F::CaptionEn ||
           field == F::DescriptionEn || field == F::HoldingEn || field == F::RightsEn;
}

} // namespace

const std::vector<CatalogueFieldInfo>& catalogueFields() {
    static_assert(static_cast<std::size_t>(F::Images) + 1 == kCatalogueFieldCount);
    return kFields;
}

const CatalogueFieldInfo& fieldInfo(CatalogueField field) {
    const auto& info = kFields[static_cast<std::size_t>(field)];
    assert(info.field == field);
    return info;
}

std::optional<CatalogueField> fieldByKey(std::string_view key) {
    for (const auto& info : kFields)
        if (key == info.key) return info.field;
    return std::nullopt;
}

std::string exportedHeader(CatalogueField field) {
    const auto& info = fieldInfo(field);
    return std::string(info.headerZh) + " " + info.headerEn;
}

const std::vector<std::string>& fieldSynonyms(CatalogueField field) {
    const auto index = static_cast<std::size_t>(field) - (isEnglish(field) ? 1 : 0);
    return kSynonyms[index];
}

FieldValue itemValue(const Item& item, CatalogueField field) {
    FieldValue value;
    if (const auto* text = textOf(item, field)) {
        value.text = isEnglish(field) ? text->en : text->zh;
        return value;
    }
    switch (field) {
    case F::Id:
        value.text = item.id;
        break;
    case F::Reference:
        value.text = item.reference;
        break;
    case F::Date:
        value.text = item.date;
        break;
    case F::Tags:
        value.list = item.tags;
        break;
    case F::Highlight:
        value.flag = item.highlight;
        break;
    case F::Images:
        for (const auto& image : item.images)
            value.list.push_back(image.file);
        break;
    default:
        break;
    }
    return value;
}

void setItemValue(Item& item, CatalogueField field, const FieldValue& value) {
    if (auto* text = textOf(item, field)) {
        (isEnglish(field) ? text->en : text->zh) = value.text;
        return;
    }
    switch (field) {
    case F::Id:
        item.id = value.text;
        break;
    case F::Reference:
        item.reference = value.text;
        break;
    case F::Date:
        item.date = value.text;
        break;
    case F::Tags:
        item.tags = value.list;
        break;
    case F::Highlight:
        item.highlight = value.flag;
        break;
    case F::Images: {
        std::vector<ImageRef> images;
        for (const auto& file : value.list) {
            ImageRef image;
            image.file = file;
            for (const auto& old : item.images)
                if (old.file == file) {
                    image = old;
                    break;
                }
            images.push_back(std::move(image));
        }
        item.images = std::move(images);
        break;
    }
    default:
        break;
    }
}

void copyItemField(Item& to, const Item& from, CatalogueField field) {
    if (auto* text = textOf(to, field)) {
        *text = *textOf(from, field);
        return;
    }
    if (field == F::Images) {
        to.images = from.images;
        return;
    }
    if (field != F::Exhibition && field != F::Chapter)
        setItemValue(to, field, itemValue(from, field));
}

std::string displayValue(CatalogueField field, const FieldValue& value) {
    const FieldShape shape = fieldInfo(field).shape;
    if (shape == FieldShape::Flag) return value.flag ? "是" : "否";
    if (shape != FieldShape::List) return value.text;
    std::string out;
    for (const auto& entry : value.list)
        out += (out.empty() ? "" : "; ") + entry;
    return out;
}

} // namespace lantai::core

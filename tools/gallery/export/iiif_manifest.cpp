// tools/gallery/export: IIIF Presentation 3 manifest of one exhibition (chapters as Ranges,
// language-map labels)
#include "tools/gallery/export/iiif_manifest.h"

#include "core/gallery/web_paths.h"
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {
namespace {

using nlohmann::json;

json languageMap(const LocalizedText& text) {
    json out = json::object();
    out["zh"] = json::array({text.zh});
    out["en"] = json::array({text.get(Language::En)});
    return out;
}

json languageMap(const std::string& zh, const std::string& en) {
    return languageMap(LocalizedText{zh, en});
}

// IIIF viewers read a summary or metadata value that starts with '<' and ends with '>' as HTML:
// such pack text is escaped and wrapped in <span> so it still shows as the text it is.
std::string plainValue(const std::string& text) {
    if (text.size() >= 2 && text.front() == '<' && text.back() == '>')
        return "<span>" + esc(text) + "</span>";
    return text;
}

json valueMap(const LocalizedText& text) {
    return languageMap(plainValue(text.zh), plainValue(text.get(Language::En)));
}

// A metadata pair labelled with the string table's `labelKey` (the labels the item page shows).
json metadataEntry(const char* labelKey, const LocalizedText& value) {
    return {{"label", languageMap(uiText(labelKey, Language::Zh), uiText(labelKey, Language::En))},
            {"value", valueMap(value)}};
}

struct Ids {
    const SiteContext& c;
    std::string manifest;
    std::string id(const std::string& rootPath) const {
        return c.baseUrl.empty() ? rootPath : webJoinUrl(c.baseUrl, rootPath);
    }
};

json canvas(const Ids& ids, const Item& item, const ImageRef& ref, const PublishedImage& img,
            int page) {
    const std::string canvasId = ids.manifest + "/canvas/" + item.id + "/p" + std::to_string(page);
    LocalizedText label = item.title;
    if (!ref.caption.empty()) {
        label.zh += "（" + ref.caption.zh + "）";
        label.en = item.title.get(Language::En) + " (" + ref.caption.get(Language::En) + ")";
    }
    json service = json::array(
        {{{"id", ids.id(iiifDir(img.key))}, {"type", "ImageService3"}, {"profile", "level0"}}});
    json body = {{"id", ids.id(iiifDir(img.key) + "/" + img.largestSize)},
                 {"type", "Image"},
                 {"format", "image/jpeg"},
                 {"width", img.largestWidth},
                 {"height", img.largestHeight},
                 {"service", service}};
    json annotation = {{"id", canvasId + "/annotation"},
                       {"type", "Annotation"},
                       {"motivation", "painting"},
                       {"body", body},
                       {"target", canvasId}};
    json out = {{"id", canvasId},
                {"type", "Canvas"},
                {"label", languageMap(label)},
                {"width", img.width},
                {"height", img.height},
                {"thumbnail", json::array({{{"id", ids.id(thumbPath(img.key))},
                                            {"type", "Image"},
                                            {"format", "image/jpeg"},
                                            {"width", img.thumbWidth},
                                            {"height", img.thumbHeight}}})},
                {"homepage", json::array({{{"id", ids.id(itemPath(Language::Zh, item.id))},
                                           {"type", "Text"},
                                           {"label", languageMap(item.title)},
                                           {"format", "text/html"}}})},
                {"items", json::array({{{"id", canvasId + "/page"},
                                        {"type", "AnnotationPage"},
                                        {"items", json::array({annotation})}}})}};
    json metadata = json::array();
    if (!item.date.empty() || !item.era.empty())
        metadata.push_back(metadataEntry(
            "item.date", {itemDateText(item, Language::Zh), itemDateText(item, Language::En)}));
    if (!item.reference.empty())
        metadata.push_back(metadataEntry("item.reference", {item.reference, item.reference}));
    if (!item.holding.empty()) metadata.push_back(metadataEntry("item.holding", item.holding));
    if (!metadata.empty()) out["metadata"] = metadata;
    if (!item.caption.empty()) out["summary"] = valueMap(item.caption);
    if (!item.rights.empty()) out["requiredStatement"] = metadataEntry("item.rights", item.rights);
    return out;
}

} // namespace

json exhibitionManifest(const SiteContext& c, const Exhibition& e) {
    const Ids ids{c, c.baseUrl.empty() ? manifestPath(e.id)
                                       : webJoinUrl(c.baseUrl, manifestPath(e.id))};
    json items = json::array();
    json ranges = json::array();
    for (const Chapter& ch : e.chapters) {
        json rangeItems = json::array();
        for (const Item& item : ch.items) {
            int page = 0;
            for (const ImageRef& ref : item.images) {
                const PublishedImage* img = c.image(ref.file);
                if (!img) continue;
                json cv = canvas(ids, item, ref, *img, ++page);
                rangeItems.push_back({{"id", cv["id"]}, {"type", "Canvas"}});
                items.push_back(std::move(cv));
            }
        }
        ranges.push_back({{"id", ids.manifest + "/range/" + ch.id},
                          {"type", "Range"},
                          {"label", languageMap(ch.title)},
                          {"items", rangeItems}});
    }
    json manifest = {{"@context", "http://iiif.io/api/presentation/3/context.json"},
                     {"id", ids.manifest},
                     {"type", "Manifest"},
                     {"label", languageMap(e.title)}};
    if (!e.intro.empty())
        manifest["summary"] = valueMap(e.intro);
    else if (!e.subtitle.empty())
        manifest["summary"] = valueMap(e.subtitle);
    json metadata = json::array({metadataEntry("web.iiif.exhibition", c.pack->title),
                                 metadataEntry("web.footer.organiser", c.pack->organiser)});
    if (!c.pack->event.empty()) metadata.push_back(metadataEntry("web.iiif.event", c.pack->event));
    manifest["metadata"] = metadata;
    manifest["requiredStatement"] = metadataEntry("web.footer.organiser", c.pack->organiser);
    manifest["homepage"] = json::array({{{"id", ids.id(exhibitionPath(Language::Zh, e.id))},
                                         {"type", "Text"},
                                         {"label", languageMap(e.title)},
                                         {"format", "text/html"},
                                         {"language", json::array({"zh"})}},
                                        {{"id", ids.id(exhibitionPath(Language::En, e.id))},
                                         {"type", "Text"},
                                         {"label", languageMap(e.title)},
                                         {"format", "text/html"},
                                         {"language", json::array({"en"})}}});
    if (!items.empty()) manifest["thumbnail"] = items[0]["thumbnail"];
    manifest["items"] = items;
    manifest["structures"] = ranges;
    return manifest;
}

} // namespace lantai::core::web

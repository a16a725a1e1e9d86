// core/pack: pack.json reader (structure, types, required fields, format-version migration)
#include "core/pack/loader.h"

#include "core/base/file_io.h"
#include "core/base/json_reader.h"
#include "core/pack/path_safety.h"
#include "core/pack/validator.h"

#include <cerrno>
#include <cstring>
#include <optional>
#include <sys/stat.h>
#include <utility>

namespace lantai::core {

namespace {

using nlohmann::json;

SourceRef at(const JsonReader& reader, const std::string& pointer) {
    return {reader.document().file(), pointer};
}

WebPolicy readWebPolicy(JsonReader& r, const json& object, const std::string& pointer) {
    WebPolicy web;
    const auto* value = r.member(object, pointer, "web", false);
    if (!value) return web;
    const std::string p = JsonReader::child(pointer, "web");
    if (!r.expectObject(*value, p)) return web;
    r.checkKnownFields(*value, p, {"publish", "max_px"});
    if (value->contains("publish")) {
        const std::string v =
            r.enumeration(*value, p, "publish", {"full", "limited", "none"}, "full");
        web.publish = v == "none"      ? PublishPolicy::None
                      : v == "limited" ? PublishPolicy::Limited
                                       : PublishPolicy::Full;
    }
    web.maxPx = static_cast<int>(r.integer(*value, p, "max_px", 64, 100000, false).value_or(0));
    return web;
}

Badge readBadge(JsonReader& r, const json& value, const std::string& p) {
    Badge badge;
    if (!r.expectObject(value, p)) return badge;
    r.checkKnownFields(value, p, {"kind", "label"});
    const std::string kind =
        r.enumeration(value, p, "kind", {"treasure", "heritage_register", "custom"}, "custom");
    badge.kind = kind == "treasure"            ? BadgeKind::Treasure
                 : kind == "heritage_register" ? BadgeKind::HeritageRegister
                                               : BadgeKind::Custom;
    if (!value.contains("kind")) r.member(value, p, "kind", true);
    badge.label = r.text(value, p, "label", badge.kind == BadgeKind::Custom);
    return badge;
}

} // namespace

Item readItem(JsonReader& r, const json& value, const std::string& p) {
    Item item;
    item.source = at(r, p);
    if (!r.expectObject(value, p)) return item;
    r.checkKnownFields(value, p,
                       {"id", "title", "caption", "description", "date", "era", "reference",
                        "holding", "tags", "badges", "rights", "highlight", "images", "video",
                        "questions", "web", "narration"});
    item.id = r.id(value, p);
    item.title = r.text(value, p, "title", true);
    item.caption = r.text(value, p, "caption", false);
    item.description = r.text(value, p, "description", false);
    item.date = r.string(value, p, "date", false);
    item.era = r.text(value, p, "era", false);
    item.reference = r.string(value, p, "reference", false);
    item.holding = r.text(value, p, "holding", false);
    item.tags = r.stringArray(value, p, "tags");
    if (const auto* badges = r.array(value, p, "badges", false))
        for (std::size_t i = 0; i < badges->size(); ++i)
            item.badges.push_back(
                readBadge(r, (*badges)[i], JsonReader::child(JsonReader::child(p, "badges"), i)));
    item.rights = r.text(value, p, "rights", false);
    item.highlight = r.boolean(value, p, "highlight", false);
    if (const auto* images = r.array(value, p, "images", true, 1))
        for (std::size_t i = 0; i < images->size(); ++i)
            item.images.push_back(readImageRef(
                r, (*images)[i], JsonReader::child(JsonReader::child(p, "images"), i)));
    item.video = r.string(value, p, "video", false);
    item.questions = r.stringArray(value, p, "questions");
    item.web = readWebPolicy(r, value, p);
    item.narration = readNarration(r, value, p);
    return item;
}

Chapter readChapter(JsonReader& r, const json& value, const std::string& p) {
    Chapter chapter;
    chapter.source = at(r, p);
    if (!r.expectObject(value, p)) return chapter;
    r.checkKnownFields(value, p, {"id", "title", "intro", "narration", "items"});
    chapter.id = r.id(value, p);
    chapter.title = r.text(value, p, "title", true);
    chapter.intro = r.text(value, p, "intro", false);
    chapter.narration = readNarration(r, value, p);
    if (const auto* items = r.array(value, p, "items", true))
        for (std::size_t i = 0; i < items->size(); ++i)
            chapter.items.push_back(
                readItem(r, (*items)[i], JsonReader::child(JsonReader::child(p, "items"), i)));
    return chapter;
}

Exhibition readExhibition(JsonReader& r, const json& value, const std::string& p) {
    Exhibition exhibition;
    exhibition.source = at(r, p);
    if (!r.expectObject(value, p)) return exhibition;
    r.checkKnownFields(value, p, {"id", "title", "subtitle", "intro", "cover", "chapters"});
    exhibition.id = r.id(value, p);
    exhibition.title = r.text(value, p, "title", true);
    exhibition.subtitle = r.text(value, p, "subtitle", false);
    exhibition.intro = r.text(value, p, "intro", false);
    if (const auto* cover = r.member(value, p, "cover", false))
        exhibition.cover = readImageRef(r, *cover, JsonReader::child(p, "cover"));
    if (const auto* chapters = r.array(value, p, "chapters", true, 1))
        for (std::size_t i = 0; i < chapters->size(); ++i)
            exhibition.chapters.push_back(readChapter(
                r, (*chapters)[i], JsonReader::child(JsonReader::child(p, "chapters"), i)));
    return exhibition;
}

Video readVideo(JsonReader& r, const json& value, const std::string& p) {
    Video video;
    video.source = at(r, p);
    if (!r.expectObject(value, p)) return video;
    r.checkKnownFields(value, p,
                       {"id", "title", "description", "file", "poster", "subtitles", "exhibition",
                        "chapter", "item"});
    video.id = r.id(value, p);
    video.title = r.text(value, p, "title", true);
    video.description = r.text(value, p, "description", false);
    video.file = r.path(value, p, "file", true);
    if (const auto* poster = r.member(value, p, "poster", false)) {
        // A poster is a plain path; it becomes an image with the video title as alt text.
        const std::string pp = JsonReader::child(p, "poster");
        if (poster->is_string())
            video.poster = ImageRef{r.path(value, p, "poster", false), video.title, {}, at(r, pp)};
        else
            r.string(value, p, "poster", false);
    }
    if (const auto* subtitles = r.array(value, p, "subtitles", false)) {
        for (std::size_t i = 0; i < subtitles->size(); ++i) {
            const std::string sp = JsonReader::child(JsonReader::child(p, "subtitles"), i);
            const auto& s = (*subtitles)[i];
            SubtitleRef sub;
            sub.source = at(r, sp);
            if (!r.expectObject(s, sp)) continue;
            r.checkKnownFields(s, sp, {"lang", "file"});
            sub.lang = r.string(s, sp, "lang", true);
            sub.file = r.path(s, sp, "file", true);
            video.subtitles.push_back(std::move(sub));
        }
    }
    video.exhibition = r.string(value, p, "exhibition", false);
    video.chapter = r.string(value, p, "chapter", false);
    video.item = r.string(value, p, "item", false);
    return video;
}

namespace {

AttractEntry readAttract(JsonReader& r, const json& value, const std::string& p) {
    AttractEntry entry;
    entry.source = at(r, p);
    if (!r.expectObject(value, p)) return entry;
    r.checkKnownFields(value, p, {"item", "video", "muted", "duration_s"});
    const bool hasItem = value.contains("item");
    const bool hasVideo = value.contains("video");
    if (hasItem == hasVideo)
        r.report(Severity::Error, "schema.value", p,
                 "An attract entry needs exactly one of \"item\" or \"video\".",
                 "轮播条目必须且只能包含 \"item\" 或 \"video\" 之一。");
    entry.kind = hasVideo ? AttractEntry::Kind::Video : AttractEntry::Kind::Item;
    entry.id = r.string(value, p, hasVideo ? "video" : "item", false);
    entry.muted = r.boolean(value, p, "muted", true);
    entry.durationS =
        static_cast<int>(r.integer(value, p, "duration_s", 2, 600, false).value_or(0));
    return entry;
}

KioskDefaults readKiosk(JsonReader& r, const json& object) {
    KioskDefaults kiosk;
    const auto* value = r.member(object, "", "kiosk", false);
    if (!value || !r.expectObject(*value, "/kiosk")) return kiosk;
    r.checkKnownFields(*value, "/kiosk",
                       {"idle_timeout_s", "still_there_s", "attract_slide_s", "orientation"});
    kiosk.idleTimeoutS = static_cast<int>(
        r.integer(*value, "/kiosk", "idle_timeout_s", 10, 3600, false).value_or(90));
    kiosk.stillThereS =
        static_cast<int>(r.integer(*value, "/kiosk", "still_there_s", 3, 60, false).value_or(10));
    kiosk.attractSlideS =
        static_cast<int>(r.integer(*value, "/kiosk", "attract_slide_s", 2, 120, false).value_or(8));
    kiosk.orientation =
        r.enumeration(*value, "/kiosk", "orientation", {"auto", "landscape", "portrait"}, "auto");
    return kiosk;
}

// Upgrades an older pack.json document in place to kPackFormatVersion. Version 1 is the first
// version, so there is nothing to migrate yet; future versions add steps here (v1 -> v2 ...).
bool migratePackDocument(JsonReader& r, long long version) {
    if (version > kPackFormatVersion) {
        r.report(Severity::Error, "format.version_unsupported", "/format_version",
                 "This pack uses format version " + std::to_string(version) +
                     "; this Lantai (" LANTAI_VERSION ") reads versions up to " +
                     std::to_string(kPackFormatVersion) + ". Update Lantai on this machine.",
                 "此内容包使用格式版本 " + std::to_string(version) +
                     "，本机 Lantai（" LANTAI_VERSION "）最高支持版本 " +
                     std::to_string(kPackFormatVersion) + "。请升级本机的 Lantai。");
        return false;
    }
    return true;
}

} // namespace

Narration readNarration(JsonReader& r, const json& owner, const std::string& ownerPointer) {
    Narration narration;
    const auto* value = r.member(owner, ownerPointer, "narration", false);
    if (!value) return narration;
    const std::string p = JsonReader::child(ownerPointer, "narration");
    narration.source = at(r, p);
    if (!r.expectObject(*value, p)) return narration;
    r.checkKnownFields(*value, p, {"zh", "en"});
    narration.zh = r.path(*value, p, "zh", false);
    narration.en = r.path(*value, p, "en", false);
    return narration;
}

ImageRef readImageRef(JsonReader& r, const json& value, const std::string& p) {
    ImageRef image;
    image.source = at(r, p);
    if (!r.expectObject(value, p)) return image;
    r.checkKnownFields(value, p, {"file", "alt", "caption"});
    image.file = r.path(value, p, "file", true);
    image.alt = r.text(value, p, "alt", false);
    image.caption = r.text(value, p, "caption", false);
    return image;
}

// Why `dir` cannot be a pack folder (English, Chinese), or nullopt when it is a folder.
static std::optional<std::pair<std::string, std::string>>
describeNonFolder(const std::filesystem::path& dir) {
    const std::string name = dir.string();
    struct stat info {};
    if (::stat(dir.c_str(), &info) != 0) {
        if (errno == ELOOP)
            return std::pair{"The pack folder " + name +
                                 " is a symbolic link that leads back to itself (a link loop).",
                             "内容包文件夹 " + name + " 是指向自身的符号链接（链接循环）。"};
        if (errno == ENOENT || errno == ENOTDIR)
            return std::pair{"The pack folder " + name + " does not exist.",
                             "内容包文件夹 " + name + " 不存在。"};
        return std::pair{"Cannot open the pack folder " + name + ": " + std::strerror(errno) + ".",
                         "无法打开内容包文件夹 " + name + "：" + std::strerror(errno) + "。"};
    }
    if (S_ISDIR(info.st_mode)) return std::nullopt;
    const FileKindName kind = fileKindName(info.st_mode);
    const char* what = kind.en;
    const char* whatZh = kind.zh;
    return std::pair{name + " is " + what +
                         ", not a pack folder. Give the folder that holds pack.json.",
                     name + " 是" + whatZh + "，不是内容包文件夹；请指定包含 pack.json 的文件夹。"};
}

PackLoadResult loadPack(const std::filesystem::path& packDir) {
    PackLoadResult result;
    std::error_code ec;
    result.pack.root = std::filesystem::absolute(packDir, ec);
    const auto packFile = packDir / "pack.json";
    const auto fail = [&](Diagnostic d) {
        d.file = "pack.json";
        result.diagnostics.add(std::move(d));
        return result;
    };
    const std::string folder = packDir.string();
    if (const auto what = describeNonFolder(packDir))
        return fail(operationalError("pack.not_found", "", what->first, what->second));
    auto text = readFile(packFile);
    if (!text) {
        Diagnostic d = std::move(text).error();
        if (d.code == kFileMissing)
            d = operationalError("pack.not_found", "", "There is no pack.json in " + folder + ".",
                                 "文件夹 " + folder + " 中没有 pack.json。");
        return fail(std::move(d));
    }
    return loadPackFromText(*text, result.pack.root);
}

PackLoadResult loadPackFromText(std::string_view packJson, const std::filesystem::path& packRoot) {
    PackLoadResult result;
    std::error_code ec;
    result.pack.root = packRoot.empty() ? packRoot : std::filesystem::absolute(packRoot, ec);
    std::string error;
    auto docPtr = std::make_shared<const JsonDocument>(
        JsonDocument::parse(packJson, "pack.json", result.diagnostics));
    const JsonDocument& doc = *docPtr;
    if (!doc.valid()) return result;
    result.parsed = true;
    result.documents["pack.json"] = docPtr;
    JsonReader r(doc, result.diagnostics);
    const json& root = doc.root();
    Pack& pack = result.pack;
    if (!r.expectObject(root, "")) return result;
    r.checkKnownFields(root, "",
                       {"$schema", "format_version", "id", "title", "organiser", "event", "dates",
                        "default_language", "theme", "kiosk", "attract", "exhibitions", "videos",
                        "quiz_banks", "web"});
    const auto version = r.integer(root, "", "format_version", 1, 1000000, true);
    if (version && !migratePackDocument(r, *version)) return result;
    pack.formatVersion = static_cast<int>(version.value_or(kPackFormatVersion));
    pack.id = r.id(root, "");
    pack.title = r.text(root, "", "title", true);
    pack.organiser = r.text(root, "", "organiser", true);
    pack.event = r.text(root, "", "event", false);
    if (const auto* dates = r.member(root, "", "dates", false);
        dates && r.expectObject(*dates, "/dates")) {
        r.checkKnownFields(*dates, "/dates", {"start", "end"});
        pack.dateStart = r.string(*dates, "/dates", "start", false);
        pack.dateEnd = r.string(*dates, "/dates", "end", false);
    }
    parseLanguage(r.enumeration(root, "", "default_language", {"zh", "en"}, "zh"),
                  pack.defaultLanguage);
    if (const auto theme = r.string(root, "", "theme", false); !theme.empty()) pack.theme = theme;
    pack.kiosk = readKiosk(r, root);
    pack.web = readWebPolicy(r, root, "");
    if (const auto* attract = r.array(root, "", "attract", false))
        for (std::size_t i = 0; i < attract->size(); ++i)
            pack.attract.push_back(readAttract(r, (*attract)[i], JsonReader::child("/attract", i)));
    if (const auto* exhibitions = r.array(root, "", "exhibitions", true, 1))
        for (std::size_t i = 0; i < exhibitions->size(); ++i)
            pack.exhibitions.push_back(
                readExhibition(r, (*exhibitions)[i], JsonReader::child("/exhibitions", i)));
    if (const auto* videos = r.array(root, "", "videos", false))
        for (std::size_t i = 0; i < videos->size(); ++i)
            pack.videos.push_back(readVideo(r, (*videos)[i], JsonReader::child("/videos", i)));

    if (const auto* banks = r.array(root, "", "quiz_banks", false)) {
        for (std::size_t i = 0; i < banks->size(); ++i) {
            const std::string bp = JsonReader::child("/quiz_banks", i);
            const auto& entry = (*banks)[i];
            if (!r.expectObject(entry, bp)) continue;
            r.checkKnownFields(entry, bp, {"file"});
            const std::string file = r.path(entry, bp, "file", true);
            if (file.empty()) continue;
            QuizBank bank;
            bank.file = file;
            bank.source = at(r, bp);
            // Path safety and existence are validator checks; read only what is safely inside.
            if (validatePackPath(pack.root, file).has_value() ||
                !std::filesystem::is_regular_file(pack.root / file, ec)) {
                pack.quizBanks.push_back(std::move(bank));
                continue;
            }
            auto bankText = readFile(pack.root / file, kQuizBankReadLimit);
            if (!bankText) {
                const Diagnostic why = showFileAs(bankText.error(), pack.root / file, file);
                result.diagnostics.add({Severity::Error, "asset.unreadable", file, "", 0, 0,
                                        "Cannot read the quiz bank: " + why.message,
                                        "无法读取题库文件：" + why.messageZh});
                pack.quizBanks.push_back(std::move(bank));
                continue;
            }
            auto bankDoc = std::make_shared<const JsonDocument>(
                JsonDocument::parseOwned(std::move(*bankText), file, result.diagnostics));
            if (bankDoc->valid()) {
                result.documents[file] = bankDoc;
                JsonReader br(*bankDoc, result.diagnostics);
                QuizBank loaded = readQuizBank(br, file);
                loaded.source = bank.source;
                pack.quizBanks.push_back(std::move(loaded));
            } else {
                pack.quizBanks.push_back(std::move(bank));
            }
        }
    }
    return result;
}

PackLoadResult loadAndValidatePack(const std::filesystem::path& packDir) {
    PackLoadResult result = loadPack(packDir);
    if (result.parsed) validatePack(result.pack, result.diagnostics, &result.documents);
    return result;
}

} // namespace lantai::core

// core/pack: pack model -> pack.json / quiz bank JSON (format v1, FORMAT.md field order) and atomic
// writes
#include "core/pack/writer.h"

#include "core/base/file_io.h"
#include "core/pack/path_safety.h"

namespace lantai::core {

namespace {

using Json = nlohmann::ordered_json;

const KioskDefaults kDefaultKiosk{};
const Pack kDefaultPack{};

Json textToJson(const LocalizedText& text) {
    Json out = Json::object();
    out["zh"] = text.zh;
    if (!text.en.empty()) out["en"] = text.en;
    return out;
}

// Optional members are written only when they carry something.
void putText(Json& object, const char* key, const LocalizedText& text) {
    if (!text.empty()) object[key] = textToJson(text);
}

void putString(Json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

void putStrings(Json& object, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) object[key] = values;
}

const char* publishName(PublishPolicy policy) {
    switch (policy) {
    case PublishPolicy::Full:
        return "full";
    case PublishPolicy::Limited:
        return "limited";
    case PublishPolicy::None:
        return "none";
    }
    return "full";
}

const char* badgeKindName(BadgeKind kind) {
    switch (kind) {
    case BadgeKind::Treasure:
        return "treasure";
    case BadgeKind::HeritageRegister:
        return "heritage_register";
    case BadgeKind::Custom:
        return "custom";
    }
    return "custom";
}

void putWeb(Json& object, const WebPolicy& web) {
    if (!web.publish && web.maxPx <= 0) return;
    Json out = Json::object();
    if (web.publish) out["publish"] = publishName(*web.publish);
    if (web.maxPx > 0) out["max_px"] = web.maxPx;
    object["web"] = std::move(out);
}

void putNarration(Json& object, const Narration& narration) {
    if (narration.empty()) return;
    Json out = Json::object();
    putString(out, "zh", narration.zh);
    putString(out, "en", narration.en);
    object["narration"] = std::move(out);
}

Json imageToJson(const ImageRef& image) {
    Json out = Json::object();
    out["file"] = image.file;
    putText(out, "alt", image.alt);
    putText(out, "caption", image.caption);
    return out;
}

Json badgeToJson(const Badge& badge) {
    Json out = Json::object();
    out["kind"] = badgeKindName(badge.kind);
    // A custom badge needs its label even when empty (the reader requires it).
    if (!badge.label.empty() || badge.kind == BadgeKind::Custom)
        out["label"] = textToJson(badge.label);
    return out;
}

} // namespace

Json itemToJson(const Item& item) {
    Json out = Json::object();
    out["id"] = item.id;
    out["title"] = textToJson(item.title);
    putText(out, "caption", item.caption);
    putText(out, "description", item.description);
    putString(out, "date", item.date);
    putText(out, "era", item.era);
    putString(out, "reference", item.reference);
    putText(out, "holding", item.holding);
    putStrings(out, "tags", item.tags);
    if (!item.badges.empty()) {
        Json badges = Json::array();
        for (const auto& badge : item.badges)
            badges.push_back(badgeToJson(badge));
        out["badges"] = std::move(badges);
    }
    putText(out, "rights", item.rights);
    if (item.highlight) out["highlight"] = true;
    Json images = Json::array();
    for (const auto& image : item.images)
        images.push_back(imageToJson(image));
    out["images"] = std::move(images);
    putString(out, "video", item.video);
    putStrings(out, "questions", item.questions);
    putWeb(out, item.web);
    putNarration(out, item.narration);
    return out;
}

Json chapterToJson(const Chapter& chapter) {
    Json out = Json::object();
    out["id"] = chapter.id;
    out["title"] = textToJson(chapter.title);
    putText(out, "intro", chapter.intro);
    putNarration(out, chapter.narration);
    Json items = Json::array();
    for (const auto& item : chapter.items)
        items.push_back(itemToJson(item));
    out["items"] = std::move(items);
    return out;
}

Json exhibitionToJson(const Exhibition& exhibition) {
    Json out = Json::object();
    out["id"] = exhibition.id;
    out["title"] = textToJson(exhibition.title);
    putText(out, "subtitle", exhibition.subtitle);
    putText(out, "intro", exhibition.intro);
    if (exhibition.cover) out["cover"] = imageToJson(*exhibition.cover);
    Json chapters = Json::array();
    for (const auto& chapter : exhibition.chapters)
        chapters.push_back(chapterToJson(chapter));
    out["chapters"] = std::move(chapters);
    return out;
}

Json videoToJson(const Video& video) {
    Json out = Json::object();
    out["id"] = video.id;
    out["title"] = textToJson(video.title);
    putText(out, "description", video.description);
    out["file"] = video.file;
    // In pack.json a poster is a plain path (its alt text is the video title).
    if (video.poster && !video.poster->file.empty()) out["poster"] = video.poster->file;
    if (!video.subtitles.empty()) {
        Json subtitles = Json::array();
        for (const auto& subtitle : video.subtitles) {
            Json s = Json::object();
            s["lang"] = subtitle.lang;
            s["file"] = subtitle.file;
            subtitles.push_back(std::move(s));
        }
        out["subtitles"] = std::move(subtitles);
    }
    putString(out, "exhibition", video.exhibition);
    putString(out, "chapter", video.chapter);
    putString(out, "item", video.item);
    return out;
}

namespace {

Json attractToJson(const AttractEntry& entry) {
    Json out = Json::object();
    if (entry.kind == AttractEntry::Kind::Video) {
        out["video"] = entry.id;
        out["muted"] = entry.muted; // written explicitly: whether a booth plays sound matters
    } else {
        out["item"] = entry.id;
    }
    if (entry.durationS > 0) out["duration_s"] = entry.durationS;
    return out;
}

void putKiosk(Json& object, const KioskDefaults& kiosk) {
    Json out = Json::object();
    if (kiosk.idleTimeoutS != kDefaultKiosk.idleTimeoutS)
        out["idle_timeout_s"] = kiosk.idleTimeoutS;
    if (kiosk.stillThereS != kDefaultKiosk.stillThereS) out["still_there_s"] = kiosk.stillThereS;
    if (kiosk.attractSlideS != kDefaultKiosk.attractSlideS)
        out["attract_slide_s"] = kiosk.attractSlideS;
    if (!kiosk.orientation.empty() && kiosk.orientation != kDefaultKiosk.orientation)
        out["orientation"] = kiosk.orientation;
    if (!out.empty()) object["kiosk"] = std::move(out);
}

Json optionToJson(const QuizOption& option) {
    Json out = Json::object();
    if (!option.text.empty() || !option.image) out["text"] = textToJson(option.text);
    out["correct"] = option.correct; // written explicitly: it is the answer key
    if (option.weight) out["weight"] = *option.weight;
    putText(out, "feedback", option.feedback);
    if (option.image) out["image"] = imageToJson(*option.image);
    return out;
}

} // namespace

Json questionToJson(const Question& question) {
    Json out = Json::object();
    out["id"] = question.id;
    out["type"] = questionTypeName(question.type);
    out["prompt"] = textToJson(question.prompt);
    if (question.image) out["image"] = imageToJson(*question.image);
    if (question.type == QuestionType::TrueFalse) {
        out["answer"] = question.answer;
        if (!question.feedbackTrue.empty() || !question.feedbackFalse.empty()) {
            Json feedback = Json::object();
            putText(feedback, "true", question.feedbackTrue);
            putText(feedback, "false", question.feedbackFalse);
            out["feedback"] = std::move(feedback);
        }
    } else {
        Json options = Json::array();
        for (const auto& option : question.options)
            options.push_back(optionToJson(option));
        out["options"] = std::move(options);
    }
    putText(out, "explanation", question.explanation);
    if (question.difficulty != 1) out["difficulty"] = question.difficulty;
    putStrings(out, "tags", question.tags);
    putString(out, "item", question.item);
    putNarration(out, question.narration);
    return out;
}

Json packToJson(const Pack& pack) {
    Json out = Json::object();
    out["format_version"] = kPackFormatVersion;
    out["id"] = pack.id;
    out["title"] = textToJson(pack.title);
    out["organiser"] = textToJson(pack.organiser);
    putText(out, "event", pack.event);
    if (!pack.dateStart.empty() || !pack.dateEnd.empty()) {
        Json dates = Json::object();
        putString(dates, "start", pack.dateStart);
        putString(dates, "end", pack.dateEnd);
        out["dates"] = std::move(dates);
    }
    if (pack.defaultLanguage != kDefaultPack.defaultLanguage)
        out["default_language"] = languageCode(pack.defaultLanguage);
    if (!pack.theme.empty() && pack.theme != kDefaultPack.theme) out["theme"] = pack.theme;
    putKiosk(out, pack.kiosk);
    if (!pack.attract.empty()) {
        Json attract = Json::array();
        for (const auto& entry : pack.attract)
            attract.push_back(attractToJson(entry));
        out["attract"] = std::move(attract);
    }
    Json exhibitions = Json::array();
    for (const auto& exhibition : pack.exhibitions)
        exhibitions.push_back(exhibitionToJson(exhibition));
    out["exhibitions"] = std::move(exhibitions);
    if (!pack.videos.empty()) {
        Json videos = Json::array();
        for (const auto& video : pack.videos)
            videos.push_back(videoToJson(video));
        out["videos"] = std::move(videos);
    }
    if (!pack.quizBanks.empty()) {
        Json banks = Json::array();
        for (const auto& bank : pack.quizBanks)
            banks.push_back(Json{{"file", bank.file}});
        out["quiz_banks"] = std::move(banks);
    }
    putWeb(out, pack.web);
    return out;
}

Json quizBankToJson(const QuizBank& bank) {
    Json out = Json::object();
    out["format_version"] = kPackFormatVersion;
    out["id"] = bank.id;
    out["title"] = textToJson(bank.title);
    putText(out, "category", bank.category);
    Json questions = Json::array();
    for (const auto& question : bank.questions)
        questions.push_back(questionToJson(question));
    out["questions"] = std::move(questions);
    return out;
}

std::string serializePackDocument(const nlohmann::ordered_json& document) {
    return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

Status writePack(const Pack& pack, const std::filesystem::path& dir) {
    const auto failed = [](std::string file, std::string message, std::string messageZh) {
        return operationalError(kFileWriteFailed, std::move(file), std::move(message),
                                std::move(messageZh));
    };
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return failed(dir.string(),
                      "Cannot create the folder " + dir.string() + ": " + ec.message() + ".",
                      "无法创建文件夹 " + dir.string() + "：" + ec.message() + "。");
    auto write = [&](const std::filesystem::path& file,
                     const nlohmann::ordered_json& document) -> Status {
        std::string text;
        try {
            text = serializePackDocument(document);
        } catch (const nlohmann::json::exception& e) {
            return operationalError(
                "text.not_utf8", file.string(),
                "Cannot write " + file.string() + ": a text is not valid UTF-8 (" + e.what() + ").",
                "无法写入 " + file.string() + "：有文字不是有效的 UTF-8（" + e.what() + "）。");
        }
        return writeFileAtomic(file, std::string_view(text));
    };
    // Banks first, so a pack.json on disk never lists a bank that is not written yet.
    for (const auto& bank : pack.quizBanks) {
        if (bank.file.empty())
            return operationalError("path.unsafe", "",
                                    "Quiz bank \"" + bank.id + "\" has no file path.",
                                    "题库“" + bank.id + "”没有文件路径。");
        if (const auto problem = validatePackPath(dir, bank.file))
            return operationalError("path.unsafe", bank.file,
                                    "Quiz bank \"" + bank.id + "\": " + problem->message,
                                    "题库“" + bank.id + "”：" + problem->messageZh);
        const auto file = dir / bank.file;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            return failed(file.parent_path().string(),
                          "Cannot create the folder " + file.parent_path().string() + ": " +
                              ec.message() + ".",
                          "无法创建文件夹 " + file.parent_path().string() + "：" + ec.message() +
                              "。");
        if (Status written = write(file, quizBankToJson(bank)); !written) return written;
    }
    return write(dir / "pack.json", packToJson(pack));
}

} // namespace lantai::core

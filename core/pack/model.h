// core/pack: the content-pack model (format v1): pack, exhibitions, chapters, items, videos, quiz
// banks
#pragma once

#include "core/base/localized_text.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lantai::core {

inline constexpr int kPackFormatVersion = 1;

// Every model node remembers the file and JSON pointer it was read from, so later checks
// (validator, editor) can point at it.
struct SourceRef {
    std::string file;    // relative to the pack root
    std::string pointer; // JSON pointer into that file
};

struct ImageRef {
    std::string file; // pack-relative path
    LocalizedText alt;
    LocalizedText caption;
    SourceRef source;
};

// A reading of a node's text aloud (an item, a chapter's introduction, a quiz question): one
// audio file per language, pack-relative paths, empty when that language has none. No fallback:
// an English visitor hears `en` only.
struct Narration {
    std::string zh;
    std::string en;
    SourceRef source; // the "narration" member
    bool empty() const { return zh.empty() && en.empty(); }
    const std::string& fileFor(Language language) const {
        return language == Language::En ? en : zh;
    }
};

enum class BadgeKind { Treasure, HeritageRegister, Custom };

struct Badge {
    BadgeKind kind = BadgeKind::Custom;
    LocalizedText label; // optional for known kinds (built-in label used when empty)
};

enum class PublishPolicy { Full, Limited, None };

struct WebPolicy {
    std::optional<PublishPolicy> publish;
    int maxPx = 0; // for Limited
};

struct Item {
    std::string id;
    LocalizedText title;
    LocalizedText caption;
    LocalizedText description;
    std::string date; // YYYY, YYYY-MM or YYYY-MM-DD, or empty
    LocalizedText era;
    std::string reference; // 档号
    LocalizedText holding;
    std::vector<std::string> tags;
    std::vector<Badge> badges;
    LocalizedText rights;
    bool highlight = false;
    std::vector<ImageRef> images;
    std::string video;                  // video id or empty
    std::vector<std::string> questions; // question ids
    WebPolicy web;
    Narration narration;
    SourceRef source;
};

struct Chapter {
    std::string id;
    LocalizedText title;
    LocalizedText intro;
    Narration narration; // of the introduction
    std::vector<Item> items;
    SourceRef source;
};

struct Exhibition {
    std::string id;
    LocalizedText title;
    LocalizedText subtitle;
    LocalizedText intro;
    std::optional<ImageRef> cover;
    std::vector<Chapter> chapters;
    SourceRef source;
};

struct SubtitleRef {
    std::string lang;
    std::string file;
    SourceRef source;
};

struct Video {
    std::string id;
    LocalizedText title;
    LocalizedText description;
    std::string file;
    std::optional<ImageRef> poster;
    std::vector<SubtitleRef> subtitles;
    std::string exhibition;
    std::string chapter;
    std::string item;
    SourceRef source;
};

enum class QuestionType { Single, Multiple, TrueFalse };

const char* questionTypeName(QuestionType type);

struct QuizOption {
    LocalizedText text;
    bool correct = false;
    std::optional<double> weight; // -1 .. 1, GIFT-style fraction
    LocalizedText feedback;
    std::optional<ImageRef> image;
    SourceRef source;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Single;
    LocalizedText prompt;
    std::optional<ImageRef> image;
    std::vector<QuizOption> options; // single / multiple
    bool answer = false;             // true_false
    LocalizedText feedbackTrue;      // true_false: shown after answering "true"
    LocalizedText feedbackFalse;
    LocalizedText explanation;
    int difficulty = 1; // 1..3
    std::vector<std::string> tags;
    std::string item;
    Narration narration; // of the prompt and its options
    SourceRef source;
};

struct QuizBank {
    std::string file; // pack-relative path of the bank file
    std::string id;
    LocalizedText title;
    LocalizedText category;
    std::vector<Question> questions;
    SourceRef source;
};

struct AttractEntry {
    enum class Kind { Item, Video };
    Kind kind = Kind::Item;
    std::string id;
    bool muted = true;
    int durationS = 0; // 0 = default
    SourceRef source;
};

struct KioskDefaults {
    int idleTimeoutS = 90;
    int stillThereS = 10;
    int attractSlideS = 8;
    std::string orientation = "auto";
};

// A node that may have narration (Pack::narrationOwners).
struct NarrationOwner {
    enum class Kind { Item, Chapter, Question };
    Kind kind = Kind::Item;
    std::string id;
    const Narration* narration = nullptr; // into the pack
};

struct Pack {
    std::filesystem::path root; // absolute directory of the pack
    int formatVersion = kPackFormatVersion;
    std::string id;
    LocalizedText title;
    LocalizedText organiser;
    LocalizedText event;
    std::string dateStart;
    std::string dateEnd;
    Language defaultLanguage = Language::Zh;
    std::string theme = "red-archive";
    KioskDefaults kiosk;
    std::vector<AttractEntry> attract;
    std::vector<Exhibition> exhibitions;
    std::vector<Video> videos;
    std::vector<QuizBank> quizBanks;
    WebPolicy web;

    std::size_t itemCount() const;
    std::size_t questionCount() const;
    const Item* findItem(const std::string& id) const;
    const Video* findVideo(const std::string& id) const;
    const Question* findQuestion(const std::string& id) const;
    const Chapter* findChapter(const std::string& id) const;
    // Every chapter, item and question (with or without narration), in pack order.
    std::vector<NarrationOwner> narrationOwners() const;
    // Every image the pack references (items, covers, posters, question and option images),
    // deduplicated by path, in first-seen order.
    std::vector<const ImageRef*> allImages() const;
    // The attract playlist as the kiosk plays it: `attract`, or every highlighted item.
    std::vector<AttractEntry> effectiveAttract() const;
};

} // namespace lantai::core

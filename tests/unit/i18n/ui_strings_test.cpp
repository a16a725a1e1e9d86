// tests: the UI translation table — completeness, placeholders, keys the kiosk uses, counts and
// dates
#include "core/base/utf8.h"
#include "core/i18n/ui_strings.h"
#include "core/pack/model.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex re(R"(\{[a-z_]+\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
        out.insert(it->str());
    return out;
}

// Keys the kiosk screens are written against (attract, home, exhibition, chapter, item grid,
// item detail, zoom, quiz, video, idle reset, out of service).
const char* const kKioskKeys[] = {
    "attract.touch_to_start",
    "attract.welcome",
    "nav.back",
    "nav.home",
    "nav.prev",
    "nav.next",
    "nav.prev_page",
    "nav.next_page",
    "nav.close",
    "nav.read_more",
    "nav.read_less",
    "nav.see_all",
    "lang.switch",
    "a11y.high_contrast",
    "a11y.standard_colors",
    "a11y.larger_text",
    "a11y.normal_text",
    "home.exhibitions",
    "home.quiz",
    "home.videos",
    "home.highlights",
    "home.organiser",
    "exhibition.open",
    "exhibition.start",
    "exhibition.intro",
    "exhibition.chapter_n",
    "exhibition.chapters",
    "grid.items",
    "grid.empty",
    "item.reference",
    "item.holding",
    "item.date",
    "item.description",
    "item.rights",
    "item.tags",
    "item.image_n_of",
    "item.watch_video",
    "item.related_quiz",
    "item.scan_to_continue",
    "badge.treasure",
    "badge.heritage_register",
    "image.unavailable",
    "zoom.open",
    "zoom.hint",
    "zoom.drag_hint",
    "zoom.in",
    "zoom.out",
    "zoom.reset",
    "quiz.choose_bank",
    "quiz.choose_level",
    "quiz.level.1",
    "quiz.level.2",
    "quiz.level.3",
    "quiz.count",
    "quiz.start",
    "quiz.question_n_of",
    "quiz.type.single",
    "quiz.type.multiple",
    "quiz.type.true_false",
    "quiz.true",
    "quiz.false",
    "quiz.submit",
    "quiz.next",
    "quiz.finish",
    "quiz.correct",
    "quiz.wrong",
    "quiz.partial",
    "quiz.correct_answer",
    "quiz.explanation",
    "quiz.see_archive",
    "quiz.result",
    "quiz.score",
    "quiz.play_again",
    "quiz.quit",
    "quiz.empty",
    "video.all",
    "video.count",
    "video.play",
    "video.pause",
    "video.replay",
    "video.mute",
    "video.unmute",
    "video.subtitles_on",
    "video.subtitles_off",
    "video.unavailable",
    "video.empty",
    "idle.still_there",
    "idle.countdown",
    "idle.continue",
    "idle.restart",
    "service.out_of_service",
    "service.come_back",
    "service.ask_staff",
    "common.loading",
};

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(UiStrings, EveryEntryHasChineseAndEnglish) {
    std::set<std::string> keys;
    static const std::regex keyPattern(R"([a-z0-9_]+(\.[a-z0-9_]+)+)");
    for (const auto& e : allTextEntries()) {
        SCOPED_TRACE(e.key);
        EXPECT_TRUE(keys.insert(e.key).second) << "duplicate key";
        EXPECT_TRUE(std::regex_match(e.key, keyPattern)) << "keys are area.name in lower case";
        EXPECT_STRNE(e.zh, "");
        EXPECT_STRNE(e.en, "");
        EXPECT_FALSE(findInvalidUtf8(e.zh).has_value());
        EXPECT_FALSE(findInvalidUtf8(e.en).has_value());
        EXPECT_EQ(placeholders(e.zh), placeholders(e.en))
            << "both languages use the same {placeholders}";
        EXPECT_EQ(uiText(e.key, Language::Zh), e.zh);
        EXPECT_EQ(uiText(e.key, Language::En), e.en);
    }
    EXPECT_GE(keys.size(), 100u);
}

TEST(UiStrings, ChineseUsesFullWidthPunctuation) {
    for (const auto& e : allTextEntries()) {
        const std::string zh = e.zh;
        if (std::string(e.key) == "lang.switch") continue; // the English label of the switch
        for (char c : {'?', '!', ',', ':', ';', '(', ')'})
            EXPECT_EQ(zh.find(c), std::string::npos)
                << e.key << ": \"" << zh << "\" has ASCII '" << c << "'";
    }
}

TEST(UiStrings, KnownValues) {
    EXPECT_EQ(uiText("attract.touch_to_start", Language::Zh), "触摸屏幕开始参观");
    EXPECT_EQ(uiText("attract.touch_to_start", Language::En), "Touch to start");
    EXPECT_EQ(uiText("lang.switch", Language::Zh), "English");
    EXPECT_EQ(uiText("lang.switch", Language::En), "中文");
    EXPECT_EQ(uiText("idle.still_there", Language::Zh), "还在吗？");
    EXPECT_EQ(uiText("service.out_of_service", Language::En), "Out of service");
    EXPECT_EQ(uiText("item.reference", Language::Zh), "档号");
    EXPECT_EQ(uiText("badge.treasure", Language::Zh), "镇馆之宝");
    EXPECT_EQ(uiText("zoom.hint", Language::En), "Pinch to zoom");
}

TEST(UiStrings, EveryKeyTheKioskUsesExists) {
    for (const char* key : kKioskKeys)
        EXPECT_TRUE(hasUiText(key)) << key;
}

// Scans the kiosk's sources for uiText("…"), uiFormat("…") and uiCount("…") with a literal key,
// so a typo in a screen fails here instead of showing "nav.bakc" at the booth.
TEST(UiStrings, EveryLiteralKeyInKioskSourcesExists) {
    const fs::path kioskDir = fs::path(LANTAI_SOURCE_DIR) / "kiosk";
    if (!fs::exists(kioskDir)) GTEST_SKIP() << "no kiosk/ sources yet";
    static const std::regex call(R"((uiText|uiFormat|uiCount)\s*\(\s*"([^"]+)\")");
    std::size_t found = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kioskDir)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        const std::string text = readText(entry.path());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call);
             it != std::sregex_iterator(); ++it) {
            ++found;
            EXPECT_TRUE(hasUiText((*it)[2].str()))
                << entry.path().lexically_relative(LANTAI_SOURCE_DIR).string()
                << ": unknown UI key \"" << (*it)[2].str() << "\"";
        }
    }
    std::printf("checked %zu literal UI keys in kiosk/\n", found);
}

TEST(UiStrings, MissingKeyReturnsTheKeyAndIsRecorded) {
    const std::string& text = uiText("test.no_such_key", Language::En);
    EXPECT_EQ(text, "test.no_such_key");
    EXPECT_EQ(&uiText("test.no_such_key", Language::Zh), &text); // stable storage
    EXPECT_FALSE(hasUiText("test.no_such_key"));
    const auto missing = missingUiTextKeys();
    EXPECT_NE(std::find(missing.begin(), missing.end(), "test.no_such_key"), missing.end());
}

TEST(UiStrings, FormatAndCounts) {
    EXPECT_EQ(uiFormat("idle.countdown", Language::Zh, {{"n", "8"}}), "8 秒后回到首页");
    EXPECT_EQ(uiFormat("idle.countdown", Language::En, {{"n", "8"}}),
              "Returning to the start in 8 s");
    EXPECT_EQ(uiFormat("quiz.score", Language::En, {{"score", "4"}, {"total", "5"}}),
              "Score: 4 of 5");
    EXPECT_EQ(uiCount("grid.items", 1, Language::En), "1 item");
    EXPECT_EQ(uiCount("grid.items", 12, Language::En), "12 items");
    EXPECT_EQ(uiCount("grid.items", 12, Language::Zh), "12 件展品");
    EXPECT_EQ(uiCount("grid.items", 0, Language::En), "0 items");
    EXPECT_EQ(uiCount("exhibition.chapter_n", 2, Language::Zh), "第2单元");
}

TEST(UiStrings, ItemDates) {
    struct Case {
        const char* iso;
        const char* zh;
        const char* en;
    };
    const Case cases[] = {
        {"1949", "1949年", "1949"},
        {"1949-10", "1949年10月", "October 1949"},
        {"1949-10-01", "1949年10月1日", "1 October 1949"},
        {"1921-07-23", "1921年7月23日", "23 July 1921"},
        {"1930年代", "1930年代", "1930年代"},    // not ISO: unchanged
        {"1949-13", "1949-13", "1949-13"},       // bad month: unchanged
        {"1949-10-1", "1949-10-1", "1949-10-1"}, // malformed: unchanged
        {"", "", ""},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(formatItemDate(c.iso, Language::Zh), c.zh) << c.iso;
        EXPECT_EQ(formatItemDate(c.iso, Language::En), c.en) << c.iso;
    }
}

TEST(UiStrings, BadgeLabels) {
    Badge treasure;
    treasure.kind = BadgeKind::Treasure;
    EXPECT_EQ(badgeText(treasure, Language::Zh), "镇馆之宝");
    EXPECT_EQ(badgeText(treasure, Language::En), "Treasure of the collection");
    Badge heritage;
    heritage.kind = BadgeKind::HeritageRegister;
    EXPECT_EQ(badgeText(heritage, Language::Zh), "档案文献遗产");
    heritage.label = {"中国档案文献遗产名录", "Memory of the World Register of China"};
    EXPECT_EQ(badgeText(heritage, Language::En), "Memory of the World Register of China");
    Badge custom;
    custom.label = {"珍贵手稿", ""};
    EXPECT_EQ(badgeText(custom, Language::En), "珍贵手稿"); // English falls back to Chinese
}

// One table, two surfaces: the kiosk's view is every entry outside "web.", in table order.
TEST(UiStrings, KioskEntriesAreTheTableWithoutTheWebStrings) {
    std::vector<std::string> expected, kiosk;
    std::size_t web = 0;
    for (const auto& e : allTextEntries()) {
        if (isWebOnlyKey(e.key))
            ++web;
        else
            expected.push_back(e.key);
    }
    for (const auto& e : allUiTextEntries())
        kiosk.push_back(e.key);
    EXPECT_EQ(kiosk, expected);
    EXPECT_GE(web, 20u);
    EXPECT_TRUE(hasUiText("web.skip"));
    EXPECT_EQ(allUiText().find(uiText("web.search.noscript", Language::Zh)), std::string::npos)
        << "the web's own strings stay out of the kiosk's font atlas";
}

TEST(UiStrings, ItemDateIsTheDateElseThePeriod) {
    Item item;
    item.era = {"1930年代", "1930s"};
    EXPECT_EQ(itemDateText(item, Language::En), "1930s");
    item.date = "1931-05-04";
    EXPECT_EQ(itemDateText(item, Language::Zh), "1931年5月4日");
    EXPECT_EQ(itemDateText(Item{}, Language::En), "");
}

TEST(UiStrings, AllUiTextCoversEveryCharacter) {
    const std::string all = allUiText();
    EXPECT_FALSE(findInvalidUtf8(all).has_value());
    for (const auto& e : allUiTextEntries()) {
        EXPECT_NE(all.find(e.zh), std::string::npos) << e.key;
        EXPECT_NE(all.find(e.en), std::string::npos) << e.key;
    }
    for (const char* s : {"触", "镇", "？", "…", "："})
        EXPECT_NE(all.find(s), std::string::npos) << s;
}

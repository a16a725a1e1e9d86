// tests: the glossary — every string of the one table (kiosk and web) and of the web viewer's
// strings.js renders each archive term one way, in both directions; the check itself
#include "core/i18n/glossary.h"
#include "core/i18n/ui_strings.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace lantai::core;

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<std::string> messages(const std::vector<GlossaryConflict>& conflicts) {
    std::vector<std::string> out;
    for (const auto& c : conflicts)
        out.push_back(c.message);
    return out;
}

// Backing store for UiTextEntry's const char* fields.
struct Entries {
    std::vector<std::string> texts;
    std::vector<UiTextEntry> entries;
    void add(std::string key, std::string zh, std::string en) {
        texts.push_back(std::move(key));
        texts.push_back(std::move(zh));
        texts.push_back(std::move(en));
    }
    std::span<const UiTextEntry> view() {
        entries.clear();
        for (std::size_t i = 0; i + 2 < texts.size(); i += 3)
            entries.push_back({texts[i].c_str(), texts[i + 1].c_str(), texts[i + 2].c_str()});
        return entries;
    }
};

// The web viewer's own strings (tools/gallery/viewer/src/strings.js): `key: '…'` pairs of the
// zh and en blocks, paired by key.
Entries viewerStrings() {
    const std::filesystem::path file =
        std::filesystem::path(LANTAI_SOURCE_DIR) / "tools/gallery/viewer/src/strings.js";
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const std::size_t zhAt = text.find("zh: {");
    const std::size_t enAt = text.find("en: {");
    Entries out;
    if (zhAt == std::string::npos || enAt == std::string::npos || enAt < zhAt) return out;
    const std::regex pair(R"re((\w+): '((?:[^'\\]|\\.)*)')re");
    auto read = [&](std::size_t from, std::size_t to) {
        std::map<std::string, std::string> m;
        const std::string block = text.substr(from, to - from);
        for (std::sregex_iterator it(block.begin(), block.end(), pair), end; it != end; ++it)
            m[(*it)[1]] = (*it)[2];
        return m;
    };
    const auto zh = read(zhAt, enAt);
    const auto en = read(enAt, text.size());
    for (const auto& [key, value] : zh)
        if (const auto it = en.find(key); it != en.end())
            out.add("viewer." + key, value, it->second);
    return out;
}

} // namespace

TEST(Glossary, TermsAreWellFormedAndEachRenderedOneWay) {
    std::set<std::string> zh, en;
    for (const GlossaryTerm& t : glossary()) {
        SCOPED_TRACE(t.zh);
        EXPECT_STRNE(t.zh, "");
        EXPECT_STRNE(t.en, "");
        EXPECT_TRUE(zh.insert(t.zh).second) << "one English rendering per Chinese term";
        EXPECT_TRUE(en.insert(lower(t.en)).second) << "one Chinese term per English rendering";
    }
    EXPECT_GE(zh.size(), 10u);
}

TEST(Glossary, TheStringTableKeepsToIt) {
    const auto conflicts = glossaryConflicts(allTextEntries());
    for (const std::string& m : messages(conflicts))
        ADD_FAILURE() << m;
    EXPECT_TRUE(conflicts.empty());
}

TEST(Glossary, TheWebViewerStringsKeepToIt) {
    Entries viewer = viewerStrings();
    const auto entries = viewer.view();
    ASSERT_GE(entries.size(), 30u) << "strings.js was not read (moved or reshaped?)";
    for (const std::string& m : messages(glossaryConflicts(entries)))
        ADD_FAILURE() << m;
}

// The archive terms the kiosk and the site both show come from the same entries.
TEST(Glossary, KioskAndSiteShareTheArchiveLabels) {
    EXPECT_EQ(uiText("item.date", Language::Zh), "年代");
    EXPECT_EQ(uiText("item.date", Language::En), "Date");
    EXPECT_EQ(uiText("item.reference", Language::En), "Reference code");
    EXPECT_EQ(uiText("item.holding", Language::En), "Holding institution");
    EXPECT_EQ(uiText("home.quiz", Language::Zh), "知识问答");
    EXPECT_EQ(uiText("web.home.chapters", Language::Zh), "单元");
}

TEST(Glossary, CheckReportsBothDirections) {
    Entries e;
    e.add("a.period", "年代", "Period");              // Chinese term, other English
    e.add("a.when", "时期", "Date");                  // English term, other Chinese
    e.add("a.ok", "年代", "Date");                    // agrees
    e.add("a.plural", "全部视频", "All videos");      // plural is the same word
    e.add("a.update", "更新", "Update");              // "date" inside a word is not the term
    e.add("a.running", "退出答题", "Leave the quiz"); // the running-text rendering of Quiz
    e.add("a.placeholder", "{title}：图像", "{title}: image"); // a placeholder is no word
    e.add("a.quiz", "开始知识问答", "Start");                  // 知识问答 must still say Quiz
    const auto conflicts = glossaryConflicts(e.view());
    ASSERT_EQ(conflicts.size(), 3u) << ::testing::PrintToString(messages(conflicts));
    EXPECT_EQ(conflicts[0].key, "a.period");
    EXPECT_TRUE(conflicts[0].chineseSide);
    EXPECT_STREQ(conflicts[0].term->en, "Date");
    EXPECT_EQ(conflicts[1].key, "a.when");
    EXPECT_FALSE(conflicts[1].chineseSide);
    EXPECT_EQ(conflicts[2].key, "a.quiz");
    EXPECT_NE(conflicts[0].message.find("Period"), std::string::npos);
}

TEST(Glossary, LongerTermsHideTheShorterOnesInside) {
    const GlossaryTerm terms[] = {{"说明", "Description"},
                                  {"版权说明", "Rights"},
                                  {"展览", "Exhibition"},
                                  {"展厅", "Exhibition hall"}};
    Entries e;
    e.add("b.rights", "版权说明", "Rights");
    e.add("b.hall", "原件请到展厅观看", "See the original in the exhibition hall");
    e.add("b.both", "展览说明", "About the exhibition");
    const auto conflicts = glossaryConflicts(e.view(), terms);
    ASSERT_EQ(conflicts.size(), 1u) << ::testing::PrintToString(messages(conflicts));
    EXPECT_EQ(conflicts[0].key, "b.both");
    EXPECT_STREQ(conflicts[0].term->zh, "说明");
}

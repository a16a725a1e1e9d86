// tools/gallery/export: the fixed texts of the exported site in Chinese and English (nav, labels,
// notes)
#include "tools/gallery/export/site_strings.h"

#include <map>

namespace lantai::core::web {
namespace {

struct Entry {
    const char* key;
    const char* zh;
    const char* en;
};

constexpr Entry kEntries[] = {
    {"skip", "跳到正文", "Skip to content"},
    {"nav.main", "主导航", "Main"},
    {"nav.exhibitions", "展览", "Exhibitions"},
    {"nav.videos", "视频", "Videos"},
    {"nav.quiz", "知识问答", "Quiz"},
    {"nav.breadcrumb", "当前位置", "You are here"},
    {"lang.other", "English", "中文"},
    {"search.label", "搜索展品", "Search the collection"},
    {"search.button", "搜索", "Search"},
    {"search.title", "搜索", "Search"},
    {"search.noscript", "搜索需要启用 JavaScript。", "Search needs JavaScript."},
    {"home.exhibitions", "展览", "Exhibitions"},
    {"home.chapters", "章节", "Chapters"},
    {"chapter.items", "{n} 件展品", "{n} items"},
    {"exhibition.open", "进入展览", "Open the exhibition"},
    {"item.date", "日期", "Date"},
    {"item.era", "年代", "Period"},
    {"item.reference", "档号", "Reference no."},
    {"item.holding", "馆藏单位", "Held by"},
    {"item.rights", "版权说明", "Rights"},
    {"item.badges", "标记", "Badges"},
    {"item.prev", "上一件", "Previous"},
    {"item.next", "下一件", "Next"},
    {"item.pager", "展品翻页", "Item pages"},
    {"item.video", "相关视频", "Related video"},
    {"item.images", "图像", "Images"},
    {"item.exhibition_only", "原件仅在展厅展示", "The original is shown at the exhibition only"},
    {"item.limited", "网上展示为缩小的版本，原件请到展厅观看。",
     "Shown online at reduced resolution; see the original at the exhibition."},
    {"item.zoom_hint", "点击图像可放大查看细节。", "Select an image to zoom in on details."},
    {"videos.title", "视频", "Videos"},
    {"videos.empty", "暂无视频。", "No videos yet."},
    {"video.no_support", "您的浏览器无法播放此视频：", "Your browser cannot play this video: "},
    {"video.download", "下载视频", "download it"},
    {"video.item", "相关展品", "Related item"},
    {"quiz.title", "知识问答", "Archive quiz"},
    {"quiz.questions", "{n} 道题", "{n} questions"},
    {"quiz.noscript", "知识问答需要启用 JavaScript。", "The quiz needs JavaScript."},
    {"quiz.empty", "暂无题库。", "No quiz yet."},
    {"footer.organiser", "主办", "Organised by"},
    {"footer.iiif", "IIIF 清单", "IIIF manifest"},
    {"footer.made_with", "由兰台生成", "Made with Lantai"},
    {"chooser.title", "选择语言", "Choose a language"},
};

const std::map<std::string, std::pair<std::string, std::string>, std::less<>>& table() {
    static const auto* map = [] {
        auto* m = new std::map<std::string, std::pair<std::string, std::string>, std::less<>>();
        for (const Entry& e : kEntries)
            (*m)[e.key] = {e.zh, e.en};
        return m;
    }();
    return *map;
}

} // namespace

const std::string& siteText(std::string_view key, Language lang) {
    const auto& t = table();
    const auto it = t.find(key);
    if (it == t.end()) {
        static const std::string unknown = "?";
        return unknown;
    }
    return lang == Language::Zh ? it->second.first : it->second.second;
}

bool hasSiteText(std::string_view key) {
    return table().find(key) != table().end();
}

std::string siteCount(std::string_view key, long long n, Language lang) {
    std::string text = siteText(key, lang);
    const auto pos = text.find("{n}");
    if (pos != std::string::npos) text.replace(pos, 3, std::to_string(n));
    if (lang == Language::En && n == 1 && text.size() > 1 && text.back() == 's') text.pop_back();
    return text;
}

} // namespace lantai::core::web

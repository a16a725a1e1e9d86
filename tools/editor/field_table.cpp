// tools/editor: the fields of each node kind as content/FORMAT.md lists them
#include "tools/editor/field_table.h"

#include <cctype>

namespace lantai::editor {

using core::edit::NodeKind;
using W = FieldWidget;

const std::vector<FieldSpec>& fieldsOf(NodeKind kind) {
    static const std::vector<FieldSpec> pack = {
        {"/title", "标题", "Title", W::Line, true},
        {"/organiser", "主办单位", "Organiser", W::Line, true},
        {"/event", "活动", "Event", W::Line},
        {"/dates", "展期", "Dates", W::DateRange},
        {"/default_language", "默认语言", "Default language", W::Choice, false, {"zh", "en"}},
        {"/theme", "主题", "Theme", W::Choice, false, {"red-archive", "high-contrast"}},
        {"/kiosk/idle_timeout_s",
         "无操作重置（秒）",
         "Idle reset (s)",
         W::Number,
         false,
         {},
         10,
         3600},
        {"/kiosk/still_there_s",
         "“还在吗”倒计时（秒）",
         "“Still there?” countdown (s)",
         W::Number,
         false,
         {},
         3,
         60},
        {"/kiosk/attract_slide_s",
         "待机轮播每页（秒）",
         "Attract slide (s)",
         W::Number,
         false,
         {},
         2,
         120},
        {"/kiosk/orientation",
         "屏幕方向",
         "Orientation",
         W::Choice,
         false,
         {"auto", "landscape", "portrait"}},
        {"/web/publish",
         "云展厅发布",
         "Cloud gallery",
         W::Choice,
         false,
         {"full", "limited", "none"}},
        {"/web/max_px", "云展厅最大像素", "Gallery max px", W::Number, false, {}, 256, 20000},
    };
    static const std::vector<FieldSpec> exhibition = {
        {"/title", "标题", "Title", W::Line, true},
        {"/subtitle", "副标题", "Subtitle", W::Line},
        {"/intro", "导言", "Introduction", W::Paragraph},
    };
    static const std::vector<FieldSpec> chapter = {
        {"/title", "标题", "Title", W::Line, true},
        {"/intro", "导言", "Introduction", W::Paragraph},
        {"/narration", "导言朗读", "Introduction read aloud", W::Narration},
    };
    static const std::vector<FieldSpec> item = {
        {"/title", "标题", "Title", W::Line, true},
        {"/caption", "说明", "Caption", W::Paragraph},
        {"/description", "详细介绍", "Description", W::Paragraph},
        {"/date", "日期", "Date", W::Date},
        {"/era", "年代", "Period", W::Line},
        {"/reference", "档号", "Reference no.", W::Plain},
        {"/holding", "馆藏单位", "Holding institution", W::Line},
        {"/rights", "版权", "Rights", W::Line},
        {"/highlight", "待机轮播展示", "In the attract loop", W::Flag},
        {"/badges", "标记", "Badges", W::Badges},
        {"/tags", "标签", "Tags", W::Tags},
        {"/images", "图片", "Images", W::Images, true},
        {"/video", "视频", "Video", W::NodeLink, false, {}, 0, 0, NodeKind::Video},
        {"/web/publish",
         "云展厅发布",
         "Cloud gallery",
         W::Choice,
         false,
         {"full", "limited", "none"}},
        {"/narration", "朗读", "Read aloud", W::Narration},
    };
    static const std::vector<FieldSpec> video = {
        {"/title", "标题", "Title", W::Line, true},
        {"/description", "介绍", "Description", W::Paragraph},
        {"/exhibition",
         "所属展览",
         "Exhibition",
         W::NodeLink,
         false,
         {},
         0,
         0,
         NodeKind::Exhibition},
        {"/chapter", "所属章节", "Chapter", W::NodeLink, false, {}, 0, 0, NodeKind::Chapter},
        {"/item", "相关展品", "Item", W::NodeLink, false, {}, 0, 0, NodeKind::Item},
    };
    static const std::vector<FieldSpec> bank = {
        {"/title", "题库名称", "Bank title", W::Line, true},
        {"/category", "分类", "Category", W::Line},
    };
    static const std::vector<FieldSpec> question = {
        {"/type", "题型", "Type", W::Choice, true, {"single", "multiple", "true_false"}},
        {"/prompt", "题目", "Question", W::Paragraph, true},
        {"/options", "选项", "Options", W::Options},
        {"/answer", "正确答案（判断题）", "Answer (true/false)", W::Flag},
        {"/explanation", "答案解析", "Explanation", W::Paragraph},
        {"/difficulty",
         "难度（1 小学 2 中学 3 成人）",
         "Difficulty (1 primary 2 secondary 3 adult)",
         W::Number,
         false,
         {},
         1,
         3},
        {"/tags", "标签", "Tags", W::Tags},
        {"/item", "相关展品", "Linked item", W::NodeLink, false, {}, 0, 0, NodeKind::Item},
        {"/narration", "题目朗读", "Question read aloud", W::Narration},
    };
    static const std::vector<FieldSpec> none;
    switch (kind) {
    case NodeKind::Pack:
        return pack;
    case NodeKind::Exhibition:
        return exhibition;
    case NodeKind::Chapter:
        return chapter;
    case NodeKind::Item:
        return item;
    case NodeKind::Video:
        return video;
    case NodeKind::QuizBank:
        return bank;
    case NodeKind::Question:
        return question;
    }
    return none;
}

bool isPartialDate(const std::string& text) {
    if (text.empty()) return true;
    auto digits = [&](std::size_t from, std::size_t count) {
        if (text.size() < from + count) return false;
        for (std::size_t i = from; i < from + count; ++i)
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
        return true;
    };
    if (!digits(0, 4)) return false;
    if (text.size() == 4) return true;
    if (text[4] != '-' || !digits(5, 2)) return false;
    const int month = std::stoi(text.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (text.size() == 7) return true;
    if (text.size() != 10 || text[7] != '-' || !digits(8, 2)) return false;
    const int year = std::stoi(text.substr(0, 4));
    const int day = std::stoi(text.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day >= 1 && day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

} // namespace lantai::editor

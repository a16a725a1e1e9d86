// core/report: the activity report's fixed texts (zh/en) and how it writes dates, durations,
// numbers and shares
#include "core/report/report_text.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>

namespace lantai::core {

namespace {

// Both languages use the same {placeholders}; archive terms follow core/i18n/glossary.cpp.
constexpr UiTextEntry kEntries[] = {
    // the document
    {"report.title", "展台互动统计报告", "Booth activity report"},
    {"report.period", "统计期间", "Period"},
    {"report.booths", "展台", "Booths"},
    {"report.summary", "活动总结（可直接引用）", "Summary (ready to paste)"},
    {"report.section.auto", "展台自动统计", "Recorded by the kiosk"},
    {"report.section.manual", "工作人员人工统计", "Counted by staff"},
    {"report.auto_note",
     "以下数据由展台自动记录。互动人次：从触摸屏幕开始，到无人操作后返回待机画面为止，计为一人次；"
     "展台无法统计人数。",
     "Recorded automatically by the kiosk. An interaction session runs from the first touch to "
     "the return to the attract loop when nobody touches the screen; a kiosk cannot count "
     "people."},
    {"report.manual_note", "以下数据由工作人员人工统计，展台未经核实。",
     "Counted by hand by the staff; the kiosk has not checked them."},
    {"report.none", "（无）", "(none)"},
    {"report.total", "合计", "Total"},
    {"report.more", "另有 {n} 行，见 XLSX 或 CSV 文件。", "{n} more rows in the XLSX or CSV file."},
    {"report.more.one", "另有 {n} 行，见 XLSX 或 CSV 文件。",
     "{n} more row in the XLSX or CSV file."},
    {"report.made_by", "由兰台生成", "Made with Lantai"},
    {"report.no_tallies", "未录入人工统计（lantai report tally）。",
     "No counts by staff were recorded (lantai report tally)."},

    // key figures
    {"report.sessions", "互动人次", "Interaction sessions"},
    {"report.session_total", "互动总时长", "Total session time"},
    {"report.session_average", "平均互动时长", "Average session length"},
    {"report.session_median", "互动时长中位数", "Median session length"},
    {"report.item_views", "展品浏览次数", "Item views"},
    {"report.zooms", "放大查看次数", "Zoomed views"},
    {"report.qr_shown", "二维码展示次数", "QR codes shown"},
    {"report.video_plays", "视频播放次数", "Video plays"},
    {"report.video_completed", "视频完整观看次数", "Videos watched to the end"},
    {"report.quiz_sessions", "知识问答人次", "Quiz sessions"},
    {"report.quiz_finished", "完成答题人次", "Quiz sessions finished"},
    {"report.quiz_average", "平均得分", "Average score"},
    {"report.quiz_accuracy", "答题正确率", "Quiz answers correct"},
    {"report.contests", "班级竞赛场次", "Class contests"},
    {"report.language_switches", "切换语言次数", "Language switches"},
    {"report.tally_visitors", "现场参观人数（人工统计）", "Visitors (counted by staff)"},
    {"report.tally_leaflets", "发放宣传资料份数（人工统计）",
     "Leaflets handed out (counted by staff)"},

    // tables and their columns
    {"report.table.overview", "概览", "Overview"},
    {"report.table.days", "每日互动人次", "Sessions per day"},
    {"report.table.hours", "各时段互动人次", "Sessions by hour of the day"},
    {"report.table.items", "浏览最多的展品", "Most viewed items"},
    {"report.table.dwell", "停留最久的展品", "Items viewed longest"},
    {"report.table.exhibitions", "展览浏览次数", "Exhibition views"},
    {"report.table.chapters", "单元浏览次数", "Part views"},
    {"report.table.funnel", "浏览深度", "How far visitors went"},
    {"report.table.videos", "视频播放", "Video plays"},
    {"report.table.questions", "知识问答各题正确率（最难的在前）", "Quiz questions, hardest first"},
    {"report.table.bands", "各年龄段答题情况", "Quiz by age group"},
    {"report.table.contests", "班级竞赛", "Class contests"},
    {"report.table.languages", "语言", "Languages"},
    {"report.table.tallies", "人工统计", "Counted by staff"},
    {"report.table.booths", "展台与数据来源", "Booths and their data"},
    {"report.col.figure", "项目", "Figure"},
    {"report.col.value", "数值", "Value"},
    {"report.col.day", "日期", "Day"},
    {"report.col.hour", "时段", "Hour"},
    {"report.col.item", "展品", "Item"},
    {"report.col.id", "编号", "ID"},
    {"report.col.views", "浏览次数", "Views"},
    {"report.col.dwell", "停留时长（秒）", "Dwell (s)"},
    {"report.col.average_dwell", "平均停留（秒）", "Average dwell (s)"},
    {"report.col.zoomed", "放大查看", "Zoomed"},
    {"report.col.qr", "展示二维码", "QR code shown"},
    {"report.col.exhibition", "展览", "Exhibition"},
    {"report.col.chapter", "单元", "Part"},
    {"report.col.step", "阶段", "Step"},
    {"report.col.sessions", "人次", "Sessions"},
    {"report.col.share", "占比", "Share"},
    {"report.col.video", "视频", "Video"},
    {"report.col.plays", "播放次数", "Plays"},
    {"report.col.completed", "完整观看", "Watched to the end"},
    {"report.col.seconds_watched", "观看时长（秒）", "Seconds watched"},
    {"report.col.question", "题目", "Question"},
    {"report.col.answers", "作答次数", "Answers"},
    {"report.col.correct", "答对次数", "Correct"},
    {"report.col.accuracy", "正确率", "Correct (%)"},
    {"report.col.band", "年龄段", "Age group"},
    {"report.col.started", "开始", "Started"},
    {"report.col.finished", "完成", "Finished"},
    {"report.col.average_score", "平均得分", "Average score"},
    {"report.col.time", "时间", "Time"},
    {"report.col.booth", "展台", "Booth"},
    {"report.col.teams", "队数", "Teams"},
    {"report.col.per_team", "每队题数", "Questions per team"},
    {"report.col.winner", "第一名", "Winner"},
    {"report.col.score", "得分", "Score"},
    {"report.col.language", "语言", "Language"},
    {"report.col.visitors", "参观人数", "Visitors"},
    {"report.col.leaflets", "宣传资料（份）", "Leaflets"},
    {"report.col.note", "备注", "Note"},
    {"report.col.source", "数据位置", "Data"},
    {"report.col.events", "记录条数", "Events"},
    {"report.col.packs", "内容包", "Packs"},
    {"report.funnel.sessions", "开始互动", "Started a session"},
    {"report.funnel.exhibition", "打开展览", "Opened an exhibition"},
    {"report.funnel.chapter", "打开单元", "Opened a part"},
    {"report.funnel.item", "浏览展品", "Viewed an item"},
    {"report.language.zh", "中文", "Chinese"},
    {"report.language.en", "英文", "English"},
    {"report.read_as.immutable", "只读副本", "read-only copy"},
    {"report.read_as.copy", "临时副本", "temporary copy"},

    // the summary paragraph
    {"report.summary.none", "统计期间展台未记录到互动。",
     "The booth recorded no interaction sessions in this period."},
    {"report.summary.sessions",
     "活动期间（{period}），展台共接待互动 {n} 人次，平均每次 {average}，中位数 {median}。",
     "During the event ({period}) the booth had {n} interaction sessions, {average} on average "
     "(median {median})."},
    {"report.summary.sessions.one",
     "活动期间（{period}），展台共接待互动 {n} 人次，平均每次 {average}，中位数 {median}。",
     "During the event ({period}) the booth had {n} interaction session, {average} on average "
     "(median {median})."},
    {"report.summary.busiest", "互动最多的时段是{day} {hour}时至{next}时（{n} 人次）。",
     "The busiest hour was {day}, {hour}:00–{next}:00 ({n} sessions)."},
    {"report.summary.busiest.one", "互动最多的时段是{day} {hour}时至{next}时（{n} 人次）。",
     "The busiest hour was {day}, {hour}:00–{next}:00 ({n} session)."},
    {"report.summary.busiest_hour", "互动最多的时段是{hour}时至{next}时（{n} 人次）。",
     "The busiest hour was {hour}:00–{next}:00 ({n} sessions)."},
    {"report.summary.busiest_hour.one", "互动最多的时段是{hour}时至{next}时（{n} 人次）。",
     "The busiest hour was {hour}:00–{next}:00 ({n} session)."},
    {"report.summary.items", "观众共浏览展品 {n} 次，最受关注的是“{title}”（{views} 次）。",
     "Items were viewed {n} times in all, “{title}” most often ({views})."},
    {"report.summary.items.one", "观众共浏览展品 {n} 次，最受关注的是“{title}”（{views} 次）。",
     "One item was viewed: “{title}”."},
    {"report.summary.videos", "视频播放 {n} 次，其中完整观看 {completed} 次。",
     "Videos were played {n} times, {completed} of them to the end."},
    {"report.summary.videos.one", "视频播放 {n} 次，其中完整观看 {completed} 次。",
     "One video was played ({completed} to the end)."},
    {"report.summary.quiz", "知识问答共 {n} 人次参与，平均得分 {score} 分，答题正确率 {accuracy}。",
     "{n} quiz sessions were played, with an average score of {score} and {accuracy} of "
     "answers correct."},
    {"report.summary.quiz.one",
     "知识问答共 {n} 人次参与，平均得分 {score} 分，答题正确率 {accuracy}。",
     "{n} quiz session was played, with an average score of {score} and {accuracy} of answers "
     "correct."},
    {"report.summary.contests", "举行班级竞赛 {n} 场。", "{n} class contests were held."},
    {"report.summary.contests.one", "举行班级竞赛 {n} 场。", "{n} class contest was held."},
    {"report.summary.tally", "另据工作人员人工统计，{counts}。",
     "By the staff's own count, {counts}."},
    {"report.summary.tally_visitors", "现场参观约 {n} 人", "about {n} people visited"},
    {"report.summary.tally_leaflets", "发放宣传资料 {n} 份", "{n} leaflets were handed out"},
    {"report.summary.and", "，", " and "},
    {"report.period_range", "{from}至{to}", "{from} to {to}"},
    {"report.duration.minutes", "{m}分{s}秒", "{m} min {s} s"},
    {"report.duration.seconds", "{s}秒", "{s} s"},
};

struct Table {
    Table() {
        for (const auto& e : kEntries)
            texts[e.key] = LocalizedText{e.zh, e.en};
    }
    std::map<std::string, LocalizedText, std::less<>> texts;
    std::mutex missingMutex;
    std::set<std::string, std::less<>> missing; // keys asked for that the table lacks
};

Table& table() {
    static Table t;
    return t;
}

void replaceAll(std::string& text, const std::string& from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

} // namespace

std::span<const UiTextEntry> allReportTextEntries() {
    return kEntries;
}

const std::string& reportText(std::string_view key, Language language) {
    Table& t = table();
    if (const auto it = t.texts.find(key); it != t.texts.end()) return it->second.get(language);
    std::lock_guard lock(t.missingMutex); // the key itself, so the gap shows in the report
    return *t.missing.emplace(key).first;
}

std::string
reportFormat(std::string_view key, Language language,
             std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    std::string text = reportText(key, language);
    for (const auto& [name, value] : args)
        replaceAll(text, "{" + std::string(name) + "}", value);
    return text;
}

std::string reportCount(std::string_view key, long long n, Language language,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    std::string chosen(key);
    if (n == 1 && table().texts.count(chosen + ".one")) chosen += ".one";
    std::string text = reportFormat(chosen, language, args);
    replaceAll(text, "{n}", std::to_string(n));
    return text;
}

std::string reportDate(const std::string& isoDate, Language language) {
    return formatItemDate(isoDate, language);
}

std::string reportPeriod(const std::string& first, const std::string& last, Language language) {
    if (first == last) return reportDate(first, language);
    const std::string from = reportDate(first, language);
    const std::string to = reportDate(last, language);
    return reportFormat("report.period_range", language, {{"from", from}, {"to", to}});
}

std::string reportDuration(double seconds, Language language) {
    const long long total = std::llround(std::max(0.0, seconds));
    const std::string s = std::to_string(total % 60);
    if (total < 60) return reportFormat("report.duration.seconds", language, {{"s", s}});
    const std::string m = std::to_string(total / 60);
    return reportFormat("report.duration.minutes", language, {{"m", m}, {"s", s}});
}

std::string reportNumber(double value) {
    const double rounded = std::round(value * 10.0) / 10.0;
    char buf[64];
    if (rounded == std::floor(rounded))
        std::snprintf(buf, sizeof buf, "%.0f", rounded);
    else
        std::snprintf(buf, sizeof buf, "%.1f", rounded);
    return buf;
}

std::string reportPercent(long long part, long long whole) {
    if (whole <= 0) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * double(part) / double(whole));
    return buf;
}

std::string reportAgeBand(const std::string& band, Language language) {
    if (band == "primary") return uiText("quiz.level.1", language);
    if (band == "secondary") return uiText("quiz.level.2", language);
    if (band == "adult") return uiText("quiz.level.3", language);
    return band.empty() ? reportText("report.none", language) : band;
}

std::string reportLanguageName(const std::string& code, Language language) {
    if (code == "zh" || code == "en") return reportText("report.language." + code, language);
    return code;
}

} // namespace lantai::core

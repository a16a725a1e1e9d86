// core/i18n: the data of the one translation table (zh/en) — the kiosk's strings and the cloud
// gallery's, one entry per fixed text; lookup and formatting are in ui_strings.cpp
#include "core/i18n/ui_strings.h"

namespace lantai::core {

namespace {

// Keys are "<screen or area>.<name>". Keys under "web." are the cloud gallery's alone; every other
// key is the kiosk's, and the exporter uses the same key wherever the site shows the same thing
// (the item labels, the names of the sections, the pager, counts). Keep keys grouped by screen;
// both languages use the same {placeholders}; archive terms follow the glossary (glossary.cpp).
constexpr UiTextEntry kEntries[] = {
    // attract loop
    {"attract.touch_to_start", "触摸屏幕开始参观", "Touch to start"},
    {"attract.welcome", "欢迎参观", "Welcome"},

    // navigation (every screen)
    {"nav.back", "返回", "Back"},
    {"nav.home", "首页", "Home"},
    {"nav.prev", "上一件", "Previous"},
    {"nav.next", "下一件", "Next"},
    {"nav.prev_page", "上一页", "Previous page"},
    {"nav.next_page", "下一页", "Next page"},
    {"nav.close", "关闭", "Close"},
    {"nav.read_more", "展开全文", "Read more"},
    {"nav.read_less", "收起", "Show less"},
    {"nav.see_all", "查看全部", "See all"},

    // language and accessibility toggles
    {"lang.switch", "English", "中文"},
    {"a11y.high_contrast", "高对比度", "High contrast"},
    {"a11y.standard_colors", "标准配色", "Standard colours"},
    {"a11y.larger_text", "大字号", "Larger text"},
    {"a11y.normal_text", "标准字号", "Normal text"},
    {"a11y.text_size", "大字 / Aa", "大字 / Aa"}, // the large-text toggle: the same in both

    // home
    {"home.exhibitions", "展览", "Exhibitions"},
    {"home.quiz", "知识问答", "Quiz"},
    {"home.videos", "视频", "Videos"},
    {"home.highlights", "精选展品", "Highlights"},
    {"home.organiser", "主办单位", "Organised by"},

    // exhibition and chapter
    {"exhibition.open", "进入展览", "Open the exhibition"},
    {"exhibition.start", "开始参观", "Start the tour"},
    {"exhibition.intro", "前言", "Introduction"},
    {"exhibition.chapter_n", "第{n}单元", "Part {n}"},
    {"exhibition.chapters", "{n} 个单元", "{n} parts"},
    {"exhibition.chapters.one", "{n} 个单元", "{n} part"},

    // item grid
    {"grid.items", "{n} 件展品", "{n} items"},
    {"grid.items.one", "{n} 件展品", "{n} item"},
    {"grid.empty", "本单元暂无展品", "No items in this part yet"},

    // item detail
    {"item.reference", "档号", "Reference code"},
    {"item.holding", "馆藏单位", "Holding institution"},
    {"item.date", "年代", "Date"},
    {"item.description", "展品介绍", "About this item"},
    {"item.rights", "版权说明", "Rights"},
    {"item.tags", "标签", "Tags"},
    {"item.image_n_of", "第 {n} / {total} 张", "Image {n} of {total}"},
    {"item.watch_video", "观看视频", "Watch the video"},
    {"item.scan_qr", "用手机扫一扫，继续阅读这件档案", "Scan with your phone to keep reading"},
    {"item.related_quiz", "挑战相关题目", "Try a related question"},
    {"item.scan_to_continue", "扫码在手机上继续浏览", "Scan to continue on your phone"},

    // badges (built-in labels of the known kinds)
    {"badge.treasure", "镇馆之宝", "Treasure of the collection"},
    {"badge.heritage_register", "档案文献遗产", "Documentary heritage"},

    // images and zoom
    {"image.unavailable", "图像暂不可用", "Image unavailable"},
    {"zoom.open", "放大查看", "View larger"},
    {"zoom.hint", "双指缩放", "Pinch to zoom"},
    {"zoom.drag_hint", "单指拖动查看细节", "Drag to look around"},
    {"zoom.in", "放大", "Zoom in"},
    {"zoom.out", "缩小", "Zoom out"},
    {"zoom.reset", "还原", "Reset view"},

    // quiz
    {"quiz.choose_bank", "选择题目类别", "Choose a topic"},
    {"quiz.choose_level", "选择难度", "Choose a level"},
    {"quiz.level.1", "小学", "Primary school"},
    {"quiz.level.2", "中学", "Secondary school"},
    {"quiz.level.3", "成人", "Adult"},
    {"quiz.count", "{n} 道题", "{n} questions"},
    {"quiz.count.one", "{n} 道题", "{n} question"},
    {"quiz.start", "开始答题", "Start"},
    {"quiz.question_n_of", "第 {n} 题 / 共 {total} 题", "Question {n} of {total}"},
    {"quiz.type.single", "单选题", "Choose one answer"},
    {"quiz.type.multiple", "多选题：请选出所有正确答案", "Choose all that apply"},
    {"quiz.type.true_false", "判断题", "True or false?"},
    {"quiz.true", "对", "True"},
    {"quiz.false", "错", "False"},
    {"quiz.submit", "提交答案", "Submit"},
    {"quiz.next", "下一题", "Next question"},
    {"quiz.finish", "查看成绩", "See my score"},
    {"quiz.correct", "回答正确！", "Correct!"},
    {"quiz.wrong", "回答错误", "Not quite"},
    {"quiz.partial", "部分正确", "Partly right"},
    {"quiz.correct_answer", "正确答案", "Correct answer"},
    {"quiz.your_answer", "你的选择", "Your answer"},
    {"quiz.explanation", "解析", "Explanation"},
    {"quiz.see_archive", "查看相关档案", "See the archive"},
    {"quiz.result", "答题完成", "Quiz complete"},
    {"quiz.score", "得分：{score} / {total}", "Score: {score} of {total}"},
    {"quiz.play_again", "再答一轮", "Play again"},
    {"quiz.quit", "退出答题", "Leave the quiz"},
    {"quiz.empty", "暂无题目", "No questions yet"},
    {"quiz.title", "档案知识问答", "Archive quiz"},
    {"quiz.choose_nickname", "选一个昵称上榜吧", "Pick a nickname for the leaderboard"},
    {"quiz.skip_nickname", "不上榜，直接开始", "Just play (no leaderboard)"},
    {"quiz.points", "+{n} 分", "+{n} points"},
    {"quiz.total_score", "总分 {n}", "Score {n}"},
    {"quiz.correct_count", "答对 {n} / {total} 题", "{n} of {total} correct"},
    {"quiz.today_rank", "今日排名第 {n}", "Today's rank: {n}"},
    {"quiz.not_ranked", "本次成绩不计入排行榜", "This score is not on the leaderboard"},
    {"quiz.leaderboard", "今日排行榜", "Today's leaderboard"},
    {"quiz.leaderboard_empty", "今天还没有人上榜", "No scores yet today"},
    {"quiz.time_left", "剩余 {n} 秒", "{n} s left"},
    {"quiz.timed_out", "时间到", "Time's up"},
    {"quiz.back_to_quiz", "返回答题", "Back to the quiz"},
    {"quiz.class_session", "班级竞赛（教师）", "Class contest (teacher)"},
    {"quiz.enter_pin", "请输入教师密码", "Teacher PIN"},
    {"quiz.wrong_pin", "密码不正确", "Wrong PIN"},
    {"quiz.pin_ok", "确定", "OK"},
    {"quiz.pin_clear", "清除", "Clear"},
    {"quiz.team_setup", "班级竞赛设置", "Class contest"},
    {"quiz.team_count", "参赛队数", "Teams"},
    {"quiz.per_team", "每队题数", "Questions per team"},
    {"quiz.team_start", "开始竞赛", "Start the contest"},
    {"quiz.team_turn", "请 {team} 作答", "{team}: your turn"},
    {"quiz.scoreboard", "实时比分", "Scoreboard"},

    // class on phones (kiosk/ui/phones_screen.cpp): the booth hosts the quiz for pupils' phones
    {"phones.open", "全班手机答题（个人）", "Class on phones (individual)"},
    {"phones.open_teams", "全班手机答题（分 {n} 队）", "Class on phones ({n} teams)"},
    {"phones.unavailable", "手机答题服务未能启动：{reason}",
     "The phone game could not start: {reason}"},
    {"phones.scan_to_join", "用手机扫码加入", "Scan to join on your phone"},
    {"phones.wifi_first", "先扫码连接展台 Wi-Fi：{ssid}", "First join the booth's Wi-Fi: {ssid}"},
    {"phones.game_pin", "游戏 PIN", "Game PIN"},
    {"phones.joined", "已加入 {n} 人", "{n} joined"},
    {"phones.joined.one", "已加入 {n} 人", "{n} joined"},
    {"phones.waiting", "等待同学加入…", "Waiting for players…"},
    {"phones.start", "开始答题", "Start"},
    {"phones.answered", "已作答 {n}", "{n} answered"},
    {"phones.end_question", "结束本题", "End the question"},
    {"phones.next", "下一步", "Next"},
    {"phones.leaderboard", "排行榜", "Leaderboard"},
    {"phones.podium", "领奖台", "Podium"},
    {"phones.points", "{n} 分", "{n} points"},
    {"phones.export", "导出全班成绩（CSV）", "Export class results (CSV)"},
    {"phones.exported", "成绩已导出：{path}", "Results exported: {path}"},
    {"phones.export_failed", "导出失败：{reason}", "Export failed: {reason}"},
    {"phones.finish", "结束", "Finish"},
    {"phones.team_members", "{n} 人", "{n} players"},
    {"phones.team_members.one", "{n} 人", "{n} player"},
    {"phones.team_leaderboard", "队伍排行榜", "Team leaderboard"},
    {"phones.team_podium", "队伍领奖台", "Team podium"},
    {"phones.team_score_rule", "队伍得分 = 队员得分的平均数（各队人数不同也公平）",
     "Team score = the average of its members' points (fair to teams of any size)"},

    // staff mode (kiosk/ui/staff_screen.cpp): shown in both languages at once
    {"staff.title", "工作人员模式", "Staff mode"},
    {"staff.enter_pin", "请输入工作人员密码", "Staff PIN"},
    {"staff.wrong_pin", "密码不正确", "Wrong PIN"},
    {"staff.wait", "密码错误次数过多，请等待 {n} 秒", "Too many wrong PINs: wait {n} s"},
    {"staff.cancel", "取消", "Cancel"},
    {"staff.close", "退出工作人员模式", "Leave staff mode"},
    {"staff.health", "运行状况", "Health"},
    {"staff.pack", "内容包", "Pack"},
    {"staff.build_date", "程序版本", "Build"},
    {"staff.disk_free", "磁盘剩余空间", "Disk free"},
    {"staff.uptime", "运行时间", "Uptime"},
    {"staff.restarts", "重启 / 崩溃次数", "Restarts / crashes"},
    {"staff.sessions_today", "今日互动人次", "Sessions today"},
    {"staff.last_sync", "上次同步", "Last sync"},
    {"staff.sync_installed", "已安装新版本", "Installed"},
    {"staff.sync_up_to_date", "已是最新内容包", "Already the newest pack"},
    {"staff.sync_unreachable", "无法连接更新服务器", "Origin unreachable"},
    {"staff.sync_failed", "同步失败", "Sync failed"},
    {"staff.last_refused", "上次更新被拒绝", "Last update refused"},
    // Why ([trust] refusals, by the diagnostic's code after "trust.")
    {"staff.refusal.unsigned", "内容包没有签名", "The pack is not signed"},
    {"staff.refusal.signature_invalid", "签名无效", "The signature is not valid"},
    {"staff.refusal.signature_mismatch", "签名与清单不符",
     "The signature does not match the manifest"},
    {"staff.refusal.wrong_key", "签名所用的密钥不受信任",
     "Signed with a key this kiosk does not trust"},
    {"staff.refusal.files_changed", "文件与清单不符（被改动、缺失或多出）",
     "Files differ from the manifest (changed, missing or added)"},
    {"staff.refusal.downgrade", "版本低于曾安装的版本", "Older than a version installed before"},
    {"staff.refusal.manifest_invalid", "清单文件无效", "The manifest is not valid"},
    {"staff.refusal.pack_unreadable", "内容包无法读取", "The pack cannot be read"},
    {"staff.refusal.rolled_back", "该版本曾导致故障，已回滚",
     "This version failed before and was rolled back"},
    {"staff.switch_pack", "切换内容包", "Switch pack"},
    {"staff.installed", "已安装", "Installed"},
    {"staff.usb", "U 盘", "USB stick"},
    {"staff.no_packs", "未找到内容包", "No packs found"},
    {"staff.export", "导出今日报告和统计到 U 盘", "Export today's report and statistics to USB"},
    {"staff.no_usb", "未找到 U 盘", "No USB stick found"},
    {"staff.volume", "视频音量", "Video volume"},
    {"staff.tally", "人工计数", "Manual tally"},
    {"staff.tally_visitors", "参观人数", "Visitors"},
    {"staff.tally_leaflets", "发放资料", "Leaflets"},
    {"staff.tally_save", "保存计数", "Save the tally"},
    {"staff.restart", "重启展示程序", "Restart the kiosk"},
    {"staff.power_off", "关闭电脑", "Shut down the PC"},
    {"staff.confirm_power_off", "确定关闭电脑？", "Shut down the PC?"},
    {"staff.yes", "确定", "Yes"},
    {"staff.back", "返回", "Back"},
    {"staff.done", "完成", "Done"},
    {"staff.failed", "失败", "Failed"},
    {"staff.pack_refused", "内容包未通过检查，未切换",
     "The pack did not pass the checks: not switched"},
    {"staff.pack_switched", "已切换内容包，退出后生效",
     "Pack switched: shown when you leave staff mode"},
    {"staff.exported", "已导出到", "Exported to"},
    {"staff.tally_saved", "计数已保存", "Tally saved"},
    {"staff.unknown", "未知", "unknown"},
    {"quiz.podium", "竞赛结果", "Results"},
    {"quiz.rank_n", "第 {n} 名", "No. {n}"},
    {"quiz.finish_contest", "结束竞赛", "End the contest"},

    // videos
    {"video.all", "全部视频", "All videos"},
    {"video.count", "{n} 个视频", "{n} videos"},
    {"video.count.one", "{n} 个视频", "{n} video"},
    {"video.play", "播放", "Play"},
    {"video.pause", "暂停", "Pause"},
    {"video.replay", "重新播放", "Play again"},
    {"video.mute", "静音", "Mute"},
    {"video.unmute", "打开声音", "Sound on"},
    {"video.subtitles_on", "字幕：开", "Subtitles: on"},
    {"video.subtitles_off", "字幕：关", "Subtitles: off"},
    {"video.unavailable", "视频暂不可用", "Video unavailable"},
    {"video.empty", "暂无视频", "No videos yet"},
    {"video.back10", "后退 10 秒", "Back 10 s"},
    {"video.forward10", "前进 10 秒", "Forward 10 s"},
    {"video.subtitles", "字幕", "Subtitles"},
    {"video.sub_off", "关", "Off"},
    {"video.volume", "音量", "Volume"},
    {"video.loading", "正在加载…", "Loading…"},
    {"video.cannot_play", "视频无法播放", "This video cannot be played"},
    {"video.problem.missing", "找不到视频文件。", "The video file is missing."},
    {"video.problem.incomplete", "视频文件不完整（可能没有复制完整，或录制、导出未完成）。",
     "The video file is incomplete (perhaps only partly copied, or its recording or export never "
     "finished)."},
    {"video.problem.damaged", "视频文件已损坏，或格式不受支持。",
     "The video file is damaged or in a format that is not supported."},
    {"video.problem.unreadable", "视频文件无法读取，可能已损坏或不完整。",
     "The video file cannot be read; it may be damaged or incomplete."},
    {"video.problem.unavailable", "本展台暂不能播放视频。",
     "Videos cannot be played on this kiosk right now."},
    {"video.play_symbol", "▶", "▶"},

    // narration (items, chapter introductions, quiz questions)
    {"narration.listen", "朗读", "Listen"},
    {"narration.stop", "停止朗读", "Stop"},
    {"narration.cannot_play", "朗读无法播放", "This narration cannot be played"},
    {"narration.problem.missing", "找不到朗读音频文件。", "The narration's audio file is missing."},
    {"narration.problem.damaged", "朗读音频文件已损坏，或格式不受支持。",
     "The narration's audio file is damaged or in a format that is not supported."},
    {"narration.problem.unavailable", "本展台暂不能播放声音。",
     "Sound cannot be played on this kiosk right now."},
    {"narration.close", "关闭", "Close"},

    // idle reset
    {"idle.still_there", "还在吗？", "Still there?"},
    {"idle.countdown", "{n} 秒后回到首页", "Returning to the start in {n} s"},
    {"idle.continue", "继续参观", "Keep exploring"},
    {"idle.restart", "重新开始", "Start over"},

    // service states
    {"service.out_of_service", "暂停服务", "Out of service"},
    {"service.come_back", "展台正在维护，请稍后再来。",
     "This kiosk is being serviced. Please come back later."},
    {"service.ask_staff", "如需帮助，请联系工作人员。", "Please ask a member of staff for help."},
    {"common.loading", "加载中…", "Loading…"},

    // dates (formatItemDate)
    {"date.year", "{y}年", "{y}"},
    {"date.year_month", "{y}年{month}", "{month} {y}"},
    {"date.full", "{y}年{month}{d}日", "{d} {month} {y}"},
    {"date.month.1", "1月", "January"},
    {"date.month.2", "2月", "February"},
    {"date.month.3", "3月", "March"},
    {"date.month.4", "4月", "April"},
    {"date.month.5", "5月", "May"},
    {"date.month.6", "6月", "June"},
    {"date.month.7", "7月", "July"},
    {"date.month.8", "8月", "August"},
    {"date.month.9", "9月", "September"},
    {"date.month.10", "10月", "October"},
    {"date.month.11", "11月", "November"},
    {"date.month.12", "12月", "December"},

    // the quiz result while the statistics database cannot be written or read
    {"quiz.ranking_unavailable", "今日排行暂不可用", "Today's ranking is unavailable"},

    // ---- the cloud gallery (lantai export web) only -------------------------------------------
    // page shell: skip link, navigation, search form, footer
    {"web.skip", "跳到正文", "Skip to content"},
    {"web.narration", "朗读", "Listen"},
    {"web.nav.main", "主导航", "Main"},
    {"web.nav.breadcrumb", "当前位置", "You are here"},
    {"web.search", "搜索", "Search"},
    {"web.search.label", "搜索展品", "Search the collection"},
    {"web.search.noscript", "搜索需要启用 JavaScript。", "Search needs JavaScript."},
    {"web.footer.organiser", "主办", "Organised by"},
    {"web.footer.iiif", "IIIF 清单", "IIIF manifest"},
    {"web.footer.made_with", "由兰台生成", "Made with Lantai"},
    {"web.chooser.title", "选择语言", "Choose a language"},

    // home: the parts of each exhibition
    {"web.home.chapters", "单元", "Parts"},

    // item page
    {"web.item.badges", "标记", "Badges"},
    {"web.item.pager", "展品翻页", "Item pages"},
    {"web.item.video", "相关视频", "Related video"},
    {"web.item.images", "图像", "Images"},
    {"web.item.exhibition_only", "原件仅在展厅展示",
     "The original is shown at the exhibition only"},
    {"web.item.limited", "网上展示为缩小的版本，原件请到展厅观看。",
     "Shown online at reduced resolution; see the original at the exhibition."},
    {"web.item.zoom_hint", "点击图像可放大查看细节。", "Select an image to zoom in on details."},

    // videos
    {"web.videos.empty", "暂无视频。", "No videos yet."},
    {"web.video.no_support", "您的浏览器无法播放此视频：", "Your browser cannot play this video: "},
    {"web.video.download", "下载视频", "download the video"},
    {"web.video.item", "相关展品", "Related item"},

    // quiz
    {"web.quiz.noscript", "知识问答需要启用 JavaScript。", "The quiz needs JavaScript."},
    {"web.quiz.empty", "暂无题库。", "No question banks yet."},

    // IIIF manifest metadata labels (the item's are the item.* labels above)
    {"web.iiif.exhibition", "展览", "Exhibition"},
    {"web.iiif.event", "活动", "Event"},
};

} // namespace

std::span<const UiTextEntry> allTextEntries() {
    return kEntries;
}

} // namespace lantai::core

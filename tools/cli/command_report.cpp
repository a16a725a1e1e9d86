// tools/cli: `lantai report` (the activity report of one or many booths as HTML, XLSX, CSV or
// JSON) and `lantai report tally` (what staff counted by hand)
#include "core/report/collected_snapshots.h"
#include "core/report/report_builder.h"
#include "core/stats/calendar.h"
#include "core/stats/stats_store.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"
#include "tools/report/report_writer.h"

#include <cstdio>
#include <ctime>
#include <memory>

namespace lantai::cli {

namespace {

namespace fs = std::filesystem;

struct ReportOptions {
    std::vector<std::string> stateDirs;
    std::string collected; // a reports folder lantai-sync's PUTs filled
    std::string from;
    std::string to;
    std::string lang;
    std::string out;
    // tally
    std::string tallyDir;
    std::string date;
    std::optional<std::int64_t> visitors;
    std::optional<std::int64_t> leaflets;
    std::optional<std::string> note;
};

int failed(const core::Diagnostic& error, bool zh) {
    std::fprintf(stderr, "lantai: %s\n", core::formatDiagnostic(error, zh).c_str());
    return kExitUsage;
}

int usage(const char* en, const char* zh, bool chinese) {
    std::fprintf(stderr, "lantai report: %s\n", chinese ? zh : en);
    return kExitUsage;
}

int runReport(const ReportOptions& o) {
    const bool zh = useChinese(o.lang);
    if (o.stateDirs.empty() && o.collected.empty())
        return usage("give at least one --state-dir (or --collected DIR)",
                     "请至少指定一个 --state-dir（或 --collected 目录）", zh);
    if (o.out.empty()) return usage("--out FILE is required", "必须指定 --out 输出文件", zh);
    if (report::reportFormatOf(o.out).empty())
        return usage("--out must end in .html, .xlsx, .csv or .json",
                     "--out 须以 .html、.xlsx、.csv 或 .json 结尾", zh);
    const core::Language language = o.lang == "en" ? core::Language::En : core::Language::Zh;
    std::vector<fs::path> dirs(o.stateDirs.begin(), o.stateDirs.end());
    if (!o.collected.empty()) {
        auto snapshots = core::latestBoothSnapshots(o.collected);
        if (!snapshots) return failed(snapshots.error(), zh);
        dirs.insert(dirs.end(), snapshots->begin(), snapshots->end());
    }
    auto built = core::readReport(dirs, {o.from, o.to}, core::localUtcOffsetSeconds);
    if (!built) return failed(built.error(), zh);
    if (auto written = report::writeReport(*built, language, o.out); !written)
        return failed(written.error(), zh);
    const std::string booths = std::to_string(built->booths.size());
    const std::string sessions = std::to_string(built->sessions);
    if (zh)
        std::printf("已写入 %s：%s 个展台，互动 %s 人次\n", o.out.c_str(), booths.c_str(),
                    sessions.c_str());
    else
        std::printf("wrote %s: %s booth(s), %s interaction session(s)\n", o.out.c_str(),
                    booths.c_str(), sessions.c_str());
    return kExitOk;
}

std::string tallyText(const core::ManualTally& t, bool zh) {
    std::string out;
    const auto add = [&](const char* en, const char* cn, const std::string& value) {
        out += (out.empty() ? "" : zh ? "，" : ", ") + std::string(zh ? cn : en) + value;
    };
    if (t.visitors) add("visitors ", "参观人数 ", std::to_string(*t.visitors));
    if (t.leaflets) add("leaflets ", "宣传资料 ", std::to_string(*t.leaflets));
    if (t.note) add("note: ", "备注：", *t.note);
    return out;
}

int runTally(const ReportOptions& o) {
    const bool zh = useChinese(o.lang);
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    if (!core::parseLocalDate(o.date, 0))
        return usage("--date expects YYYY-MM-DD", "--date 应写成 YYYY-MM-DD", zh);
    if (!o.visitors && !o.leaflets && !o.note)
        return usage("give --visitors, --leaflets or --note",
                     "请指定 --visitors、--leaflets 或 --note", zh);
    // Only a database the kiosk made: one made here could belong to the wrong user.
    const fs::path file = core::StatsStore::databasePath(o.tallyDir);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return failed(core::operationalError(
                          core::kStatsCannotOpen, file.string(),
                          "There is no statistics database in \"" + o.tallyDir +
                              "\": give the state folder (state_dir) of a kiosk that has run.",
                          "“" + o.tallyDir +
                              "”中没有统计数据库：请指定运行过的展台的状态文件夹（state_dir）。"),
                      zh);
    core::StatsStore store;
    if (auto opened = store.open(file, now); !opened) return failed(opened.error(), zh);
    core::ManualTally tally;
    tally.date = o.date;
    tally.visitors = o.visitors;
    tally.leaflets = o.leaflets;
    tally.note = o.note;
    tally.recordedAt = now;
    auto recorded = store.recordTally(tally);
    if (!recorded) return failed(recorded.error(), zh);
    const std::string now_ = tallyText(recorded->stored, zh);
    if (zh)
        std::printf("%s %s 的人工统计%s：%s\n", o.tallyDir.c_str(), o.date.c_str(),
                    recorded->replaced ? "已更新" : "已记录", now_.c_str());
    else
        std::printf("%s: the tally of %s %s: %s\n", o.tallyDir.c_str(), o.date.c_str(),
                    recorded->replaced ? "updated" : "recorded", now_.c_str());
    return kExitOk;
}

} // namespace

CommandAction addReportCommand(CLI::App& app) {
    auto o = std::make_shared<ReportOptions>();
    auto* report = app.add_subcommand(
        "report", "The activity report of one or many booths: HTML, XLSX, CSV or JSON\n"
                  "展台互动统计报告（HTML、XLSX、CSV 或 JSON）");
    report->add_option("--state-dir", o->stateDirs,
                       "a kiosk's state folder or a copy of it (repeat for several booths)");
    report->add_option(
        "--collected", o->collected,
        "a folder of booths' snapshots sent by lantai-sync (BOOTH/DAY/lantai.sqlite): "
        "the newest of each booth");
    report->add_option("--from", o->from, "first day (YYYY-MM-DD, local)");
    report->add_option("--to", o->to, "last day (YYYY-MM-DD, local)");
    report->add_option("--lang", o->lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    report->add_option("--out", o->out, "FILE.html, FILE.xlsx, FILE.csv or FILE.json");
    report->require_subcommand(0, 1);

    auto* tally = report->add_subcommand(
        "tally", "Record what staff counted by hand on a day (visitors, leaflets, a note)\n"
                 "录入工作人员当天的人工统计（参观人数、宣传资料、备注）");
    tally->add_option("--state-dir", o->tallyDir, "the booth's state folder")->required();
    tally->add_option("--date", o->date, "the day (YYYY-MM-DD)")->required();
    tally->add_option("--visitors", o->visitors, "people counted")->check(CLI::NonNegativeNumber);
    tally->add_option("--leaflets", o->leaflets, "leaflets handed out")
        ->check(CLI::NonNegativeNumber);
    tally->add_option("--note", o->note, "a note (the weather, a school visit, …)");
    tally->add_option("--lang", o->lang, "language of the messages: zh or en")
        ->check(CLI::IsMember({"zh", "en"}));

    return [o, tally]() -> int { return tally->parsed() ? runTally(*o) : runReport(*o); };
}

} // namespace lantai::cli

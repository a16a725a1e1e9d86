// tools/cli: `lantai build PACK [--jobs N] [--narrate]` — validate, synthesise missing narration
// (--narrate), then write derived/ with a progress bar on a TTY
#include "tools/builder/narration_builder.h"
#include "tools/builder/pack_builder.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::cli {

namespace {

void drawProgress(const core::BuildProgress& p) {
    constexpr int kWidth = 30;
    const int filled = p.total ? static_cast<int>(kWidth * p.done / p.total) : kWidth;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '-');
    std::string name = p.current;
    if (name.size() > 40) name = "..." + name.substr(name.size() - 37);
    std::fprintf(stderr, "\r[%s] %zu/%zu %-40s", bar.c_str(), p.done, p.total, name.c_str());
    if (p.done == p.total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
}

} // namespace

CommandAction addBuildCommand(CLI::App& app) {
    struct Options {
        std::string pack;
        int jobs = 0;
        bool narrate = false;
        std::vector<std::string> narrateOnly;
        std::string lang;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("build",
                                   "Validate a pack, then write its derivatives into PACK/derived/ "
                                   "(IIIF tiles, thumbnails, content index, character set)\n"
                                   "校验并生成内容包的衍生文件（IIIF 瓦片、缩略图、索引、字符集）");
    cmd->add_option("PACK", options->pack, "pack folder (contains pack.json)")->required();
    cmd->add_option("--jobs,-j", options->jobs, "images built in parallel (default: CPU cores)")
        ->check(CLI::Range(1, 256));
    cmd->add_flag("--narrate", options->narrate,
                  "first synthesise missing narration with espeak-ng (audio/narration/, marked "
                  "synthetic in derived/narration.json; recorded files are never replaced)\n"
                  "先用 espeak-ng 为缺少朗读的展品、章节导言和题目生成合成语音（不会覆盖录音）");
    cmd->add_option("--narrate-only", options->narrateOnly,
                    "with --narrate: only these item, chapter or question ids (comma-separated)\n"
                    "仅为这些展品、章节或题目生成朗读（以逗号分隔）")
        ->delimiter(',');
    cmd->add_option("--lang", options->lang, "message language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return [options] {
        const bool zh = useChinese(options->lang);
        if (options->narrate) {
            core::NarrateOptions narrateOptions;
            narrateOptions.jobs = options->jobs;
            narrateOptions.only = {options->narrateOnly.begin(), options->narrateOnly.end()};
            const auto narrated = core::narratePack(options->pack, narrateOptions);
            if (!narrated.ok) {
                printDiagnostics(narrated.diagnostics, zh);
                const int code = exitCodeFor(narrated.diagnostics);
                return code == kExitOk ? kExitInvalid : code;
            }
            std::printf(zh ? "朗读：新生成 %zu 条，%zu 条合成语音无需更新，%zu 条录音保持不变\n"
                           : "Narration: %zu generated, %zu synthetic up to date, %zu recorded "
                             "kept\n",
                        narrated.generated, narrated.upToDate, narrated.recorded);
        }
        core::BuildOptions buildOptions;
        buildOptions.jobs = options->jobs;
        if (::isatty(STDERR_FILENO)) buildOptions.onProgress = drawProgress;
        const auto report = core::buildPack(options->pack, buildOptions);
        if (!report.diagnostics.empty() || !report.ok) printDiagnostics(report.diagnostics, zh);
        if (report.ok)
            std::printf(zh ? "已生成 %s：%zu 张图像（新生成 %zu，复用 %zu），%zu 个瓦片，%zu "
                             "个文件已索引，%zu 个字符，用时 %.1f 秒\n"
                           : "Built %s: %zu images (%zu built, %zu up to date), %zu tiles written, "
                             "%zu files indexed, "
                             "%zu characters, %.1f s\n",
                        options->pack.c_str(), report.images, report.imagesBuilt,
                        report.imagesReused, report.tiles, report.files, report.characters,
                        report.seconds);
        return report.ok                                    ? kExitOk
               : exitCodeFor(report.diagnostics) == kExitOk ? kExitInvalid
                                                            : exitCodeFor(report.diagnostics);
    };
}

} // namespace lantai::cli

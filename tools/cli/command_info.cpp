// tools/cli: `lantai info PACK` — a human summary of a pack
#include "core/pack/derived_index.h"
#include "core/pack/loader.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <memory>

namespace lantai::cli {

CommandAction addInfoCommand(CLI::App& app) {
    struct Options {
        std::string pack;
        std::string lang;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("info", "Print a human summary of a pack\n显示内容包概要");
    cmd->add_option("PACK", options->pack, "pack folder (contains pack.json)")->required();
    cmd->add_option("--lang", options->lang, "language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return [options] {
        const bool zh = useChinese(options->lang);
        const auto lang = zh ? core::Language::Zh : core::Language::En;
        const auto result = core::loadAndValidatePack(options->pack);
        if (!result.parsed) {
            printDiagnostics(result.diagnostics, zh);
            return exitCodeFor(result.diagnostics);
        }
        const auto& p = result.pack;
        auto line = [](const char* label, const std::string& value) {
            if (!value.empty()) std::printf("%-14s %s\n", label, value.c_str());
        };
        line(zh ? "内容包" : "Pack", p.title.get(lang) + " (" + p.id + ", format v" +
                                         std::to_string(p.formatVersion) + ")");
        line(zh ? "主办" : "Organiser", p.organiser.get(lang));
        line(zh ? "活动" : "Event", p.event.get(lang));
        if (!p.dateStart.empty()) line(zh ? "日期" : "Dates", p.dateStart + " – " + p.dateEnd);
        line(zh ? "主题" : "Theme", p.theme);
        std::size_t highlights = 0, images = 0;
        for (const auto& e : p.exhibitions) {
            std::printf("%-14s %s: %zu %s\n", zh ? "展览" : "Exhibition", e.title.get(lang).c_str(),
                        e.chapters.size(), zh ? "个章节" : "chapters");
            for (const auto& c : e.chapters) {
                std::printf("  - %s (%zu)\n", c.title.get(lang).c_str(), c.items.size());
                for (const auto& i : c.items) {
                    highlights += i.highlight ? 1 : 0;
                    images += i.images.size();
                }
            }
        }
        std::printf("%-14s %zu (%zu %s, %zu %s)\n", zh ? "展品" : "Items", p.itemCount(), images,
                    zh ? "张图像" : "images", highlights, zh ? "件精选" : "highlighted");
        std::printf("%-14s %zu\n", zh ? "视频" : "Videos", p.videos.size());
        std::printf("%-14s %zu %s, %zu %s\n", zh ? "题库" : "Quiz", p.quizBanks.size(),
                    zh ? "个题库" : "banks", p.questionCount(), zh ? "道题" : "questions");
        if (const auto index = core::readDerivedIndex(p.root)) {
            std::size_t large = 0;
            for (const auto& [path, image] : index->images)
                large += static_cast<long long>(image.width) * image.height >= 50'000'000 ? 1 : 0;
            std::printf("%-14s %s, %zu %s (%zu ≥ 50 MP), %zu %s\n", zh ? "已生成" : "Built",
                        index->builtBy.c_str(), index->images.size(), zh ? "张图像" : "images",
                        large, index->files.size(), zh ? "个文件" : "files");
        } else {
            std::printf("%-14s %s\n", zh ? "已生成" : "Built",
                        zh ? "否（运行 lantai build）" : "no (run lantai build)");
        }
        std::printf("%-14s %zu %s, %zu %s\n", zh ? "检查" : "Validation",
                    result.diagnostics.errorCount(), zh ? "个错误" : "errors",
                    result.diagnostics.warningCount(), zh ? "个警告" : "warnings");
        return exitCodeFor(result.diagnostics);
    };
}

} // namespace lantai::cli

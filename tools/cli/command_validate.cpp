// tools/cli: `lantai validate PACK [--json]` — the pack's checks and its characters against the
// kiosk's fonts
#include "core/i18n/pack_glyphs.h"
#include "core/pack/loader.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

namespace lantai::cli {

CommandAction addValidateCommand(CLI::App& app) {
    struct Options {
        std::string pack;
        bool json = false;
        std::string lang;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("validate",
                                   "Check a pack: JSON, fields, ids, references, assets, paths, "
                                   "characters the kiosk's fonts cannot draw "
                                   "(exit 0 valid, 1 errors, 2 usage/I/O)\n"
                                   "检查内容包（0 通过，1 有错误，2 用法或读写错误）");
    cmd->add_option("PACK", options->pack, "pack folder (contains pack.json)")->required();
    cmd->add_flag("--json", options->json, "print the diagnostics as a JSON array on stdout");
    cmd->add_option("--lang", options->lang, "message language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return [options] {
        auto result = core::loadAndValidatePack(options->pack);
        if (result.parsed)
            core::checkPackGlyphs(result.pack, core::KioskFontSet::locate(), result.diagnostics,
                                  &result.documents);
        if (options->json) {
            std::printf("%s\n", core::diagnosticsToJson(result.diagnostics).dump(2).c_str());
        } else {
            const bool zh = useChinese(options->lang);
            printDiagnostics(result.diagnostics, zh);
            if (!result.diagnostics.hasErrors())
                std::printf(zh ? "内容包有效：%s（%zu 件展品）\n"
                               : "Pack is valid: %s (%zu items)\n",
                            options->pack.c_str(), result.pack.itemCount());
        }
        return exitCodeFor(result.diagnostics);
    };
}

} // namespace lantai::cli

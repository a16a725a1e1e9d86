// tools/cli: `lantai export web PACK OUT [--base-url URL] [--assets DIR] [--json]` — the static
// cloud-gallery site
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"
#include "tools/gallery/export/web_export.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

namespace lantai::cli {

namespace fs = std::filesystem;

namespace {

// --assets, else $LANTAI_WEB_ASSETS, else share/lantai/web beside the installed binary, else the
// build tree's tools/gallery/viewer output (compiled in).
fs::path defaultAssetsDir() {
    if (const char* env = std::getenv("LANTAI_WEB_ASSETS"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "lantai" / "web";
        if (fs::exists(installed / "assets" / "lantai.js", ec)) return installed;
    }
#ifdef LANTAI_WEB_DIST_DIR
    return LANTAI_WEB_DIST_DIR;
#else
    return exe.parent_path().parent_path() / "share" / "lantai" / "web";
#endif
}

} // namespace

CommandAction addExportCommand(CLI::App& app) {
    struct Options {
        std::string pack, out, baseUrl, assets, lang;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* exportCmd = app.add_subcommand(
        "export", "Publish a built pack in another form\n将已生成的内容包导出为其他形式");
    exportCmd->require_subcommand(1);
    auto* web = exportCmd->add_subcommand(
        "web", "Write the static cloud-gallery website of a built pack (tools/gallery/SITE.md)\n"
               "导出网上云展厅静态网站");
    web->add_option("PACK", options->pack, "pack folder, built with `lantai build`")->required();
    web->add_option("OUT", options->out,
                    "site folder: new, empty or an earlier export (replaced when complete)")
        ->required();
    web->add_option("--base-url", options->baseUrl,
                    "https://… where OUT will be served: absolute IIIF ids, og:url, sitemap.xml");
    web->add_option(
        "--assets", options->assets,
        "built viewer folder holding assets/lantai.js (default: installed or build tree)");
    web->add_flag("--json", options->json,
                  "print the result and the diagnostics as JSON on stdout");
    web->add_option("--lang", options->lang, "message language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return [options] {
        core::WebExportOptions exportOptions;
        exportOptions.baseUrl = options->baseUrl;
        exportOptions.assetsDir =
            options->assets.empty() ? defaultAssetsDir() : fs::path(options->assets);
        const auto rep = core::exportWebSite(options->pack, options->out, exportOptions);
        const int code = rep.ok                                    ? kExitOk
                         : exitCodeFor(rep.diagnostics) == kExitOk ? kExitInvalid
                                                                   : exitCodeFor(rep.diagnostics);
        if (options->json) {
            const nlohmann::json out = {{"ok", rep.ok},
                                        {"out", options->out},
                                        {"pages", rep.pages},
                                        {"items", rep.items},
                                        {"images_full", rep.imagesFull},
                                        {"images_limited", rep.imagesLimited},
                                        {"images_withheld", rep.imagesWithheld},
                                        {"files_linked", rep.filesLinked},
                                        {"files_copied", rep.filesCopied},
                                        {"files_reused", rep.filesReused},
                                        {"seconds", rep.seconds},
                                        {"diagnostics", core::diagnosticsToJson(rep.diagnostics)}};
            std::printf("%s\n", out.dump(2).c_str());
            return code;
        }
        const bool zh = useChinese(options->lang);
        if (!rep.diagnostics.empty()) printDiagnostics(rep.diagnostics, zh);
        if (rep.ok)
            std::printf(zh ? "已导出 %s：%zu 个页面，%zu 件展品，图像 %zu 张完整、%zu "
                             "张限制尺寸、%zu 张不公开；"
                             "文件 %zu 个链接、%zu 个复制、%zu 个沿用，用时 %.1f 秒\n"
                           : "Exported %s: %zu pages, %zu items, images %zu full, %zu limited, %zu "
                             "not published; "
                             "files %zu linked, %zu copied, %zu unchanged, %.1f s\n",
                        options->out.c_str(), rep.pages, rep.items, rep.imagesFull,
                        rep.imagesLimited, rep.imagesWithheld, rep.filesLinked, rep.filesCopied,
                        rep.filesReused, rep.seconds);
        return code;
    };
}

} // namespace lantai::cli

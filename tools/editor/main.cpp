// tools/editor: lantai-editor's entry point — command line, then the application
#include "core/base/log.h"
#include "tools/editor/editor_app.h"

#include <CLI/CLI.hpp>
#include <clocale>
#include <regex>

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    std::setlocale(LC_NUMERIC, "C");
    lantai::editor::EditorOptions options;
    CLI::App app{"lantai-editor " LANTAI_VERSION
                 " — the curators' editor for Lantai content packs (兰台内容包编辑器)"};
    std::string pack, newPack, size = "1600x1000", preview = "1920x1080";
    app.add_option("PACK", pack, "pack folder to open (contains pack.json)");
    app.add_option("--new", newPack,
                   "create a pack from the template in this (new or empty) "
                   "folder and open it");
    app.add_flag("--read-only", options.readOnly, "open without taking the pack's lock");
    app.add_option("--script", options.script, "replay input from FILE (kiosk/SCRIPTS.md)");
    app.add_option("--state-out", options.stateOut,
                   "write the editor's state as JSON after "
                   "every script step");
    app.add_option("--screenshot-dir", options.screenshotDir, "where `screenshot NAME` writes");
    app.add_flag("--exit-after-script", options.exitAfterScript, "quit when the script ends");
    app.add_option("--size", size, "window size WIDTHxHEIGHT")
        ->check(CLI::Validator(
            [](std::string& s) {
                return std::regex_match(s, std::regex("[0-9]{3,5}x[0-9]{3,5}"))
                           ? std::string()
                           : std::string("expected WIDTHxHEIGHT, e.g. 1600x1000");
            },
            "WxH"));
    app.add_option("--preview", preview, "preview size")
        ->check(CLI::IsMember({"1920x1080", "1080x1920", "3840x2160"}));
    app.set_version_flag("--version", LANTAI_VERSION);
    CLI11_PARSE(app, argc, argv);
    options.pack = pack;
    options.newPack = newPack;
    const auto x = size.find('x');
    options.width = std::stoi(size.substr(0, x));
    options.height = std::stoi(size.substr(x + 1));
    options.previewSize = preview == "1080x1920" ? 1 : preview == "3840x2160" ? 2 : 0;
    options.themeDirs = {LANTAI_INSTALLED_THEMES_DIR, LANTAI_THEMES_DIR};
    if (!pack.empty() && !newPack.empty()) {
        std::fprintf(stderr, "lantai-editor: give either PACK or --new, not both\n");
        return 2;
    }
    return lantai::editor::EditorApp(std::move(options)).run();
}

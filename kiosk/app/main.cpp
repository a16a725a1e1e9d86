// kiosk/app: lantai-kiosk entry point — arguments, configuration layers, then the app
#include "core/base/log.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/kiosk_options.h"

#include <clocale>
#include <cstdio>
#include <exception>
#include <malloc.h>

int main(int argc, char** argv) {
    // The kiosk allocates and frees many ~1 MB image buffers (decoded tiles, and with software
    // GL the textures themselves). Serve every block of 128 KB or more from its own mapping so
    // that freeing it returns the memory to the system (glibc would otherwise raise the
    // threshold after the first free and keep the freed tiles in the heap), and keep the
    // decode threads from each growing an arena of their own.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_ARENA_MAX, 2);
    std::setlocale(LC_ALL, "");
    std::setlocale(LC_NUMERIC, "C"); // numbers in JSON/TOML; libmpv requires it too
    using namespace lantai;
    auto args = kiosk::parseKioskArgs(argc, argv);
    if (args.exitCode >= 0) return args.exitCode;

    core::KioskConfigLayer fileLayer;
    if (!args.run.configFile.empty()) {
        auto loaded = core::loadKioskConfig(args.run.configFile);
        for (const auto& d : loaded.diagnostics.items())
            std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, false).c_str());
        if (!loaded.ok()) {
            std::fprintf(
                stderr, "lantai-kiosk: the configuration %s has errors; fix them and start again\n",
                args.run.configFile.c_str());
            return 2;
        }
        fileLayer = loaded.layer;
    }
    // The pack is read by the app; its kiosk defaults form the lowest layer.
    core::KioskConfig preliminary = core::resolveKioskConfig({}, fileLayer, args.commandLine);
    if (preliminary.packPath.empty()) preliminary.packPath = kiosk::defaultPackPath(argv[0]);
    core::KioskConfigLayer packLayer;
    {
        const auto pack = core::loadPack(preliminary.packPath);
        if (pack.parsed) packLayer = core::packKioskLayer(pack.pack);
    }
    core::KioskConfig config = core::resolveKioskConfig(packLayer, fileLayer, args.commandLine);
    args.run.textureBudgetExplicit =
        fileLayer.textureBudgetMb.has_value() || args.commandLine.textureBudgetMb.has_value();
    if (config.packPath.empty()) config.packPath = preliminary.packPath;
    if (args.run.printConfig) {
        std::fputs(core::formatKioskConfigToml(config).c_str(), stdout);
        return 0;
    }
    try {
        kiosk::KioskApp app(config, args.run, argv[0]);
        return app.run();
    } catch (const std::exception& e) {
        core::logError(std::string("fatal: ") + e.what());
        return 1;
    }
}

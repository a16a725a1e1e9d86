// kiosk/app: lantai-kiosk entry point — signals, arguments, configuration layers, then the app
#include "core/base/log.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/kiosk_configuration.h"
#include "kiosk/app/kiosk_options.h"
#include "kiosk/app/kiosk_signals.h"

#include <clocale>
#include <cstdio>
#include <exception>
#include <malloc.h>

int main(int argc, char** argv) {
    using namespace lantai;
    // The kiosk allocates and frees many ~1 MB image buffers (decoded tiles, and with software
    // GL the textures themselves). Serve every block of 128 KB or more from its own mapping so
    // that freeing it returns the memory to the system (glibc would otherwise raise the
    // threshold after the first free and keep the freed tiles in the heap), and keep the
    // decode threads from each growing an arena of their own.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_ARENA_MAX, 2);
    // Before anything else, so that no signal ends the kiosk uncleanly from here on and no
    // thread starts before the handlers are in place (kiosk/app/kiosk_signals.h).
    kiosk::KioskSignals signals;
    std::setlocale(LC_ALL, "");
    std::setlocale(LC_NUMERIC, "C"); // numbers in JSON/TOML; libmpv requires it too
    auto args = kiosk::parseKioskArgs(argc, argv);
    if (args.exitCode >= 0) return args.exitCode;

    auto resolved =
        kiosk::resolveKioskConfiguration(args.run.configFile, args.commandLine, argv[0]);
    for (const auto& d : resolved.diagnostics.items())
        std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, false).c_str());
    if (!resolved.ok()) {
        std::fprintf(stderr,
                     "lantai-kiosk: the configuration %s has errors; fix them and start again\n",
                     args.run.configFile.c_str());
        return 2;
    }
    args.run.textureBudgetExplicit = resolved.fileLayer.textureBudgetMb.has_value() ||
                                     args.commandLine.textureBudgetMb.has_value();
    if (args.run.printConfig) {
        std::fputs(core::formatKioskConfigToml(resolved.config).c_str(), stdout);
        return 0;
    }
    if (!kiosk::checkRunFiles(args.run)) return 2;
    try {
        kiosk::KioskApp app(resolved.config, std::move(args), argv[0], signals);
        return app.run();
    } catch (const std::exception& e) {
        core::logError(std::string("fatal: ") + e.what());
        return 1;
    }
}

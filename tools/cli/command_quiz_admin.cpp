// tools/cli: `lantai quiz hash-pin` (teacher PIN for the config) and `lantai quiz results` (class
// contests as CSV)
#include "core/base/file_io.h"
#include "core/base/pin_hash.h"
#include "core/quiz/engine.h"
#include "core/stats/stats_store.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>

namespace lantai::cli {

int printPinHash(std::string pin, const char* formatEn, const char* formatZh) {
    if (pin.empty() && !std::getline(std::cin, pin)) pin.clear();
    if (!core::isValidPinFormat(pin)) {
        std::fprintf(stderr, "lantai: %s / %s\n", formatEn, formatZh);
        return kExitUsage;
    }
    const auto hashed = core::hashPin(pin);
    if (!hashed) {
        std::fprintf(stderr, "lantai: cannot hash the PIN (out of memory?)\n");
        return kExitUsage;
    }
    std::printf("%s\n", hashed->c_str());
    return kExitOk;
}

QuizAdminCommands addQuizAdminCommands(CLI::App& quiz) {
    struct Options {
        std::string pin;
        std::string stateDir = "/var/lib/lantai";
        std::string since;
        std::string output;
    };
    auto options = std::make_shared<Options>();
    auto* hash = quiz.add_subcommand(
        "hash-pin", "Print the hash of a teacher PIN for quiz.teacher_pin_hash in kiosk.toml\n"
                    "生成教师密码的哈希值（填入 kiosk.toml 的 quiz.teacher_pin_hash）");
    hash->add_option("PIN", options->pin, "4 to 12 digits (read from standard input when omitted)");
    auto* results = quiz.add_subcommand(
        "results", "Export the class contests (team results) recorded by a kiosk as CSV\n"
                   "导出展台记录的班级竞赛成绩（CSV）");
    results->add_option("--state-dir", options->stateDir,
                        "the kiosk's state directory (default /var/lib/lantai)");
    results->add_option("--since", options->since,
                        "only contests from this local date on (YYYY-MM-DD)");
    results->add_option("-o,--output", options->output, "output file (default: stdout)");

    QuizAdminCommands commands;
    commands.parsed = [hash, results] { return hash->parsed() || results->parsed(); };
    commands.run = [options, hash]() -> int {
        if (hash->parsed()) {
            return printPinHash(options->pin, "a teacher PIN is 4 to 12 digits",
                                "教师密码须为 4 到 12 位数字");
        }
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        const int offset = core::localUtcOffsetSeconds(now);
        std::int64_t since = 0;
        if (!options->since.empty()) {
            const auto parsed = core::parseLocalDate(options->since, offset);
            if (!parsed) {
                std::fprintf(stderr, "lantai: --since expects YYYY-MM-DD, got \"%s\"\n",
                             options->since.c_str());
                return kExitUsage;
            }
            since = *parsed;
        }
        core::StatsStore store;
        core::StatsStoreOptions readOnly;
        readOnly.readOnly = true;
        const auto file = core::StatsStore::databasePath(options->stateDir);
        // "file: error [stats.cannot_open] Cannot open …", in Chinese under a zh locale.
        const auto failed = [](const core::Diagnostic& error) {
            std::fprintf(stderr, "lantai: %s\n",
                         core::formatDiagnostic(error, useChinese("")).c_str());
            return kExitUsage;
        };
        if (auto opened = store.open(file, now, readOnly); !opened) return failed(opened.error());
        const auto csv = core::exportTeamResultsCsv(store, since, offset);
        if (!csv) return failed(csv.error());
        if (options->output.empty()) {
            std::fwrite(csv->data(), 1, csv->size(), stdout);
            return kExitOk;
        }
        if (auto written = core::writeFileAtomic(options->output, *csv); !written)
            return failed(written.error());
        return kExitOk;
    };
    return commands;
}

} // namespace lantai::cli

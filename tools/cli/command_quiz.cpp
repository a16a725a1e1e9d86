// tools/cli: `lantai quiz import FILE --into PACK[:BANK]` and `lantai quiz export PACK[:BANK]
// --format gift`
#include "core/base/file_io.h"
#include "core/pack/loader.h"
#include "core/quiz/import.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace lantai::cli {

namespace {

namespace fs = std::filesystem;

struct QuizOptions {
    std::string file;
    std::string format;
    std::string into;
    std::string pack;
    std::string lang = "zh";
    std::string output;
    bool json = false;
};

// "PACK:BANK" -> {PACK, BANK}; a folder whose own name has a colon stays whole.
std::pair<std::string, std::string> splitPackSpec(const std::string& spec) {
    const std::size_t colon = spec.rfind(':');
    std::error_code ec;
    if (colon == std::string::npos || colon == 0 || fs::is_directory(spec, ec)) return {spec, ""};
    return {spec.substr(0, colon), spec.substr(colon + 1)};
}

const char* typeZh(const std::string& type) {
    static const std::map<std::string, const char*> names{{"short answer", "填空题"},
                                                          {"numerical", "数值题"},
                                                          {"matching", "配对题"},
                                                          {"essay", "问答题"},
                                                          {"description", "说明文字"}};
    const auto it = names.find(type);
    return it == names.end() ? type.c_str() : it->second;
}

// Warnings about the pack listed one by one in the text output (more are counted by code); --json
// lists this many of each code.
constexpr std::size_t kListedPackWarnings = 10;
constexpr std::size_t kJsonPackWarningsPerCode = 100;

std::string summary(const core::QuizImportResult& result, std::size_t n,
                    const std::string& bankFile, bool zh) {
    std::string out;
    if (zh)
        out = "已导入 " + std::to_string(n) + " 道题到 " + bankFile;
    else
        out = "imported " + std::to_string(n) + " question" + (n == 1 ? "" : "s") + " into " +
              bankFile;
    if (!result.skipped.empty()) {
        out += zh ? "，跳过 " + std::to_string(result.skipped.size()) + " 道（"
                  : ", skipped " + std::to_string(result.skipped.size()) + " (";
        for (std::size_t i = 0; i < result.skipped.size(); ++i) {
            const auto& s = result.skipped[i];
            if (i > 0) out += zh ? "，" : ", ";
            if (i == 8) {
                out += zh ? "……" : "...";
                break;
            }
            out += zh ? "第 " + std::to_string(s.line) + " 行" + typeZh(s.type)
                      : s.type + " at line " + std::to_string(s.line);
        }
        out += zh ? "）" : ")";
    }
    return out;
}

// Import-file diagnostics one per line; the pack's new warnings (typically text.missing_en on
// every imported text) grouped by code when there are many.
void printImportDiagnostics(const core::Diagnostics& fileDiagnostics,
                            const core::PackImportReport& pack, const std::string& packDir,
                            bool zh) {
    for (const auto& d : fileDiagnostics.items())
        std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, zh).c_str());
    const bool listAll = pack.warningCount() <= kListedPackWarnings;
    for (const auto& d : pack.diagnostics.items())
        if (d.severity == core::Severity::Error || listAll)
            std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, zh).c_str());
    if (listAll) return;
    for (const auto& [code, count] : pack.warningCounts) {
        if (zh)
            std::fprintf(stderr, "内容包新增 %zu 个警告 [%s]（运行 lantai validate %s 查看）\n",
                         count, code.c_str(), packDir.c_str());
        else
            std::fprintf(
                stderr,
                "the pack has %zu new warning%s [%s] (run lantai validate %s to list them)\n",
                count, count == 1 ? "" : "s", code.c_str(), packDir.c_str());
    }
}

int runImport(const QuizOptions& o) {
    const bool zh = useChinese("");
    core::QuizFormat format = core::QuizFormat::Gift;
    if (o.format.empty()) {
        const auto ext = fs::path(o.file).extension().string();
        if (ext == ".gift")
            format = core::QuizFormat::Gift;
        else if (ext == ".csv")
            format = core::QuizFormat::Csv;
        else if (ext == ".aiken")
            format = core::QuizFormat::Aiken;
        else {
            std::fprintf(stderr, zh ? "lantai: 无法从文件名判断格式，请用 --format gift|aiken|csv\n"
                                    : "lantai: cannot tell the format from the file name; use "
                                      "--format gift|aiken|csv\n");
            return kExitUsage;
        }
    } else {
        core::parseQuizFormat(o.format, format);
    }
    // The size is checked before reading: a file larger than a bank can be is refused up front,
    // naming the file, its size and the limit.
    const auto text = core::readFile(o.file, core::kQuizImportFileLimit);
    if (!text) {
        const auto& why = text.error();
        std::fprintf(stderr, zh ? "lantai: 无法读取 %s：%s\n" : "lantai: cannot read %s: %s\n",
                     o.file.c_str(), (zh ? why.messageZh : why.message).c_str());
        if (why.code == core::kFileTooLarge)
            std::fprintf(
                stderr,
                zh ? "lantai: 一个题库最大 %s，导入文件不能更大；请把文件拆开，分别导入不同的"
                     "题库（--into 内容包:题库）。\n"
                   : "lantai: a quiz bank can be at most %s, and so can a file to import; "
                     "split the file and import the parts into different banks "
                     "(--into PACK:BANK).\n",
                core::formatMegabytes(core::kQuizBankReadLimit).c_str());
        return kExitUsage;
    }
    const auto [packDir, requestedBank] = splitPackSpec(o.into);
    core::Language language = core::Language::Zh;
    core::parseLanguage(o.lang, language);
    const auto run =
        core::importQuizFile(packDir, requestedBank, format, *text, o.file, language,
                             o.json ? kJsonPackWarningsPerCode : kListedPackWarnings + 1);
    if (!run.packRead) {
        printDiagnostics(run.pack.diagnostics, zh);
        return exitCodeFor(run.pack.diagnostics) == kExitOk ? kExitInvalid
                                                            : exitCodeFor(run.pack.diagnostics);
    }
    const core::QuizImportResult& result = run.file;
    const core::Diagnostics& packDiagnostics = run.pack.diagnostics;
    const std::string& bankFile = run.pack.bankFile;
    const bool imported = result.ok() && run.pack.imported;

    int code = kExitOk;
    if (!result.ok())
        code = kExitInvalid;
    else if (!imported)
        code = packDiagnostics.hasCode("pack.write_failed") ||
                       packDiagnostics.hasCode("pack.not_found")
                   ? kExitUsage
                   : kExitInvalid;
    if (o.json) {
        nlohmann::json out{{"ok", code == kExitOk},
                           {"file", o.file},
                           {"format", core::quizFormatName(format)},
                           {"bank_file", bankFile},
                           {"imported", imported ? run.pack.questionCount : 0},
                           {"skipped", nlohmann::json::array()},
                           {"pack_warnings", run.pack.warningCounts}};
        for (const auto& s : result.skipped)
            out["skipped"].push_back({{"line", s.line}, {"type", s.type}});
        core::Diagnostics all = result.diagnostics;
        all.append(packDiagnostics);
        out["diagnostics"] = core::diagnosticsToJson(all);
        std::printf("%s\n", out.dump(2).c_str());
        return code;
    }
    printImportDiagnostics(result.diagnostics, run.pack, packDir, zh);
    if (!result.ok()) {
        const auto errors = result.diagnostics.errorCount();
        if (zh)
            std::fprintf(stderr,
                         "%s 有 %zu 个错误，未导入任何题目，内容包未改动。请修改文件后重新导入。\n",
                         o.file.c_str(), errors);
        else
            std::fprintf(stderr,
                         "%s has %zu error%s; nothing was imported and the pack is unchanged. Fix "
                         "the file and import "
                         "again.\n",
                         o.file.c_str(), errors, errors == 1 ? "" : "s");
    } else if (!imported) {
        std::fprintf(stderr, zh ? "导入会使内容包出错，未导入任何题目，内容包未改动。\n"
                                : "importing would make the pack invalid; nothing was imported and "
                                  "the pack is unchanged.\n");
    } else {
        std::printf("%s\n", summary(result, run.pack.questionCount, bankFile, zh).c_str());
    }
    return code;
}

int runExport(const QuizOptions& o) {
    const bool zh = useChinese("");
    const auto [packDir, requestedBank] = splitPackSpec(o.pack);
    const auto loaded = core::loadPack(packDir);
    if (!loaded.parsed) {
        printDiagnostics(loaded.diagnostics, zh);
        return exitCodeFor(loaded.diagnostics) == kExitOk ? kExitInvalid
                                                          : exitCodeFor(loaded.diagnostics);
    }
    const core::QuizBank* bank = nullptr;
    std::string ids;
    for (const auto& b : loaded.pack.quizBanks) {
        if (!bank && (requestedBank.empty() || b.id == requestedBank) && !b.id.empty()) bank = &b;
        ids += (ids.empty() ? "" : ", ") + b.id;
    }
    if (!bank) {
        if (loaded.pack.quizBanks.empty())
            std::fprintf(stderr,
                         zh ? "lantai: 内容包 %s 没有题库\n"
                            : "lantai: the pack %s has no quiz bank\n",
                         packDir.c_str());
        else
            std::fprintf(stderr,
                         zh ? "lantai: 没有题库“%s”；现有题库：%s\n"
                            : "lantai: no quiz bank \"%s\"; the pack has: %s\n",
                         requestedBank.c_str(), ids.c_str());
        return kExitUsage;
    }
    if (!loaded.documents.count(bank->file)) {
        printDiagnostics(loaded.diagnostics, zh);
        return kExitInvalid;
    }
    core::Language language = core::Language::Zh;
    core::parseLanguage(o.lang, language);
    const std::string gift = core::exportGift(*bank, language);
    if (o.output.empty() || o.output == "-") {
        std::fwrite(gift.data(), 1, gift.size(), stdout);
    } else if (const core::Status written = core::writeFileAtomic(o.output, std::string_view(gift));
               !written) {
        const auto& why = written.error();
        std::fprintf(stderr, "lantai: %s\n", (zh ? why.messageZh : why.message).c_str());
        return kExitUsage;
    }
    const std::string to = o.output.empty() || o.output == "-" ? "" : o.output;
    if (zh)
        std::fprintf(stderr, "已从 %s 导出 %zu 道题%s%s\n", bank->file.c_str(),
                     bank->questions.size(), to.empty() ? "" : " 到 ", to.c_str());
    else
        std::fprintf(stderr, "exported %zu question%s from %s%s%s\n", bank->questions.size(),
                     bank->questions.size() == 1 ? "" : "s", bank->file.c_str(),
                     to.empty() ? "" : " to ", to.c_str());
    return kExitOk;
}

} // namespace

CommandAction addQuizCommand(CLI::App& app) {
    auto options = std::make_shared<QuizOptions>();
    auto* quiz = app.add_subcommand(
        "quiz", "Import quiz questions (GIFT, Aiken, CSV) into a pack; export a bank as GIFT\n"
                "导入题目（GIFT、Aiken、CSV）到内容包；把题库导出为 GIFT");
    quiz->require_subcommand(1);
    auto* import = quiz->add_subcommand(
        "import", "Add the questions of FILE to a quiz bank (exit 0 imported, 1 the file has "
                  "errors and nothing was imported, 2 usage/I/O)\n"
                  "把文件中的题目加入题库（0 成功，1 文件有错误、未导入，2 用法或读写错误）");
    import->add_option("FILE", options->file, "GIFT, Aiken or CSV file (UTF-8)")->required();
    import
        ->add_option("--format", options->format,
                     "gift, aiken or csv (default: from the file extension)")
        ->check(CLI::IsMember({"gift", "aiken", "csv"}));
    import
        ->add_option("--into", options->into,
                     "PACK or PACK:BANK (default bank: the first one; created when missing)")
        ->required();
    import
        ->add_option("--lang", options->lang, "language of the questions' text: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    import->add_flag("--json", options->json, "print the result and diagnostics as JSON on stdout");
    auto* exportCommand = quiz->add_subcommand(
        "export", "Write a quiz bank as GIFT (Moodle)\n把题库导出为 GIFT（Moodle）格式");
    exportCommand->add_option("PACK", options->pack, "PACK or PACK:BANK (default: the first bank)")
        ->required();
    exportCommand->add_option("--format", options->format, "gift")->check(CLI::IsMember({"gift"}));
    exportCommand->add_option("-o,--output", options->output, "output file (default: stdout)");
    exportCommand->add_option("--lang", options->lang, "which text to export: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    auto admin = addQuizAdminCommands(*quiz);
    return [options, import, admin] {
        if (admin.parsed()) return admin.run();
        return import->parsed() ? runImport(*options) : runExport(*options);
    };
}

} // namespace lantai::cli

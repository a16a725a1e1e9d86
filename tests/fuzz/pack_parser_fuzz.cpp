// tests: libFuzzer target — bytes as pack.json (and as a quiz bank) through JsonDocument, loader,
// validator, writer
#include "core/base/json_document.h"
#include "core/base/json_reader.h"
#include "core/pack/loader.h"
#include "core/pack/validator.h"
#include "core/pack/writer.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace lantai::core;

// An empty per-process pack folder: quiz banks and assets named by the input do not exist,
// so the loader and validator take their "missing" paths and never touch real files.
const fs::path& packRoot() {
    static const fs::path root = [] {
        fs::path dir =
            fs::temp_directory_path() / ("lantai-fuzz-pack-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(
                fs::temp_directory_path() / ("lantai-fuzz-pack-" + std::to_string(::getpid())), ec);
        });
        return dir;
    }();
    return root;
}

[[noreturn]] void failure(const char* what, const std::string& detail) {
    std::fprintf(stderr, "pack_parser_fuzz: %s\n%s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // 1. The document on its own: every recorded position must be inside the text.
    Diagnostics diagnostics;
    const auto document = JsonDocument::parse(text, "pack.json", diagnostics);
    if (document.valid() != diagnostics.empty())
        failure("valid() disagrees with the diagnostics", "");
    for (const char* pointer :
         {"", "/format_version", "/exhibitions/0", "/exhibitions/0/chapters/0/items/0/images/0",
          "/0", "/a/b/c", "no-slash"}) {
        const auto pos = document.positionOf(pointer);
        if (pos.line < 0 || pos.column < 0) failure("negative position", pointer);
    }
    for (const auto& d : diagnostics.items())
        if (d.line < 0 || d.column < 0 || d.code.empty())
            failure("bad diagnostic", formatDiagnostic(d, false));

    // 2a. The same bytes as a quiz bank file (the pack root is empty, so the loader never
    //     reaches bank files by itself): read, check inside a pack, write back.
    if (document.valid()) {
        Diagnostics bankDiagnostics;
        JsonReader reader(document, bankDiagnostics);
        Pack pack;
        pack.root = packRoot();
        pack.quizBanks.push_back(readQuizBank(reader, "quiz/fuzz.json"));
        const bool bankErrors = bankDiagnostics.hasErrors();
        SourceDocuments documents;
        validatePack(pack, bankDiagnostics, &documents);
        const auto bankJson = quizBankToJson(pack.quizBanks[0]);
        std::string bankText;
        try {
            bankText = serializePackDocument(bankJson);
        } catch (const std::exception& e) {
            failure("serializePackDocument threw on a quiz bank", e.what());
        }
        if (!bankErrors) {
            Diagnostics againDiagnostics;
            const auto againDocument =
                JsonDocument::parse(bankText, "quiz/fuzz.json", againDiagnostics);
            JsonReader againReader(againDocument, againDiagnostics);
            const auto again = readQuizBank(againReader, "quiz/fuzz.json");
            if (againDiagnostics.hasErrors())
                failure("written quiz bank does not load cleanly", bankText);
            if (quizBankToJson(again) != bankJson)
                failure("quiz bank round trip changed the bank", bankText);
        }
    }

    // 2b. Loader + validator: must never throw (an exception escaping is a crash for libFuzzer).
    auto result = loadPackFromText(text, packRoot());
    const bool loadErrors = result.diagnostics.hasErrors();
    if (result.parsed) validatePack(result.pack, result.diagnostics, &result.documents);
    for (const auto& d : result.diagnostics.items()) {
        if (d.code.empty() || d.message.empty() || d.messageZh.empty() || d.file.empty())
            failure("incomplete diagnostic", formatDiagnostic(d, false));
        if (!d.pointer.empty() && d.pointer[0] != '/')
            failure("pointer without leading slash", d.pointer);
    }
    if (!result.parsed) return 0;

    // 3. Writer: the model serialises (all strings came from valid UTF-8), and a pack the loader
    //    accepted without errors reads back to the same document.
    const auto written = packToJson(result.pack);
    std::string serialised;
    try {
        serialised = serializePackDocument(written);
    } catch (const std::exception& e) {
        failure("serializePackDocument threw", e.what());
    }
    if (!loadErrors) {
        auto again = loadPackFromText(serialised, packRoot());
        if (again.diagnostics.hasErrors()) {
            std::string list;
            for (const auto& d : again.diagnostics.items())
                list += formatDiagnostic(d, false) + "\n";
            failure("written pack.json does not load cleanly", list + serialised);
        }
        if (packToJson(again.pack) != written) failure("round trip changed the pack", serialised);
    }
    return 0;
}

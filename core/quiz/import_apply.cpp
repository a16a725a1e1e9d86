// core/quiz: adding imported quiz questions to a pack — validate, check every new question as the
// pack will hold it, write bank + pack.json, put back on a failed write
#include "core/base/file_io.h"
#include "core/base/json_document.h"
#include "core/base/json_reader.h"
#include "core/pack/loader.h"
#include "core/pack/validator.h"
#include "core/pack/writer.h"
#include "core/quiz/import.h"
#include "core/quiz/import_bank_text.h"

#include <nlohmann/json.hpp>
#include <optional>

namespace lantai::core {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using quiz_import::BankFileText;
using quiz_import::BankQuestions;

// pack.json with {"file": bankFile} appended to quiz_banks; the member is created (before "web",
// where FORMAT.md lists it) when the pack has no banks yet. Everything else stays as it was.
Json withBankListed(const Json& pack, const std::string& bankFile) {
    const Json entry = Json{{"file", bankFile}};
    if (pack.contains("quiz_banks")) {
        Json out = pack;
        out["quiz_banks"].push_back(entry);
        return out;
    }
    Json out = Json::object();
    bool added = false;
    for (auto it = pack.begin(); it != pack.end(); ++it) {
        if (it.key() == "web" && !added) {
            out["quiz_banks"] = Json::array({entry});
            added = true;
        }
        out[it.key()] = it.value();
    }
    if (!added) out["quiz_banks"] = Json::array({entry});
    return out;
}

// One import into one pack. The parser hands the questions over one at a time (add); each is
// kept only as the JSON text it will have in the bank (BankQuestions). run() then checks every
// new question as the pack will hold it — read back from that text by the loader's question
// reader and checked by the validator's question checks — and writes the bank only when that
// adds no error. Nothing reloads the bank: its size in memory is the text's, about once.
class PackImport : public quiz_import::QuestionSink {
  public:
    PackImport(const fs::path& packDir, std::string fileName, std::size_t listedWarningsPerCode,
               PackImportReport& report)
        : m_packDir(packDir), m_fileName(std::move(fileName)), m_listed(listedWarningsPerCode),
          m_report(report), m_questions(kQuizBankReadLimit) {}

    // Reads and validates the pack; false (the report says why) when it cannot be read.
    bool load() {
        m_before = loadAndValidatePack(m_packDir);
        if (!m_before.parsed) {
            m_report.diagnostics.append(m_before.diagnostics);
            return false;
        }
        m_root = m_before.pack.root;
        return true;
    }
    const Pack& pack() const { return m_before.pack; }

    void add(Question&& question, int line, std::string idHint) override {
        if (!question.item.empty() && !m_before.pack.findItem(question.item))
            m_dangling.add({Severity::Error, "ref.dangling", m_fileName, "", line, 0,
                            "The question links to the item \"" + question.item +
                                "\", which the pack does not have.",
                            "题目关联的展品“" + question.item + "”在内容包中不存在。"});
        m_questions.add(std::move(question), line, std::move(idHint));
    }

    // Ids for the questions the file named none for; nullptr: ids stay as given.
    void assignIds(quiz_import::IdAllocator* ids) {
        if (ids) m_questions.assignIds(*ids);
    }
    std::size_t questionCount() const { return m_questions.size(); }

    // Appends the questions to bank `bankId` (already resolved); `file` is what the import file
    // parsed to (its category and language title a new bank).
    void run(const std::string& bankId, const QuizImportResult& file) {
        m_file = &file;
        if (!isValidId(bankId))
            return fail("id.invalid", "",
                        "\"" + bankId +
                            "\" is not a valid bank id (lower-case letters, digits, - and _).",
                        "“" + bankId + "”不是有效的题库标识（小写字母、数字、- 和 _）。");
        const QuizBank* bank = nullptr;
        for (const auto& b : m_before.pack.quizBanks)
            if (b.id == bankId) bank = &b;
        m_newBank = bank == nullptr;
        m_bankFile = bank ? bank->file : "quiz/" + bankId + ".json";
        m_report.bankFile = m_bankFile;
        std::error_code ec;
        if (bank && !m_before.documents.count(m_bankFile))
            return fail("quiz.bank_unreadable", m_bankFile,
                        "The quiz bank file cannot be read as JSON; fix it first (lantai validate "
                        "lists the problem).",
                        "无法以 JSON 读取题库文件；请先修复（lantai validate 会列出问题）。");
        if (!bank && fs::exists(m_root / m_bankFile, ec))
            return fail("quiz.bank_exists", m_bankFile,
                        "This file exists but pack.json does not list it as a quiz bank; list "
                        "it in quiz_banks or import into another bank.",
                        "此文件已存在，但 pack.json 没有将它列为题库；"
                        "请把它加入 quiz_banks，或导入到其他题库。");
        if (m_questions.size() == 0) {
            m_report.imported = true;
            return;
        }
        if (!m_dangling.empty()) return m_report.diagnostics.append(m_dangling);
        if (!m_questions.error().empty()) return cannotPrepare(m_questions.error());

        if (!readOldBytes()) return;
        std::optional<BankFileText> bankText;
        std::string newPackText;
        try {
            if (m_newBank) {
                QuizBank added;
                added.id = bankId;
                added.file = m_bankFile;
                setText(added.title, file.category.empty() ? bankId : file.category);
                setText(added.category, file.category);
                bankText.emplace(quizBankToJson(added));
                newPackText =
                    serializePackDocument(withBankListed(Json::parse(m_packText), m_bankFile));
            } else {
                Json document = Json::parse(m_bankText);
                if (!document["questions"].is_array())
                    return fail("quiz.bank_unreadable", m_bankFile,
                                "The quiz bank has no \"questions\" array.",
                                "题库没有 \"questions\" 数组。");
                bankText.emplace(document);
            }
        } catch (const nlohmann::json::exception& e) {
            return cannotPrepare(e.what());
        }

        const std::uint64_t size = bankText->sizeWith(m_questions);
        if (size > kQuizBankReadLimit || !m_questions.kept()) return tooLarge(size);

        if (m_newBank) checkNewBankHead(bankText->text());
        const std::size_t oldCount = bank ? bank->questions.size() : 0;
        QuestionChecker checker(m_before.pack);
        Diagnostics checked; // the validator's findings come after the reader's, as in a load
        const std::string newBankText =
            bankText->withQuestions(m_questions, [&](std::size_t index, std::string_view text) {
                Diagnostics found;
                const auto document = JsonDocument::parse(text, m_bankFile, found);
                JsonReader reader(document, found);
                const Question question = readQuizQuestion(
                    reader, document.root(), JsonReader::child("/questions", oldCount + index));
                for (const auto& d : found.items())
                    addNew(m_report.diagnostics, pointAtImportFile(d, index));
                found = Diagnostics{};
                checker.check(question, found);
                for (const auto& d : found.items())
                    addNew(checked, pointAtImportFile(d, index));
            });
        m_report.diagnostics.append(checked);
        if (m_report.diagnostics.hasErrors()) return; // nothing written

        if (!write(newBankText, newPackText) || !readBack(newBankText, newPackText)) return;
        m_report.imported = true;
        m_report.questionCount = m_questions.size();
    }

  private:
    void fail(const char* code, const std::string& file, std::string message,
              std::string messageZh) {
        m_report.diagnostics.add(
            {Severity::Error, code, file, "", 0, 0, std::move(message), std::move(messageZh)});
    }

    void cannotPrepare(const std::string& why) {
        fail("pack.write_failed", "", "Cannot prepare the quiz bank: " + why + ".",
             "无法生成题库：" + why + "。");
    }

    void tooLarge(std::uint64_t size) {
        const std::string count = std::to_string(m_questions.size());
        fail("quiz.bank_too_large", m_fileName,
             "Importing the " + count + " questions of " + m_fileName +
                 " would make the quiz bank " + m_bankFile + " " + formatMegabytes(size) +
                 ", more than the " + formatMegabytes(kQuizBankReadLimit) +
                 " a quiz bank can be (the kiosk reads every bank whole). Nothing was imported; "
                 "split the file and import the parts into different banks.",
             "导入 " + m_fileName + " 的 " + count + " 道题会使题库 " + m_bankFile + " 达到 " +
                 formatMegabytes(size) + "，超过题库 " + formatMegabytes(kQuizBankReadLimit) +
                 " 的上限（展台会一次读入整个题库）。未导入任何题目；请把文件拆开，分别导入不同的题"
                 "库。");
    }

    // A diagnostic is listed unless it is a warning past the first `m_listed` of its code; every
    // warning is counted.
    void addNew(Diagnostics& to, Diagnostic d) {
        if (d.severity == Severity::Warning && ++m_report.warningCounts[d.code] > m_listed) return;
        to.add(std::move(d));
    }

    // A new bank's head (format_version, id, title, category) as the loader will read it, at the
    // lines it will have in the file (they come before the questions).
    void checkNewBankHead(const std::string& head) {
        Diagnostics found;
        const auto document = JsonDocument::parse(head, m_bankFile, found);
        if (document.valid()) {
            JsonReader reader(document, found);
            readQuizBank(reader, m_bankFile);
        }
        for (const auto& d : found.items())
            addNew(m_report.diagnostics, d);
    }

    // The pack's bytes before the import, to put back when a write fails.
    bool readOldBytes() {
        auto packText = readFile(m_root / "pack.json");
        if (!packText) return cannotRead(packText.error(), "pack.json");
        m_packText = std::move(*packText);
        if (m_newBank) return true;
        auto bankText = readFile(m_root / m_bankFile, kQuizBankReadLimit);
        if (!bankText) return cannotRead(bankText.error(), m_bankFile);
        m_bankText = std::move(*bankText);
        return true;
    }

    bool cannotRead(const Diagnostic& error, const std::string& shown) {
        const Diagnostic why = showFileAs(error, m_root / shown, shown);
        fail("pack.write_failed", shown, "Cannot read the pack: " + why.message,
             "无法读取内容包：" + why.messageZh);
        return false;
    }

    // A new bank's title and category in the language the questions were imported in.
    void setText(LocalizedText& field, const std::string& text) const {
        field.zh = text;
        if (m_file->language == Language::En) field.en = text;
    }

    // A diagnostic about the `index`-th appended question points at its line in the import file.
    Diagnostic pointAtImportFile(Diagnostic d, std::size_t index) const {
        if (d.file != m_bankFile || !d.pointer.starts_with("/questions/")) return d;
        d.file = m_fileName;
        d.line = m_questions.line(index);
        d.column = 0;
        d.pointer.clear();
        return d;
    }

    // The bank first, then pack.json, so a pack.json on disk never lists a bank not yet written.
    bool write(const std::string& bankText, const std::string& packText) {
        std::error_code ec;
        const fs::path bankPath = m_root / m_bankFile;
        const fs::path folder = bankPath.parent_path();
        if (!fs::exists(folder, ec)) {
            m_createdFolder = folder;
            fs::create_directories(folder, ec);
            if (ec) {
                fail("pack.write_failed", m_bankFile,
                     "Cannot create the folder: " + ec.message() + ".",
                     "无法创建文件夹：" + ec.message() + "。");
                return false;
            }
        }
        if (Status written = writeFileAtomic(bankPath, std::string_view(bankText)); !written) {
            restore();
            return cannotWrite(written.error(), m_bankFile);
        }
        m_bankWritten = true;
        if (m_newBank) {
            if (Status written = writeFileAtomic(m_root / "pack.json", std::string_view(packText));
                !written) {
                restore();
                return cannotWrite(written.error(), "pack.json");
            }
            m_packWritten = true;
        }
        return true;
    }

    bool cannotWrite(const Diagnostic& error, const std::string& shown) {
        const Diagnostic why = showFileAs(error, m_root / shown, shown);
        fail("pack.write_failed", shown, why.message, why.messageZh);
        return false;
    }

    // The files on disk are the ones just written (by size: their content was checked before).
    bool readBack(const std::string& bankText, const std::string& packText) {
        const auto sizeIs = [&](const std::string& file, std::size_t size) {
            const auto found = checkRegularFile(m_root / file);
            return found && found->size == size;
        };
        if (sizeIs(m_bankFile, bankText.size()) &&
            (!m_newBank || sizeIs("pack.json", packText.size())))
            return true;
        restore();
        fail("pack.write_failed", "",
             "The pack could not be read back after the import; it was restored.",
             "导入后无法重新读取内容包；已恢复原状。");
        return false;
    }

    // Puts back the bytes the pack had before the import.
    void restore() {
        std::error_code ec;
        if (m_packWritten)
            (void)writeFileAtomic(m_root / "pack.json", std::string_view(m_packText));
        if (m_bankWritten) {
            if (m_newBank)
                fs::remove(m_root / m_bankFile, ec);
            else
                (void)writeFileAtomic(m_root / m_bankFile, std::string_view(m_bankText));
        }
        if (!m_createdFolder.empty()) {
            // Only folders this import created, and only when nothing else was put in them.
            for (fs::path folder = m_root / m_bankFile;
                 folder.has_parent_path() && folder != m_root;) {
                folder = folder.parent_path();
                if (folder.string().size() < m_createdFolder.string().size() ||
                    !fs::is_empty(folder, ec))
                    break;
                fs::remove(folder, ec);
            }
        }
        m_packWritten = m_bankWritten = false;
    }

    fs::path m_packDir;
    std::string m_fileName;
    std::size_t m_listed;
    PackImportReport& m_report;
    PackLoadResult m_before;
    fs::path m_root;
    BankQuestions m_questions;
    Diagnostics m_dangling;
    const QuizImportResult* m_file = nullptr;
    std::string m_bankFile;
    bool m_newBank = false;
    std::string m_packText;
    std::string m_bankText;
    bool m_bankWritten = false;
    bool m_packWritten = false;
    fs::path m_createdFolder;
};

} // namespace

std::size_t PackImportReport::warningCount() const {
    std::size_t total = 0;
    for (const auto& [code, count] : warningCounts)
        total += count;
    return total;
}

std::string resolveImportBankId(const Pack& pack, const std::string& bankId) {
    if (!bankId.empty()) return bankId;
    for (const auto& bank : pack.quizBanks)
        if (!bank.id.empty()) return bank.id;
    return "quiz";
}

QuizImportOptions quizImportOptionsFor(const Pack& pack, const std::string& bankId,
                                       Language language) {
    QuizImportOptions options;
    options.language = language;
    options.idPrefix = bankId;
    for (const auto& bank : pack.quizBanks)
        for (const auto& question : bank.questions)
            options.takenIds.insert(question.id);
    return options;
}

bool importIntoPack(const std::filesystem::path& packDir, const std::string& bankId,
                    const QuizImportResult& result, Diagnostics& diagnostics,
                    std::string* writtenFile) {
    if (!result.ok()) {
        diagnostics.add({Severity::Error, "quiz.not_imported", "", "", 0, 0,
                         "The import file has errors; nothing was imported.",
                         "导入文件有错误，未导入任何内容。"});
        return false;
    }
    PackImportReport report;
    PackImport import(packDir, result.fileName, std::numeric_limits<std::size_t>::max(), report);
    if (import.load()) {
        for (std::size_t i = 0; i < result.questions.size(); ++i)
            import.add(Question(result.questions[i]),
                       i < result.questionLines.size() ? result.questionLines[i] : 0, "");
        import.assignIds(nullptr);
        import.run(resolveImportBankId(import.pack(), bankId), result);
    }
    diagnostics.append(report.diagnostics);
    if (writtenFile && !report.bankFile.empty()) *writtenFile = report.bankFile;
    return report.imported;
}

QuizFileImport importQuizFile(const std::filesystem::path& packDir, const std::string& bankId,
                              QuizFormat format, std::string_view text, const std::string& fileName,
                              Language language, std::size_t listedWarningsPerCode) {
    QuizFileImport out;
    out.file.fileName = fileName;
    PackImport import(packDir, fileName, listedWarningsPerCode, out.pack);
    if (!import.load()) return out;
    out.packRead = true;
    const std::string bank = resolveImportBankId(import.pack(), bankId);
    const QuizImportOptions options = quizImportOptionsFor(import.pack(), bank, language);
    quiz_import::IdAllocator ids(options);
    const bool englishOnly = quiz_import::parserFor(format)(text, options, ids, out.file, import);
    import.assignIds(&ids);
    out.questionCount = import.questionCount();
    quiz_import::finishImport(out.file, englishOnly, out.questionCount);
    if (out.file.ok()) import.run(bank, out.file);
    return out;
}

} // namespace lantai::core

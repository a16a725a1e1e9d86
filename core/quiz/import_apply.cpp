// core/quiz: adding imported quiz questions to a pack — validate, write bank + pack.json, put back
// on new errors
#include "core/base/file_io.h"
#include "core/base/json_reader.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"
#include "core/quiz/import.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace lantai::core {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string diagnosticKey(const Diagnostic& d) {
    return std::string(severityName(d.severity)) + '\n' + d.code + '\n' + d.file + '\n' +
           d.pointer + '\n' + d.message;
}

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

class PackImport {
  public:
    PackImport(const fs::path& packDir, const QuizImportResult& result, Diagnostics& diagnostics)
        : m_packDir(packDir), m_result(result), m_diagnostics(diagnostics) {}

    bool run(const std::string& requestedBank, std::string* writtenFile) {
        if (!m_result.ok())
            return fail("quiz.not_imported", "",
                        "The import file has errors; nothing was imported.",
                        "导入文件有错误，未导入任何内容。");
        PackLoadResult before = loadAndValidatePack(m_packDir);
        if (!before.parsed) {
            m_diagnostics.append(before.diagnostics);
            return false;
        }
        m_root = before.pack.root;
        const std::string bankId = resolveImportBankId(before.pack, requestedBank);
        if (!isValidId(bankId))
            return fail("id.invalid", "",
                        "\"" + bankId +
                            "\" is not a valid bank id (lower-case letters, digits, - and _).",
                        "“" + bankId + "”不是有效的题库标识（小写字母、数字、- 和 _）。");
        const QuizBank* bank = nullptr;
        for (const auto& b : before.pack.quizBanks)
            if (b.id == bankId) bank = &b;
        m_newBank = bank == nullptr;
        m_bankFile = bank ? bank->file : "quiz/" + bankId + ".json";
        if (writtenFile) *writtenFile = m_bankFile;
        std::error_code ec;
        if (bank && !before.documents.count(m_bankFile))
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
        if (m_result.questions.empty()) return true;
        const std::size_t oldCount = bank ? bank->questions.size() : 0;

        for (std::size_t i = 0; i < m_result.questions.size(); ++i) {
            const auto& q = m_result.questions[i];
            if (!q.item.empty() && !before.pack.findItem(q.item))
                m_diagnostics.add({Severity::Error, "ref.dangling", m_result.fileName, "",
                                   lineOf(i), 0,
                                   "The question links to the item \"" + q.item +
                                       "\", which the pack does not have.",
                                   "题目关联的展品“" + q.item + "”在内容包中不存在。"});
        }
        if (m_diagnostics.hasErrors()) return false;

        std::string error;
        if (!readFile(m_root / "pack.json", m_packText, error) ||
            (!m_newBank && !readFile(m_root / m_bankFile, m_bankText, error)))
            return fail("pack.write_failed", "", "Cannot read the pack: " + error + ".",
                        "无法读取内容包：" + error + "。");

        std::string newBankText, newPackText;
        try {
            QuizBank added;
            added.questions = m_result.questions;
            if (m_newBank) {
                added.id = bankId;
                added.file = m_bankFile;
                setText(added.title, m_result.category.empty() ? bankId : m_result.category);
                setText(added.category, m_result.category);
                newBankText = serializePackDocument(quizBankToJson(added));
                newPackText =
                    serializePackDocument(withBankListed(Json::parse(m_packText), m_bankFile));
            } else {
                Json document = Json::parse(m_bankText);
                Json& questions = document["questions"];
                if (!questions.is_array())
                    return fail("quiz.bank_unreadable", m_bankFile,
                                "The quiz bank has no \"questions\" array.",
                                "题库没有 \"questions\" 数组。");
                Json addedJson = quizBankToJson(added);
                for (auto& question : addedJson["questions"])
                    questions.push_back(std::move(question));
                newBankText = serializePackDocument(document);
            }
        } catch (const nlohmann::json::exception& e) {
            return fail("pack.write_failed", "",
                        std::string("Cannot prepare the quiz bank: ") + e.what() + ".",
                        std::string("无法生成题库：") + e.what() + "。");
        }

        if (!write(newBankText, newPackText)) return false;

        const PackLoadResult after = loadAndValidatePack(m_packDir);
        std::unordered_map<std::string, int> seen;
        for (const auto& d : before.diagnostics.items())
            ++seen[diagnosticKey(d)];
        Diagnostics added;
        for (const auto& d : after.diagnostics.items()) {
            if (auto it = seen.find(diagnosticKey(d)); it != seen.end() && it->second > 0) {
                --it->second;
                continue;
            }
            added.add(pointAtImportFile(d, oldCount));
        }
        if (!after.parsed || added.hasErrors()) {
            restore();
            m_diagnostics.append(added);
            if (!after.parsed && added.empty())
                fail("pack.write_failed", "",
                     "The pack could not be read back after the import; it was restored.",
                     "导入后无法重新读取内容包；已恢复原状。");
            return false;
        }
        m_diagnostics.append(added);
        return true;
    }

  private:
    bool fail(const char* code, const std::string& file, std::string message,
              std::string messageZh) {
        m_diagnostics.add(
            {Severity::Error, code, file, "", 0, 0, std::move(message), std::move(messageZh)});
        return false;
    }

    // A new bank's title and category in the language the questions were imported in.
    void setText(LocalizedText& field, const std::string& text) const {
        field.zh = text;
        if (m_result.language == Language::En) field.en = text;
    }

    int lineOf(std::size_t question) const {
        return question < m_result.questionLines.size() ? m_result.questionLines[question] : 0;
    }

    // A diagnostic about the n-th appended question points at its line in the import file.
    Diagnostic pointAtImportFile(Diagnostic d, std::size_t oldCount) const {
        static const std::string prefix = "/questions/";
        if (d.file != m_bankFile || !d.pointer.starts_with(prefix)) return d;
        std::size_t index = 0, pos = prefix.size();
        if (pos >= d.pointer.size()) return d;
        for (; pos < d.pointer.size() && d.pointer[pos] >= '0' && d.pointer[pos] <= '9'; ++pos)
            index = index * 10 + static_cast<std::size_t>(d.pointer[pos] - '0');
        if (index < oldCount || index - oldCount >= m_result.questions.size()) return d;
        d.file = m_result.fileName;
        d.line = lineOf(index - oldCount);
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
            if (ec)
                return fail("pack.write_failed", m_bankFile,
                            "Cannot create the folder: " + ec.message() + ".",
                            "无法创建文件夹：" + ec.message() + "。");
        }
        std::string error;
        if (!writeFileAtomic(bankPath, bankText, error)) {
            restore();
            return fail("pack.write_failed", m_bankFile,
                        "Cannot write the quiz bank: " + error + ".",
                        "无法写入题库：" + error + "。");
        }
        m_bankWritten = true;
        if (m_newBank && !writeFileAtomic(m_root / "pack.json", packText, error)) {
            restore();
            return fail("pack.write_failed", "pack.json", "Cannot write pack.json: " + error + ".",
                        "无法写入 pack.json：" + error + "。");
        }
        m_packWritten = m_newBank;
        return true;
    }

    // Puts back the bytes the pack had before the import.
    void restore() {
        std::string error;
        std::error_code ec;
        if (m_packWritten) writeFileAtomic(m_root / "pack.json", m_packText, error);
        if (m_bankWritten) {
            if (m_newBank)
                fs::remove(m_root / m_bankFile, ec);
            else
                writeFileAtomic(m_root / m_bankFile, m_bankText, error);
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
    fs::path m_root;
    const QuizImportResult& m_result;
    Diagnostics& m_diagnostics;
    std::string m_bankFile;
    bool m_newBank = false;
    std::string m_packText;
    std::string m_bankText;
    bool m_bankWritten = false;
    bool m_packWritten = false;
    fs::path m_createdFolder;
};

} // namespace

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
    return PackImport(packDir, result, diagnostics).run(bankId, writtenFile);
}

} // namespace lantai::core

// core/edit: quiz import as one undo step, and a new pack from the template
#include "core/base/file_io.h"
#include "core/base/json_reader.h"
#include "core/edit/edit_session.h"
#include "core/pack/writer.h"

namespace lantai::core::edit {

namespace fs = std::filesystem;

Result<QuizImportOutcome> EditSession::importQuestions(QuizFormat format, std::string_view text,
                                                       const std::string& fileName,
                                                       const std::string& bankId,
                                                       Language language) {
    if (Status ok = checkWritable(); !ok) return std::move(ok).error();
    QuizImportOutcome outcome;
    outcome.bankId = resolveImportBankId(m_pack, bankId);
    if (!isValidId(outcome.bankId))
        return operationalError(
            "id.invalid", "",
            "\"" + outcome.bankId +
                "\" is not a valid bank id (lower-case letters, digits, - and _).",
            "“" + outcome.bankId + "”不是有效的题库标识（小写字母、数字、- 和 _）。");
    outcome.parsed =
        importQuiz(format, text, fileName, quizImportOptionsFor(m_pack, outcome.bankId, language));
    QuizImportResult& parsed = outcome.parsed;
    for (std::size_t i = 0; i < parsed.questions.size(); ++i) {
        const std::string& item = parsed.questions[i].item;
        if (!item.empty() && !m_pack.findItem(item))
            parsed.diagnostics.add(
                {Severity::Error, "ref.dangling", parsed.fileName, "",
                 i < parsed.questionLines.size() ? parsed.questionLines[i] : 0, 0,
                 "The question links to the item \"" + item + "\", which the pack does not have.",
                 "题目关联的展品“" + item + "”在内容包中不存在。"});
    }
    if (!parsed.ok() || parsed.questions.empty()) return outcome;

    std::vector<CommandPtr> children;
    const NodeRef bank = NodeRef::quizBank(outcome.bankId);
    std::size_t index = 0;
    if (const auto existing = findBank(m_pack, outcome.bankId)) {
        index = m_pack.quizBanks[*existing].questions.size();
    } else {
        // A new bank, titled after the GIFT category (or its id) in the import's language.
        QuizBank added;
        added.id = outcome.bankId;
        added.file = bankFileFor(added.id);
        const std::string title = parsed.category.empty() ? added.id : parsed.category;
        added.title.zh = title;
        added.category.zh = parsed.category;
        if (language == Language::En) {
            added.title.en = title;
            added.category.en = parsed.category;
        }
        children.push_back(
            std::make_unique<InsertNodeCommand>(NodeRef::pack(), m_pack.quizBanks.size(), added));
        outcome.createdBank = true;
    }
    for (const auto& question : parsed.questions)
        children.push_back(std::make_unique<InsertNodeCommand>(bank, index++, question));
    const std::string n = std::to_string(parsed.questions.size());
    if (Status ok = apply(std::make_unique<CompoundCommand>(
            LocalizedText{"导入 " + n + " 道题", "Import " + n + " questions"},
            std::move(children)));
        !ok)
        return std::move(ok).error();
    outcome.applied = true;
    return outcome;
}

Status createPack(const fs::path& dir, const LocalizedText& title, const LocalizedText& organiser,
                  const Transliterator* transliterator) {
    std::error_code ec;
    if (fs::exists(dir / "pack.json", ec))
        return operationalError("pack.exists", "pack.json",
                                "There is already a pack in " + dir.string() + ".",
                                "文件夹 " + dir.string() + " 中已经有内容包。");
    Pack pack;
    pack.title = title;
    pack.organiser = organiser;
    const std::string slug = titleSlug(title, transliterator);
    pack.id = !slug.empty() && isValidId(slug) ? slug : "pack";
    Exhibition exhibition;
    exhibition.title = title;
    exhibition.id = pack.id == "pack" ? "exhibition" : pack.id;
    Chapter chapter;
    chapter.title = {"第一单元", "Part 1"};
    chapter.id = "part-1";
    exhibition.chapters.push_back(std::move(chapter));
    pack.exhibitions.push_back(std::move(exhibition));
    return writePack(pack, dir);
}

} // namespace lantai::core::edit

// core/edit: per-bank completeness checks, with the quiz draw's age-band rules
#include "core/edit/quiz_checklist.h"

namespace lantai::core::edit {

namespace {

const char* bandZh(AgeBand band) {
    switch (band) {
    case AgeBand::Primary:
        return "小学";
    case AgeBand::Secondary:
        return "中学";
    case AgeBand::Adult:
        return "成人";
    }
    return "成人";
}

// Why the question cannot be answered as written, or empty.
LocalizedText answerProblem(const Question& q) {
    if (q.type == QuestionType::TrueFalse) return {};
    if (q.options.size() < 2) return {"选项少于 2 个。", "It has fewer than 2 options."};
    int correct = 0;
    for (const auto& option : q.options)
        correct += option.correct ? 1 : 0;
    if (correct == 0) return {"没有标记为正确的选项。", "No option is marked correct."};
    if (q.type == QuestionType::Single && correct > 1)
        return {"单选题有多个正确选项。", "A single-choice question has several correct options."};
    return {};
}

} // namespace

BankChecklist quizChecklist(const Pack& pack, const QuizBank& bank, int questionsPerSession) {
    BankChecklist list;
    list.bankId = bank.id;
    const NodeRef bankNode = NodeRef::quizBank(bank.id);
    if (bank.questions.empty())
        list.entries.push_back({ChecklistEntry::Kind::NoQuestions,
                                {bankNode, ""},
                                {"题库还没有题目。", "The bank has no questions yet."}});
    for (const AgeBand band : {AgeBand::Primary, AgeBand::Secondary, AgeBand::Adult}) {
        QuestionFilter filter;
        filter.ageBand = band;
        filter.banks = {bank.id};
        const int eligible = countEligibleQuestions({bank}, filter);
        list.bands.push_back({band, eligible});
        if (!bank.questions.empty() && eligible < questionsPerSession) {
            const std::string have = std::to_string(eligible);
            const std::string need = std::to_string(questionsPerSession);
            list.entries.push_back(
                {ChecklistEntry::Kind::TooFewForAgeBand,
                 {bankNode, ""},
                 {std::string(bandZh(band)) + "组只有 " + have + " 道可用题目，一轮需要 " + need +
                      " 道。",
                  std::string("Only ") + have + " questions for the " + ageBandName(band) +
                      " age band; one session needs " + need + "."}});
        }
    }
    for (const auto& q : bank.questions) {
        const NodeRef node = NodeRef::question(q.id);
        if (q.explanation.empty())
            list.entries.push_back({ChecklistEntry::Kind::MissingExplanation,
                                    {node, "/explanation"},
                                    {"题目 " + q.id + " 没有答案解析。",
                                     "Question " + q.id + " has no explanation."}});
        if (!q.item.empty() && !pack.findItem(q.item))
            list.entries.push_back({ChecklistEntry::Kind::LinkedItemMissing,
                                    {node, "/item"},
                                    {"题目 " + q.id + " 关联的展品“" + q.item + "”不存在。",
                                     "Question " + q.id + " links to the item \"" + q.item +
                                         "\", which does not exist."}});
        if (const LocalizedText problem = answerProblem(q); !problem.empty())
            list.entries.push_back(
                {ChecklistEntry::Kind::NotAnswerable,
                 {node, "/options"},
                 {"题目 " + q.id + "：" + problem.zh, "Question " + q.id + ": " + problem.en}});
    }
    return list;
}

std::vector<BankChecklist> quizChecklists(const Pack& pack, int questionsPerSession) {
    std::vector<BankChecklist> lists;
    for (const auto& bank : pack.quizBanks)
        lists.push_back(quizChecklist(pack, bank, questionsPerSession));
    return lists;
}

} // namespace lantai::core::edit

// tools/gallery/export: a quiz bank as the browser plays it (data/quiz/BANK.json,
// tools/gallery/SITE.md "Quiz data")
#include "tools/gallery/export/quiz_data.h"

#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {

nlohmann::json localizedJson(const LocalizedText& text) {
    nlohmann::json out = nlohmann::json::object();
    if (!text.zh.empty()) out["zh"] = text.zh;
    if (!text.en.empty()) out["en"] = text.en;
    return out;
}

namespace {

nlohmann::json option(const LocalizedText& text, bool correct, const std::optional<double>& weight,
                      const LocalizedText& feedback) {
    return {{"text", localizedJson(text)},
            {"correct", correct},
            {"weight", weight ? nlohmann::json(*weight) : nlohmann::json()},
            {"feedback", localizedJson(feedback)}};
}

} // namespace

nlohmann::json quizBankJson(const SiteContext& c, const QuizBank& bank) {
    nlohmann::json questions = nlohmann::json::array();
    for (const Question& q : bank.questions) {
        nlohmann::json options = nlohmann::json::array();
        if (q.type == QuestionType::TrueFalse) {
            options.push_back(option({"正确", "True"}, q.answer, std::nullopt, q.feedbackTrue));
            options.push_back(option({"错误", "False"}, !q.answer, std::nullopt, q.feedbackFalse));
        } else {
            for (const QuizOption& o : q.options)
                options.push_back(option(o.text, o.correct, o.weight, o.feedback));
        }
        nlohmann::json question = {{"id", q.id},
                                   {"type", questionTypeName(q.type)},
                                   {"prompt", localizedJson(q.prompt)},
                                   {"options", options},
                                   {"explanation", localizedJson(q.explanation)},
                                   {"difficulty", q.difficulty},
                                   {"item", q.item.empty() || !c.pack->findItem(q.item)
                                                ? nlohmann::json()
                                                : nlohmann::json(q.item)}};
        if (q.image)
            if (const PublishedImage* img = c.image(q.image->file))
                question["image"] = {{"src", thumbPath(img->key)},
                                     {"alt", localizedJson(q.image->alt)}};
        questions.push_back(std::move(question));
    }
    return {{"id", bank.id}, {"title", localizedJson(bank.title)}, {"questions", questions}};
}

} // namespace lantai::core::web

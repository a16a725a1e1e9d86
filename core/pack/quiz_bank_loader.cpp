// core/pack: quiz bank file reader (questions, options, true/false answers)
#include "core/base/json_reader.h"
#include "core/pack/loader.h"

namespace lantai::core {

namespace {

using nlohmann::json;

QuizOption readOption(JsonReader& r, const json& value, const std::string& p) {
    QuizOption option;
    option.source = {r.document().file(), p};
    if (!r.expectObject(value, p)) return option;
    r.checkKnownFields(value, p, {"text", "correct", "weight", "feedback", "image"});
    if (const auto* image = r.member(value, p, "image", false))
        option.image = readImageRef(r, *image, JsonReader::child(p, "image"));
    option.text = r.text(value, p, "text", !option.image.has_value());
    option.correct = r.boolean(value, p, "correct", false);
    option.weight = r.number(value, p, "weight", -1.0, 1.0);
    option.feedback = r.text(value, p, "feedback", false);
    return option;
}

} // namespace

Question readQuizQuestion(JsonReader& r, const json& value, const std::string& p) {
    Question q;
    q.source = {r.document().file(), p};
    if (!r.expectObject(value, p)) return q;
    r.checkKnownFields(value, p,
                       {"id", "type", "prompt", "image", "options", "answer", "feedback",
                        "explanation", "difficulty", "tags", "item", "narration"});
    q.id = r.id(value, p);
    if (!value.contains("type")) r.member(value, p, "type", true);
    const std::string type =
        r.enumeration(value, p, "type", {"single", "multiple", "true_false"}, "single");
    q.type = type == "multiple"     ? QuestionType::Multiple
             : type == "true_false" ? QuestionType::TrueFalse
                                    : QuestionType::Single;
    q.prompt = r.text(value, p, "prompt", true);
    if (const auto* image = r.member(value, p, "image", false))
        q.image = readImageRef(r, *image, JsonReader::child(p, "image"));
    if (q.type == QuestionType::TrueFalse) {
        if (value.contains("options"))
            r.report(Severity::Warning, "schema.unknown_field", JsonReader::child(p, "options"),
                     "A true/false question uses \"answer\"; its \"options\" are ignored.",
                     "判断题使用 \"answer\" 字段，\"options\" 将被忽略。");
        if (!value.contains("answer")) r.member(value, p, "answer", true);
        q.answer = r.boolean(value, p, "answer", false);
        if (const auto* feedback = r.member(value, p, "feedback", false);
            feedback && r.expectObject(*feedback, JsonReader::child(p, "feedback"))) {
            const std::string fp = JsonReader::child(p, "feedback");
            r.checkKnownFields(*feedback, fp, {"true", "false"});
            q.feedbackTrue = r.text(*feedback, fp, "true", false);
            q.feedbackFalse = r.text(*feedback, fp, "false", false);
        }
    } else {
        if (const auto* options = r.array(value, p, "options", true, 2)) {
            if (options->size() > 8)
                r.report(Severity::Error, "schema.value", JsonReader::child(p, "options"),
                         "A question can have at most 8 options.", "每道题最多 8 个选项。");
            for (std::size_t i = 0; i < options->size(); ++i)
                q.options.push_back(readOption(
                    r, (*options)[i], JsonReader::child(JsonReader::child(p, "options"), i)));
        }
    }
    q.explanation = r.text(value, p, "explanation", false);
    q.difficulty = static_cast<int>(r.integer(value, p, "difficulty", 1, 3, false).value_or(1));
    q.tags = r.stringArray(value, p, "tags");
    q.item = r.string(value, p, "item", false);
    q.narration = readNarration(r, value, p);
    return q;
}

QuizBank readQuizBank(JsonReader& r, const std::string& file) {
    QuizBank bank;
    bank.file = file;
    const json& root = r.document().root();
    if (!r.expectObject(root, "")) return bank;
    r.checkKnownFields(root, "",
                       {"$schema", "format_version", "id", "title", "category", "questions"});
    if (const auto version = r.integer(root, "", "format_version", 1, 1000000, true);
        version && *version > kPackFormatVersion)
        r.report(Severity::Error, "format.version_unsupported", "/format_version",
                 "This quiz bank uses format version " + std::to_string(*version) +
                     "; this Lantai reads up to " + std::to_string(kPackFormatVersion) + ".",
                 "此题库使用格式版本 " + std::to_string(*version) + "，本机 Lantai 最高支持 " +
                     std::to_string(kPackFormatVersion) + "。");
    bank.id = r.id(root, "");
    bank.title = r.text(root, "", "title", true);
    bank.category = r.text(root, "", "category", false);
    if (const auto* questions = r.array(root, "", "questions", true))
        for (std::size_t i = 0; i < questions->size(); ++i)
            bank.questions.push_back(
                readQuizQuestion(r, (*questions)[i], JsonReader::child("/questions", i)));
    return bank;
}

} // namespace lantai::core

// core/phones: the class results CSV — players by rank, then each question's accuracy
#include "core/phones/class_results_csv.h"

#include "core/quiz/engine.h"

#include <cmath>
#include <initializer_list>

namespace lantai::core {

namespace {

std::string quoted(const std::string& value) {
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

std::string row(std::initializer_list<std::string> fields) {
    std::string out;
    for (const auto& f : fields)
        out += (out.empty() ? "" : ",") + quoted(f);
    return out + "\r\n";
}

} // namespace

std::string classResultsCsv(const PhoneGame& game) {
    std::string out = "\xEF\xBB\xBF";
    out += row({"rank", "seat", "nickname_zh", "nickname_en", "score", "correct", "answered",
                "questions"});
    const std::string total = std::to_string(game.questionCount());
    for (const PhonePlayer* p : game.ranking()) {
        const PresetNickname* preset = findNickname(p->nickname);
        const std::string suffix = p->sameNickname > 1 ? " " + std::to_string(p->sameNickname) : "";
        out += row({std::to_string(p->rank), std::to_string(p->seat),
                    (preset ? preset->name.zh : p->nickname) + suffix,
                    (preset ? preset->name.en : p->nickname) + suffix, std::to_string(p->score),
                    std::to_string(p->correct), std::to_string(p->answered), total});
    }
    out += "\r\n";
    out += row({"question", "question_id", "answers", "correct", "accuracy_percent"});
    int n = 0;
    for (const auto& q : game.questionFigures()) {
        const long accuracy = q.answers > 0 ? std::lround(100.0 * q.correct / q.answers) : 0;
        out += row({std::to_string(++n), q.questionId, std::to_string(q.answers),
                    std::to_string(q.correct), q.answers > 0 ? std::to_string(accuracy) : ""});
    }
    return out;
}

} // namespace lantai::core

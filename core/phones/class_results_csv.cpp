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

// A team's name in both languages; empty for no team (an individual game).
LocalizedText teamName(const PhoneGame& game, int team) {
    if (team < 0 || team >= static_cast<int>(game.teams().size())) return {};
    const std::string& id = game.teams()[static_cast<std::size_t>(team)].preset;
    const TeamPreset* preset = findTeamPreset(id);
    return preset ? preset->name : LocalizedText{id, id};
}

} // namespace

std::string classResultsCsv(const PhoneGame& game) {
    std::string out = "\xEF\xBB\xBF";
    out += row({"rank", "seat", "nickname_zh", "nickname_en", "team_zh", "team_en", "score",
                "correct", "answered", "questions"});
    const std::string total = std::to_string(game.questionCount());
    for (const PhonePlayer* p : game.ranking()) {
        const PresetNickname* preset = findNickname(p->nickname);
        const std::string suffix = p->sameNickname > 1 ? " " + std::to_string(p->sameNickname) : "";
        const LocalizedText team = teamName(game, p->team);
        out += row({std::to_string(p->rank), std::to_string(p->seat),
                    (preset ? preset->name.zh : p->nickname) + suffix,
                    (preset ? preset->name.en : p->nickname) + suffix, team.zh, team.en,
                    std::to_string(p->score), std::to_string(p->correct),
                    std::to_string(p->answered), total});
    }
    out += "\r\n";
    if (game.teamPlay()) {
        // The teams as the big screen ranked them: the score is the mean of the members' points.
        out += row({"team_rank", "team_zh", "team_en", "members", "team_score_mean_points",
                    "total_points", "correct", "answered"});
        for (const PhoneTeamStanding& t : game.teamRanking()) {
            const LocalizedText team = teamName(game, t.team);
            out += row({t.rank > 0 ? std::to_string(t.rank) : std::string(), team.zh, team.en,
                        std::to_string(t.members), std::to_string(t.score),
                        std::to_string(t.totalPoints), std::to_string(t.correct),
                        std::to_string(t.answered)});
        }
        out += "\r\n";
    }
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

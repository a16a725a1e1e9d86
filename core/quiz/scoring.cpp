// core/quiz: quiz scoring — partial credit, Kahoot speed formula, streak bonus (pure functions)
#include "core/quiz/scoring.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::core {

namespace {

int optionCountOf(const Question& question) {
    return question.type == QuestionType::TrueFalse ? 2 : static_cast<int>(question.options.size());
}

bool isCorrectOption(const Question& question, int index) {
    if (question.type == QuestionType::TrueFalse) return (index == 0) == question.answer;
    return question.options[static_cast<std::size_t>(index)].correct;
}

// Distinct chosen indices, sorted; false when one is out of range.
bool distinctChoice(const Question& question, const std::vector<int>& chosen,
                    std::vector<int>& out) {
    out = chosen;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    const int count = optionCountOf(question);
    return std::all_of(out.begin(), out.end(), [&](int i) { return i >= 0 && i < count; });
}

} // namespace

const char* scoringModeName(ScoringMode mode) {
    return mode == ScoringMode::Speed ? "speed" : "accuracy";
}

bool parseScoringMode(const std::string& name, ScoringMode& out) {
    if (name == "accuracy") {
        out = ScoringMode::Accuracy;
        return true;
    }
    if (name == "speed") {
        out = ScoringMode::Speed;
        return true;
    }
    return false;
}

int roundPoints(double value) {
    if (!std::isfinite(value)) return 0;
    const double limit = static_cast<double>(std::numeric_limits<int>::max());
    const double rounded =
        value >= 0.0 ? std::floor(value + 0.5 + 1e-9) : -std::floor(-value + 0.5 + 1e-9);
    return static_cast<int>(std::clamp(rounded, -limit, limit));
}

double optionWeight(const Question& question, int index) {
    if (index < 0 || index >= optionCountOf(question)) return 0.0;
    const bool correct = isCorrectOption(question, index);
    if (question.type == QuestionType::TrueFalse) return correct ? 1.0 : 0.0;
    const auto& option = question.options[static_cast<std::size_t>(index)];
    if (option.weight) return std::clamp(*option.weight, -1.0, 1.0);
    if (question.type == QuestionType::Single) return correct ? 1.0 : 0.0;
    const auto k = std::count_if(question.options.begin(), question.options.end(),
                                 [](const QuizOption& o) { return o.correct; });
    if (k == 0) return 0.0;
    return (correct ? 1.0 : -1.0) / static_cast<double>(k);
}

bool isExactlyCorrect(const Question& question, const std::vector<int>& chosen) {
    std::vector<int> picked;
    if (!distinctChoice(question, chosen, picked) || picked.empty()) return false;
    const int count = optionCountOf(question);
    std::size_t correctCount = 0;
    for (int i = 0; i < count; ++i) {
        const bool isPicked = std::binary_search(picked.begin(), picked.end(), i);
        const bool correct = isCorrectOption(question, i);
        if (isPicked != correct) return false;
        if (correct) ++correctCount;
    }
    return correctCount > 0;
}

double partialCredit(const Question& question, const std::vector<int>& chosen) {
    if (isExactlyCorrect(question, chosen)) return 1.0;
    std::vector<int> picked;
    distinctChoice(question, chosen, picked);
    // One answer only: picking every option of a single-choice question earns nothing.
    if (question.type != QuestionType::Multiple && picked.size() != 1) return 0.0;
    double sum = 0.0;
    for (int i : picked)
        sum += optionWeight(question, i); // out-of-range weighs 0
    if (!std::isfinite(sum)) return 0.0;
    return std::clamp(sum, 0.0, 1.0);
}

double speedFactor(double responseSeconds, double limitSeconds) {
    if (!(limitSeconds > 0.0)) return 1.0;
    double t = std::isfinite(responseSeconds) ? responseSeconds : limitSeconds;
    t = std::clamp(t, 0.0, limitSeconds);
    return 1.0 - (t / limitSeconds) / 2.0;
}

int kahootPoints(double responseSeconds, double limitSeconds, int basePoints) {
    return roundPoints(speedFactor(responseSeconds, limitSeconds) * basePoints);
}

int answerPoints(double partial, double responseSeconds, double limitSeconds,
                 const ScoringRules& rules) {
    if (!(partial > 0.0)) return 0;
    partial = std::min(partial, 1.0);
    const double base = static_cast<double>(std::max(0, rules.basePoints));
    if (rules.mode == ScoringMode::Accuracy) return roundPoints(partial * base);
    const double limit = limitSeconds > 0.0 ? limitSeconds : rules.speedWindowSeconds;
    return roundPoints(speedFactor(responseSeconds, limit) * partial * base);
}

int streakBonusPoints(int streak, const ScoringRules& rules) {
    if (!rules.streakBonus || streak < 2) return 0;
    const long long bonus = static_cast<long long>(rules.streakStep) * (streak - 1);
    return static_cast<int>(std::clamp<long long>(bonus, 0, std::max(0, rules.streakCap)));
}

} // namespace lantai::core

// core/quiz: quiz scoring — partial credit, Kahoot speed formula, streak bonus (pure functions)
#pragma once

#include "core/pack/model.h"

#include <vector>

namespace lantai::core {

enum class ScoringMode {
    Accuracy, // points = round(partial × P); the default, and the one for children
    Speed,    // Kahoot: points = round((1 − (t / T) / 2) × partial × P)
};

const char* scoringModeName(ScoringMode mode); // "accuracy" | "speed"
bool parseScoringMode(const std::string& name, ScoringMode& out);

struct ScoringRules {
    ScoringMode mode = ScoringMode::Accuracy;
    int basePoints = 1000; // P: the points of a fully correct answer (before any bonus)
    // Speed mode: T is the question's timer; without a timer (timerSeconds 0) this window is T.
    double speedWindowSeconds = 20.0;
    // Streak bonus: the n-th fully correct answer in a row earns step × (n − 1), at most cap
    // (1st: +0, 2nd: +100, 3rd: +200 … 6th and later: +500). Any other answer resets the streak.
    bool streakBonus = false;
    int streakStep = 100;
    int streakCap = 500;
};

// Rounding used everywhere: half away from zero (scores are never negative, so half up), with
// values within 1e-9 of .5 counted as .5 so that 999.4999999 from floating point becomes 1000.
int roundPoints(double value);

// The weight of choosing original option `index` (FORMAT.md): the option's `weight` when given;
// otherwise single / true-false: 1 for the correct option, 0 for a wrong one; multiple: 1/k for
// a correct option and −1/k for a wrong one (k = number of correct options).
double optionWeight(const Question& question, int index);

// True when the chosen original option indices are exactly the correct ones (duplicates ignored;
// out-of-range indices make the answer wrong). True/false: index 0 means "true", 1 "false".
bool isExactlyCorrect(const Question& question, const std::vector<int>& chosen);

// Partial credit 0…1: 1 for an exactly correct answer; otherwise the sum of optionWeight() over
// the distinct chosen options, clamped to 0…1 (so a wrong pick can cancel a right one, and
// negative totals become 0). Empty choice: 0. Single and true/false take one option: more
// than one chosen scores 0.
double partialCredit(const Question& question, const std::vector<int>& chosen);

// Kahoot's factor 1 − (t / T) / 2 with t clamped to 0…T: 1 at t = 0, 0.75 at T/2, 0.5 at T.
// T ≤ 0: 1.
double speedFactor(double responseSeconds, double limitSeconds);

// Kahoot's documented formula: round((1 − (t / T) / 2) × P).
int kahootPoints(double responseSeconds, double limitSeconds, int basePoints);

// Points of one answer before the streak bonus: Accuracy round(partial × P); Speed
// round(speedFactor(t, T) × partial × P) — one rounding, after the multiplication. 0 when
// partial is 0. limitSeconds is the question timer (0 = none: rules.speedWindowSeconds is used).
int answerPoints(double partial, double responseSeconds, double limitSeconds,
                 const ScoringRules& rules);

// Bonus for the `streak`-th fully correct answer in a row (0 when disabled or streak < 2).
int streakBonusPoints(int streak, const ScoringRules& rules);

} // namespace lantai::core

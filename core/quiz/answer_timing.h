// core/quiz: how fast a person can answer — the one declaration of the "too fast" threshold
#pragma once

namespace lantai::core {

// Answers given faster than this (milliseconds after the question appeared) are flagged
// tooFast: they score, but the result does not count for the leaderboard (a visitor mashing
// buttons). The quiz engine, the leaderboard rules, the kiosk's quiz settings and the kiosk
// setting quiz.min_answer_ms all start from this value.
inline constexpr int kDefaultMinAnswerMs = 300;

} // namespace lantai::core

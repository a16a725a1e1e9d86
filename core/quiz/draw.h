// core/quiz: quiz question draw — filters, least-recently-used preference, option shuffling
#pragma once

#include "core/pack/model.h"

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace lantai::core {

// Who plays: the age band caps the question difficulty (FORMAT.md: 1 小学 / 2 中学 / 3 成人).
enum class AgeBand {
    Primary,   // 小学: difficulty 1 only
    Secondary, // 中学: difficulty ≤ 2
    Adult,     // 成人: every question
};

const char* ageBandName(AgeBand band); // "primary" | "secondary" | "adult"
bool parseAgeBand(const std::string& name, AgeBand& out);
int maxDifficulty(AgeBand band);

// Which questions may be drawn. Empty lists mean "no restriction"; a question passes when its
// bank is listed, it carries at least one listed tag, and it links one of the listed items.
struct QuestionFilter {
    AgeBand ageBand = AgeBand::Adult;
    int exactDifficulty = 0; // 1…3: only this difficulty (overrides ageBand); 0: use ageBand
    std::vector<std::string> banks; // bank ids
    std::vector<std::string> tags;
    std::vector<std::string> items; // item ids ("questions about this document")
};

bool questionMatches(const QuizBank& bank, const Question& question, const QuestionFilter& filter);
// How many distinct questions pass the filter (to tell the visitor "only 3 questions").
int countEligibleQuestions(const std::vector<QuizBank>& banks, const QuestionFilter& filter);

// Use of one question on this kiosk across sessions (kept by the stats store).
struct QuestionUsage {
    std::int64_t lastUsed = 0; // unix seconds of the last session that drew it; 0 = never
    int timesUsed = 0;
};
using UsageHistory = std::unordered_map<std::string, QuestionUsage>; // question id -> usage

// A question as one session shows it: a copy of the pack's question (the session does not
// depend on the pack staying loaded) and the order its options are displayed in.
// optionOrder[displayed] = original index. True/false questions are never shuffled: displayed
// 0 is "true" (对), 1 is "false" (错).
struct DrawnQuestion {
    std::string bankId;
    Question question;
    std::vector<int> optionOrder;

    int optionCount() const { return static_cast<int>(optionOrder.size()); }
    int toOriginal(int displayed) const;                                  // -1 when out of range
    int toDisplayed(int original) const;                                  // -1 when out of range
    std::vector<int> toOriginal(const std::vector<int>& displayed) const; // drops out-of-range
    // The option shown at `displayed` (single / multiple only; nullptr otherwise).
    const QuizOption* displayedOption(int displayed) const;
    // Displayed indices of the correct options (for highlighting after an answer).
    std::vector<int> correctDisplayed() const;
};

// A uniform integer in [0, n) from the generator's raw output (rejection sampling), so a seed
// draws the same questions with every standard library (std::uniform_int_distribution and
// std::shuffle are implementation-defined). n must be ≥ 1.
std::uint32_t uniformIndex(std::mt19937& rng, std::uint32_t n);
// Fisher–Yates shuffle with uniformIndex.
void shuffleIndices(std::vector<int>& values, std::mt19937& rng);

// Draws up to `count` distinct questions (by id; fewer when fewer pass the filter) from
// `banks`, preferring the least recently used across sessions: candidates are ordered by
// (lastUsed, timesUsed) ascending with ties in random order, the first `count` are taken and
// then presented in random order. So a kiosk goes through the whole eligible set before it
// repeats a question. With the same banks, usage and seed the result is identical.
// Options of single / multiple questions are shuffled when `shuffleOptions` is set.
std::vector<DrawnQuestion> drawQuestions(const std::vector<QuizBank>& banks,
                                         const QuestionFilter& filter, int count,
                                         const UsageHistory& usage, std::mt19937& rng,
                                         bool shuffleOptions = true);

} // namespace lantai::core

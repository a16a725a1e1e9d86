// core/quiz: quiz question draw — filters, least-recently-used preference, option shuffling
#include "core/quiz/draw.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_set>

namespace lantai::core {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

struct Candidate {
    const QuizBank* bank = nullptr;
    const Question* question = nullptr;
    QuestionUsage usage;
};

} // namespace

const char* ageBandName(AgeBand band) {
    switch (band) {
    case AgeBand::Primary:
        return "primary";
    case AgeBand::Secondary:
        return "secondary";
    case AgeBand::Adult:
        return "adult";
    }
    return "adult";
}

bool parseAgeBand(const std::string& name, AgeBand& out) {
    for (AgeBand band : {AgeBand::Primary, AgeBand::Secondary, AgeBand::Adult}) {
        if (name == ageBandName(band)) {
            out = band;
            return true;
        }
    }
    return false;
}

int maxDifficulty(AgeBand band) {
    switch (band) {
    case AgeBand::Primary:
        return 1;
    case AgeBand::Secondary:
        return 2;
    case AgeBand::Adult:
        return 3;
    }
    return 3;
}

bool questionMatches(const QuizBank& bank, const Question& question, const QuestionFilter& filter) {
    if (filter.exactDifficulty >= 1 && filter.exactDifficulty <= 3) {
        if (question.difficulty != filter.exactDifficulty) return false;
    } else if (question.difficulty > maxDifficulty(filter.ageBand)) {
        return false;
    }
    if (!filter.banks.empty() && !contains(filter.banks, bank.id)) return false;
    if (!filter.tags.empty() &&
        std::none_of(question.tags.begin(), question.tags.end(),
                     [&](const std::string& tag) { return contains(filter.tags, tag); }))
        return false;
    if (!filter.items.empty() && !contains(filter.items, question.item)) return false;
    return true;
}

int countEligibleQuestions(const std::vector<QuizBank>& banks, const QuestionFilter& filter) {
    std::unordered_set<std::string> seen;
    for (const auto& bank : banks)
        for (const auto& q : bank.questions)
            if (questionMatches(bank, q, filter)) seen.insert(q.id);
    return static_cast<int>(seen.size());
}

int DrawnQuestion::toOriginal(int displayed) const {
    if (displayed < 0 || displayed >= optionCount()) return -1;
    return optionOrder[static_cast<std::size_t>(displayed)];
}

int DrawnQuestion::toDisplayed(int original) const {
    for (int i = 0; i < optionCount(); ++i)
        if (optionOrder[static_cast<std::size_t>(i)] == original) return i;
    return -1;
}

std::vector<int> DrawnQuestion::toOriginal(const std::vector<int>& displayed) const {
    std::vector<int> out;
    out.reserve(displayed.size());
    for (int d : displayed) {
        const int o = toOriginal(d);
        if (o >= 0) out.push_back(o);
    }
    return out;
}

const QuizOption* DrawnQuestion::displayedOption(int displayed) const {
    if (question.type == QuestionType::TrueFalse) return nullptr;
    const int o = toOriginal(displayed);
    if (o < 0 || o >= static_cast<int>(question.options.size())) return nullptr;
    return &question.options[static_cast<std::size_t>(o)];
}

std::vector<int> DrawnQuestion::correctDisplayed() const {
    std::vector<int> out;
    for (int d = 0; d < optionCount(); ++d) {
        const int o = toOriginal(d);
        const bool correct = question.type == QuestionType::TrueFalse
                                 ? (o == 0) == question.answer
                                 : question.options[static_cast<std::size_t>(o)].correct;
        if (correct) out.push_back(d);
    }
    return out;
}

std::uint32_t uniformIndex(std::mt19937& rng, std::uint32_t n) {
    if (n <= 1) return 0;
    // mt19937 yields every 32-bit value; reject the top partial bucket so each index is equally
    // likely.
    const std::uint64_t range = std::uint64_t{1} << 32;
    const std::uint64_t limit = range - range % n;
    for (;;) {
        const std::uint64_t v = rng();
        if (v < limit) return static_cast<std::uint32_t>(v % n);
    }
}

void shuffleIndices(std::vector<int>& values, std::mt19937& rng) {
    for (std::size_t i = values.size(); i > 1; --i) {
        const std::size_t j = uniformIndex(rng, static_cast<std::uint32_t>(i));
        std::swap(values[i - 1], values[j]);
    }
}

std::vector<DrawnQuestion> drawQuestions(const std::vector<QuizBank>& banks,
                                         const QuestionFilter& filter, int count,
                                         const UsageHistory& usage, std::mt19937& rng,
                                         bool shuffleOptions) {
    std::vector<Candidate> candidates;
    std::unordered_set<std::string> seen;
    for (const auto& bank : banks) {
        for (const auto& q : bank.questions) {
            if (!questionMatches(bank, q, filter) || !seen.insert(q.id).second) continue;
            Candidate c{&bank, &q, {}};
            if (auto it = usage.find(q.id); it != usage.end()) c.usage = it->second;
            candidates.push_back(c);
        }
    }

    // Random order first, then a stable sort by usage: ties stay in random order.
    std::vector<int> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    shuffleIndices(order, rng);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& ua = candidates[static_cast<std::size_t>(a)].usage;
        const auto& ub = candidates[static_cast<std::size_t>(b)].usage;
        if (ua.lastUsed != ub.lastUsed) return ua.lastUsed < ub.lastUsed;
        return ua.timesUsed < ub.timesUsed;
    });
    const std::size_t take = std::min(order.size(), static_cast<std::size_t>(std::max(0, count)));
    order.resize(take);
    shuffleIndices(order, rng);

    std::vector<DrawnQuestion> drawn;
    drawn.reserve(take);
    for (int index : order) {
        const Candidate& c = candidates[static_cast<std::size_t>(index)];
        DrawnQuestion d;
        d.bankId = c.bank->id;
        d.question = *c.question;
        const int options = c.question->type == QuestionType::TrueFalse
                                ? 2
                                : static_cast<int>(c.question->options.size());
        d.optionOrder.resize(static_cast<std::size_t>(options));
        std::iota(d.optionOrder.begin(), d.optionOrder.end(), 0);
        if (shuffleOptions && c.question->type != QuestionType::TrueFalse)
            shuffleIndices(d.optionOrder, rng);
        drawn.push_back(std::move(d));
    }
    return drawn;
}

} // namespace lantai::core

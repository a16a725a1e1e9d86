// tests: what the phone game's tests share — single-choice questions and the messages a connection
// was sent
#pragma once

#include "core/phones/phone_game.h"
#include "core/quiz/engine.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace lantai::core::test {

using nlohmann::json;

// Single choice, options in the pack's order: displayed 1 ("B") is the right one.
inline DrawnQuestion single(const std::string& id) {
    DrawnQuestion d;
    d.bankId = "bank";
    d.question.id = id;
    d.question.type = QuestionType::Single;
    for (int i = 0; i < 4; ++i) {
        QuizOption o;
        o.text = {"选项", "option"};
        o.correct = i == 1;
        d.question.options.push_back(o);
    }
    d.optionOrder = {0, 1, 2, 3};
    return d;
}

inline std::vector<DrawnQuestion> questions(int n) {
    std::vector<DrawnQuestion> out;
    for (int i = 0; i < n; ++i)
        out.push_back(single("q" + std::to_string(i + 1)));
    return out;
}

// The messages the game sent to `connection` since the last call, parsed.
inline std::vector<json> sentTo(PhoneGame& game, int connection,
                                std::vector<PhoneOutbound>* rest = nullptr) {
    std::vector<json> out;
    for (auto& m : game.takeOutbound()) {
        if (m.connection == connection)
            out.push_back(json::parse(m.text));
        else if (rest)
            rest->push_back(std::move(m));
    }
    return out;
}

inline std::optional<json> lastOfType(const std::vector<json>& messages, const std::string& type) {
    for (auto it = messages.rbegin(); it != messages.rend(); ++it)
        if ((*it)["t"] == type) return *it;
    return std::nullopt;
}

} // namespace lantai::core::test

// core/phones: parsing what a phone sends — size cap, JSON object, each field's type and range
#include "core/phones/phone_protocol.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lantai::core {

namespace {

bool isHex(const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool isPresetId(const std::string& s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-';
    });
}

bool isPin(const std::string& s) {
    return s.size() == 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A string member, or nullopt when it is missing or not a string.
std::optional<std::string> stringField(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::optional<long long> integerField(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<long long>();
}

} // namespace

const char* phoneMessageErrorName(PhoneMessageError error) {
    switch (error) {
    case PhoneMessageError::None:
        return "none";
    case PhoneMessageError::Oversized:
        return "oversized";
    case PhoneMessageError::Binary:
        return "binary";
    case PhoneMessageError::NotJson:
        return "not_json";
    case PhoneMessageError::BadField:
        return "bad_field";
    case PhoneMessageError::UnknownType:
        return "unknown_type";
    }
    return "none";
}

std::optional<PhoneMessage> parsePhoneMessage(std::string_view frame, bool binary,
                                              PhoneMessageError& error) {
    error = PhoneMessageError::None;
    if (frame.size() > kMaxPhoneMessageBytes) {
        error = PhoneMessageError::Oversized;
        return std::nullopt;
    }
    if (binary) {
        error = PhoneMessageError::Binary;
        return std::nullopt;
    }
    const auto j = nlohmann::json::parse(frame.begin(), frame.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = PhoneMessageError::NotJson;
        return std::nullopt;
    }
    const auto type = stringField(j, "t");
    if (!type) {
        error = PhoneMessageError::BadField;
        return std::nullopt;
    }
    PhoneMessage m;
    const auto id = integerField(j, "id");
    if (j.contains("id") && !id) {
        error = PhoneMessageError::BadField;
        return std::nullopt;
    }
    m.id = id.value_or(-1);
    auto bad = [&error]() -> std::optional<PhoneMessage> {
        error = PhoneMessageError::BadField;
        return std::nullopt;
    };
    if (*type == "hello") {
        m.type = PhoneMessage::Type::Hello;
        const auto token = stringField(j, "token");
        if (j.contains("token") && (!token || token->size() > 64 || !isHex(*token))) return bad();
        m.token = token.value_or("");
        return m;
    }
    if (*type == "join") {
        m.type = PhoneMessage::Type::Join;
        const auto pin = stringField(j, "pin");
        const auto nick = stringField(j, "nick");
        const auto team = stringField(j, "team");
        if (!pin || !isPin(*pin) || !nick || !isPresetId(*nick)) return bad();
        if (j.contains("team") && (!team || !isPresetId(*team))) return bad();
        m.pin = *pin;
        m.nickname = *nick;
        m.team = team.value_or("");
        return m;
    }
    if (*type == "answer") {
        m.type = PhoneMessage::Type::Answer;
        const auto q = integerField(j, "q");
        const auto a = j.find("a");
        if (!q || *q < 0 || *q > 1000 || a == j.end() || !a->is_array() || a->empty() ||
            a->size() > 8)
            return bad();
        m.question = static_cast<int>(*q);
        for (const auto& v : *a) {
            if (!v.is_number_integer()) return bad();
            const auto i = v.get<long long>();
            if (i < 0 || i > 7) return bad();
            if (std::find(m.answers.begin(), m.answers.end(), int(i)) != m.answers.end())
                return bad();
            m.answers.push_back(static_cast<int>(i));
        }
        std::sort(m.answers.begin(), m.answers.end());
        return m;
    }
    if (*type == "ping") {
        m.type = PhoneMessage::Type::Ping;
        return m;
    }
    error = PhoneMessageError::UnknownType;
    return std::nullopt;
}

} // namespace lantai::core

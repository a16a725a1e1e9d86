// core/phones: the messages between the phones and the booth — inbound parsing with size caps and
// validation, outbound JSON (the phone page's protocol, kiosk/phones/PROTOCOL in
// phone_protocol.cpp)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// The largest text frame a phone may send; longer ones are dropped unread and counted.
inline constexpr std::size_t kMaxPhoneMessageBytes = 512;

// What a phone may say (JSON text frames, one object each, field "t" the type):
//   {"t":"hello","token":"<32 hex>"}              — (re)connect; token from localStorage or ""
//   {"t":"join","pin":"1234","nick":"<preset id>","team":"<preset id>"}
//                                                — take a seat with a preset nickname; in a team
//                                                   game also a team preset of the game
//   {"t":"answer","q":2,"a":[1],"id":7}          — displayed option indices for question q
//                                                   (0-based); id is echoed in the ack
//   {"t":"ping","id":3}                          — answered by a pong (keeps NATs awake)
struct PhoneMessage {
    enum class Type { Hello, Join, Answer, Ping };
    Type type = Type::Hello;
    std::string token;
    std::string pin;
    std::string nickname;
    std::string team; // empty when the phone sent none
    int question = -1;
    std::vector<int> answers;
    long long id = -1;
};

enum class PhoneMessageError { None, Oversized, Binary, NotJson, BadField, UnknownType };
const char* phoneMessageErrorName(PhoneMessageError error);

// Parses one frame; nullopt with `error` set when it is oversized, binary, not a JSON object or
// a field has the wrong type or range (token 0–64 hex characters, pin 4 digits, nickname and
// team ≤ 64 characters of [a-z0-9-], answers 1–8 distinct indices 0–7).
std::optional<PhoneMessage> parsePhoneMessage(std::string_view frame, bool binary,
                                              PhoneMessageError& error);

} // namespace lantai::core

// core/base: kiosk number-pad PINs (teacher, staff) — format check, Argon2id hash, verify
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

// A PIN is 4–12 ASCII digits (typed on the kiosk's number pad).
bool isValidPinFormat(std::string_view pin);
// libsodium crypto_pwhash_str (Argon2id, interactive limits): the returned "$argon2id$…" string
// carries its own random salt and parameters, so it is all the config needs to store. nullopt
// when the PIN format is invalid or hashing failed (out of memory).
std::optional<std::string> hashPin(std::string_view pin);
// Constant-time check of `pin` against a hashPin() string; false for anything malformed.
bool verifyPin(std::string_view pin, std::string_view stored);

} // namespace lantai::core

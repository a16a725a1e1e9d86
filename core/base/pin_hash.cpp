// core/base: PIN format, Argon2id hashing and constant-time verification (libsodium)
#include "core/base/pin_hash.h"

#include <algorithm>
#include <sodium.h>

namespace lantai::core {

bool isValidPinFormat(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> hashPin(std::string_view pin) {
    if (!isValidPinFormat(pin) || sodium_init() < 0) return std::nullopt;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::nullopt;
    return std::string(out);
}

bool verifyPin(std::string_view pin, std::string_view stored) {
    if (!isValidPinFormat(pin) || stored.empty() || stored.size() >= crypto_pwhash_STRBYTES ||
        sodium_init() < 0)
        return false;
    const std::string str(stored); // crypto_pwhash_str_verify needs a terminated string
    return crypto_pwhash_str_verify(str.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace lantai::core

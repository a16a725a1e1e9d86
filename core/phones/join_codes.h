// core/phones: what the booth's QR codes say — the join page's address and the Wi-Fi network
#pragma once

#include <string>

namespace lantai::core {

// http://HOST:PORT/?pin=PIN — the phone page with the game PIN filled in.
std::string phoneJoinUrl(const std::string& host, int port, const std::string& pin);

// The Wi-Fi QR code phones' cameras understand (ZXing's "WIFI:" format): WPA with a password,
// an open network without one; \ ; , : " escaped with a backslash. Empty when `ssid` is empty.
std::string wifiQrText(const std::string& ssid, const std::string& password);

} // namespace lantai::core

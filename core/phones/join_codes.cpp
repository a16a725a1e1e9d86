// core/phones: the join URL and the Wi-Fi QR code's text
#include "core/phones/join_codes.h"

namespace lantai::core {

namespace {

std::string wifiEscaped(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == ';' || c == ',' || c == ':' || c == '"') out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::string phoneJoinUrl(const std::string& host, int port, const std::string& pin) {
    const bool ipv6 = host.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) +
           "/?pin=" + pin;
}

std::string wifiQrText(const std::string& ssid, const std::string& password) {
    if (ssid.empty()) return {};
    if (password.empty()) return "WIFI:T:nopass;S:" + wifiEscaped(ssid) + ";;";
    return "WIFI:T:WPA;S:" + wifiEscaped(ssid) + ";P:" + wifiEscaped(password) + ";;";
}

} // namespace lantai::core

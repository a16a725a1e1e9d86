// kiosk/net: the booth's address on the local network, for the join QR code (getifaddrs)
#pragma once

#include <string>

namespace lantai::kiosk {

// `listen` when it names one address; otherwise the first IPv4 address of an interface that is
// up and not the loopback (the booth's Wi-Fi hotspot or LAN), preferring private ranges
// (10/8, 172.16/12, 192.168/16); 127.0.0.1 when there is none.
std::string boothLanAddress(const std::string& listen);

} // namespace lantai::kiosk

// kiosk/net: the booth's LAN address from the interfaces (getifaddrs)
#include "kiosk/net/lan_address.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace lantai::kiosk {

namespace {

bool isPrivate(std::uint32_t hostOrder) {
    return (hostOrder >> 24) == 10 || (hostOrder >> 20) == ((172u << 4) | 1u) ||
           (hostOrder >> 16) == ((192u << 8) | 168u);
}

} // namespace

std::string boothLanAddress(const std::string& listen) {
    if (!listen.empty() && listen != "0.0.0.0" && listen != "::") return listen;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return "127.0.0.1";
    std::string best, any;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if (!(a->ifa_flags & IFF_UP) || (a->ifa_flags & IFF_LOOPBACK)) continue;
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        char text[INET_ADDRSTRLEN] = {};
        if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        if (best.empty() && isPrivate(ntohl(in->sin_addr.s_addr))) best = text;
        if (any.empty()) any = text;
    }
    freeifaddrs(list);
    return !best.empty() ? best : !any.empty() ? any : "127.0.0.1";
}

} // namespace lantai::kiosk

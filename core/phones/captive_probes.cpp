// core/phones: the connectivity-check table — hosts and paths of Android, iOS, Windows, Firefox
// and the Chinese phone vendors, and what each expects
#include "core/phones/captive_probes.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lantai::core {

namespace {

enum class Expect { NoContent, AppleSuccess, WindowsConnect, WindowsNcsi, FirefoxSuccess };

struct Probe {
    std::string_view host; // empty: any host
    std::string_view path;
    Expect expect;
};

constexpr std::array kProbes = {
    // Android (AOSP) and Google's other addresses
    Probe{"connectivitycheck.gstatic.com", "/generate_204", Expect::NoContent},
    Probe{"connectivitycheck.android.com", "/generate_204", Expect::NoContent},
    Probe{"clients3.google.com", "/generate_204", Expect::NoContent},
    Probe{"www.google.cn", "/generate_204", Expect::NoContent},
    // Chinese vendors (their phones ask these instead of Google's, which is blocked)
    Probe{"connect.rom.miui.com", "/generate_204", Expect::NoContent},                   // Xiaomi
    Probe{"connectivitycheck.platform.hicloud.com", "/generate_204", Expect::NoContent}, // Huawei
    Probe{"connectivitycheck.platform.hihonorcloud.com", "/generate_204",
          Expect::NoContent},                                                     // Honor
    Probe{"wifi.vivo.com.cn", "/generate_204", Expect::NoContent},                // Vivo
    Probe{"conn1.oppomobile.com", "/generate_204", Expect::NoContent},            // OPPO
    Probe{"conn2.oppomobile.com", "/generate_204", Expect::NoContent},            // OPPO
    Probe{"connectivitycheck.smartisan.com", "/generate_204", Expect::NoContent}, // Smartisan
    Probe{"www.qualcomm.cn", "/generate_204", Expect::NoContent},
    Probe{"www.v2ex.com", "/generate_204", Expect::NoContent},
    // Apple
    Probe{"captive.apple.com", "/hotspot-detect.html", Expect::AppleSuccess},
    Probe{"captive.apple.com", "/", Expect::AppleSuccess},
    Probe{"www.apple.com", "/library/test/success.html", Expect::AppleSuccess},
    Probe{"", "/hotspot-detect.html", Expect::AppleSuccess},
    // Windows, Firefox
    Probe{"www.msftconnecttest.com", "/connecttest.txt", Expect::WindowsConnect},
    Probe{"www.msftncsi.com", "/ncsi.txt", Expect::WindowsNcsi},
    Probe{"detectportal.firefox.com", "/success.txt", Expect::FirefoxSuccess},
    Probe{"detectportal.firefox.com", "/canonical.html", Expect::FirefoxSuccess},
    // Any host: the generic Android paths
    Probe{"", "/generate_204", Expect::NoContent},
    Probe{"", "/gen_204", Expect::NoContent},
};

std::string hostOnly(std::string_view host) {
    std::string out;
    for (char c : host) {
        if (c == ':') break; // the port
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

ProbeReply replyFor(Expect expect) {
    switch (expect) {
    case Expect::NoContent:
        return {204, "", ""};
    case Expect::AppleSuccess:
        return {200, "text/html",
                "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>"};
    case Expect::WindowsConnect:
        return {200, "text/plain", "Microsoft Connect Test"};
    case Expect::WindowsNcsi:
        return {200, "text/plain", "Microsoft NCSI"};
    case Expect::FirefoxSuccess:
        return {200, "text/plain", "success\n"};
    }
    return {204, "", ""};
}

} // namespace

std::optional<ProbeReply> captivePortalReply(std::string_view host, std::string_view path) {
    const std::string h = hostOnly(host);
    for (const Probe& p : kProbes)
        if ((p.host.empty() || p.host == h) && p.path == path) return replyFor(p.expect);
    return std::nullopt;
}

} // namespace lantai::core

// core/phones: the answers to phones' "is there internet?" probes, so they stay on the booth's
// Wi-Fi instead of switching to mobile data (pure: host and path in, the reply out)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

struct ProbeReply {
    int status = 204; // 204 No Content, or 200 with `body`
    std::string contentType;
    std::string body;
};

// The reply a connectivity check expects, matched by Host (port and case ignored) and path:
// Android and the Chinese vendors (Xiaomi connect.rom.miui.com, Huawei/Honor
// connectivitycheck.platform.hicloud.com, Vivo wifi.vivo.com.cn, OPPO/OnePlus/Realme
// conn1.oppomobile.com, …) ask for /generate_204 and want 204; Apple's hotspot-detect.html and
// captive.apple.com want the "Success" page; Windows connecttest.txt / ncsi.txt and Firefox's
// detectportal want their fixed texts. Any other host asking for /generate_204 or /gen_204 gets
// 204 too (vendors change their hosts). nullopt: not a probe.
std::optional<ProbeReply> captivePortalReply(std::string_view host, std::string_view path);

} // namespace lantai::core

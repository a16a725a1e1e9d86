// tools/cli: `lantai publish PACK --to DIR --channel NAME --secret-key FILE` — a signed pack laid
// out as a channel for any static host (core/fleet/publish)
#include "core/base/file_io.h"
#include "core/fleet/publish.h"
#include "core/trust/minisign_keys.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <ctime>
#include <memory>

namespace lantai::cli {

namespace {

struct PublishOptions {
    std::string pack;
    std::string to;
    std::string channel;
    std::string secretKey;
    std::string lang;
};

int runPublish(const PublishOptions& o) {
    const bool zh = useChinese(o.lang);
    auto key = core::readMinisignSecretKey(o.secretKey);
    if (!key) {
        std::fprintf(stderr, "lantai: %s\n", core::formatDiagnostic(key.error(), zh).c_str());
        return kExitUsage;
    }
    auto published = core::publishPack(o.pack, o.to, o.channel, *key,
                                       static_cast<std::int64_t>(std::time(nullptr)));
    if (!published) {
        std::fprintf(stderr, "lantai: %s\n", core::formatDiagnostic(published.error(), zh).c_str());
        return kExitInvalid;
    }
    const core::PublishSummary& s = *published;
    const std::string version = std::to_string(s.record.version);
    if (zh)
        std::printf("频道 %s：内容包 %s 版本 %s%s；新对象 %zu 个（%s），已有 %zu 个\n",
                    o.channel.c_str(), s.record.packId.c_str(), version.c_str(),
                    s.channelChanged ? "" : "（未变）", s.objectsWritten,
                    core::formatMegabytes(s.bytesWritten).c_str(), s.objectsKept);
    else
        std::printf("channel %s: pack %s version %s%s; %zu new object(s) (%s), %zu already there\n",
                    o.channel.c_str(), s.record.packId.c_str(), version.c_str(),
                    s.channelChanged ? "" : " (unchanged)", s.objectsWritten,
                    core::formatMegabytes(s.bytesWritten).c_str(), s.objectsKept);
    return kExitOk;
}

} // namespace

CommandAction addPublishCommand(CLI::App& app) {
    auto o = std::make_shared<PublishOptions>();
    auto* publish = app.add_subcommand(
        "publish", "Lay out a signed pack as a channel for booths to sync from (any static host)\n"
                   "将已签名的内容包发布为频道（任何静态网站均可托管），供展台同步");
    publish->add_option("PACK", o->pack, "the signed pack folder (lantai pack sign)")->required();
    publish->add_option("--to", o->to, "the channel site's folder (objects/, channels/)")
        ->required();
    publish->add_option("--channel", o->channel, "the channel's name, e.g. stable")->required();
    publish
        ->add_option("--secret-key", o->secretKey,
                     "the minisign secret key that signed the pack (unencrypted)")
        ->required();
    publish->add_option("--lang", o->lang, "language of the messages: zh or en")
        ->check(CLI::IsMember({"zh", "en"}));
    return [o] { return runPublish(*o); };
}

} // namespace lantai::cli

// kiosk/runtime: loading the pack (with the last-good fallback), its derived index and font
// characters, and the theme
#include "kiosk/runtime/kiosk_content.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/base/sha256.h"
#include "core/pack/charset.h"
#include "core/trust/pack_trust.h"

#include <chrono>
#include <utility>

namespace lantai::kiosk {

namespace fs = std::filesystem;

namespace {

std::string firstErrorText(const core::Diagnostics& diagnostics, bool chinese) {
    for (const auto& d : diagnostics.items())
        if (d.severity == core::Severity::Error) return core::formatDiagnostic(d, chinese);
    return {};
}

void logDiagnostics(const core::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items())
        core::logMessage(d.severity == core::Severity::Error ? core::LogLevel::Error
                                                             : core::LogLevel::Warning,
                         core::formatDiagnostic(d, false));
}

core::PackLoadResult loadLogged(const fs::path& dir, const char* what) {
    core::logInfo(std::string("loading ") + what + " pack " + dir.string());
    core::PackLoadResult loaded = core::loadAndValidatePack(dir);
    logDiagnostics(loaded.diagnostics);
    return loaded;
}

// `given` checked against the trusted keys and the install state (a refusal is the result's one
// diagnostic, nothing parsed), then loaded and validated. The link is followed once, first: with
// trust, the folder checked is the folder loaded even if `current` moves meanwhile.
core::PackLoadResult loadTrusted(const fs::path& given, const char* what,
                                 const PackTrustSettings& trust, KioskContent& content) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(given, ec);
    content.resolvedFolder = ec ? given : resolved;
    if (!trust.enabled()) return loadLogged(given, what);
    const fs::path& dir = content.resolvedFolder;
    const auto started = std::chrono::steady_clock::now();
    core::Result<core::PackManifest> trusted = [&]() -> core::Result<core::PackManifest> {
        auto keys = core::parseTrustedKeys(trust.publicKeys);
        if (!keys) return std::move(keys).error();
        auto rules =
            core::readPackTrustRules(std::move(keys->keys), trust.stateDir, trust.lastGood);
        if (!rules) return std::move(rules).error();
        return core::checkPackTrust(dir, *rules);
    }();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    if (!trusted) {
        core::logError(std::string("refused ") + what + " pack " + dir.string() + ": " +
                       core::formatDiagnostic(trusted.error(), false));
        if (!content.refused) content.refused = trusted.error();
        core::PackLoadResult refused;
        refused.pack.root = dir;
        refused.diagnostics.add(trusted.error());
        return refused;
    }
    core::logInfo(std::string("trusted ") + what + " pack " + dir.string() + ": \"" +
                  trusted->packId + "\" version " + std::to_string(trusted->version) + ", " +
                  std::to_string(trusted->files.size()) + " files checked in " +
                  std::to_string(static_cast<int>(ms)) + " ms");
    core::PackLoadResult loaded = loadLogged(dir, what);
    content.signedVersion = trusted->version;
    return loaded;
}

// A validated pack: its derived index (when built) and the characters the fonts need.
void completeShown(KioskContent& content) {
    const core::Pack& pack = content.loaded.pack;
    auto derived = core::readDerivedIndex(pack.root);
    content.derived.reset();
    if (derived)
        content.derived = std::move(*derived);
    else
        core::logWarning(
            "pack " + pack.id + ": " + derived.error().message +
            " Images are decoded and downscaled from the originals (slower, no deep-zoom tiles).");
    // Font atlas input: the pack's characters (derived/charset.txt from `lantai build`, else
    // collected now) and every UI string.
    std::string charset;
    if (auto built = core::readFile(pack.root / "derived" / "charset.txt"))
        charset = std::move(*built);
    else
        charset = core::charactersToUtf8(core::collectPackCharacters(pack));
    content.characters = fontCharactersFor(&pack, charset);
    if (auto hash = core::sha256File(pack.root / "pack.json"))
        content.packVersion = hash->substr(0, 12);
    core::logInfo("pack " + pack.id + " loaded: " + std::to_string(pack.itemCount()) + " items, " +
                  std::to_string(content.loaded.diagnostics.warningCount()) + " warnings");
}

// No valid pack: why, from the configured pack's first error, in both languages.
void explainFailure(KioskContent& content, const fs::path& packDir,
                    const core::Diagnostics& failure) {
    content.serviceReason = "The content pack " + packDir.string() +
                            " cannot be shown: " + firstErrorText(failure, false);
    content.serviceReasonZh =
        "内容包 " + packDir.string() + " 无法展示：" + firstErrorText(failure, true);
    // The reason is shown in the body font: its characters must be in the atlas.
    content.characters =
        fontCharactersFor(nullptr, content.serviceReasonZh + content.serviceReason);
}

// `loaded` (its diagnostics logged), or the last good pack when it does not validate (or is
// refused: `content` may already carry the refusal).
KioskContent contentFrom(KioskContent content, core::PackLoadResult loaded, const fs::path& packDir,
                         const fs::path& lastGoodDir, const PackTrustSettings& trust) {
    content.loaded = std::move(loaded);
    content.ok = content.loaded.ok();
    const core::Diagnostics firstFailure = content.loaded.diagnostics;
    std::error_code ec;
    if (!content.ok && !lastGoodDir.empty() && fs::exists(lastGoodDir / "pack.json", ec)) {
        core::logWarning(std::string("the pack ") +
                         (content.refused ? "is refused" : "does not validate") +
                         "; falling back to the last good pack");
        const std::uint64_t refusedVersion = content.signedVersion;
        content.signedVersion = 0;
        content.loaded = loadTrusted(lastGoodDir, "the last good", trust, content);
        content.ok = content.loaded.ok();
        content.showsLastGood = content.ok;
        if (!content.ok) content.signedVersion = refusedVersion;
    }
    if (content.ok)
        completeShown(content);
    else
        explainFailure(content, packDir, firstFailure);
    return content;
}

} // namespace

PackTrustSettings packTrustSettings(const core::KioskConfig& config) {
    // No pack.last_good (the service's --use-last-good shows it as pack.path): the install
    // layout's last-good link is the pack that may be below the highest version.
    return {config.trustPublicKeys, config.stateDir,
            config.lastGoodPackPath.empty() ? core::lastGoodPackLink(config.stateDir)
                                            : config.lastGoodPackPath};
}

KioskContent loadKioskContent(const fs::path& packDir, const fs::path& lastGoodDir,
                              const PackTrustSettings& trust) {
    KioskContent content;
    core::PackLoadResult loaded = loadTrusted(packDir, "the", trust, content);
    return contentFrom(std::move(content), std::move(loaded), packDir, lastGoodDir, trust);
}

KioskContent loadReloadContent(const core::KioskConfig& config, bool showing) {
    return loadKioskContent(config.packPath, showing ? fs::path() : config.lastGoodPackPath,
                            packTrustSettings(config));
}

KioskContent outOfServiceContent(std::string reason, std::string reasonZh) {
    KioskContent content;
    content.serviceReason = std::move(reason);
    content.serviceReasonZh = std::move(reasonZh);
    content.characters =
        fontCharactersFor(nullptr, content.serviceReasonZh + content.serviceReason);
    return content;
}

KioskContent kioskContentFrom(core::PackLoadResult loaded, const fs::path& packDir,
                              const fs::path& lastGoodDir) {
    logDiagnostics(loaded.diagnostics);
    return contentFrom(KioskContent{}, std::move(loaded), packDir, lastGoodDir, {});
}

KioskContent previewContentFrom(core::PackLoadResult loaded, const KioskContent& previous) {
    std::optional<core::DerivedIndex> derived;
    if (!loaded.parsed) {
        // No index needed: the content explains the failure.
    } else if (previous.ok && previous.loaded.pack.root == loaded.pack.root) {
        derived = previous.derived;
    } else if (auto read = core::readDerivedIndex(loaded.pack.root)) {
        derived = std::move(*read);
    }
    return previewContentWith(std::move(loaded), std::move(derived));
}

KioskContent previewContentWith(core::PackLoadResult loaded,
                                std::optional<core::DerivedIndex> derived) {
    KioskContent content;
    content.loaded = std::move(loaded);
    content.ok = content.loaded.parsed;
    const core::Pack& pack = content.loaded.pack;
    if (!content.ok) {
        explainFailure(content, pack.root, content.loaded.diagnostics);
        return content;
    }
    content.derived = std::move(derived);
    content.characters =
        fontCharactersFor(&pack, core::charactersToUtf8(core::collectPackCharacters(pack)));
    return content;
}

core::Theme loadKioskTheme(const std::string& nameOrPath, const std::vector<fs::path>& searchDirs) {
    auto result = core::loadNamedTheme(nameOrPath, searchDirs);
    for (const auto& d : result.diagnostics.items())
        core::logWarning("theme: " + core::formatDiagnostic(d, false));
    if (result.ok()) return result.theme;
    core::logWarning("theme \"" + nameOrPath +
                     "\" unavailable; using the built-in red-archive theme");
    return core::defaultTheme();
}

} // namespace lantai::kiosk

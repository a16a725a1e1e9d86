// kiosk/runtime: what the kiosk shows — the pack (or the last good one) with its derived index and
// font characters, or why it is out of service; the theme by name
#pragma once

#include "core/config/kiosk_config.h"
#include "core/pack/derived_index.h"
#include "core/pack/loader.h"
#include "core/theme/theme.h"
#include "kiosk/ui/font_characters.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lantai::kiosk {

struct KioskContent {
    core::PackLoadResult loaded;
    bool ok = false; // `loaded` validates: the kiosk shows it
    std::optional<core::DerivedIndex> derived;
    // !ok: why, for the out-of-service screen (both languages).
    std::string serviceReason;
    std::string serviceReasonZh;
    RoleCharacters characters; // the font atlas input: pack text and UI strings per font role
    // The shown pack's content version, stamped on the visitor statistics: the first 12 hex
    // digits of pack.json's SHA-256 ("" when it cannot be read).
    std::string packVersion;
    // `[trust] public_keys` set: why the configured pack was refused (trust.unsigned,
    // trust.files_changed, trust.wrong_key, trust.downgrade, …), shown or not a last good pack.
    std::optional<core::Diagnostic> refused;
    std::uint64_t signedVersion = 0; // the shown pack's manifest version (0: not checked)
    bool showsLastGood = false;      // the configured pack failed; the last good one is shown
    // The folder the shown pack's path resolved to when it was loaded (`current` followed): what
    // is on screen even after the link has moved on.
    std::filesystem::path resolvedFolder;
};

// `[trust] public_keys` and where this booth's install state is (`state_dir`, whose
// packs/install-state.json holds the highest version installed) and its last good pack
// (`pack.last_good`, else <state_dir>/packs/last-good). No keys: packs are not checked (every
// validating pack is shown).
struct PackTrustSettings {
    std::string publicKeys;
    std::filesystem::path stateDir;
    std::filesystem::path lastGood;
    bool enabled() const { return !publicKeys.empty(); }
};
PackTrustSettings packTrustSettings(const core::KioskConfig& config);

// Loads and validates `packDir`; when it does not validate and `lastGoodDir` holds a pack, that
// one instead. With `trust` enabled each pack is first checked whole (signature, every file's
// SHA-256, the version rules: core/trust/pack_trust.h) and a refused one is never parsed.
// Diagnostics go to the log; !ok carries the reason (the caller decides whether the kiosk goes out
// of service). Reads files: call where blocking is fine.
KioskContent loadKioskContent(const std::filesystem::path& packDir,
                              const std::filesystem::path& lastGoodDir,
                              const PackTrustSettings& trust = {});

// What a reload to `config` shows: its pack, checked as configured; while a pack is `showing`,
// the last good one never stands in (the shown one is better). Reads every file with trust on:
// any thread (it touches nothing shared but the log).
KioskContent loadReloadContent(const core::KioskConfig& config, bool showing);

// No pack at all, for `reason` (English, Chinese): what the out-of-service screen shows.
KioskContent outOfServiceContent(std::string reason, std::string reasonZh);

// The same for a pack the caller loaded and validated (named `packDir` in messages).
KioskContent kioskContentFrom(core::PackLoadResult loaded, const std::filesystem::path& packDir,
                              const std::filesystem::path& lastGoodDir = {});

// The editor's preview: `loaded` shown whenever it parsed, valid or not (the editor lists its
// problems), nothing logged. Font characters are collected from the pack itself (the built
// derived/charset.txt may predate the edits); the derived index is `previous`'s when it is of
// the same folder, else read.
KioskContent previewContentFrom(core::PackLoadResult loaded, const KioskContent& previous);
// The same with the derived index given (nullopt: none): any thread, no file read.
KioskContent previewContentWith(core::PackLoadResult loaded,
                                std::optional<core::DerivedIndex> derived);

// A theme by name or path from `searchDirs`; the built-in red-archive theme (with a warning in the
// log) when it is unavailable.
core::Theme loadKioskTheme(const std::string& nameOrPath,
                           const std::vector<std::filesystem::path>& searchDirs);

} // namespace lantai::kiosk

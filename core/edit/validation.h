// core/edit: validating the pack being edited (for the diagnostics panel, on a worker thread),
// each diagnostic mapped back to the node and field to select
#pragma once

#include "core/base/diagnostic.h"
#include "core/edit/edit_session.h"
#include "core/i18n/kiosk_fonts.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace lantai::core::edit {

// A snapshot of the session's pack for validation: a copy (so the UI thread can keep editing),
// with every SourceRef set to where the node is now.
struct ValidationRequest {
    Pack pack;
    std::uint64_t revision = 0;     // EditSession::revision() when it was taken
    TranslationMemory translations; // when each text was last written (for "outdated")
};

// On the session's thread; copies the pack (about a millisecond for 1000 items) and the
// translation memory.
ValidationRequest validationRequest(const EditSession& session);

struct LocatedDiagnostic {
    Diagnostic diagnostic;
    std::optional<FieldRef> target; // what to select on click (nullopt: nothing in the pack)
};

struct ValidationReport {
    std::uint64_t revision = 0;
    std::vector<LocatedDiagnostic> diagnostics; // the validator's order
    std::size_t errors = 0;
    std::size_t warnings = 0;
    // The untranslated and outdated texts of the same snapshot (translationReport): the fields
    // panel's marks, made here rather than on the UI thread (1.5 ms a revision for 1000 items).
    TranslationReport translation;
};

// core/pack's validatePack on the snapshot, then (given `fonts`) core/i18n's glyph check: the
// same checks and codes as `lantai validate`, each diagnostic with its target. Reads asset
// headers from the pack folder; touches nothing else, so it can run on any thread while the
// session goes on (compare revisions before showing the result). `fonts`: KioskFontSet::locate()
// once for the editor's life (immutable, any thread); nullptr leaves the glyph check out.
ValidationReport runValidation(const ValidationRequest& request,
                               const KioskFontSet* fonts = nullptr);

// Sets every SourceRef of the pack to the file and JSON pointer the node has now.
void refreshSourceRefs(Pack& pack);

// The node and field a diagnostic about `pack` (with current SourceRefs) points at: pack.json
// pointers into exhibitions, chapters, items and videos, bank-file pointers into questions, and
// subtitle files (the video that lists them).
std::optional<FieldRef> locateDiagnostic(const Pack& pack, const Diagnostic& diagnostic);

} // namespace lantai::core::edit

// core/i18n: does every character of a pack's text have a glyph in the kiosk's fonts?
#pragma once

#include "core/base/diagnostic.h"
#include "core/i18n/kiosk_fonts.h"
#include "core/pack/loader.h"
#include "core/pack/model.h"

namespace lantai::core {

// Warns `text.glyph_missing` once per text field (file, JSON pointer of the string, the owner's
// id and the field in the message) that has characters no kiosk font can draw — the kiosk would
// show "?" in their place. Invisible characters (variation selectors, joiners) are skipped;
// private-use characters are reported.
//
// With fonts missing from this computer, a character none of the installed fonts has may still be
// drawn by the booth: then one `text.glyphs_unchecked` warning says which fonts (and Debian
// packages) are missing and how many characters could not be checked, instead of a warning per
// field. `documents` (optional) supplies line:column.
void checkPackGlyphs(const Pack& pack, const KioskFontSet& fonts, Diagnostics& diagnostics,
                     const SourceDocuments* documents = nullptr);

} // namespace lantai::core

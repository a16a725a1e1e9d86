// core/edit: the ICU transliterator for ids (Han-Latin; Latin-ASCII) — in its own target,
// lantai_edit_icu, so lantai_core does not link ICU
#pragma once

#include "core/edit/ids.h"

#include <memory>

namespace lantai::core::edit {

// ICU's "Han-Latin; Latin-ASCII" (Debian libicu): 国际档案日 -> "guo ji dang an ri", Café ->
// "Cafe". Readings are ICU's per character, so a few place names come out with another reading
// of a polyphonic character (长沙 -> "zhang sha"); ids are stable names, not spellings. nullptr
// when ICU cannot create the transform (its data missing).
std::unique_ptr<Transliterator> makeIcuTransliterator();

} // namespace lantai::core::edit

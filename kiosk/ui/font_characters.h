// kiosk/ui: which characters each font role needs — the pack's text by where the kiosk draws it,
// plus UI strings
#pragma once

#include "core/pack/model.h"
#include "core/theme/theme.h"

#include <array>
#include <string>

namespace lantai::kiosk {

// UTF-8 text per font role (duplicates allowed). Body gets every character of the pack
// (derived/charset.txt when built, and the pack's text as loaded, in case that file is out of
// date), the larger roles only what is drawn in them, so the atlas holds ~2k glyphs instead of
// 5 × the whole character set.
using RoleCharacters = std::array<std::string, core::kFontRoleCount>;

RoleCharacters fontCharactersFor(const core::Pack* pack, const std::string& packCharset);

} // namespace lantai::kiosk

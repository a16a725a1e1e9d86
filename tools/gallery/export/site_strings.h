// tools/gallery/export: the fixed texts of the exported site in Chinese and English (nav, labels,
// notes)
#pragma once

#include "core/base/localized_text.h"

#include <string>
#include <string_view>

namespace lantai::core::web {

// The text of `key` in `lang`; an unknown key returns "?" (a unit test checks the keys used).
const std::string& siteText(std::string_view key, Language lang);
bool hasSiteText(std::string_view key);

// siteText with "{n}" replaced by n.
std::string siteCount(std::string_view key, long long n, Language lang);

} // namespace lantai::core::web

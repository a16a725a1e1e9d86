// core/base: localised text lookup with fallback
#include "core/base/localized_text.h"

namespace lantai::core {

const char* languageCode(Language language) {
    return language == Language::En ? "en" : "zh";
}

bool parseLanguage(const std::string& code, Language& out) {
    if (code == "zh") {
        out = Language::Zh;
        return true;
    }
    if (code == "en") {
        out = Language::En;
        return true;
    }
    return false;
}

const std::string& LocalizedText::get(Language language) const {
    if (language == Language::En && !en.empty()) return en;
    return zh;
}

} // namespace lantai::core

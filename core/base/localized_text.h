// core/base: localised text {"zh": ..., "en": ...} with English falling back to Chinese
#pragma once

#include <string>

namespace lantai::core {

enum class Language { Zh, En };

const char* languageCode(Language language);
bool parseLanguage(const std::string& code, Language& out);

struct LocalizedText {
    std::string zh;
    std::string en;

    // The text in `language`; English falls back to Chinese when missing.
    const std::string& get(Language language) const;
    bool empty() const { return zh.empty() && en.empty(); }
    bool hasEnglish() const { return !en.empty(); }
};

} // namespace lantai::core

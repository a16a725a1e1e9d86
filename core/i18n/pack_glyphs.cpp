// core/i18n: the glyph check of a pack's texts against the kiosk's fonts
#include "core/i18n/pack_glyphs.h"

#include "core/base/json_document.h"
#include "core/base/utf8.h"
#include "core/pack/charset.h"

#include <algorithm>
#include <set>

namespace lantai::core {

namespace {

TextPosition positionOf(const SourceDocuments* documents, const SourceRef& at) {
    if (!documents) return {};
    auto it = documents->find(at.file);
    return it == documents->end() ? TextPosition{} : it->second->positionOf(at.pointer);
}

std::vector<char32_t> undrawable(std::string_view text, const KioskFontSet& fonts) {
    std::vector<char32_t> out;
    std::set<char32_t> seen;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = nextCodePoint(text, pos);
        if (!fonts.canDraw(cp) && seen.insert(cp).second) out.push_back(cp);
    }
    return out;
}

// "Noto Sans CJK SC (NotoSansCJK-Regular.ttc) and Symbola (Symbola_hint.ttf) are not installed
// in /usr/share/fonts", and the reason for each font file that is there but cannot be read.
std::pair<std::string, std::string> whyUnavailable(const KioskFontSet& fonts) {
    std::string missing, missingZh, roots, unreadable, unreadableZh;
    std::size_t missingCount = 0;
    for (const auto& u : fonts.unavailable()) {
        const std::string font =
            std::string(u.spec->name) + " (" + std::string(u.spec->regularFile) + ")";
        if (!u.unreadable.empty()) {
            unreadable += " " + u.unreadable;
            unreadableZh += u.unreadableZh;
            continue;
        }
        missing += (missing.empty() ? "" : ", ") + font;
        missingZh += (missingZh.empty() ? "" : "、") + font;
        ++missingCount;
    }
    for (const auto& r : fonts.roots())
        roots += (roots.empty() ? "" : ", ") + r.string();
    std::string en, zh;
    if (missingCount > 0) {
        en = missing + (missingCount == 1 ? " is" : " are") + " not installed in " + roots + ".";
        zh = missingZh + " 未安装在 " + roots + " 中。";
    }
    return {en + unreadable, zh + unreadableZh};
}

std::string packageList(const KioskFontSet& fonts) {
    std::set<std::string_view> packages;
    std::string out;
    for (const auto& u : fonts.unavailable())
        if (packages.insert(u.spec->debianPackage).second)
            out += (out.empty() ? "" : " ") + std::string(u.spec->debianPackage);
    return out;
}

void reportUnchecked(const KioskFontSet& fonts, const std::set<char32_t>& characters,
                     Diagnostics& diagnostics) {
    // Examples: the characters worth a look — beyond U+FFFF first (the rare ones), then the
    // rest beyond ASCII; ASCII only when there is nothing else.
    std::vector<char32_t> examples;
    for (char32_t cp : characters)
        if (cp > 0xFFFF) examples.push_back(cp);
    for (char32_t cp : characters)
        if (cp >= 0x80 && cp <= 0xFFFF) examples.push_back(cp);
    if (examples.empty()) examples.assign(characters.begin(), characters.end());
    examples.resize(std::min<std::size_t>(examples.size(), 5));
    const auto [why, whyZh] = whyUnavailable(fonts);
    const std::string count = std::to_string(characters.size());
    const std::string packages = packageList(fonts);
    diagnostics.add({Severity::Warning, "text.glyphs_unchecked", "pack.json", "", 0, 0,
                     "Cannot check whether the kiosk's fonts draw " + count +
                         (characters.size() == 1 ? " character" : " characters") +
                         " of this pack (e.g. " + listCharacters(examples, false) + "): " + why +
                         " Install the fonts (sudo apt install " + packages + ") to check.",
                     "无法检查展示屏字体能否显示本内容包的 " + count + " 个字符（如 " +
                         listCharacters(examples, true) + "）：" + whyZh +
                         "请安装字体（sudo apt install " + packages + "）后再检查。"});
}

} // namespace

void checkPackGlyphs(const Pack& pack, const KioskFontSet& fonts, Diagnostics& diagnostics,
                     const SourceDocuments* documents) {
    std::set<char32_t> unchecked;
    forEachPackText(pack, [&](const PackText& t) {
        auto missing = undrawable(t.text, fonts);
        if (!fonts.complete()) {
            // Only private-use characters are certain: a font not installed here may have others.
            auto uncertain = std::stable_partition(missing.begin(), missing.end(), isPrivateUse);
            unchecked.insert(uncertain, missing.end());
            missing.erase(uncertain, missing.end());
        }
        if (missing.empty()) return;
        const std::string owner = t.id.empty()
                                      ? "the " + std::string(t.kind)
                                      : std::string(t.kind) + " \"" + std::string(t.id) + "\"";
        const std::string ownerZh =
            std::string(t.kindZh) + (t.id.empty() ? "" : " \"" + std::string(t.id) + "\"");
        const TextPosition pos = positionOf(documents, t.at);
        diagnostics.add(
            {Severity::Warning, "text.glyph_missing", t.at.file, t.at.pointer, pos.line, pos.column,
             "The " + t.field + " of " + owner +
                 " has characters no kiosk font can draw: " + listCharacters(missing, false) +
                 ". The kiosk shows \"?\" in their place; use other characters or an image.",
             ownerZh + " 的 " + t.field + " 中有展示屏字体无法显示的字符：" +
                 listCharacters(missing, true) + "。展示屏会显示为“?”，请改用其他字符或图片。"});
    });
    if (!unchecked.empty()) reportUnchecked(fonts, unchecked, diagnostics);
}

} // namespace lantai::core

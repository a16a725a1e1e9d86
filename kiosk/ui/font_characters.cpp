// kiosk/ui: per-role character sets for the font atlas
#include "ui/font_characters.h"

#include "lantai/core/ui_strings.h"

namespace lantai::kiosk {

namespace {

void add(std::string& out, const core::LocalizedText& text) {
    out += text.zh;
    out += text.en;
}

std::string& role(RoleCharacters& r, core::FontRole f) { return r[static_cast<std::size_t>(f)]; }

} // namespace

RoleCharacters fontCharactersFor(const core::Pack* pack, const std::string& packCharset) {
    RoleCharacters out;
    const std::string ui = core::allUiText();
    const std::string digits = "0123456789年月日·–—… ";
    for (auto f : {core::FontRole::Heading, core::FontRole::Body, core::FontRole::Caption, core::FontRole::Button})
        role(out, f) = ui + digits;
    // Title: the big call to action, overlay and service titles, the pack title.
    std::string& title = role(out, core::FontRole::Title);
    for (const char* key : {"attract.touch_to_start", "idle.still_there", "service.out_of_service"})
        for (auto lang : {core::Language::Zh, core::Language::En}) title += core::uiText(key, lang);
    title += " ·" + digits;
    role(out, core::FontRole::Body) += packCharset;
    if (!pack) return out;
    std::string& heading = role(out, core::FontRole::Heading);
    std::string& caption = role(out, core::FontRole::Caption);
    add(title, pack->title);
    add(heading, pack->title);
    for (const auto& e : pack->exhibitions) {
        add(heading, e.title);
        add(heading, e.subtitle);
        for (const auto& c : e.chapters) {
            add(heading, c.title);
            for (const auto& i : c.items) {
                add(heading, i.title);
                add(caption, i.era);
                add(caption, i.rights);
                caption += i.reference;
                for (const auto& b : i.badges) caption += core::badgeText(b, core::Language::Zh) + core::badgeText(b, core::Language::En);
            }
        }
    }
    for (const auto& v : pack->videos) add(heading, v.title);
    return out;
}

} // namespace lantai::kiosk

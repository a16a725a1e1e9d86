// kiosk/ui: per-role character sets for the font atlas
#include "kiosk/ui/font_characters.h"

#include "core/i18n/ui_strings.h"
#include "core/pack/charset.h"
#include "core/quiz/engine.h"

namespace lantai::kiosk {

namespace {

void add(std::string& out, const core::LocalizedText& text) {
    out += text.zh;
    out += text.en;
}

std::string& role(RoleCharacters& r, core::FontRole f) {
    return r[static_cast<std::size_t>(f)];
}

} // namespace

RoleCharacters fontCharactersFor(const core::Pack* pack, const std::string& packCharset) {
    RoleCharacters out;
    const std::string ui = core::allUiText();
    const std::string digits = "0123456789年月日·–—… ";
    for (auto f : {core::FontRole::Heading, core::FontRole::Body, core::FontRole::Caption,
                   core::FontRole::Button})
        role(out, f) = ui + digits;
    // Title: the big call to action, overlay and service titles, the pack title.
    std::string& title = role(out, core::FontRole::Title);
    for (const char* key :
         {"attract.touch_to_start", "idle.still_there", "service.out_of_service", "quiz.title",
          "quiz.correct", "quiz.wrong", "quiz.partial", "quiz.timed_out", "quiz.result",
          "quiz.podium", "quiz.total_score", "staff.title"})
        for (auto lang : {core::Language::Zh, core::Language::En})
            title += core::uiText(key, lang);
    title += " ·？！问答+" + digits;
    // Quiz nicknames and team names (core's preset tables) appear on buttons and headings.
    std::string presets;
    for (const auto& n : core::presetNicknames())
        add(presets, n.name);
    for (const auto& t : core::teamPresets())
        add(presets, t.name);
    for (auto f : {core::FontRole::Heading, core::FontRole::Body, core::FontRole::Button})
        role(out, f) += presets;
    role(out, core::FontRole::Body) += packCharset;
    if (!pack) return out;
    // The pack's characters collected now as well: a derived/charset.txt older than pack.json
    // (`lantai validate` warns derived.charset_stale) must not leave characters out of the atlas.
    role(out, core::FontRole::Body) += core::charactersToUtf8(core::collectPackCharacters(*pack));
    std::string& heading = role(out, core::FontRole::Heading);
    std::string& caption = role(out, core::FontRole::Caption);
    add(title, pack->title);
    add(heading, pack->title);
    for (const auto& e : pack->exhibitions) {
        add(heading, e.title);
        add(heading, e.subtitle);
        add(caption, e.title); // video cards name the exhibition or chapter a video belongs to
        for (const auto& c : e.chapters) {
            add(heading, c.title);
            add(caption, c.title);
            for (const auto& i : c.items) {
                add(heading, i.title);
                add(caption, i.era);
                add(caption, i.rights);
                caption += i.reference;
                for (const auto& b : i.badges)
                    caption += core::badgeText(b, core::Language::Zh) +
                               core::badgeText(b, core::Language::En);
            }
        }
    }
    for (const auto& v : pack->videos)
        add(heading, v.title);
    for (const auto& bank : pack->quizBanks)
        for (const auto& q : bank.questions)
            add(heading, q.prompt); // the question line of the quiz screen
    return out;
}

} // namespace lantai::kiosk

// core/pack: collects the characters of a pack's text
#include "core/pack/charset.h"

#include "core/base/utf8.h"

namespace lantai::core {

void addCharacters(std::string_view text, std::set<char32_t>& out) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = nextCodePoint(text, pos);
        if (cp >= 0x20) out.insert(cp);
    }
}

namespace {

void addText(const LocalizedText& text, std::set<char32_t>& out) {
    addCharacters(text.zh, out);
    addCharacters(text.en, out);
}

void addImage(const ImageRef& image, std::set<char32_t>& out) {
    addText(image.alt, out);
    addText(image.caption, out);
}

} // namespace

std::set<char32_t> collectPackCharacters(const Pack& pack) {
    std::set<char32_t> out;
    for (char32_t c = 0x20; c < 0x7F; ++c)
        out.insert(c);
    for (const auto* t : {&pack.title, &pack.organiser, &pack.event})
        addText(*t, out);
    for (const auto& e : pack.exhibitions) {
        for (const auto* t : {&e.title, &e.subtitle, &e.intro})
            addText(*t, out);
        if (e.cover) addImage(*e.cover, out);
        for (const auto& c : e.chapters) {
            addText(c.title, out);
            addText(c.intro, out);
            for (const auto& i : c.items) {
                for (const auto* t :
                     {&i.title, &i.caption, &i.description, &i.era, &i.holding, &i.rights})
                    addText(*t, out);
                addCharacters(i.reference, out);
                addCharacters(i.date, out);
                for (const auto& tag : i.tags)
                    addCharacters(tag, out);
                for (const auto& b : i.badges)
                    addText(b.label, out);
                for (const auto& img : i.images)
                    addImage(img, out);
            }
        }
    }
    for (const auto& v : pack.videos) {
        addText(v.title, out);
        addText(v.description, out);
    }
    for (const auto& bank : pack.quizBanks) {
        addText(bank.title, out);
        addText(bank.category, out);
        for (const auto& q : bank.questions) {
            for (const auto* t : {&q.prompt, &q.explanation, &q.feedbackTrue, &q.feedbackFalse})
                addText(*t, out);
            if (q.image) addImage(*q.image, out);
            for (const auto& o : q.options) {
                addText(o.text, out);
                addText(o.feedback, out);
                if (o.image) addImage(*o.image, out);
            }
        }
    }
    return out;
}

std::string charactersToUtf8(const std::set<char32_t>& characters) {
    std::string out;
    out.reserve(characters.size() * 3);
    for (char32_t cp : characters)
        appendUtf8(out, cp);
    return out;
}

} // namespace lantai::core

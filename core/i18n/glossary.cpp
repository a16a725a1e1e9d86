// core/i18n: the glossary of archive terms (zh <-> en) and the check of a string table against it
#include "core/i18n/glossary.h"

#include <algorithm>
#include <cstring>

namespace lantai::core {

namespace {

// The archive terms both surfaces use, one English rendering each (singular; "Videos" is the
// same word as "Video"). Archival usage where there is one: ISAD(G) "Date(s)" for 年代 (an exact
// date or a period), "Reference code" for 档号, "Title" for 题名 (the pack's `title`, for the
// editor's labels). An exhibition's chapters are 单元 "Part" on every surface.
constexpr GlossaryTerm kTerms[] = {
    {"年代", "Date"},
    {"档号", "Reference code"},
    {"题名", "Title"},
    {"馆藏单位", "Holding institution"},
    {"版权说明", "Rights"},
    {"主办", "Organised by"},
    {"展览", "Exhibition", "展厅"},
    {"单元", "Part"},
    {"视频", "Video"},
    {"字幕", "Subtitle"},
    {"知识问答", "Quiz", "答题"},
    {"解析", "Explanation"},
    {"镇馆之宝", "Treasure of the collection"},
    {"档案文献遗产", "Documentary heritage"},
};

constexpr char kMask = '\x01';

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Masks every occurrence of `term` in `text` (Chinese: anywhere; English: whole words, plural
// "s" included); true when there was one.
bool takeChinese(std::string& text, std::string_view term) {
    bool found = false;
    for (std::size_t at = text.find(term); at != std::string::npos; at = text.find(term, at)) {
        std::fill_n(text.begin() + static_cast<std::ptrdiff_t>(at), term.size(), kMask);
        found = true;
    }
    return found;
}

bool takeEnglish(std::string& text, std::string_view term) {
    bool found = false;
    for (std::size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
        if (at > 0 && isWordChar(text[at - 1])) continue;
        std::size_t end = at + term.size();
        if (end < text.size() && text[end] == 's' &&
            (end + 1 == text.size() || !isWordChar(text[end + 1])))
            ++end;
        if (end < text.size() && isWordChar(text[end])) continue;
        std::fill(text.begin() + static_cast<std::ptrdiff_t>(at),
                  text.begin() + static_cast<std::ptrdiff_t>(end), kMask);
        found = true;
    }
    return found;
}

// Placeholders such as {title} are not words of the text.
std::string withoutPlaceholders(std::string text) {
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        std::fill(text.begin() + static_cast<std::ptrdiff_t>(open),
                  text.begin() + static_cast<std::ptrdiff_t>(close + 1), kMask);
    }
    return text;
}

// The terms `text` uses, longest first so a longer term hides the shorter ones inside it.
std::vector<const GlossaryTerm*>
termsUsed(std::string text, const std::vector<const GlossaryTerm*>& byLength, bool chinese) {
    std::vector<const GlossaryTerm*> out;
    for (const GlossaryTerm* term : byLength) {
        const bool found =
            chinese ? takeChinese(text, term->zh) : takeEnglish(text, lowerAscii(term->en));
        if (found) out.push_back(term);
    }
    return out;
}

std::vector<const GlossaryTerm*> sortedByLength(std::span<const GlossaryTerm> terms, bool chinese) {
    std::vector<const GlossaryTerm*> out;
    for (const GlossaryTerm& t : terms)
        out.push_back(&t);
    std::stable_sort(out.begin(), out.end(), [chinese](const auto* a, const auto* b) {
        return std::strlen(chinese ? a->zh : a->en) > std::strlen(chinese ? b->zh : b->en);
    });
    return out;
}

bool contains(const std::vector<const GlossaryTerm*>& terms, const GlossaryTerm* term) {
    return std::find(terms.begin(), terms.end(), term) != terms.end();
}

} // namespace

std::span<const GlossaryTerm> glossary() {
    return kTerms;
}

std::vector<GlossaryConflict> glossaryConflicts(std::span<const UiTextEntry> entries,
                                                std::span<const GlossaryTerm> terms) {
    const std::vector<const GlossaryTerm*> zhOrder = sortedByLength(terms, true);
    const std::vector<const GlossaryTerm*> enOrder = sortedByLength(terms, false);
    std::vector<GlossaryConflict> out;
    for (const UiTextEntry& e : entries) {
        const auto inZh = termsUsed(withoutPlaceholders(e.zh), zhOrder, true);
        const auto inEn = termsUsed(withoutPlaceholders(lowerAscii(e.en)), enOrder, false);
        for (const GlossaryTerm* term : inZh)
            if (!contains(inEn, term))
                out.push_back({e.key, term, true,
                               std::string(e.key) + ": the Chinese \"" + e.zh + "\" uses " +
                                   term->zh + ", so the English should say \"" + term->en +
                                   "\", not \"" + e.en + "\""});
        for (const GlossaryTerm* term : inEn) {
            const bool runningText =
                term->zhInRunningText && std::strstr(e.zh, term->zhInRunningText) != nullptr;
            if (!contains(inZh, term) && !runningText)
                out.push_back({e.key, term, false,
                               std::string(e.key) + ": the English \"" + e.en + "\" uses \"" +
                                   term->en + "\", so the Chinese should say " + term->zh +
                                   ", not \"" + e.zh + "\""});
        }
    }
    return out;
}

} // namespace lantai::core

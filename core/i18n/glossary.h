// core/i18n: the glossary — each archive term the kiosk and the cloud gallery use, with its one
// English rendering, and the check that a string table keeps to it
#pragma once

#include "core/i18n/ui_strings.h"

#include <span>
#include <string>
#include <vector>

namespace lantai::core {

// One term. `zh` and `en` render each other: a text whose Chinese uses `zh` says `en` in
// English, and a text whose English uses `en` says `zh` in Chinese. `zhInRunningText`, when
// set, is the one other Chinese word that may stand behind `en` inside a sentence (知识问答 is
// "Quiz", and so is 答题 in 退出答题 "Leave the quiz"; 展厅, the exhibition hall, is "at the
// exhibition"); it is never a term of its own.
//
// Matching: Chinese by substring, English case-insensitively by whole word (a plural "s" is the
// same word), leaving {placeholders} out. Longer terms are matched first and hide the shorter
// ones inside them (版权说明 "Rights" does not also hold a shorter 说明).
struct GlossaryTerm {
    const char* zh;
    const char* en;
    const char* zhInRunningText = nullptr;
};

// The project's glossary (glossary.cpp), the reference for every new string.
std::span<const GlossaryTerm> glossary();

// A text that breaks the glossary: it uses `term` on one side and not its rendering on the
// other. `message` says which, in English, naming the key.
struct GlossaryConflict {
    std::string key;
    const GlossaryTerm* term = nullptr;
    bool chineseSide = true; // true: the Chinese uses term->zh; false: the English uses term->en
    std::string message;
};

// Every conflict of `entries` with `terms`, in entry order.
std::vector<GlossaryConflict> glossaryConflicts(std::span<const UiTextEntry> entries,
                                                std::span<const GlossaryTerm> terms = glossary());

} // namespace lantai::core

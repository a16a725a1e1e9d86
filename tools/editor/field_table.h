// tools/editor: which fields each kind of node has (content/FORMAT.md) and the widget that edits
// each — the one place the fields panel reads
#pragma once

#include "core/edit/node_ref.h"

#include <string>
#include <vector>

namespace lantai::editor {

enum class FieldWidget {
    Line,      // localised text {zh, en}, one line each
    Paragraph, // localised text, multi-line with wrapping
    Plain,     // a plain string (reference number, theme name)
    Date,      // partial ISO date YYYY / YYYY-MM / YYYY-MM-DD, checked as typed
    DateRange, // {"start", "end"} full dates
    Choice,    // one of `choices` (a combo)
    Flag,      // boolean
    Number,    // integer in [min, max]
    Fraction,  // number in [min, max]
    Tags,      // array of strings, edited as one line separated by ; or 、
    NodeLink,  // the id of another node (`linkKind`), chosen from a combo
    Images,    // the item's images: file, alt (required), caption; replace, rotate, reorder
    Options,   // a question's options: text, correct, weight, feedback
    Badges,    // highlight badges
    Narration, // {zh, en} audio files read aloud: chosen, copied into the pack, removed
};

struct FieldSpec {
    const char* pointer; // "/caption"
    const char* labelZh;
    const char* labelEn;
    FieldWidget widget;
    bool required = false;
    std::vector<const char*> choices = {};                      // Choice
    double min = 0, max = 0;                                    // Number, Fraction
    core::edit::NodeKind linkKind = core::edit::NodeKind::Item; // NodeLink
};

// The fields of `kind` in FORMAT.md's order (ids, children and files are edited elsewhere).
const std::vector<FieldSpec>& fieldsOf(core::edit::NodeKind kind);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day (empty is allowed: not set).
bool isPartialDate(const std::string& text);

} // namespace lantai::editor

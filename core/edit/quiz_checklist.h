// core/edit: the completeness checklist of a quiz bank (explanations, enough questions for a
// session in every age band, linked items, answerable questions)
#pragma once

#include "core/base/localized_text.h"
#include "core/edit/node_ref.h"
#include "core/pack/model.h"
#include "core/quiz/draw.h"

#include <string>
#include <vector>

namespace lantai::core::edit {

struct ChecklistEntry {
    enum class Kind {
        NoQuestions,        // the bank is empty
        TooFewForAgeBand,   // fewer eligible questions than one session draws
        MissingExplanation, // a question without an explanation
        LinkedItemMissing,  // a question's "item" names no item of the pack
        NotAnswerable,      // no correct option, two for a single choice, fewer than 2 options
    };
    Kind kind = Kind::NoQuestions;
    FieldRef target; // what to select: the bank, or the question and its field
    LocalizedText message;
};

struct AgeBandCount {
    AgeBand band = AgeBand::Adult;
    int eligible = 0; // questions the draw may pick for this band (core/quiz/draw.h rules)
};

struct BankChecklist {
    std::string bankId;
    std::vector<AgeBandCount> bands; // primary, secondary, adult
    std::vector<ChecklistEntry> entries;
    bool complete() const { return entries.empty(); }
};

// `questionsPerSession`: how many questions one session draws (the kiosk setting
// quiz.questions, 5 by default); a band with fewer eligible questions is flagged.
BankChecklist quizChecklist(const Pack& pack, const QuizBank& bank, int questionsPerSession);
std::vector<BankChecklist> quizChecklists(const Pack& pack, int questionsPerSession);

} // namespace lantai::core::edit

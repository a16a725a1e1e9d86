// core/stats: the names of what events name (items, videos, questions, exhibitions, parts), so a
// report read from a booth's database alone shows titles, not ids
#pragma once

#include "core/stats/sqlite.h"

#include <span>
#include <string>
#include <vector>

namespace lantai::core {

struct SubjectName {
    std::string packId;
    std::string kind; // "item", "video", "question", "exhibition", "chapter"
    std::string subjectId;
    std::string zh;
    std::string en;
};

// Adds or updates every name in one transaction; a name that did not change is not written.
Status recordSubjectNames(SqliteConnection& db, std::span<const SubjectName> names);
// Every stored name.
Result<std::vector<SubjectName>> subjectNames(SqliteConnection& db);

} // namespace lantai::core

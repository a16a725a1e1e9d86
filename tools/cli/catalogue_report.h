// tools/cli: `lantai catalogue import` output for people — the columns, the field-level diff, the
// summary, and the diagnostics (repeated warnings grouped)
#pragma once

#include "core/base/diagnostic.h"
#include "core/catalogue/catalogue_import.h"

namespace lantai::cli {

// The sheet and its columns, every change (item, field, old -> new; items to create; images to
// copy) and a summary line, on stdout.
void printCataloguePlan(const core::CataloguePlan& plan, const core::Sheet& sheet, bool zh);

// Every error, and every warning unless one code has more than 10 (then one line with the count
// and the first cell), on stderr.
void printCatalogueDiagnostics(const core::Diagnostics& diagnostics, bool zh);

} // namespace lantai::cli

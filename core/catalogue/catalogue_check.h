// core/catalogue: checking what an import would make of the pack, with the loader's and the
// validator's own checks, every problem pointed at the cell that caused it
#pragma once

#include "core/catalogue/catalogue_import.h"

namespace lantai::core {

// Builds the items the plan touches into a pack of their own (their exhibitions and chapters,
// nothing else), writes it as pack.json text, reads it back with loadPackFromText and validates
// it: every problem inside a created item, or inside a changed field of an updated one, is added
// to the plan at the cell that set the field (the row when no cell did). Images the plan copies
// from --images DIR are checked there, as validatePack checks a pack's images.
void checkCatalogueResult(const Pack& pack, const Sheet& sheet,
                          const CatalogueImportOptions& options, CataloguePlan& plan);

} // namespace lantai::core

// tools/catalogue: writing the export table as .xlsx (libxlsxwriter)
#pragma once

#include "core/base/result.h"
#include "core/catalogue/catalogue_export.h"

#include <filesystem>

namespace lantai::core::catalogue_io {

// Writes `file` directly (writeCatalogueFile writes beside the target and renames).
Status writeCatalogueXlsx(const std::filesystem::path& file, const CatalogueTable& table);

} // namespace lantai::core::catalogue_io

// core/catalogue: the images column — entries resolved against --images DIR and the pack, the
// copies an import makes, and copying them all or nothing
#pragma once

#include "core/catalogue/catalogue_import.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lantai::core {

// Resolves the entries of images cells to pack paths, in this order: a file the item already
// shows stays; an entry found in --images DIR is copied to images/<entry> (or kept at <entry>
// when it starts with images/) unless the pack has the same bytes there already; an entry that
// is a file of the pack is used as it is. Backslashes are read as folder separators.
class CatalogueImageResolver {
  public:
    CatalogueImageResolver(std::filesystem::path packRoot, std::filesystem::path imagesDir);

    // Pack paths for `entries` (nullopt after adding an error for the cell: an entry found
    // nowhere, an unsafe path, a file differing from the pack's file of the same name). New
    // copies are added to `plan.copies` once each.
    std::optional<std::vector<std::string>> resolve(const std::vector<std::string>& entries,
                                                    const Item* current, const Sheet& sheet,
                                                    int row, int column, CataloguePlan& plan);

  private:
    std::optional<std::string> resolveOne(const std::string& entry, const Item* current,
                                          const Sheet& sheet, int row, int column,
                                          CataloguePlan& plan);

    std::filesystem::path m_packRoot;
    std::filesystem::path m_imagesDir;
    std::map<std::string, std::filesystem::path> m_copies; // pack path -> source
};

// Do two regular files hold the same bytes?
bool sameFileContent(const std::filesystem::path& a, const std::filesystem::path& b);

} // namespace lantai::core

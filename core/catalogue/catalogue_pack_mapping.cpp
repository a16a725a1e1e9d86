// core/catalogue: the pack's remembered column mapping (catalogue-mapping.json), read and written
#include "core/catalogue/catalogue_pack_mapping.h"

#include "core/base/file_io.h"

namespace lantai::core {

std::optional<SavedMapping> readPackMapping(const std::filesystem::path& packRoot,
                                            Diagnostics& diagnostics,
                                            const std::string& shownName) {
    const std::filesystem::path file = packRoot / kPackMappingFileName;
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec))) return std::nullopt;
    Result<std::string> text = readFile(file);
    if (!text) {
        diagnostics.add(showFileAs(std::move(text).error(), file, shownName));
        return std::nullopt;
    }
    Diagnostics read;
    SavedMapping saved = readMappingFile(*text, shownName, read);
    const bool usable = !read.hasErrors();
    diagnostics.append(read);
    if (!usable) return std::nullopt;
    return saved;
}

Status writePackMapping(const std::filesystem::path& packRoot, const SavedMapping& saved) {
    const std::string text = mappingFileText(saved);
    return writeFileAtomic(packRoot / kPackMappingFileName, std::string_view(text));
}

} // namespace lantai::core

// core/pack: derived/index.json reader
#include "core/pack/derived_index.h"

#include "core/base/file_io.h"

#include <nlohmann/json.hpp>

namespace lantai::core {

std::optional<DerivedIndex> readDerivedIndex(const std::filesystem::path& packRoot,
                                             std::string* error) {
    std::string text, readError;
    const auto file = packRoot / "derived" / "index.json";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        if (error) *error = "the pack has not been built (no derived/index.json)";
        return std::nullopt;
    }
    if (!readFile(file, text, readError)) {
        if (error) *error = "cannot read derived/index.json: " + readError;
        return std::nullopt;
    }
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object() || !json.contains("images") || !json["images"].is_object()) {
        if (error) *error = "derived/index.json is damaged; run `lantai build` again";
        return std::nullopt;
    }
    DerivedIndex index;
    index.builtBy = json.value("built_by", "");
    try {
        for (const auto& [path, v] : json["images"].items())
            index.images[path] =
                DerivedImage{v.value("key", ""),    v.value("width", 0),  v.value("height", 0),
                             v.value("sha256", ""), v.value("thumb", ""), v.value("iiif", "")};
        if (json.contains("files") && json["files"].is_object())
            for (const auto& [path, v] : json["files"].items())
                index.files[path] = {v.value("size", std::uintmax_t{0}), v.value("sha256", "")};
    } catch (const nlohmann::json::exception& e) {
        if (error) *error = std::string("derived/index.json is damaged: ") + e.what();
        return std::nullopt;
    }
    return index;
}

} // namespace lantai::core

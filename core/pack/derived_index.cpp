// core/pack: derived/index.json reader
#include "core/pack/derived_index.h"

#include "core/base/file_io.h"

#include <nlohmann/json.hpp>

namespace lantai::core {

Result<DerivedIndex> readDerivedIndex(const std::filesystem::path& packRoot) {
    const auto file = packRoot / "derived" / "index.json";
    const auto damaged = [](const std::string& why) {
        return operationalError(
            kDerivedDamaged, "derived/index.json",
            "derived/index.json is damaged" + why + "; run `lantai build` again.",
            "derived/index.json 已损坏" + why + "；请重新运行 `lantai build`。");
    };
    auto text = readFile(file);
    if (!text) {
        if (text.error().code == kFileMissing)
            return operationalError(
                kPackNotBuilt, "derived/index.json",
                "The pack has not been built (no derived/index.json); run `lantai build`.",
                "内容包尚未构建（没有 derived/index.json）；请运行 `lantai build`。");
        Diagnostic d = std::move(text).error();
        d.file = "derived/index.json";
        return d;
    }
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object() || !json.contains("images") || !json["images"].is_object())
        return damaged("");
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
        return damaged(std::string(" (") + e.what() + ")");
    }
    return index;
}

} // namespace lantai::core

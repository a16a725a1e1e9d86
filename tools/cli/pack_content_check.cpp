// tools/cli: what `lantai pack install` checks in a staged pack beyond hashes — the validator, and
// every image decodes
#include "tools/cli/pack_content_check.h"

#include "core/pack/loader.h"
#include "tools/builder/vips_image.h"

#include <cctype>
#include <set>

namespace lantai::cli {

namespace fs = std::filesystem;

core::Status checkPackContent(const std::filesystem::path& packDir) {
    core::PackLoadResult loaded = core::loadAndValidatePack(packDir);
    for (const core::Diagnostic& d : loaded.diagnostics.items()) {
        if (d.severity != core::Severity::Error) continue;
        return core::operationalError("content.invalid", d.file,
                                      "The pack does not validate: " +
                                          core::formatDiagnostic(d, false),
                                      "内容包未通过校验：" + core::formatDiagnostic(d, true));
    }
    if (VIPS_INIT("lantai") != 0)
        return core::operationalError("content.image_undecodable", "",
                                      "libvips cannot start: " + core::imaging::takeVipsError(),
                                      "libvips 无法启动：" + core::imaging::takeVipsError());
    std::set<std::string> seen;
    for (const core::ImageRef* image : loaded.pack.allImages()) {
        if (!seen.insert(image->file).second) continue;
        const std::string path = (packDir / image->file).string();
        // Every byte of the image data decoded, failing on any decoder error; JPEGs at 1/8 scale
        // (libjpeg's DCT scaling still entropy-decodes the whole file, ~5x faster).
        const fs::path file = packDir / image->file;
        std::string extension = file.extension().string();
        for (char& c : extension)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        core::imaging::Failure failure;
        core::imaging::ImageRef opened;
        if (extension == ".jpg" || extension == ".jpeg") {
            opened.reset(
                vips_image_new_from_file((file.string() + "[shrink=8,fail_on=error]").c_str(),
                                         "access", VIPS_ACCESS_SEQUENTIAL, nullptr));
            if (!opened) failure = core::imaging::vipsFailure(file, "cannot read image");
        } else {
            opened = core::imaging::openSource(file, VIPS_ACCESS_SEQUENTIAL, &failure);
        }
        double mean = 0;
        const bool decoded = opened && vips_avg(opened.get(), &mean, nullptr) == 0;
        if (!decoded) {
            const std::string detail = opened ? core::imaging::takeVipsError() : failure.message;
            return core::operationalError("content.image_undecodable", image->file,
                                          "The image \"" + image->file +
                                              "\" cannot be decoded: " + detail,
                                          "图像“" + image->file + "”无法解码：" + detail);
        }
    }
    return {};
}

} // namespace lantai::cli

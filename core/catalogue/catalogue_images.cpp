// core/catalogue: resolving the images column and copying images into the pack
#include "core/catalogue/catalogue_images.h"

#include "core/base/file_io.h"
#include "core/pack/path_safety.h"

#include <algorithm>
#include <array>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

std::string withSlashes(std::string entry) {
    std::replace(entry.begin(), entry.end(), '\\', '/');
    while (entry.starts_with("./"))
        entry.erase(0, 2);
    return entry;
}

bool isRegular(const fs::path& file) {
    return checkRegularFile(file).ok();
}

} // namespace

bool sameFileContent(const fs::path& a, const fs::path& b) {
    auto first = openRegularFile(a);
    auto second = openRegularFile(b);
    if (!first || !second || first->size() != second->size()) return false;
    std::array<char, 65536> x{}, y{};
    for (std::uint64_t offset = 0; offset < first->size();) {
        const long long n = first->readAt(offset, x.data(), x.size());
        if (n <= 0 || second->readAt(offset, y.data(), static_cast<std::size_t>(n)) != n ||
            !std::equal(x.begin(), x.begin() + n, y.begin()))
            return false;
        offset += static_cast<std::uint64_t>(n);
    }
    return true;
}

CatalogueImageResolver::CatalogueImageResolver(fs::path packRoot, fs::path imagesDir)
    : m_packRoot(std::move(packRoot)), m_imagesDir(std::move(imagesDir)) {}

std::optional<std::vector<std::string>>
CatalogueImageResolver::resolve(const std::vector<std::string>& entries, const Item* current,
                                const Sheet& sheet, int row, int column, CataloguePlan& plan) {
    std::vector<std::string> files;
    bool ok = true;
    for (const auto& entry : entries) {
        if (auto file = resolveOne(entry, current, sheet, row, column, plan))
            files.push_back(std::move(*file));
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return files;
}

std::optional<std::string> CatalogueImageResolver::resolveOne(const std::string& raw,
                                                              const Item* current,
                                                              const Sheet& sheet, int row,
                                                              int column, CataloguePlan& plan) {
    const std::string entry = withSlashes(raw);
    if (current)
        for (const auto& image : current->images)
            if (image.file == entry) return entry;
    auto fail = [&](const char* code, std::string message, std::string messageZh) {
        plan.diagnostics.add(cellDiagnostic(sheet, row, column, Severity::Error, code,
                                            std::move(message), std::move(messageZh)));
        return std::nullopt;
    };
    if (!m_imagesDir.empty() && !validatePackPath(m_imagesDir, entry) &&
        isRegular(m_imagesDir / entry)) {
        const std::string packPath = entry.starts_with("images/") ? entry : "images/" + entry;
        if (const auto problem = validatePackPath(m_packRoot, packPath))
            return fail("path.unsafe", "\"" + packPath + "\": " + problem->message,
                        "“" + packPath + "”：" + problem->messageZh);
        const fs::path source = m_imagesDir / entry;
        std::error_code ec;
        if (fs::exists(m_packRoot / packPath, ec)) {
            if (sameFileContent(source, m_packRoot / packPath)) return packPath;
            return fail(kCatalogueImageConflict,
                        "The pack already has a different file \"" + packPath + "\"; the import " +
                            "never replaces a pack's file. Rename \"" + entry +
                            "\" in the folder and the cell, or remove the pack's file first.",
                        "内容包中已有另一个文件“" + packPath +
                            "”，导入不会覆盖内容包中的文件。"
                            "请在文件夹和单元格中把“" +
                            entry + "”改名，或先删除内容包中的该文件。");
        }
        if (m_copies.emplace(packPath, source).second)
            plan.copies.push_back({source, packPath, row, column});
        return packPath;
    }
    if (!validatePackPath(m_packRoot, entry) && isRegular(m_packRoot / entry)) return entry;
    if (const auto problem = validatePackPath(m_packRoot, entry))
        return fail("path.unsafe", "\"" + entry + "\": " + problem->message,
                    "“" + entry + "”：" + problem->messageZh);
    return m_imagesDir.empty()
               ? fail(kCatalogueImageMissing,
                      "The image \"" + entry +
                          "\" is not in the pack. Give the folder that holds the scans with "
                          "--images DIR, or write the file's path inside the pack.",
                      "内容包中没有图像“" + entry +
                          "”。请用 --images DIR 指定存放扫描件的文件夹，或填写该文件在内容包中"
                          "的路径。")
               : fail(kCatalogueImageMissing,
                      "The image \"" + entry + "\" is neither in " + m_imagesDir.string() +
                          " nor in the pack.",
                      "图像“" + entry + "”既不在 " + m_imagesDir.string() +
                          " 中，也不在内容包中。");
}

void removeCopiedImages(const fs::path& packRoot, const CopiedImages& copied) {
    std::error_code ec;
    for (const auto& file : copied.files)
        fs::remove(packRoot / file, ec);
    for (auto it = copied.folders.rbegin(); it != copied.folders.rend(); ++it)
        fs::remove(*it, ec); // a folder something else was put in meanwhile stays
}

Result<CopiedImages> copyCatalogueImages(const fs::path& packRoot, const CataloguePlan& plan) {
    CopiedImages copied;
    for (const auto& copy : plan.copies) {
        const fs::path target = packRoot / copy.packPath;
        std::error_code ec;
        auto fail = [&](std::string message, std::string messageZh) {
            removeCopiedImages(packRoot, copied);
            return operationalError(kFileWriteFailed, copy.packPath, std::move(message),
                                    std::move(messageZh));
        };
        if (fs::exists(target, ec))
            return fail("Cannot copy " + copy.source.string() + ": " + copy.packPath +
                            " appeared in the pack meanwhile.",
                        "无法复制 " + copy.source.string() + "：内容包中已出现 " + copy.packPath +
                            "。");
        std::vector<fs::path> missing;
        for (fs::path folder = target.parent_path();
             !folder.empty() && folder != packRoot && !fs::exists(folder, ec);
             folder = folder.parent_path())
            missing.push_back(folder);
        for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
            if (!fs::create_directory(*it, ec) || ec)
                return fail("Cannot create the folder " + it->string() + ": " + ec.message() + ".",
                            "无法创建文件夹 " + it->string() + "：" + ec.message() + "。");
            copied.folders.push_back(*it);
        }
        const fs::path temporary = target.string() + ".lantai-copy";
        fs::copy_file(copy.source, temporary, fs::copy_options::overwrite_existing, ec);
        if (!ec) fs::rename(temporary, target, ec);
        if (ec) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return fail("Cannot copy " + copy.source.string() + " to " + copy.packPath + ": " +
                            ec.message() + ".",
                        "无法把 " + copy.source.string() + " 复制为 " + copy.packPath + "：" +
                            ec.message() + "。");
        }
        copied.files.push_back(copy.packPath);
    }
    return copied;
}

} // namespace lantai::core

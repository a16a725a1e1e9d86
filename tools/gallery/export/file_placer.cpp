// tools/gallery/export: puts files into the new site — hard link when possible, else copy, reusing
// the previous export
#include "tools/gallery/export/file_placer.h"

#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace lantai::core::web {

namespace fs = std::filesystem;

FilePlacer::FilePlacer(fs::path newRoot, fs::path previousRoot)
    : m_new(std::move(newRoot)), m_previous(std::move(previousRoot)) {}

bool FilePlacer::ensureDir(const fs::path& dir, std::string& error) {
    if (m_dirs.count(dir.native())) return true;
    // A tile is three directories deep (x,y,w,h/w,h/0/): one mkdir each when the parent is known.
    if (!dir.has_parent_path() || dir.parent_path() == dir ||
        !ensureDir(dir.parent_path(), error)) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) {
            error = dir.string() + ": cannot create directory: " + ec.message();
            return false;
        }
    } else if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
        error =
            dir.string() + ": cannot create directory: " + std::generic_category().message(errno);
        return false;
    }
    m_dirs.insert(dir.native());
    return true;
}

bool FilePlacer::placeFile(const fs::path& source, const std::string& relativePath,
                           std::string& error) {
    const fs::path target = m_new / relativePath;
    if (!ensureDir(target.parent_path(), error)) return false;
    if (m_linkWorks) {
        if (::link(source.c_str(), target.c_str()) == 0) {
            ++m_linked;
            return true;
        }
        if (errno != EXDEV && errno != EPERM && errno != EMLINK && errno != ENOTSUP) {
            error = target.string() + ": cannot link " + source.string() + ": " +
                    std::generic_category().message(errno);
            return false;
        }
        m_linkWorks = errno == EMLINK; // another filesystem: copy from now on
    }
    struct stat src {};
    if (::stat(source.c_str(), &src) != 0) {
        error = source.string() + ": cannot read: " + std::generic_category().message(errno);
        return false;
    }
    if (!m_previous.empty()) {
        const fs::path old = m_previous / relativePath;
        struct stat prev {};
        if (::stat(old.c_str(), &prev) == 0 && prev.st_size == src.st_size &&
            prev.st_mtim.tv_sec == src.st_mtim.tv_sec &&
            prev.st_mtim.tv_nsec == src.st_mtim.tv_nsec &&
            ::link(old.c_str(), target.c_str()) == 0) {
            ++m_reused;
            return true;
        }
    }
    std::error_code ec;
    fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
    if (ec) {
        error = target.string() + ": cannot copy " + source.string() + ": " + ec.message();
        return false;
    }
    const struct timespec times[2] = {src.st_atim, src.st_mtim};
    ::utimensat(AT_FDCWD, target.c_str(), times, 0);
    ++m_copied;
    return true;
}

bool FilePlacer::placeTree(const fs::path& sourceDir, const std::string& relativeDir,
                           std::string& error, const std::string& skipName) {
    std::error_code ec;
    std::string base = sourceDir.native();
    while (base.size() > 1 && base.back() == '/')
        base.pop_back();
    base += '/';
    for (fs::recursive_directory_iterator it(sourceDir, ec), end; it != end; it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        if (!skipName.empty() && it->path().filename() == skipName) continue;
        // The path below sourceDir by string (fs::relative resolves links: a readlink a component).
        const std::string rel = relativeDir + "/" + it->path().native().substr(base.size());
        if (!placeFile(it->path(), rel, error)) return false;
    }
    if (ec) {
        error = sourceDir.string() + ": cannot list: " + ec.message();
        return false;
    }
    return true;
}

bool writeSiteFile(const fs::path& path, const std::string& data, std::string& error) {
    ::unlink(path.c_str());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << data;
    out.close();
    if (!out) error = path.string() + ": cannot write file";
    return static_cast<bool>(out);
}

} // namespace lantai::core::web

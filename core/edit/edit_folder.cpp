// core/edit: creating the editor's folder and syncing directories
#include "core/edit/edit_folder.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace lantai::core::edit {

Status ensureEditFolder(const EditFolder& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder.dir(), ec);
    if (ec)
        return operationalError("file.write_failed", folder.dir().string(),
                                "Cannot create the editor's folder " + folder.dir().string() +
                                    ": " + ec.message() + ". Is the pack on a read-only medium?",
                                "无法创建编辑器文件夹 " + folder.dir().string() + "：" +
                                    ec.message() + "。内容包是否在只读介质上？");
    return {};
}

Status syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return operationalError("file.write_failed", dir.string(),
                                "Cannot open " + dir.string() + ": " + std::strerror(error) + ".",
                                "无法打开 " + dir.string() + "：" + std::strerror(error) + "。");
    }
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // Some file systems (and tmpfs) refuse fsync on a directory: their renames are as durable
    // as they get.
    if (synced != 0 && error != EINVAL && error != EROFS)
        return operationalError("file.write_failed", dir.string(),
                                "Cannot flush " + dir.string() + ": " + std::strerror(error) + ".",
                                "无法写入 " + dir.string() + "：" + std::strerror(error) + "。");
    return {};
}

} // namespace lantai::core::edit

// core/base: free space on the disk that holds a path (statvfs)
#include "core/base/disk_space.h"

#include <cerrno>
#include <cstring>
#include <sys/statvfs.h>

namespace lantai::core {

Result<DiskSpace> diskSpace(const std::filesystem::path& path) {
    struct statvfs info {};
    if (::statvfs(path.c_str(), &info) != 0) {
        const int error = errno;
        return operationalError(kDiskSpaceUnknown, path.string(),
                                "Cannot tell how much space is free on the disk of \"" +
                                    path.string() + "\": " + std::strerror(error) + ".",
                                "无法读取“" + path.string() + "”所在磁盘的剩余空间：" +
                                    std::strerror(error) + "。");
    }
    const auto unit = static_cast<std::uint64_t>(info.f_frsize ? info.f_frsize : info.f_bsize);
    return DiskSpace{static_cast<std::uint64_t>(info.f_bavail) * unit,
                     static_cast<std::uint64_t>(info.f_blocks) * unit};
}

} // namespace lantai::core

// core/fleet: content-addressed objects — write once under the SHA-256, verify before adopting
#include "core/fleet/object_store.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"

#include <atomic>
#include <unistd.h>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

fs::path temporaryBeside(const fs::path& target) {
    static std::atomic<unsigned> counter{0};
    return target.parent_path() /
           (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
            target.filename().string().substr(0, 16));
}

} // namespace

Diagnostic fleetWriteError(const fs::path& file, const std::string& why) {
    return operationalError(kFleetWriteFailed, file.string(),
                            "Cannot write \"" + file.string() + "\": " + why,
                            "无法写入“" + file.string() + "”：" + why);
}

bool isSha256Hex(std::string_view text) {
    if (text.size() != 64) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string objectRelativePath(std::string_view sha256) {
    return "objects/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256.substr(2));
}

fs::path ObjectStore::pathOf(std::string_view sha256) const {
    return m_root / objectRelativePath(sha256);
}

bool ObjectStore::has(std::string_view sha256) const {
    std::error_code ec;
    return fs::is_regular_file(pathOf(sha256), ec);
}

Status ObjectStore::adoptVerified(const fs::path& file, std::string_view sha256) {
    auto actual = sha256File(file);
    if (!actual) return actual.error();
    std::error_code ec;
    if (*actual != sha256) {
        fs::remove(file, ec);
        return operationalError(
            kFleetObjectInvalid, file.string(),
            "\"" + file.string() + "\" should have SHA-256 " + std::string(sha256) + " but has " +
                *actual + ": the object was changed on the way or on the server; it is deleted",
            "“" + file.string() + "”的 SHA-256 应为 " + std::string(sha256) + "，实际为 " +
                *actual + "：对象在传输中或服务器上被改动，已删除");
    }
    const fs::path target = pathOf(sha256);
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fleetWriteError(target.parent_path(), ec.message());
    fs::rename(file, target, ec);
    if (ec) return fleetWriteError(target, ec.message());
    return {};
}

Result<bool> ObjectStore::addFile(const fs::path& file, std::string_view sha256) {
    if (has(sha256)) return false;
    const fs::path target = pathOf(sha256);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fleetWriteError(target.parent_path(), ec.message());
    const fs::path temporary = temporaryBeside(target);
    fs::copy_file(file, temporary, fs::copy_options::overwrite_existing, ec);
    if (ec) return fleetWriteError(temporary, ec.message());
    if (Status adopted = adoptVerified(temporary, sha256); !adopted) return adopted.error();
    return true;
}

Result<bool> ObjectStore::addBytes(std::string_view bytes, std::string_view sha256) {
    if (has(sha256)) return false;
    if (sha256Hex(bytes) != sha256)
        return operationalError(kFleetObjectInvalid, std::string(sha256),
                                "The bytes given for object " + std::string(sha256) +
                                    " have another SHA-256",
                                "对象 " + std::string(sha256) + " 的内容与其 SHA-256 不符");
    const fs::path target = pathOf(sha256);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fleetWriteError(target.parent_path(), ec.message());
    if (Status written = writeFileAtomic(target, bytes); !written) return written.error();
    return true;
}

} // namespace lantai::core

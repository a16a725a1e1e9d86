// core/trust: a pack's manifest — every file's path, size and SHA-256, the pack id and its version
#include "core/trust/pack_manifest.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

Diagnostic manifestError(const std::string& file, const std::string& what,
                         const std::string& whatZh) {
    return operationalError("trust.manifest_invalid", file,
                            "The pack manifest \"" + file + "\" is not valid: " + what + ".",
                            "内容包清单“" + file + "”无效：" + whatZh + "。");
}

std::string jsonString(const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool safeRelativePath(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.back() == '/' ||
        path.find('\\') != std::string::npos || path.find('\0') != std::string::npos)
        return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

} // namespace

Result<std::vector<std::string>> listPackPaths(const fs::path& packDir) {
    std::vector<std::string> paths;
    std::error_code error;
    const auto unreadable = [&] {
        return operationalError(
            "trust.pack_unreadable", packDir.string(),
            "Cannot read the pack folder \"" + packDir.string() + "\": " + error.message() + ".",
            "无法读取内容包目录“" + packDir.string() + "”：" + error.message() + "。");
    };
    fs::recursive_directory_iterator it(packDir, error), end;
    if (error) return unreadable();
    for (; it != end; it.increment(error)) {
        if (error) break;
        const std::string path = it->path().lexically_relative(packDir).generic_string();
        if (it.depth() == 0 &&
            (path == kManifestFile || path == kManifestSignatureFile || path == ".lantai-edit")) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        const fs::file_status status = it->symlink_status();
        if (fs::is_directory(status)) continue;
        if (!fs::is_regular_file(status))
            return operationalError(
                "trust.not_regular", path,
                "\"" + path +
                    "\" in the pack is not a plain file (a link, pipe or device); a "
                    "signed pack holds plain files only.",
                "内容包中的“" + path +
                    "”不是普通文件（链接、管道或设备）；签名内容包只能包含普通文件。");
        paths.push_back(path);
    }
    if (error) return unreadable();
    std::sort(paths.begin(), paths.end());
    return paths;
}

Result<std::vector<ManifestFile>> listPackFiles(const fs::path& packDir) {
    Result<std::vector<std::string>> paths = listPackPaths(packDir);
    if (!paths) return std::move(paths).error();
    std::vector<ManifestFile> files;
    files.reserve(paths->size());
    for (const std::string& path : *paths) {
        Result<std::string> hash = sha256File(packDir / path);
        if (!hash) return showFileAs(std::move(hash).error(), packDir / path, path);
        std::error_code error;
        files.push_back({path, static_cast<std::uint64_t>(fs::file_size(packDir / path, error)),
                         std::move(*hash)});
    }
    return files;
}

Result<std::string> readPackId(const fs::path& packDir) {
    const fs::path file = packDir / "pack.json";
    Result<std::string> text = readFile(file);
    if (!text) return showFileAs(std::move(text).error(), file, "pack.json");
    const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object() || !json.contains("id") || !json["id"].is_string() ||
        json["id"].get<std::string>().empty())
        return operationalError("trust.pack_id_missing", "pack.json",
                                "pack.json has no \"id\"; a pack needs one to be signed.",
                                "pack.json 缺少“id”；内容包须有 id 才能签名。");
    return json["id"].get<std::string>();
}

std::string canonicalManifestJson(const PackManifest& manifest) {
    std::string out = "{\"format\":\"lantai-pack-manifest\",\"manifest_version\":1,\"pack_id\":" +
                      jsonString(manifest.packId) +
                      ",\"version\":" + std::to_string(manifest.version) + ",\"files\":[";
    bool first = true;
    for (const ManifestFile& file : manifest.files) {
        out += first ? "" : ",";
        first = false;
        out += "{\"path\":" + jsonString(file.path) + ",\"size\":" + std::to_string(file.size) +
               ",\"sha256\":\"" + file.sha256 + "\"}";
    }
    return out + "]}\n";
}

Result<PackManifest> parsePackManifest(std::string_view text, const std::string& file) {
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return manifestError(file, "it is not a JSON object", "不是 JSON 对象");
    static const std::set<std::string> keys = {"format", "manifest_version", "pack_id", "version",
                                               "files"};
    for (const auto& [key, value] : json.items())
        if (!keys.count(key))
            return manifestError(file, "unknown key \"" + key + "\"", "未知的键“" + key + "”");
    if (json.value("format", "") != "lantai-pack-manifest")
        return manifestError(file, "\"format\" is not \"lantai-pack-manifest\"",
                             "“format”不是“lantai-pack-manifest”");
    if (!json.contains("manifest_version") || json["manifest_version"] != 1)
        return manifestError(file, "\"manifest_version\" is not 1 (a newer Lantai wrote it?)",
                             "“manifest_version”不是 1（由更新版本的兰台生成？）");
    PackManifest out;
    if (!json.contains("pack_id") || !json["pack_id"].is_string() ||
        json["pack_id"].get<std::string>().empty())
        return manifestError(file, "\"pack_id\" is missing", "缺少“pack_id”");
    out.packId = json["pack_id"].get<std::string>();
    if (!json.contains("version") || !json["version"].is_number_unsigned())
        return manifestError(file, "\"version\" is not a whole number ≥ 0",
                             "“version”不是非负整数");
    out.version = json["version"].get<std::uint64_t>();
    if (!json.contains("files") || !json["files"].is_array())
        return manifestError(file, "\"files\" is not a list", "“files”不是列表");
    for (const nlohmann::json& entry : json["files"]) {
        if (!entry.is_object() || entry.size() != 3 || !entry.contains("path") ||
            !entry["path"].is_string() || !entry.contains("size") ||
            !entry["size"].is_number_unsigned() || !entry.contains("sha256") ||
            !entry["sha256"].is_string())
            return manifestError(file, "a file entry is not {\"path\", \"size\", \"sha256\"}",
                                 "某个文件条目不是 {\"path\", \"size\", \"sha256\"}");
        ManifestFile item{entry["path"].get<std::string>(), entry["size"].get<std::uint64_t>(),
                          entry["sha256"].get<std::string>()};
        if (!safeRelativePath(item.path))
            return manifestError(file, "the path \"" + item.path + "\" leaves the pack folder",
                                 "路径“" + item.path + "”超出内容包目录");
        if (item.sha256.size() != 64 ||
            item.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
            return manifestError(file, "the SHA-256 of \"" + item.path + "\" is not 64 hex digits",
                                 "“" + item.path + "”的 SHA-256 不是 64 位十六进制数");
        if (!out.files.empty() && !(out.files.back().path < item.path))
            return manifestError(file, "the files are not sorted by path, or one is listed twice",
                                 "文件未按路径排序，或有文件重复列出");
        out.files.push_back(std::move(item));
    }
    return out;
}

PackDifferences comparePackFiles(const std::vector<ManifestFile>& expected,
                                 const std::vector<ManifestFile>& actual) {
    PackDifferences out;
    std::size_t i = 0, j = 0;
    while (i < expected.size() || j < actual.size()) {
        if (j == actual.size() || (i < expected.size() && expected[i].path < actual[j].path)) {
            out.missing.push_back(expected[i++].path);
        } else if (i == expected.size() || actual[j].path < expected[i].path) {
            out.added.push_back(actual[j++].path);
        } else {
            if (expected[i].size != actual[j].size || expected[i].sha256 != actual[j].sha256)
                out.changed.push_back(expected[i].path);
            ++i;
            ++j;
        }
    }
    return out;
}

} // namespace lantai::core

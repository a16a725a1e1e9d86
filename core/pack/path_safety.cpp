// core/pack: pack-relative path safety checks
#include "core/pack/path_safety.h"

namespace lantai::core {

std::optional<PathProblem> validatePackPath(const std::filesystem::path& packRoot,
                                            const std::string& relative) {
    const std::string quotedPath = "\"" + relative + "\"";
    if (relative.empty()) return PathProblem{"The path is empty.", "路径为空。"};
    if (relative.find('\0') != std::string::npos)
        return PathProblem{"The path contains a NUL character.", "路径包含空字符。"};
    if (relative.find('\\') != std::string::npos)
        return PathProblem{"Path " + quotedPath + " uses a backslash; use forward slashes (/).",
                           "路径 " + quotedPath + " 使用了反斜杠，请使用正斜杠（/）。"};
    if (relative.front() == '/' || (relative.size() > 1 && relative[1] == ':'))
        return PathProblem{"Path " + quotedPath +
                               " is absolute; paths must be relative to the pack folder.",
                           "路径 " + quotedPath + " 是绝对路径；路径必须相对于内容包文件夹。"};
    std::size_t start = 0;
    while (start <= relative.size()) {
        const std::size_t end = relative.find('/', start);
        const std::string segment =
            relative.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (segment == "..")
            return PathProblem{"Path " + quotedPath + " leaves the pack folder (\"..\").",
                               "路径 " + quotedPath + " 指向内容包文件夹之外（\"..\"）。"};
        if (segment.empty() || segment == ".")
            return PathProblem{"Path " + quotedPath + " has an empty or \".\" segment.",
                               "路径 " + quotedPath + " 含有空的或 \".\" 路径段。"};
        if (end == std::string::npos) break;
        start = end + 1;
    }
    // Symlinks: resolve what exists and make sure it stays inside the pack.
    std::error_code ec;
    const auto root = std::filesystem::canonical(packRoot, ec);
    if (ec) return std::nullopt; // the pack root itself is reported elsewhere
    const auto resolved = std::filesystem::weakly_canonical(root / relative, ec);
    if (ec) return std::nullopt;
    auto r = root.begin();
    auto p = resolved.begin();
    for (; r != root.end(); ++r, ++p)
        if (p == resolved.end() || *p != *r)
            return PathProblem{"Path " + quotedPath +
                                   " is a symbolic link that leads outside the pack folder (to " +
                                   resolved.string() + ").",
                               "路径 " + quotedPath + " 是指向内容包文件夹之外的符号链接（指向 " +
                                   resolved.string() + "）。"};
    return std::nullopt;
}

} // namespace lantai::core

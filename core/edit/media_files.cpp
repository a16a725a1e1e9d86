// core/edit: media copies into the staging folder, their adoption into the pack and the trash
#include "core/edit/media_files.h"

#include "core/base/file_io.h"
#include "core/edit/commands.h"
#include "core/edit/edit_folder.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace lantai::core::edit {

namespace fs = std::filesystem;

namespace {

Diagnostic mediaError(const std::string& file, const std::string& message,
                      const std::string& messageZh) {
    return operationalError("edit.media_copy", file, message, messageZh);
}

} // namespace

std::string newStagingToken() {
    static std::atomic<unsigned> counter{0};
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%llx-%x-%x",
                  static_cast<unsigned long long>(
                      std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()),
                  static_cast<unsigned>(::getpid()), counter.fetch_add(1));
    return buffer;
}

namespace {

// Writes all of `data` to `fd`; 0 or the errno.
int writeAll(int fd, const char* data, std::size_t size) {
    for (std::size_t done = 0; done < size;) {
        const ssize_t w = ::write(fd, data + done, size - done);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return errno;
        done += static_cast<std::size_t>(w);
    }
    return 0;
}

// The staging folder of a new copy, created.
Result<StagedFile> newStagedFile(const fs::path& packRoot, const std::string& name,
                                 std::string source) {
    StagedFile staged;
    staged.token = newStagingToken();
    staged.name = name;
    staged.source = std::move(source);
    const fs::path dir = EditFolder{packRoot}.staged(staged.token, name).parent_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return mediaError(dir.string(), "Cannot create " + dir.string() + ": " + ec.message() + ".",
                          "无法创建 " + dir.string() + "：" + ec.message() + "。");
    return staged;
}

// Moves a file inside the pack folder; `to`'s folder is synced once the command is done.
Status moveFile(const fs::path& from, const fs::path& to, EditContext& context) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    fs::rename(from, to, ec);
    if (ec)
        return mediaError(
            to.string(),
            "Cannot move " + from.string() + " to " + to.string() + ": " + ec.message() + ".",
            "无法把 " + from.string() + " 移到 " + to.string() + "：" + ec.message() + "。");
    context.foldersToSync.insert(to.parent_path());
    return {};
}

} // namespace

Status copyMediaFile(const fs::path& from, const fs::path& to) {
    const auto failed = [&](const char* doing, const char* doingZh, int error) {
        return mediaError(from.string(),
                          "Cannot " + std::string(doing) + " " + from.string() + ": " +
                              std::strerror(error) + ".",
                          "无法" + std::string(doingZh) + " " + from.string() + "：" +
                              std::strerror(error) + "。");
    };
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (in < 0) return failed("read", "读取", errno);
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        const int error = errno;
        ::close(in);
        return failed("copy", "复制", error);
    }
    std::vector<char> buffer(1 << 20);
    int error = 0;
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = errno;
            break;
        }
        if (n == 0) break;
        if ((error = writeAll(out, buffer.data(), static_cast<std::size_t>(n))) != 0) break;
    }
    if (!error && ::fsync(out) != 0) error = errno;
    ::close(in);
    if (::close(out) != 0 && !error) error = errno;
    if (error) {
        ::unlink(to.c_str());
        return failed("copy", "复制", error);
    }
    return {};
}

Result<StagedFile> stageMediaFile(const fs::path& packRoot, const fs::path& source,
                                  const std::string& name) {
    if (auto regular = checkRegularFile(source); !regular) return std::move(regular).error();
    auto staged = newStagedFile(packRoot, name, source.string());
    if (!staged) return staged;
    const fs::path target = EditFolder{packRoot}.staged(staged->token, name);
    if (Status copied = copyMediaFile(source, target); !copied) return std::move(copied).error();
    std::error_code ec;
    staged->size = fs::file_size(target, ec);
    return staged;
}

Result<StagedFile> stageMediaBytes(const fs::path& packRoot, std::string_view bytes,
                                   const std::string& name, const std::string& source) {
    auto staged = newStagedFile(packRoot, name, source);
    if (!staged) return staged;
    const fs::path target = EditFolder{packRoot}.staged(staged->token, name);
    const int out = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    int error = out < 0 ? errno : writeAll(out, bytes.data(), bytes.size());
    if (out >= 0) {
        if (!error && ::fsync(out) != 0) error = errno;
        if (::close(out) != 0 && !error) error = errno;
    }
    if (error) {
        ::unlink(target.c_str());
        discardStaged(packRoot, *staged);
        return mediaError(target.string(),
                          "Cannot write " + target.string() + ": " + std::strerror(error) + ".",
                          "无法写入 " + target.string() + "：" + std::strerror(error) + "。");
    }
    staged->size = bytes.size();
    return staged;
}

void discardStaged(const fs::path& packRoot, const StagedFile& staged) {
    std::error_code ec;
    if (!staged.token.empty()) fs::remove_all(EditFolder{packRoot}.staging() / staged.token, ec);
}

void clearStaging(const fs::path& packRoot) {
    std::error_code ec;
    fs::remove_all(EditFolder{packRoot}.staging(), ec);
}

void clearTrash(const fs::path& packRoot) {
    std::error_code ec;
    fs::remove_all(EditFolder{packRoot}.trash(), ec);
}

std::set<std::string> referencedFiles(const Pack& pack) {
    std::set<std::string> files;
    for (const ImageRef* image : pack.allImages())
        files.insert(image->file);
    for (const auto& video : pack.videos) {
        files.insert(video.file);
        if (video.poster) files.insert(video.poster->file);
        for (const auto& subtitle : video.subtitles)
            files.insert(subtitle.file);
    }
    for (const auto& bank : pack.quizBanks)
        files.insert(bank.file);
    for (const NarrationOwner& owner : pack.narrationOwners())
        for (const std::string* audio : {&owner.narration->zh, &owner.narration->en})
            if (!audio->empty()) files.insert(*audio);
    return files;
}

std::size_t referenceCount(const Pack& pack, const std::string& file) {
    std::size_t count = 0;
    // Not allImages(): it names each file once.
    const auto image = [&](const std::optional<ImageRef>& ref) {
        count += ref && ref->file == file;
    };
    for (const auto& exhibition : pack.exhibitions) {
        image(exhibition.cover);
        for (const auto& chapter : exhibition.chapters)
            for (const auto& item : chapter.items)
                for (const auto& ref : item.images)
                    count += ref.file == file;
    }
    for (const auto& bank : pack.quizBanks)
        for (const auto& question : bank.questions) {
            image(question.image);
            for (const auto& option : question.options)
                image(option.image);
        }
    for (const auto& video : pack.videos) {
        count += video.file == file;
        image(video.poster);
        for (const auto& subtitle : video.subtitles)
            count += subtitle.file == file;
    }
    for (const auto& bank : pack.quizBanks)
        count += bank.file == file;
    for (const NarrationOwner& owner : pack.narrationOwners())
        count += (owner.narration->zh == file) + (owner.narration->en == file);
    return count;
}

// ---- AdoptFileCommand ------------------------------------------------------------------------

AdoptFileCommand::AdoptFileCommand(std::string token, std::string name, std::string file,
                                   bool reverse)
    : m_token(std::move(token)), m_name(std::move(name)), m_file(std::move(file)),
      m_reverse(reverse) {}

Status AdoptFileCommand::bringIn(EditContext& context) const {
    const EditFolder folder{context.root};
    const fs::path target = context.root / m_file;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) return {}; // already in (journal replay)
    if (const auto trashed = folder.trashed(m_token, m_name); fs::exists(trashed, ec))
        return moveFile(trashed, target, context);
    if (const auto staged = folder.staged(m_token, m_name); fs::exists(staged, ec))
        return moveFile(staged, target, context);
    return mediaError(m_file,
                      "The copy of " + m_file + " is gone (neither staged nor in the trash).",
                      m_file + " 的副本已不存在（既不在暂存区也不在回收区）。");
}

Status AdoptFileCommand::takeOut(EditContext& context) const {
    const EditFolder folder{context.root};
    const fs::path target = context.root / m_file;
    const fs::path trashed = folder.trashed(m_token, m_name);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) return moveFile(target, trashed, context);
    if (fs::exists(trashed, ec)) return {}; // already out (journal replay)
    return mediaError(m_file, "The file " + m_file + " is not in the pack.",
                      "内容包中没有文件 " + m_file + "。");
}

Status AdoptFileCommand::apply(EditContext& context) {
    return m_reverse ? takeOut(context) : bringIn(context);
}

Status AdoptFileCommand::revert(EditContext& context) {
    return m_reverse ? bringIn(context) : takeOut(context);
}

Json AdoptFileCommand::toJson() const {
    return {{"type", "adopt_file"},
            {"token", m_token},
            {"name", m_name},
            {"file", m_file},
            {"reverse", m_reverse}};
}

CommandPtr AdoptFileCommand::inverse() const {
    return std::make_unique<AdoptFileCommand>(m_token, m_name, m_file, !m_reverse);
}

LocalizedText AdoptFileCommand::label() const {
    return m_reverse ? LocalizedText{"移除文件 " + m_file, "Remove file " + m_file}
                     : LocalizedText{"添加文件 " + m_file, "Add file " + m_file};
}

} // namespace lantai::core::edit

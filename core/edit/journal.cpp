// core/edit: journal lines — reading (torn tail tolerated), starting, appending with fdatasync
#include "core/edit/journal.h"

#include "core/base/file_io.h"
#include "core/edit/edit_folder.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace lantai::core::edit {

namespace {

Diagnostic journalFileError(const std::string& path, const std::string& doing,
                            const std::string& doingZh, int error) {
    return operationalError("edit.journal_write", path,
                            "Cannot " + doing + " the edit journal " + path + ": " +
                                std::strerror(error) + ". Edits are not safe until it works.",
                            "无法" + doingZh + "编辑日志 " + path + "：" + std::strerror(error) +
                                "。在此之前所做的修改没有保障。");
}

} // namespace

const char* journalOpName(JournalEntry::Op op) {
    switch (op) {
    case JournalEntry::Op::Do:
        return "do";
    case JournalEntry::Op::Undo:
        return "undo";
    case JournalEntry::Op::Redo:
        return "redo";
    }
    return "do";
}

Result<JournalContents> readJournal(const std::filesystem::path& file) {
    auto text = readFile(file, std::size_t{1} << 31);
    if (!text) return std::move(text).error();
    JournalContents contents;
    std::istringstream lines(*text);
    std::string line;
    bool header = true;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        const Json json = Json::parse(line, nullptr, false);
        if (!json.is_object()) {
            // An append a power cut interrupted (a later session starts on a new line).
            ++contents.unreadableLines;
            continue;
        }
        if (header) {
            header = false;
            if (const auto base = json.find("base"); base != json.end() && base->is_object())
                for (const auto& [name, hash] : base->items())
                    if (hash.is_string()) contents.base[name] = hash.get<std::string>();
            contents.started = json.value("started", std::int64_t{0});
            continue;
        }
        JournalEntry entry;
        const std::string op = json.value("op", "");
        if (op == "undo")
            entry.op = JournalEntry::Op::Undo;
        else if (op == "redo")
            entry.op = JournalEntry::Op::Redo;
        else if (op != "do")
            continue;
        entry.time = json.value("time", std::int64_t{0});
        if (const auto command = json.find("cmd"); command != json.end()) entry.command = *command;
        contents.entries.push_back(std::move(entry));
    }
    return contents;
}

Result<Journal> Journal::start(const std::filesystem::path& file,
                               const std::map<std::string, std::string>& base, std::int64_t now,
                               bool sync, const std::vector<JournalEntry>& entries) {
    Json baseJson = Json::object();
    for (const auto& [name, hash] : base)
        baseJson[name] = hash;
    const Json header = {{"lantai_edit_journal", 1}, {"base", baseJson}, {"started", now}};
    std::string text = header.dump() + "\n";
    for (const auto& entry : entries)
        text += line(entry);
    if (Status written = writeFileAtomic(file, std::string_view(text)); !written)
        return std::move(written).error();
    if (sync) (void)syncDirectory(file.parent_path());
    return resume(file, sync);
}

Result<Journal> Journal::resume(const std::filesystem::path& file, bool sync) {
    Journal journal;
    journal.m_path = file.string();
    journal.m_sync = sync;
    journal.m_fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
    if (journal.m_fd < 0) return journalFileError(journal.m_path, "open", "打开", errno);
    // A torn last line (no line end) must not swallow the next entry.
    const off_t size = ::lseek(journal.m_fd, 0, SEEK_END);
    char last = '\n';
    if (size > 0 && ::pread(journal.m_fd, &last, 1, size - 1) == 1 && last != '\n' &&
        ::write(journal.m_fd, "\n", 1) != 1)
        return journalFileError(journal.m_path, "write", "写入", errno);
    return journal;
}

Journal::Journal(Journal&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)), m_sync(other.m_sync),
      m_appended(other.m_appended) {}

Journal& Journal::operator=(Journal&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
        m_sync = other.m_sync;
        m_appended = other.m_appended;
    }
    return *this;
}

Journal::~Journal() {
    if (m_fd >= 0) ::close(m_fd);
}

std::string Journal::line(const JournalEntry& entry) {
    return Json{{"op", journalOpName(entry.op)}, {"time", entry.time}, {"cmd", entry.command}}.dump(
               -1, ' ', false, Json::error_handler_t::replace) +
           "\n";
}

Status Journal::append(const JournalEntry& entry) {
    const std::string line = Journal::line(entry);
    for (std::size_t done = 0; done < line.size();) {
        const ssize_t n = ::write(m_fd, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return journalFileError(m_path, "write", "写入", errno);
        done += static_cast<std::size_t>(n);
    }
    if (m_sync && ::fdatasync(m_fd) != 0) return journalFileError(m_path, "flush", "写入", errno);
    ++m_appended;
    return {};
}

} // namespace lantai::core::edit

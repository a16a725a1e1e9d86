// core/staff: the staff audit log — one JSON line per staff action (time, action, details, result)
#include "core/staff/audit_log.h"

#include "core/base/file_io.h"
#include "core/stats/calendar.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace lantai::core {

std::filesystem::path auditLogPath(const std::filesystem::path& stateDir) {
    return stateDir / "staff-audit.jsonl";
}

Status appendAuditRecord(const std::filesystem::path& file, const AuditRecord& record) {
    nlohmann::json line = {
        {"time", formatLocalTime(record.unixTime, localUtcOffsetSeconds(record.unixTime))},
        {"unix", record.unixTime},
        {"action", record.action},
        {"details", record.details},
        {"result", record.result}};
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0) {
        const std::string why = std::strerror(errno);
        return operationalError("staff.audit_log", file.string(),
                                "Cannot write the staff audit log " + file.string() + ": " + why,
                                "无法写入工作人员操作日志 " + file.string() + "：" + why);
    }
    const ssize_t written = ::write(fd, text.data(), text.size());
    const int writeErrno = errno;
    const bool synced = ::fdatasync(fd) == 0;
    ::close(fd);
    if (written != static_cast<ssize_t>(text.size()) || !synced) {
        const std::string why = written < 0 ? std::strerror(writeErrno) : "incomplete write";
        return operationalError("staff.audit_log", file.string(),
                                "Cannot write the staff audit log " + file.string() + ": " + why,
                                "无法写入工作人员操作日志 " + file.string() + "：" + why);
    }
    return {};
}

Result<std::vector<AuditRecord>> readAuditLog(const std::filesystem::path& file) {
    auto text = readFile(file);
    if (!text) return text.error();
    std::vector<AuditRecord> records;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (!json.is_object() || !json.contains("action")) continue;
        AuditRecord r;
        r.unixTime = json.value("unix", std::int64_t{0});
        r.action = json.value("action", "");
        r.details = json.value("details", nlohmann::json::object());
        r.result = json.value("result", "");
        records.push_back(std::move(r));
    }
    return records;
}

} // namespace lantai::core

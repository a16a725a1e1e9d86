// core/stats: the stats store's errors — stable codes and the zh/en sentences staff act on
#include "core/stats/stats_errors.h"

#include <cerrno>
#include <cstring>
#include <sqlite3.h>

namespace lantai::core {

namespace {

// Why it failed and what to do, after "Cannot <action>: ". `{file}` is the database file.
struct Reason {
    const char* code;
    const char* en;
    const char* zh;
};

constexpr Reason kReasons[] = {
    {kStatsDiskFull, "the statistics disk is full. Free space on the disk that holds {file}.",
     "统计数据所在磁盘已满。请清理{file}所在磁盘的空间。"},
    {kStatsReadOnly,
     "the statistics database {file} is read-only. Make it and its folder writable for the "
     "kiosk's user (or mount the disk read-write).",
     "统计数据库{file}为只读。请让展台账户可以写入该文件及其所在文件夹（或将磁盘挂载为可写）。"},
    {kStatsCannotOpen,
     "the statistics database {file} cannot be opened. Check that it is a file (not a folder) "
     "in a folder that exists, and that the kiosk's user may read and write both.",
     "无法打开统计数据库{file}。请确认它是文件（而不是文件夹），所在文件夹存在，且展台账户"
     "可以读写两者。"},
    {kStatsBusy,
     "the statistics database {file} is locked by another program. Close any other program "
     "using it, then try again.",
     "统计数据库{file}正被其他程序占用。请关闭正在使用它的其他程序，然后重试。"},
    {kStatsCorrupt,
     "the statistics database {file} is damaged. The kiosk moves a damaged database aside "
     "(lantai.sqlite.corrupt-…) and starts a new one when it next opens it.",
     "统计数据库{file}已损坏。展台下次打开时会把损坏的文件改名保存（lantai.sqlite.corrupt-…）"
     "并新建数据库。"},
    {kStatsIoError,
     "reading or writing the statistics database {file} failed (input/output error). The disk "
     "may be failing or may have been removed: check it.",
     "读写统计数据库{file}失败（输入/输出错误）。磁盘可能有故障或已被移除，请检查。"},
    {kStatsNotOpen, "the statistics database {file} is not open.", "统计数据库{file}未打开。"},
    {kStatsSqliteError, "SQLite reported an error for the statistics database {file}.",
     "SQLite 报告统计数据库{file}出错。"},
};

const Reason& reasonFor(std::string_view code) {
    for (const Reason& r : kReasons)
        if (code == r.code) return r;
    return kReasons[std::size(kReasons) - 1];
}

std::string withFile(std::string text, const std::string& file) {
    const std::string token = "{file}";
    if (const auto at = text.find(token); at != std::string::npos)
        text.replace(at, token.size(), file);
    return text;
}

} // namespace

const char* statsErrorCode(int sqliteCode, int systemErrno) {
    if (systemErrno == ENOSPC || systemErrno == EDQUOT) return kStatsDiskFull;
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return kStatsDiskFull;
    case SQLITE_READONLY:
        return kStatsReadOnly;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return kStatsCannotOpen;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return kStatsBusy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return kStatsCorrupt;
    case SQLITE_IOERR:
        if (systemErrno == EROFS) return kStatsReadOnly;
        return kStatsIoError;
    default:
        return kStatsSqliteError;
    }
}

Diagnostic statsError(const char* code, StatsAction action, const std::filesystem::path& file,
                      std::string_view sqliteMessage) {
    const Reason& reason = reasonFor(code);
    std::string en = "Cannot " + std::string(action.en) + ": " +
                     withFile(reason.en, "\"" + file.string() + "\"");
    std::string zh =
        "无法" + std::string(action.zh) + "：" + withFile(reason.zh, "“" + file.string() + "”");
    if (!sqliteMessage.empty()) {
        en += " (SQLite: " + std::string(sqliteMessage) + ")";
        zh += "（SQLite：" + std::string(sqliteMessage) + "）";
    }
    return operationalError(code, file.string(), std::move(en), std::move(zh));
}

bool isTransientStatsError(const Diagnostic& error) {
    return error.code != kStatsSqliteError;
}

} // namespace lantai::core

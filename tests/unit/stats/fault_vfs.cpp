// tests: an SQLite VFS over the default one that fails on demand (a full disk, a write-protected
// file)
#include "tests/unit/stats/fault_vfs.h"

#include <atomic>
#include <cassert>
#include <sqlite3.h>

namespace lantai::stats_test {

namespace {

sqlite3_vfs* g_real = nullptr; // the VFS this one wraps
sqlite3_vfs g_vfs{};
// Atomics: the event writer's thread writes while the test thread turns faults on and off.
std::atomic<bool> g_diskFull = false;
std::atomic<bool> g_readOnly = false;
std::atomic<int> g_failedWrites = 0;

struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real; // lives right after this struct (szOsFile covers both)
};

sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<FaultFile*>(f)->real;
}

int faultClose(sqlite3_file* f) {
    return real(f)->pMethods->xClose(real(f));
}
int faultRead(sqlite3_file* f, void* out, int n, sqlite3_int64 offset) {
    return real(f)->pMethods->xRead(real(f), out, n, offset);
}
int faultWrite(sqlite3_file* f, const void* data, int n, sqlite3_int64 offset) {
    if (g_diskFull) {
        sqlite3_int64 size = 0;
        const int rc = real(f)->pMethods->xFileSize(real(f), &size);
        if (rc != SQLITE_OK) return rc;
        if (offset + n > size) {
            ++g_failedWrites;
            return SQLITE_FULL;
        }
    }
    return real(f)->pMethods->xWrite(real(f), data, n, offset);
}
int faultTruncate(sqlite3_file* f, sqlite3_int64 size) {
    return real(f)->pMethods->xTruncate(real(f), size);
}
int faultSync(sqlite3_file* f, int flags) {
    return real(f)->pMethods->xSync(real(f), flags);
}
int faultFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return real(f)->pMethods->xFileSize(real(f), size);
}
int faultLock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xLock(real(f), level);
}
int faultUnlock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xUnlock(real(f), level);
}
int faultCheckReservedLock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int faultFileControl(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int faultSectorSize(sqlite3_file* f) {
    return real(f)->pMethods->xSectorSize(real(f));
}
int faultDeviceCharacteristics(sqlite3_file* f) {
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int faultShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int faultShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void faultShmBarrier(sqlite3_file* f) {
    real(f)->pMethods->xShmBarrier(real(f));
}
int faultShmUnmap(sqlite3_file* f, int deleteFlag) {
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}
int faultFetch(sqlite3_file* f, sqlite3_int64 offset, int n, void** out) {
    return real(f)->pMethods->xFetch(real(f), offset, n, out);
}
int faultUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return real(f)->pMethods->xUnfetch(real(f), offset, p);
}

const sqlite3_io_methods kMethods = {
    3,
    faultClose,
    faultRead,
    faultWrite,
    faultTruncate,
    faultSync,
    faultFileSize,
    faultLock,
    faultUnlock,
    faultCheckReservedLock,
    faultFileControl,
    faultSectorSize,
    faultDeviceCharacteristics,
    faultShmMap,
    faultShmLock,
    faultShmBarrier,
    faultShmUnmap,
    faultFetch,
    faultUnfetch,
};

int faultOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    if (g_readOnly && (flags & SQLITE_OPEN_MAIN_DB)) {
        flags &= ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        flags |= SQLITE_OPEN_READONLY;
    }
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    file->pMethods = f->real->pMethods ? &kMethods : nullptr;
    return rc;
}

} // namespace

FaultVfs::FaultVfs() {
    assert(!g_real);
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
    g_vfs.zName = "lantai-fault";
    g_vfs.pNext = nullptr;
    g_vfs.xOpen = faultOpen;
    g_diskFull = false;
    g_readOnly = false;
    g_failedWrites = 0;
    sqlite3_vfs_register(&g_vfs, 1);
}

FaultVfs::~FaultVfs() {
    sqlite3_vfs_unregister(&g_vfs);
    sqlite3_vfs_register(g_real, 1);
    g_real = nullptr;
}

void FaultVfs::setDiskFull(bool full) {
    g_diskFull = full;
    if (full) g_failedWrites = 0;
}

void FaultVfs::setReadOnlyFiles(bool readOnly) {
    g_readOnly = readOnly;
}

int FaultVfs::failedWrites() const {
    return g_failedWrites;
}

} // namespace lantai::stats_test

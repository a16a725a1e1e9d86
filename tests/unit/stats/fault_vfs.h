// tests: an SQLite VFS over the default one that fails on demand — a full disk, a write-protected
// database file — so the stats store meets the faults a booth meets, deterministically
#pragma once

namespace lantai::stats_test {

// While alive, the default VFS of every new SQLite connection in the process. It forwards to the
// VFS it replaced, except:
// - diskFull: a write that would make any file (database, WAL, journal) longer fails with
//   SQLITE_FULL, as the unix VFS reports ENOSPC. Overwriting existing bytes still works, as on
//   a real full disk.
// - readOnlyFiles: a main database file is opened read-only, as the unix VFS does when the file
//   is write-protected (chmod a-w; a test running as root cannot use chmod for that).
// Threading: one instance at a time, set up and changed by one test thread; the faults apply to
// every thread's connections (the event writer's thread included).
class FaultVfs {
  public:
    FaultVfs();
    ~FaultVfs();
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    void setDiskFull(bool full);
    void setReadOnlyFiles(bool readOnly);
    int failedWrites() const; // writes refused since the disk became full
};

} // namespace lantai::stats_test

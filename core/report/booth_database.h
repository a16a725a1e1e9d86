// core/report: opening a booth's statistics database for reading wherever it lies — in place
// (also while the kiosk writes it), or a copy brought on a write-protected USB stick
#pragma once

#include "core/base/result.h"
#include "core/stats/stats_store.h"

#include <filesystem>
#include <string>

namespace lantai::core {

// A state folder (or the lantai.sqlite file itself) opened read-only: never written, never
// migrated, never moved aside. Tried in order:
// 1. in place, as SQLite reads a WAL database beside a running kiosk;
// 2. when that fails and there is no -wal with content beside the file (a copy made after the
//    kiosk stopped, on write-protected media where SQLite cannot create its -shm): as an
//    immutable file;
// 3. when that fails too (a -wal beside it that cannot be read in place): from a copy of the
//    file and its -wal in a temporary folder, deleted when this object goes.
// The first attempt's error is returned when none works.
//
// Threading/ownership: owns its store (and the temporary copy); one thread.
class BoothDatabase {
  public:
    BoothDatabase() = default;
    ~BoothDatabase();
    BoothDatabase(const BoothDatabase&) = delete;
    BoothDatabase& operator=(const BoothDatabase&) = delete;

    Status open(const std::filesystem::path& stateDirOrFile);
    StatsStore& store() { return m_store; }
    // "" (in place), "immutable" or "copy".
    const std::string& readAs() const { return m_readAs; }

  private:
    void removeCopy();

    StatsStore m_store;
    std::string m_readAs;
    std::filesystem::path m_copyDir;
};

} // namespace lantai::core

// core/edit: the pack's edit lock (.lantai-edit/lock) — one editor writes a pack at a time; the
// others open it read-only and can say who holds it
#pragma once

#include "core/base/result.h"
#include "core/edit/edit_folder.h"

#include <cstdint>
#include <optional>
#include <string>

namespace lantai::core::edit {

// Who holds (or held) a lock: written into the lock file as JSON.
struct LockHolder {
    std::string user;
    std::string host;
    long pid = 0;
    std::int64_t time = 0; // unix seconds when it was taken
};

// This process as a lock holder: $USER (else the passwd name), the host name, getpid().
LockHolder currentLockHolder(std::int64_t now);

// The lock is an flock(2) on .lantai-edit/lock held for the whole session, with the holder
// written inside. A session that crashes loses its flock with its process, so the next one
// takes the lock over; the file's text then only tells who held it. A lock written on another
// host (a pack on a network share or a USB stick moved between laptops) cannot be checked
// from here: it is respected unless `force` (the UI's "open anyway"). On file systems without
// flock the holder's pid decides: a dead pid on this host is a stale lock and is taken over.
//
// Threading: owned by the session's thread.
class EditLock {
  public:
    // Takes the lock, or reports who holds it (owned() false, holder() set). An error only when
    // the lock file cannot be created or read at all (a read-only medium).
    static Result<EditLock> acquire(const EditFolder& folder, const LockHolder& me, bool force);

    EditLock(EditLock&& other) noexcept;
    EditLock& operator=(EditLock&& other) noexcept;
    EditLock(const EditLock&) = delete;
    EditLock& operator=(const EditLock&) = delete;
    ~EditLock();

    bool owned() const { return m_fd >= 0; }
    // The other holder when not owned; the previous (stale) holder when taken over.
    const std::optional<LockHolder>& holder() const { return m_holder; }
    bool tookOverStale() const { return m_tookOver; }

    // Removes the lock file and releases it (a clean close).
    void release();

  private:
    EditLock() = default;
    int m_fd = -1;
    std::string m_path;
    std::optional<LockHolder> m_holder;
    bool m_tookOver = false;
};

} // namespace lantai::core::edit

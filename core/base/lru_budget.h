// core/base: LRU index keyed by string with per-entry byte cost, a byte budget and per-frame pins
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lantai::core {

// Bookkeeping only: the index stores keys and byte costs, never the cached objects. The owner
// (e.g. the kiosk's GPU texture cache) keeps its own map key -> texture and frees whatever
// evictUntilWithin() returns.
//
// Pins protect entries for the current frame: call beginFrame() once per frame (it drops every
// pin in O(1)), pin() each tile that is drawn, then evictUntilWithin(budget). Pinned entries are
// never evicted, so the total may stay above the budget when the visible set alone exceeds it.
//
// Threading/ownership: not thread-safe; use from one thread (the kiosk's main thread).
class LruBudget {
  public:
    // Adds `key` as most recently used with cost `bytes`, or, if present, updates its cost and
    // marks it most recently used. Returns true when the key was new.
    bool insert(std::string_view key, std::size_t bytes);
    // Marks `key` most recently used. False when absent.
    bool touch(std::string_view key);
    // Removes `key` (pinned or not). False when absent.
    bool erase(std::string_view key);
    void clear();

    bool contains(std::string_view key) const;
    // Cost of `key`, 0 when absent.
    std::size_t bytesOf(std::string_view key) const;

    // Drops every pin (start of a frame).
    void beginFrame() { ++m_frame; }
    // Pins `key` until the next beginFrame() and marks it most recently used. False when absent.
    bool pin(std::string_view key);
    bool unpin(std::string_view key);
    bool isPinned(std::string_view key) const;

    // Evicts least recently used, unpinned entries until totalBytes() <= budget (or only pinned
    // entries remain). Returns the evicted keys, least recently used first. With spareFrames > 0
    // an entry also counts as pinned when it was pinned in one of the spareFrames frames before
    // this one (e.g. 1: what the previous frame drew, before this frame has drawn anything).
    std::vector<std::string> evictUntilWithin(std::size_t budget, std::uint64_t spareFrames = 0);

    std::size_t totalBytes() const { return m_totalBytes; }
    std::size_t pinnedBytes() const;
    std::size_t size() const { return m_order.size(); }
    bool empty() const { return m_order.empty(); }
    // Keys from most to least recently used (for diagnostics and tests).
    std::vector<std::string> keysByRecency() const;

  private:
    struct Entry {
        std::string key;
        std::size_t bytes = 0;
        std::uint64_t pinnedFrame = 0; // pinned while == m_frame
    };
    using List = std::list<Entry>; // front = most recently used

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Equal {
        using is_transparent = void;
        bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
    };

    List::iterator find(std::string_view key);
    List::const_iterator find(std::string_view key) const;
    bool pinned(const Entry& e) const { return e.pinnedFrame == m_frame; }
    bool pinnedWithin(const Entry& e, std::uint64_t frames) const {
        return e.pinnedFrame != 0 && e.pinnedFrame + frames >= m_frame;
    }

    List m_order;
    std::unordered_map<std::string, List::iterator, Hash, Equal> m_index;
    std::size_t m_totalBytes = 0;
    std::uint64_t m_frame = 1; // entries start with pinnedFrame 0, i.e. unpinned
};

} // namespace lantai::core

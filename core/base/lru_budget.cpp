// core/base: LRU index with byte budget and per-frame pins (list + hash map, O(1) per operation)
#include "core/base/lru_budget.h"

namespace lantai::core {

LruBudget::List::iterator LruBudget::find(std::string_view key) {
    const auto it = m_index.find(key);
    return it == m_index.end() ? m_order.end() : it->second;
}

LruBudget::List::const_iterator LruBudget::find(std::string_view key) const {
    const auto it = m_index.find(key);
    return it == m_index.end() ? m_order.cend() : List::const_iterator(it->second);
}

bool LruBudget::insert(std::string_view key, std::size_t bytes) {
    if (const auto it = find(key); it != m_order.end()) {
        m_totalBytes = m_totalBytes - it->bytes + bytes;
        it->bytes = bytes;
        m_order.splice(m_order.begin(), m_order, it);
        return false;
    }
    m_order.push_front(Entry{std::string(key), bytes, 0});
    m_index.emplace(m_order.front().key, m_order.begin());
    m_totalBytes += bytes;
    return true;
}

bool LruBudget::touch(std::string_view key) {
    const auto it = find(key);
    if (it == m_order.end()) return false;
    m_order.splice(m_order.begin(), m_order, it);
    return true;
}

bool LruBudget::erase(std::string_view key) {
    const auto mapIt = m_index.find(key);
    if (mapIt == m_index.end()) return false;
    const List::iterator it = mapIt->second;
    m_totalBytes -= it->bytes;
    m_index.erase(mapIt);
    m_order.erase(it);
    return true;
}

void LruBudget::clear() {
    m_index.clear();
    m_order.clear();
    m_totalBytes = 0;
}

bool LruBudget::contains(std::string_view key) const {
    return m_index.find(key) != m_index.end();
}

std::size_t LruBudget::bytesOf(std::string_view key) const {
    const auto it = find(key);
    return it == m_order.cend() ? 0 : it->bytes;
}

bool LruBudget::pin(std::string_view key) {
    const auto it = find(key);
    if (it == m_order.end()) return false;
    it->pinnedFrame = m_frame;
    m_order.splice(m_order.begin(), m_order, it);
    return true;
}

bool LruBudget::unpin(std::string_view key) {
    const auto it = find(key);
    if (it == m_order.end()) return false;
    it->pinnedFrame = 0;
    return true;
}

bool LruBudget::isPinned(std::string_view key) const {
    const auto it = find(key);
    return it != m_order.cend() && pinned(*it);
}

std::vector<std::string> LruBudget::evictUntilWithin(std::size_t budget,
                                                     std::uint64_t spareFrames) {
    std::vector<std::string> evicted;
    auto it = m_order.end();
    while (m_totalBytes > budget && it != m_order.begin()) {
        --it;
        if (pinnedWithin(*it, spareFrames)) continue;
        m_totalBytes -= it->bytes;
        m_index.erase(m_index.find(std::string_view(it->key)));
        evicted.push_back(std::move(it->key));
        it = m_order.erase(it); // returns the (newer) neighbour; the loop steps back past it
    }
    return evicted;
}

std::size_t LruBudget::pinnedBytes() const {
    std::size_t sum = 0;
    for (const Entry& e : m_order) {
        if (pinned(e)) sum += e.bytes;
    }
    return sum;
}

std::vector<std::string> LruBudget::keysByRecency() const {
    std::vector<std::string> keys;
    keys.reserve(m_order.size());
    for (const Entry& e : m_order)
        keys.push_back(e.key);
    return keys;
}

} // namespace lantai::core

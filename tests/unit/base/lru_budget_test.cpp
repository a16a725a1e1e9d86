// tests: LRU byte-budget index — recency order, cost updates, eviction order, per-frame pins
#include "core/base/lru_budget.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace lantai::core;

namespace {

using Keys = std::vector<std::string>;

TEST(LruBudget, InsertTracksBytesAndRecency) {
    LruBudget lru;
    EXPECT_TRUE(lru.empty());
    EXPECT_TRUE(lru.insert("a", 10));
    EXPECT_TRUE(lru.insert("b", 20));
    EXPECT_TRUE(lru.insert("c", 30));
    EXPECT_EQ(lru.size(), 3u);
    EXPECT_EQ(lru.totalBytes(), 60u);
    EXPECT_EQ(lru.keysByRecency(), (Keys{"c", "b", "a"}));
    EXPECT_TRUE(lru.contains("b"));
    EXPECT_FALSE(lru.contains("z"));
    EXPECT_EQ(lru.bytesOf("b"), 20u);
    EXPECT_EQ(lru.bytesOf("z"), 0u);
}

TEST(LruBudget, ReinsertUpdatesCostAndRecency) {
    LruBudget lru;
    lru.insert("a", 10);
    lru.insert("b", 20);
    EXPECT_FALSE(lru.insert("a", 15)); // not new
    EXPECT_EQ(lru.totalBytes(), 35u);
    EXPECT_EQ(lru.keysByRecency(), (Keys{"a", "b"}));
}

TEST(LruBudget, TouchMovesToFront) {
    LruBudget lru;
    lru.insert("a", 1);
    lru.insert("b", 1);
    lru.insert("c", 1);
    EXPECT_TRUE(lru.touch("a"));
    EXPECT_FALSE(lru.touch("missing"));
    EXPECT_EQ(lru.keysByRecency(), (Keys{"a", "c", "b"}));
}

TEST(LruBudget, EvictsLeastRecentlyUsedFirst) {
    LruBudget lru;
    lru.insert("a", 10);
    lru.insert("b", 10);
    lru.insert("c", 10);
    lru.insert("d", 10);
    lru.touch("a"); // order now a, d, c, b
    EXPECT_EQ(lru.evictUntilWithin(40), Keys{});
    EXPECT_EQ(lru.evictUntilWithin(25), (Keys{"b", "c"}));
    EXPECT_EQ(lru.totalBytes(), 20u);
    EXPECT_EQ(lru.keysByRecency(), (Keys{"a", "d"}));
    EXPECT_FALSE(lru.contains("b"));
    EXPECT_EQ(lru.evictUntilWithin(0), (Keys{"d", "a"}));
    EXPECT_TRUE(lru.empty());
    EXPECT_EQ(lru.totalBytes(), 0u);
}

TEST(LruBudget, PinnedEntriesSurviveEvictionForOneFrame) {
    LruBudget lru;
    lru.insert("old-visible", 100);
    lru.insert("x", 100);
    lru.insert("y", 100);
    lru.beginFrame();
    EXPECT_TRUE(lru.pin("old-visible"));
    EXPECT_FALSE(lru.pin("missing"));
    lru.touch("x");
    lru.touch("y"); // "old-visible" is least recently touched, but pinned
    EXPECT_TRUE(lru.isPinned("old-visible"));
    EXPECT_EQ(lru.pinnedBytes(), 100u);
    EXPECT_EQ(lru.evictUntilWithin(100), (Keys{"x", "y"}));
    EXPECT_EQ(lru.keysByRecency(), (Keys{"old-visible"}));

    // Everything pinned: over budget, nothing evicted.
    lru.insert("z", 100);
    lru.pin("z");
    EXPECT_EQ(lru.evictUntilWithin(50), Keys{});
    EXPECT_EQ(lru.totalBytes(), 200u);

    // Next frame: pins are gone.
    lru.beginFrame();
    EXPECT_FALSE(lru.isPinned("z"));
    EXPECT_EQ(lru.pinnedBytes(), 0u);
    EXPECT_EQ(lru.evictUntilWithin(100), (Keys{"old-visible"}));
}

TEST(LruBudget, SpareFramesKeepWhatRecentFramesPinned) {
    LruBudget lru;
    lru.insert("never", 100); // never pinned
    lru.insert("two-ago", 100);
    lru.insert("last", 100);
    lru.pin("two-ago");
    lru.beginFrame();
    lru.pin("last");
    lru.beginFrame(); // nothing pinned in this frame yet
    lru.insert("now", 100);
    lru.pin("now");
    EXPECT_EQ(lru.evictUntilWithin(0, 1), (Keys{"never", "two-ago"}));
    EXPECT_EQ(lru.keysByRecency(), (Keys{"now", "last"}));
    EXPECT_EQ(lru.evictUntilWithin(0), (Keys{"last"})); // without spare frames: this frame only
    EXPECT_EQ(lru.keysByRecency(), (Keys{"now"}));
}

TEST(LruBudget, UnpinAndErase) {
    LruBudget lru;
    lru.insert("a", 5);
    lru.insert("b", 7);
    lru.pin("a");
    EXPECT_TRUE(lru.unpin("a"));
    EXPECT_FALSE(lru.isPinned("a"));
    EXPECT_FALSE(lru.unpin("missing"));
    lru.pin("b");
    EXPECT_TRUE(lru.erase("b")); // pinned entries can still be erased explicitly
    EXPECT_FALSE(lru.erase("b"));
    EXPECT_EQ(lru.totalBytes(), 5u);
    lru.clear();
    EXPECT_TRUE(lru.empty());
    EXPECT_EQ(lru.totalBytes(), 0u);
    EXPECT_TRUE(lru.insert("a", 1)); // usable after clear
}

TEST(LruBudget, ManyEntriesStayConsistent) {
    LruBudget lru;
    for (int i = 0; i < 1000; ++i)
        lru.insert("tile-" + std::to_string(i), 1000);
    for (int i = 0; i < 1000; i += 2)
        lru.touch("tile-" + std::to_string(i)); // evens newest
    const Keys evicted = lru.evictUntilWithin(500 * 1000);
    ASSERT_EQ(evicted.size(), 500u);
    for (std::size_t i = 0; i < evicted.size(); ++i)
        EXPECT_EQ(evicted[i], "tile-" + std::to_string(2 * i + 1));
    EXPECT_EQ(lru.size(), 500u);
    EXPECT_EQ(lru.totalBytes(), 500u * 1000u);
}

} // namespace

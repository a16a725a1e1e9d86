// tests: the back-off after wrong PINs — three free tries, then 30 s, 60 s, 120 s … capped; a
// right PIN starts over
#include "core/base/pin_backoff.h"

#include <gtest/gtest.h>

using lantai::core::PinBackoff;
using lantai::core::PinBackoffConfig;

TEST(PinBackoff, ThreeFreeTriesThenAGrowingWait) {
    PinBackoff b;
    double now = 100;
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(b.canTry(now));
        EXPECT_EQ(b.failed(now), 0.0);
    }
    EXPECT_TRUE(b.canTry(now));
    EXPECT_EQ(b.failed(now), 30.0);
    EXPECT_FALSE(b.canTry(now + 29.9));
    EXPECT_NEAR(b.secondsLeft(now + 10), 20.0, 1e-9);
    now += 30;
    EXPECT_TRUE(b.canTry(now));
    EXPECT_EQ(b.failed(now), 60.0);
    now += 60;
    EXPECT_EQ(b.failed(now), 120.0);
    EXPECT_EQ(b.failures(), 6);
}

TEST(PinBackoff, TheWaitIsCapped) {
    PinBackoff b;
    double wait = 0;
    for (int i = 0; i < 40; ++i)
        wait = b.failed(1000.0 * i);
    EXPECT_EQ(wait, PinBackoffConfig{}.maxDelaySeconds);
}

TEST(PinBackoff, ARightPinStartsOver) {
    PinBackoff b;
    for (int i = 0; i < 4; ++i)
        b.failed(0);
    EXPECT_FALSE(b.canTry(1));
    b.succeeded();
    EXPECT_TRUE(b.canTry(1));
    EXPECT_EQ(b.failures(), 0);
    EXPECT_EQ(b.failed(2), 0.0) << "three free tries again";
}

TEST(PinBackoff, Configurable) {
    PinBackoffConfig config;
    config.freeAttempts = 0;
    config.firstDelaySeconds = 5;
    config.maxDelaySeconds = 12;
    PinBackoff b(config);
    EXPECT_EQ(b.failed(0), 5.0);
    EXPECT_EQ(b.failed(5), 10.0);
    EXPECT_EQ(b.failed(15), 12.0);
}

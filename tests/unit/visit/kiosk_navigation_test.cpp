// tests: kiosk navigation — browsing levels, previous/next across chapters, the video library and
// player
#include "core/visit/navigation.h"

#include <gtest/gtest.h>

using namespace lantai::core;

namespace {

Pack makePack() {
    Pack pack;
    Exhibition e;
    e.id = "e1";
    for (int c = 0; c < 2; ++c) {
        Chapter chapter;
        chapter.id = "c" + std::to_string(c);
        for (int i = 0; i < 2; ++i) {
            Item item;
            item.id = "i" + std::to_string(c) + std::to_string(i);
            chapter.items.push_back(item);
        }
        e.chapters.push_back(chapter);
    }
    pack.exhibitions.push_back(e);
    Video v;
    v.id = "v1";
    v.item = "i10";
    pack.videos.push_back(v);
    return pack;
}

} // namespace

TEST(KioskNavigation, NextAndPreviousContinueAcrossChapters) {
    const Pack pack = makePack();
    KioskNavigation nav(&pack);
    nav.showHome();
    nav.openExhibition(0);
    nav.openChapter(0);
    nav.openItem(1);
    ASSERT_EQ(nav.currentItem()->id, "i01");
    EXPECT_TRUE(nav.nextItem());
    EXPECT_EQ(nav.currentItem()->id, "i10");
    EXPECT_TRUE(nav.nextItem());
    EXPECT_FALSE(nav.hasNextItem());
    EXPECT_TRUE(nav.previousItem());
    EXPECT_TRUE(nav.previousItem());
    EXPECT_EQ(nav.currentItem()->id, "i01");
    nav.back();
    EXPECT_EQ(nav.screen(), KioskScreen::Chapter);
}

TEST(KioskNavigation, VideoFromTheLibraryReturnsToTheLibrary) {
    const Pack pack = makePack();
    KioskNavigation nav(&pack);
    nav.showHome();
    nav.showVideos();
    EXPECT_EQ(nav.screen(), KioskScreen::Videos);
    EXPECT_STREQ(kioskScreenName(nav.screen()), "videos");
    ASSERT_TRUE(nav.openVideo("v1"));
    EXPECT_EQ(nav.screen(), KioskScreen::Video);
    EXPECT_EQ(nav.video(), "v1");
    EXPECT_STREQ(kioskScreenName(nav.screen()), "video");
    nav.closeVideo();
    EXPECT_EQ(nav.screen(), KioskScreen::Videos);
    EXPECT_TRUE(nav.video().empty());
    nav.back();
    EXPECT_EQ(nav.screen(), KioskScreen::Home);
}

TEST(KioskNavigation, VideoFromAnItemReturnsToThatItem) {
    const Pack pack = makePack();
    KioskNavigation nav(&pack);
    ASSERT_TRUE(nav.openItemById("i10"));
    ASSERT_TRUE(nav.openVideo("v1"));
    EXPECT_EQ(nav.videoReturnScreen(), KioskScreen::Item);
    nav.back(); // Back on the player is the same as the video ending
    EXPECT_EQ(nav.screen(), KioskScreen::Item);
    EXPECT_EQ(nav.currentItem()->id, "i10");
}

TEST(KioskNavigation, UnknownVideoIsRefusedAndLeavingClearsTheVideo) {
    const Pack pack = makePack();
    KioskNavigation nav(&pack);
    nav.showHome();
    EXPECT_FALSE(nav.openVideo("nope"));
    EXPECT_EQ(nav.screen(), KioskScreen::Home);
    ASSERT_TRUE(nav.openVideo("v1"));
    EXPECT_EQ(nav.videoReturnScreen(), KioskScreen::Videos); // from home: the library afterwards
    nav.showAttract();
    EXPECT_TRUE(nav.video().empty());
    ASSERT_TRUE(nav.openVideo("v1"));
    nav.showHome();
    EXPECT_TRUE(nav.video().empty());
}

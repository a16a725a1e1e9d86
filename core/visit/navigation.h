// core/visit: kiosk navigation state — which screen, exhibition, chapter, item and image the
// visitor is on
#pragma once

#include "core/pack/model.h"

#include <string>
#include <vector>

namespace lantai::core {

enum class KioskScreen {
    Attract,
    Home,
    Exhibition,
    Chapter,
    Item,
    Quiz,
    Videos,
    Video,
    OutOfService
};

const char* kioskScreenName(KioskScreen screen);

// Where the visitor is. Indices are -1 when not applicable. Pure value logic over a Pack: the
// kiosk UI calls these on taps and swipes; tests drive it without a window.
//
// Threading/ownership: not thread-safe; holds a pointer to the pack, which must outlive it.
class KioskNavigation {
  public:
    explicit KioskNavigation(const Pack* pack = nullptr) : m_pack(pack) {}
    void setPack(const Pack* pack);

    KioskScreen screen() const { return m_screen; }
    int exhibition() const { return m_exhibition; }
    int chapter() const { return m_chapter; }
    int item() const { return m_item; }
    int image() const { return m_image; }
    // The video on the player screen (empty elsewhere).
    const std::string& video() const { return m_video; }

    const Exhibition* currentExhibition() const;
    const Chapter* currentChapter() const;
    const Item* currentItem() const;

    void showAttract();
    void showHome();
    void showOutOfService();
    void showQuiz();
    // The video library.
    void showVideos();
    // The player, for a video of the pack. It returns to where the visitor was (the library,
    // the item the video belongs to, or home) when the video ends or Back is tapped.
    bool openVideo(const std::string& videoId);
    void closeVideo();
    KioskScreen videoReturnScreen() const { return m_videoReturn; }
    // Home with a single exhibition goes straight to it (the visitor should not tap twice).
    void openExhibition(int exhibition);
    void openChapter(int chapter);
    void openItem(int item);
    // Opens an item anywhere in the pack by id (quiz "see the archive", attract slides).
    bool openItemById(const std::string& itemId);
    // Previous/next item inside the current chapter, continuing into the neighbouring chapter
    // of the same exhibition at the ends. Returns false when there is none.
    bool nextItem();
    bool previousItem();
    bool hasNextItem() const;
    bool hasPreviousItem() const;
    void selectImage(int image);
    // One level up: Item -> Chapter -> Exhibition -> Home (single-exhibition packs skip the
    // exhibition page only if it has one chapter).
    void back();

  private:
    struct Position {
        int exhibition;
        int chapter;
        int item;
    };
    bool step(int direction, bool apply);
    bool singleExhibition() const;

    const Pack* m_pack = nullptr;
    KioskScreen m_screen = KioskScreen::Attract;
    int m_exhibition = -1;
    int m_chapter = -1;
    int m_item = -1;
    int m_image = 0;
    std::string m_video;
    KioskScreen m_videoReturn = KioskScreen::Videos;
};

} // namespace lantai::core

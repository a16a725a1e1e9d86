// core: kiosk navigation state — which screen, exhibition, chapter, item and image the visitor is on
#pragma once

#include "lantai/core/pack_model.h"

#include <string>
#include <vector>

namespace lantai::core {

enum class KioskScreen { Attract, Home, Exhibition, Chapter, Item, Quiz, OutOfService };

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

    const Exhibition* currentExhibition() const;
    const Chapter* currentChapter() const;
    const Item* currentItem() const;

    void showAttract();
    void showHome();
    void showOutOfService();
    void showQuiz();
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
};

} // namespace lantai::core

// core/visit: kiosk navigation state transitions
#include "core/visit/navigation.h"

namespace lantai::core {

const char* kioskScreenName(KioskScreen screen) {
    switch (screen) {
    case KioskScreen::Attract:
        return "attract";
    case KioskScreen::Home:
        return "home";
    case KioskScreen::Exhibition:
        return "exhibition";
    case KioskScreen::Chapter:
        return "chapter";
    case KioskScreen::Item:
        return "item";
    case KioskScreen::Quiz:
        return "quiz";
    case KioskScreen::Videos:
        return "videos";
    case KioskScreen::Video:
        return "video";
    case KioskScreen::OutOfService:
        return "out_of_service";
    }
    return "attract";
}

void KioskNavigation::setPack(const Pack* pack) {
    m_pack = pack;
    showAttract();
}

const Exhibition* KioskNavigation::currentExhibition() const {
    if (!m_pack || m_exhibition < 0 || m_exhibition >= static_cast<int>(m_pack->exhibitions.size()))
        return nullptr;
    return &m_pack->exhibitions[static_cast<std::size_t>(m_exhibition)];
}

const Chapter* KioskNavigation::currentChapter() const {
    const auto* e = currentExhibition();
    if (!e || m_chapter < 0 || m_chapter >= static_cast<int>(e->chapters.size())) return nullptr;
    return &e->chapters[static_cast<std::size_t>(m_chapter)];
}

const Item* KioskNavigation::currentItem() const {
    const auto* c = currentChapter();
    if (!c || m_item < 0 || m_item >= static_cast<int>(c->items.size())) return nullptr;
    return &c->items[static_cast<std::size_t>(m_item)];
}

void KioskNavigation::showAttract() {
    m_video.clear();
    m_screen = KioskScreen::Attract;
    m_exhibition = m_chapter = m_item = -1;
    m_image = 0;
}

void KioskNavigation::showHome() {
    m_video.clear();
    m_screen = KioskScreen::Home;
    m_exhibition = m_chapter = m_item = -1;
    m_image = 0;
}

void KioskNavigation::showQuiz() {
    m_video.clear();
    m_screen = KioskScreen::Quiz;
    m_exhibition = m_chapter = m_item = -1;
    m_image = 0;
}

void KioskNavigation::showVideos() {
    m_video.clear();
    m_screen = KioskScreen::Videos;
    m_exhibition = m_chapter = m_item = -1;
    m_image = 0;
}

bool KioskNavigation::openVideo(const std::string& videoId) {
    if (!m_pack || !m_pack->findVideo(videoId)) return false;
    if (m_screen != KioskScreen::Video) {
        // From an item the player returns to that item; from anywhere else (library, attract
        // loop, home) to the library, which shows what else there is to watch.
        m_videoReturn = m_screen == KioskScreen::Item ? KioskScreen::Item : KioskScreen::Videos;
        if (m_videoReturn == KioskScreen::Videos) m_exhibition = m_chapter = m_item = -1;
    }
    m_video = videoId;
    m_screen = KioskScreen::Video;
    return true;
}

void KioskNavigation::closeVideo() {
    if (m_screen != KioskScreen::Video) return;
    m_video.clear();
    if (m_videoReturn == KioskScreen::Item && currentItem())
        m_screen = KioskScreen::Item;
    else
        showVideos();
}

void KioskNavigation::showOutOfService() {
    showAttract();
    m_screen = KioskScreen::OutOfService;
}

bool KioskNavigation::singleExhibition() const {
    return m_pack && m_pack->exhibitions.size() == 1;
}

void KioskNavigation::openExhibition(int exhibition) {
    if (!m_pack || exhibition < 0 || exhibition >= static_cast<int>(m_pack->exhibitions.size()))
        return;
    m_video.clear();
    m_screen = KioskScreen::Exhibition;
    m_exhibition = exhibition;
    m_chapter = m_item = -1;
    m_image = 0;
}

void KioskNavigation::openChapter(int chapter) {
    const auto* e = currentExhibition();
    if (!e || chapter < 0 || chapter >= static_cast<int>(e->chapters.size())) return;
    m_video.clear();
    m_screen = KioskScreen::Chapter;
    m_chapter = chapter;
    m_item = -1;
    m_image = 0;
}

void KioskNavigation::openItem(int item) {
    const auto* c = currentChapter();
    if (!c || item < 0 || item >= static_cast<int>(c->items.size())) return;
    m_video.clear();
    m_screen = KioskScreen::Item;
    m_item = item;
    m_image = 0;
}

bool KioskNavigation::openItemById(const std::string& itemId) {
    if (!m_pack) return false;
    for (std::size_t e = 0; e < m_pack->exhibitions.size(); ++e)
        for (std::size_t c = 0; c < m_pack->exhibitions[e].chapters.size(); ++c)
            for (std::size_t i = 0; i < m_pack->exhibitions[e].chapters[c].items.size(); ++i)
                if (m_pack->exhibitions[e].chapters[c].items[i].id == itemId) {
                    m_exhibition = static_cast<int>(e);
                    m_chapter = static_cast<int>(c);
                    m_item = static_cast<int>(i);
                    m_image = 0;
                    m_video.clear();
                    m_screen = KioskScreen::Item;
                    return true;
                }
    return false;
}

bool KioskNavigation::step(int direction, bool apply) {
    const auto* e = currentExhibition();
    if (!e || m_screen != KioskScreen::Item) return false;
    int chapter = m_chapter;
    int item = m_item + direction;
    while (true) {
        if (chapter < 0 || chapter >= static_cast<int>(e->chapters.size())) return false;
        const int count =
            static_cast<int>(e->chapters[static_cast<std::size_t>(chapter)].items.size());
        if (item >= 0 && item < count) break;
        chapter += direction;
        if (chapter < 0 || chapter >= static_cast<int>(e->chapters.size())) return false;
        item =
            direction > 0
                ? 0
                : static_cast<int>(e->chapters[static_cast<std::size_t>(chapter)].items.size()) - 1;
    }
    if (apply) {
        m_chapter = chapter;
        m_item = item;
        m_image = 0;
    }
    return true;
}

bool KioskNavigation::nextItem() {
    return step(+1, true);
}
bool KioskNavigation::previousItem() {
    return step(-1, true);
}
bool KioskNavigation::hasNextItem() const {
    return const_cast<KioskNavigation*>(this)->step(+1, false);
}
bool KioskNavigation::hasPreviousItem() const {
    return const_cast<KioskNavigation*>(this)->step(-1, false);
}

void KioskNavigation::selectImage(int image) {
    const auto* i = currentItem();
    if (i && image >= 0 && image < static_cast<int>(i->images.size())) m_image = image;
}

void KioskNavigation::back() {
    switch (m_screen) {
    case KioskScreen::Item:
        m_screen = KioskScreen::Chapter;
        m_item = -1;
        m_image = 0;
        break;
    case KioskScreen::Chapter:
        m_screen = KioskScreen::Exhibition;
        m_chapter = -1;
        break;
    case KioskScreen::Exhibition:
        showHome();
        break;
    case KioskScreen::Home:
        showAttract();
        break;
    case KioskScreen::Quiz:
        showHome();
        break;
    case KioskScreen::Videos:
        showHome();
        break;
    case KioskScreen::Video:
        closeVideo();
        break;
    case KioskScreen::Attract:
    case KioskScreen::OutOfService:
        break;
    }
    (void)singleExhibition();
}

} // namespace lantai::core

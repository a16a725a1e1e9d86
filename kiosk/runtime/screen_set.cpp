// kiosk/runtime: which screen draws which navigation screen, and what a visit's end resets
#include "kiosk/runtime/screen_set.h"

#include <initializer_list>

namespace lantai::kiosk {

Screen& ScreenSet::forScreen(core::KioskScreen screen) {
    return const_cast<Screen&>(static_cast<const ScreenSet&>(*this).forScreen(screen));
}

const Screen& ScreenSet::forScreen(core::KioskScreen screen) const {
    switch (screen) {
    case core::KioskScreen::Attract:
        return attract;
    case core::KioskScreen::Home:
        return home;
    case core::KioskScreen::Exhibition:
        return exhibition;
    case core::KioskScreen::Chapter:
        return grid;
    case core::KioskScreen::Item:
        return detail;
    case core::KioskScreen::Quiz:
        return quiz;
    case core::KioskScreen::Videos:
        return videoLibrary;
    case core::KioskScreen::Video:
        return videoPlayer;
    case core::KioskScreen::OutOfService:
        return outOfService;
    }
    return outOfService;
}

void ScreenSet::resetVisit() {
    for (Screen* s : std::initializer_list<Screen*>{&attract, &home, &exhibition, &grid, &detail,
                                                    &videoLibrary, &videoPlayer})
        s->reset();
}

} // namespace lantai::kiosk

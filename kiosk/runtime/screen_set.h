// kiosk/runtime: the visitor screens the runtime composes — one object per navigation screen
#pragma once

#include "core/visit/navigation.h"
#include "kiosk/ui/attract_screen.h"
#include "kiosk/ui/exhibition_screen.h"
#include "kiosk/ui/home_screen.h"
#include "kiosk/ui/item_detail_screen.h"
#include "kiosk/ui/item_grid_screen.h"
#include "kiosk/ui/overlay_screens.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/video_library_screen.h"
#include "kiosk/ui/video_player_screen.h"

namespace lantai::kiosk {

// Threading: the runtime's thread only.
struct ScreenSet {
    AttractScreen attract;
    HomeScreen home;
    ExhibitionScreen exhibition;
    ItemGridScreen grid;
    ItemDetailScreen detail;
    QuizScreen quiz;
    VideoLibraryScreen videoLibrary;
    VideoPlayerScreen videoPlayer;
    OutOfServiceScreen outOfService;

    // The screen that draws `screen`.
    Screen& forScreen(core::KioskScreen screen);
    const Screen& forScreen(core::KioskScreen screen) const;
    // A visit ended: scroll positions, zoom, slides and the like start over.
    void resetVisit();
};

} // namespace lantai::kiosk

// kiosk/ui: the visitor screens and the shared state they read and change
#pragma once

#include "core/visit/gesture_recognizer.h"
#include "core/visit/navigation.h"
#include "core/visit/zoom_viewport.h"
#include "kiosk/ui/ui_context.h"

#include <chrono>
#include <functional>
#include <string>

namespace lantai::kiosk {

class NarrationController;
class QuizController;
class VideoController;
struct PhonesView;

// What the app tells the screens and what the screens change. Owned by the app.
struct KioskState {
    const core::Pack* pack = nullptr;
    core::KioskNavigation nav;
    core::Language language = core::Language::Zh;
    std::string themeName;
    bool largeText = false; // the visitor chose large text ("大字 / Aa")

    // Item detail: the deep-zoom viewport of the image on screen.
    core::ZoomViewport viewport;
    std::string viewportKey; // item id + image index the viewport was set up for
    int zoomScaleFactor = 0;
    bool zoomSharp = false;
    bool zoomImageFailed = false;
    std::string zoomImageError; // why, when it failed (the file and the decoder's words)
    double zoomSettledAt = -1;  // kiosk clock when a pinch ended; -1 once sharp again
    double sharpAfterZoomMs =
        -1; // last measured: pinch end -> every tile of the new level on screen

    // Out of service: why (shown in both languages).
    std::string serviceReason;
    std::string serviceReasonZh;

    // Idle countdown overlay.
    bool stillThere = false;
    int stillThereSeconds = 0;

    // The quiz (owned by the app); its clock includes script advances.
    QuizController* quiz = nullptr;
    std::function<std::chrono::steady_clock::time_point()> clock;
    bool returnToQuiz = false;
    PhonesView* phones = nullptr; // "class on phones" (owned by the runtime; null in a preview) //
                                  // "see the archive" from a quiz answer: Back returns to the quiz

    // The cloud gallery's address ([web] base_url): item pages show a QR code to the item online.
    std::string webBaseUrl;
    std::string qrUrl; // the URL of the QR code on screen (empty: none)

    // Video playback (owned by the app).
    VideoController* video = nullptr;
    // Narration playback (owned by the app): the "Listen" buttons.
    NarrationController* narration = nullptr;
    // Where the tap that runs a target's action landed (seek bars use it).
    core::Vec2 tapPosition;

    // Actions the app performs (session bookkeeping, logging, reset).
    std::function<void()> startVisit; // attract -> home
    std::function<void()> toggleLanguage;
    std::function<void()> toggleLargeText; // "大字 / Aa"; the visit's reset turns it off
    std::function<void()> continueVisit;   // "still there?" answered
};

// A screen draws itself each frame and may consume gestures other than taps (taps go to the
// tap targets it registered). Threading: main thread only.
class Screen {
  public:
    virtual ~Screen() = default;
    virtual void draw(UiContext& ui, KioskState& state) = 0;
    // Returns true when the gesture was used.
    virtual bool onGesture(const core::Gesture&, UiContext&, KioskState&) { return false; }
    // Animation in progress: the loop keeps drawing at full rate.
    virtual bool animating(const KioskState&) const { return false; }
    // Seconds until the screen changes by itself (attract slides), or a negative value.
    virtual double secondsUntilChange(double /*now*/) const { return -1; }
    // Visitor session reset: forget scroll positions and the like.
    virtual void reset() {}
    virtual void advance(double /*dt*/, KioskState&) {}
};

class AttractScreen;
class HomeScreen;
class ExhibitionScreen;
class ItemGridScreen;
class ItemDetailScreen;

} // namespace lantai::kiosk

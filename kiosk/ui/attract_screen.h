// kiosk/ui: the attract loop — slideshow of highlighted items with "触摸屏幕开始参观 · Touch to
// start"
#pragma once

#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

class AttractScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool animating(const KioskState& state) const override;
    double secondsUntilChange(double now) const override;
    void reset() override {
        m_slideStart = -1;
        m_slide = 0;
    }
    int slide() const { return m_slide; }

  private:
    // Moves to the next slide when the current one is done (its time is up, or its video ended).
    void advanceSlide(UiContext& ui, KioskState& state,
                      const std::vector<core::AttractEntry>& playlist);
    // Starts the video of a video slide in the attract loop; true while it can be shown.
    bool prepareVideo(KioskState& state, const core::AttractEntry& entry);

    int m_slide = 0;
    bool m_videoShowing =
        false; // the current slide is a video that plays (no timer unless duration_s)
    int m_entryDurationS = 0;
    double m_slideStart = -1; // ui.time when the current slide appeared
    double m_slideSeconds = 8;
    double m_now = 0;
    static constexpr double kFadeSeconds = 0.8;
};

} // namespace lantai::kiosk

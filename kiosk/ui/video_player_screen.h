// kiosk/ui: the video player — large play/pause, finger-draggable seek bar, ±10 s, subtitles
// zh/en/off, volume
#pragma once

#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

class VideoPlayerScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool onGesture(const core::Gesture& gesture, UiContext& ui, KioskState& state) override;
    bool animating(const KioskState&) const override { return m_dragging; }
    void reset() override { m_dragging = false; }

  private:
    void drawVideo(UiContext& ui, KioskState& state, const core::Video& video);
    void drawProblem(UiContext& ui, KioskState& state);
    void drawSeekBar(UiContext& ui, KioskState& state, const core::Rect& row);
    void drawButtons(UiContext& ui, KioskState& state, const core::Rect& row, bool transport,
                     bool settings);
    double fractionAt(double x) const;

    core::Rect m_videoArea;
    core::Rect m_seekBar; // the track; touches a little above or below still count
    bool m_dragging = false;
    double m_dragFraction = 0;
};

} // namespace lantai::kiosk

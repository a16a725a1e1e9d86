// kiosk/ui: the attract loop — slideshow of highlighted items with "触摸屏幕开始参观 · Touch to start"
#pragma once

#include "ui/screens.h"

namespace lantai::kiosk {

class AttractScreen : public Screen {
public:
    void draw(UiContext& ui, KioskState& state) override;
    bool animating(const KioskState& state) const override;
    double secondsUntilChange(double now) const override;
    void reset() override { m_slideStart = -1; m_slide = 0; }
    int slide() const { return m_slide; }

private:
    int m_slide = 0;
    double m_slideStart = -1; // ui.time when the current slide appeared
    double m_slideSeconds = 8;
    double m_now = 0;
    static constexpr double kFadeSeconds = 0.8;
};

} // namespace lantai::kiosk

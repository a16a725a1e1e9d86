// kiosk/ui: item detail — deep-zoom viewer, caption panel, multi-image strip, previous/next by
// swipe
#pragma once

#include "core/visit/gesture_recognizer.h"
#include "kiosk/render/deep_zoom_renderer.h"
#include "kiosk/ui/qr_code.h"
#include "kiosk/ui/screens.h"

#include <map>
#include <optional>

namespace lantai::kiosk {

class ItemDetailScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool onGesture(const core::Gesture& g, UiContext& ui, KioskState& state) override;
    bool animating(const KioskState& state) const override;
    void advance(double dt, KioskState& state) override;
    void reset() override;
    // Log lines for images shown without derivatives or broken (the app drains them).
    std::vector<std::string> takeLogLines();

  private:
    void prepareViewport(UiContext& ui, KioskState& state, const core::Item& item);
    void drawViewer(UiContext& ui, KioskState& state, const core::Item& item);
    void drawCaptionPanel(UiContext& ui, KioskState& state, const core::Item& item);
    // Reach band: previous/next, the image strip and the zoom buttons in a row under the image.
    void drawControlRow(UiContext& ui, KioskState& state, const core::Item& item);
    // The QR code to the item's page in the cloud gallery, along the bottom of the panel.
    void drawHandOff(UiContext& ui, KioskState& state, const core::Item& item,
                     const core::Rect& row);

    core::Rect m_viewer;
    core::Rect m_panel;
    core::Rect m_controls; // reach band: the viewer's buttons in one row under it (else empty)
    std::string m_qrText;  // the URL m_qr encodes
    QrMatrix m_qr;
    std::optional<IiifImage> m_image;
    std::string m_imageError;
    std::string m_preparedKey;
    core::InertiaScroller m_panFling;
    core::InertiaScroller m_panelFling;
    bool m_panning = false;
    bool m_panelDragging = false;
    bool m_pinching = false;
    bool m_dragFromViewer = false; // the current/last drag started on the viewer (swipe candidate)
    double m_panelScroll = 0;
    double m_panelMaxScroll = 0;
    std::vector<std::string> m_log;
};

} // namespace lantai::kiosk

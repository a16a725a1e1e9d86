// kiosk/ui: QR codes (libqrencode) drawn as crisp squares — the item page hand-off to a visitor's
// phone
#pragma once

#include "kiosk/ui/ui_context.h"

#include <string>
#include <vector>

namespace lantai::kiosk {

// The module matrix of a QR code: size x size, true = dark. Empty when the text cannot be encoded.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Encodes `text` as bytes with error correction level M (readable when a little of the print
// or screen is glared or scratched).
QrMatrix encodeQr(const std::string& text);

// Draws the code inside `box` (square, centred) on a white quiet zone of 4 modules, snapped to
// whole pixels per module so phone cameras see sharp edges. Returns the side used.
float drawQr(UiContext& ui, const QrMatrix& qr, const core::Rect& box);

} // namespace lantai::kiosk

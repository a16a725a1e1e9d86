// kiosk/ui: QR codes with libqrencode
#include "kiosk/ui/qr_code.h"

#include <algorithm>
#include <cmath>
#include <qrencode.h>

namespace lantai::kiosk {

namespace {
// Not theme colours: a QR code is dark modules on a light quiet zone for every phone camera,
// whatever the theme (several scanners cannot read an inverted code).
constexpr ImU32 kQrLight = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kQrDark = IM_COL32(0, 0, 0, 255);
} // namespace

QrMatrix encodeQr(const std::string& text) {
    QrMatrix out;
    QRcode* code =
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M);
    if (!code) return out;
    out.size = code->width;
    out.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < out.dark.size(); ++i)
        out.dark[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return out;
}

float drawQr(UiContext& ui, const QrMatrix& qr, const core::Rect& box) {
    if (qr.size <= 0) return 0;
    constexpr int kQuiet = 4;
    const int modules = qr.size + kQuiet * 2;
    const float side = static_cast<float>(std::min(box.w, box.h));
    const float cell = std::max(1.0f, std::floor(side / static_cast<float>(modules)));
    const float used = cell * static_cast<float>(modules);
    const float x0 = std::round(static_cast<float>(box.x) + (static_cast<float>(box.w) - used) / 2);
    const float y0 = std::round(static_cast<float>(box.y) + (static_cast<float>(box.h) - used) / 2);
    ui.draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + used, y0 + used), kQrLight);
    const ImU32 ink = kQrDark;
    for (int y = 0; y < qr.size; ++y) {
        // Runs of dark modules along a row become one rectangle.
        int x = 0;
        while (x < qr.size) {
            if (!qr.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.at(end, y))
                ++end;
            const float px = x0 + cell * static_cast<float>(x + kQuiet),
                        py = y0 + cell * static_cast<float>(y + kQuiet);
            ui.draw->AddRectFilled(ImVec2(px, py),
                                   ImVec2(px + cell * static_cast<float>(end - x), py + cell), ink);
            x = end;
        }
    }
    return used;
}

} // namespace lantai::kiosk

// kiosk/ui: pack images on screen (derivative choice, texture cache, placeholder)
#include "kiosk/ui/images.h"

#include "core/visit/zoom_viewport.h"
#include "kiosk/render/texture_cache.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

std::string displayFileFor(const UiContext& ui, const std::string& packPath, int longestSide,
                           int* maxDimension) {
    *maxDimension = 0;
    const auto root = ui.pack->root;
    if (ui.derived) {
        if (auto it = ui.derived->images.find(packPath); it != ui.derived->images.end()) {
            const auto& image = it->second;
            if (longestSide <= 480 && !image.thumb.empty())
                return (root / "derived" / image.thumb).string();
            // The IIIF "sizes" lantai build writes: the full image at every scale factor whose
            // longer side is at most 2048 px. Take the smallest one that is big enough.
            const auto pyramid = core::TilePyramid::standard(image.width, image.height);
            std::string best;
            int bestLongest = 0;
            for (int s : pyramid.scaleFactors) {
                const int w = (image.width + s - 1) / s;
                const int h = (image.height + s - 1) / s;
                const int longest = std::max(w, h);
                if (longest > 2048) continue;
                const bool better =
                    best.empty() ||
                    (bestLongest < longestSide ? longest > bestLongest
                                               : longest >= longestSide && longest < bestLongest);
                if (better) {
                    best = (root / "derived" / image.iiif / "full" /
                            (std::to_string(w) + "," + std::to_string(h)) / "0" / "default.jpg")
                               .string();
                    bestLongest = longest;
                }
            }
            if (!best.empty()) return best;
        }
    }
    *maxDimension = std::max(64, longestSide);
    return (root / packPath).string();
}

void drawImageFile(UiContext& ui, const std::string& packPath, const Rect& rect, ImageFit fit,
                   int wantLongestSide, float rounding) {
    int maxDimension = 0;
    const std::string file = displayFileFor(ui, packPath, wantLongestSide, &maxDimension);
    const std::string key = file + "@" + std::to_string(maxDimension);
    const Texture* texture = ui.textures->get(key, file, 0, maxDimension);
    if (!texture) {
        ui.draw->AddRectFilled(minOf(rect), maxOf(rect), ui.color(ColorRole::SurfaceAlt), rounding);
        if (ui.textures->failed(key)) {
            TextBlock note;
            note.role = FontRole::Caption;
            note.color = ui.color(ColorRole::TextMuted);
            note.align = TextAlign::Center;
            note.maxLines = 2;
            const float h = measureTextBlock(ui, static_cast<float>(rect.w) - ui.px(2),
                                             ui.ui("image.unavailable"), note);
            drawTextBlock(ui, {rect.x + ui.px(1), rect.y + (rect.h - h) / 2, rect.w - ui.px(2), h},
                          ui.ui("image.unavailable"), note);
        }
        return;
    }
    drawImageFit(ui.draw, minOf(rect), maxOf(rect), texture, fit, ui.color(ColorRole::SurfaceAlt),
                 rounding);
}

} // namespace lantai::kiosk

// kiosk/ui: shared widgets (background, buttons, top bar, images, badges)
#include "kiosk/ui/widgets.h"

#include "core/visit/zoom_viewport.h"
#include "kiosk/render/deep_zoom_renderer.h"
#include "kiosk/render/texture_cache.h"

#include <GL/gl.h>
#include <cmath>
#include <cstdint>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

void drawBackground(UiContext& ui) {
    // The plain colour is the frame's glClear (KioskApp::frame): a full-screen quad through
    // ImGui's blended, textured shader costs a software rasteriser 2 megapixels a frame.
    const auto& bg = ui.theme->background;
    if (bg.pattern == core::BackgroundPattern::Fret && bg.patternColor.a > 0) {
        // 回纹 (fret) bands along the top and bottom edges: a row of interlocking square spirals.
        const core::Color c = bg.patternColor;
        const ImU32 col = IM_COL32(c.r, c.g, c.b, c.a);
        const float cell = ui.px(2.2f);
        const float t = std::max(1.0f, cell * 0.14f);
        for (float band : {ui.px(0.6f), ui.height - ui.px(0.6f) - cell}) {
            for (float x = 0; x < ui.width; x += cell) {
                const ImVec2 o(x, band);
                ui.draw->AddLine(ImVec2(o.x, o.y + cell), ImVec2(o.x, o.y), col, t);
                ui.draw->AddLine(ImVec2(o.x, o.y), ImVec2(o.x + cell * 0.8f, o.y), col, t);
                ui.draw->AddLine(ImVec2(o.x + cell * 0.8f, o.y),
                                 ImVec2(o.x + cell * 0.8f, o.y + cell * 0.6f), col, t);
                ui.draw->AddLine(ImVec2(o.x + cell * 0.8f, o.y + cell * 0.6f),
                                 ImVec2(o.x + cell * 0.3f, o.y + cell * 0.6f), col, t);
                ui.draw->AddLine(ImVec2(o.x + cell * 0.3f, o.y + cell * 0.6f),
                                 ImVec2(o.x + cell * 0.3f, o.y + cell * 0.3f), col, t);
            }
        }
    }
}

namespace {
void disableBlending(const ImDrawList*, const ImDrawCmd*) {
    glDisable(GL_BLEND);
}
} // namespace

float drawEmptyNote(UiContext& ui, const Rect& box, std::string_view text) {
    TextBlock note;
    note.role = FontRole::Heading;
    note.color = ui.color(ColorRole::TextOnBackground);
    note.align = TextAlign::Center;
    return drawTextBlock(ui, {box.x, box.y + ui.px(6), box.w, box.h}, text, note) + ui.px(6);
}

Rect letterboxRect(const Rect& area, int width, int height) {
    if (width <= 0 || height <= 0 || area.w <= 0 || area.h <= 0) return area;
    const double aspect = double(width) / double(height);
    if (area.w / area.h > aspect) {
        const double w = area.h * aspect;
        return {area.x + (area.w - w) / 2, area.y, w, area.h};
    }
    const double h = area.w / aspect;
    return {area.x, area.y + (area.h - h) / 2, area.w, h};
}

void drawLetterboxBars(UiContext& ui, const Rect& area, const Rect& inner) {
    const ImU32 black = IM_COL32(0, 0, 0, 255);
    const float l = static_cast<float>(area.x), t = static_cast<float>(area.y);
    const float r = static_cast<float>(area.right()), b = static_cast<float>(area.bottom());
    const float il = static_cast<float>(inner.x), it = static_cast<float>(inner.y);
    const float ir = static_cast<float>(inner.right()), ib = static_cast<float>(inner.bottom());
    if (it > t) ui.draw->AddRectFilled(ImVec2(l, t), ImVec2(r, it), black);
    if (ib < b) ui.draw->AddRectFilled(ImVec2(l, ib), ImVec2(r, b), black);
    if (il > l) ui.draw->AddRectFilled(ImVec2(l, it), ImVec2(il, ib), black);
    if (ir < r) ui.draw->AddRectFilled(ImVec2(ir, it), ImVec2(r, ib), black);
}

void drawOpaqueImage(UiContext& ui, unsigned texture, const Rect& rect) {
    // Video frames are opaque: blending them would only cost fill rate (a lot of it on llvmpipe).
    ui.draw->AddCallback(disableBlending, nullptr);
    ui.draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)),
                      minOf(rect), maxOf(rect));
    ui.draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void button(UiContext& ui, const std::string& id, const Rect& rect, std::string_view label,
            ButtonKind kind, std::function<void()> action) {
    const bool down = ui.pressed(rect);
    ColorRole fill = ColorRole::Accent, text = ColorRole::TextOnAccent;
    if (kind == ButtonKind::Primary && down) fill = ColorRole::AccentPressed;
    if (kind != ButtonKind::Primary) {
        fill = down ? ColorRole::SecondaryPressed : ColorRole::Secondary;
        text = ColorRole::TextOnSecondary;
    }
    const float rounding = ui.px(ui.theme->layout.rounding);
    if (kind == ButtonKind::Ghost && !down) {
        ui.draw->AddRect(minOf(rect), maxOf(rect), ui.color(ColorRole::Border), rounding, 0,
                         std::max(1.0f, ui.px(ui.theme->layout.borderWidth)));
    } else {
        ui.draw->AddRectFilled(minOf(rect), maxOf(rect), ui.color(fill), rounding);
    }
    const ImU32 textColor =
        kind == ButtonKind::Ghost && !down ? ui.color(ColorRole::TextOnBackground) : ui.color(text);
    drawTextLine(ui, {rect.x + ui.px(1), rect.y, rect.w - ui.px(2), rect.h}, label,
                 FontRole::Button, textColor, TextAlign::Center);
    ui.addTarget(id, rect, std::move(action));
}

Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions) {
    const float h = std::max(ui.touchMin(), ui.px(9.0f));
    const float pad = ui.px(ui.theme->layout.spacing);
    const float bw = std::max(ui.touchMin() * 1.6f, ui.px(15.0f));
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, h + pad * 2),
                           ui.color(ColorRole::Background));
    float left = pad;
    float right = ui.width - pad;
    const float y = pad;
    // Language toggle on the right: shows the language you can switch to.
    const Rect lang{right - bw, y, bw, h};
    button(ui, "lang", lang, ui.ui("lang.switch"), ButtonKind::Ghost, actions.toggleLanguage);
    right -= bw + pad;
    if (actions.back) {
        button(ui, "back", {left, y, bw, h}, ui.ui("nav.back"), ButtonKind::Secondary,
               actions.back);
        left += bw + pad;
    }
    if (actions.home) {
        button(ui, "home", {left, y, bw, h}, ui.ui("nav.home"), ButtonKind::Secondary,
               actions.home);
        left += bw + pad;
    }
    drawTextLine(ui, {left + pad, y, right - left - pad * 2, h}, title, FontRole::Heading,
                 ui.color(ColorRole::TitleOnBackground), TextAlign::Center);
    const float bottom = h + pad * 2;
    ui.draw->AddLine(ImVec2(pad, bottom - 1), ImVec2(ui.width - pad, bottom - 1),
                     ui.color(ColorRole::Border, 0.6f), std::max(1.0f, ui.px(0.12f)));
    return {0, bottom, ui.width, ui.height - bottom};
}

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

float drawBadge(UiContext& ui, core::Vec2 topLeft, std::string_view label) {
    const float size = ui.fontSize(FontRole::Caption);
    const float padX = ui.px(1.0f);
    const float w = textWidth(ui, FontRole::Caption, label) + padX * 2;
    const float h = size * 1.5f;
    const ImVec2 a = toIm(topLeft);
    ui.draw->AddRectFilled(a, ImVec2(a.x + w, a.y + h), ui.color(ColorRole::Badge), h / 2);
    ui.draw->AddText(ui.font(FontRole::Caption), size, ImVec2(a.x + padX, a.y + (h - size) / 2),
                     ui.color(ColorRole::TextOnBadge), label.data(), label.data() + label.size());
    return w;
}

} // namespace lantai::kiosk

// kiosk/ui: per-frame drawing context — sizes, theme colours, fonts, language, tap targets
#pragma once

#include "core/base/geometry2d.h"
#include "core/base/localized_text.h"
#include "core/pack/derived_index.h"
#include "core/pack/model.h"
#include "core/theme/theme.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_report.h"

#include <algorithm>
#include <functional>
#include <imgui.h>
#include <optional>
#include <string>
#include <vector>

namespace lantai::kiosk {

class TextureCache;

// Something a visitor can tap, registered while drawing. The app hit-tests taps against the
// targets of the last drawn frame (topmost = registered last) and scripts can tap one by id
// ("tap @home"), so tests do not depend on pixel layouts.
struct TapTarget {
    std::string id;
    core::Rect rect;
    std::function<void()> action;
};

// Threading: main thread only; rebuilt every frame by the app.
struct UiContext {
    ImDrawList* draw = nullptr;
    float width = 0;
    float height = 0;
    float unit = 0; // theme reference unit in pixels (min(width, height) / 100)
    bool portrait = false;
    // The reach band ([display] reach_band, core/visit/reach_band.h): every tap target lies in
    // it. navAtBottom: the band leaves the top out of reach, so the navigation bar sits at the
    // bottom and the screens keep titles and reading text above the band.
    core::Rect reach;
    bool navAtBottom = false;
    bool largeText = false; // the visitor's "大字 / Aa": the fonts are the 1.4x set
    double time = 0;        // seconds since start (animations)
    core::Language language = core::Language::Zh;
    const core::Theme* theme = nullptr;
    Fonts* fonts = nullptr;
    TextureCache* textures = nullptr;
    const core::Pack* pack = nullptr;
    const core::DerivedIndex* derived = nullptr;
    std::optional<core::Vec2> pressPosition; // a finger/mouse is down here (pressed feedback)
    std::vector<TapTarget> targets;
    TextReport textReport; // cut-off text and missing glyphs of this frame (the text widgets add)

    ImU32 color(core::ColorRole role, float alphaScale = 1.0f) const;
    const std::string& ui(std::string_view key) const; // translation table
    const std::string& text(const core::LocalizedText& t) const { return t.get(language); }
    float px(float units) const { return units * unit; } // theme units -> pixels
    float fontSize(core::FontRole role) const { return fonts->size(role); }
    ImFont* font(core::FontRole role) const { return fonts->font(role); }
    // The part of `area` inside the reach band (all of `area` when the band holds it).
    core::Rect reachable(const core::Rect& area) const { return core::intersect(area, reach); }
    float touchMin() const {
        return std::max(px(theme->layout.minTouchTarget), 64.0f * height / 1080.0f);
    }

    void addTarget(std::string id, const core::Rect& rect, std::function<void()> action);
    bool pressed(const core::Rect& rect) const;
};

// The one mapping of theme colours to ImGui's packed colours (straight alpha, scaled by
// `alphaScale`). Screens and widgets take every colour from the theme through UiContext::color;
// a test keeps colour literals out of kiosk/ui.
ImU32 imColor(core::Color color, float alphaScale = 1.0f);

// Finds the topmost target containing `point`, or nullptr.
const TapTarget* hitTest(const std::vector<TapTarget>& targets, core::Vec2 point);
const TapTarget* findTarget(const std::vector<TapTarget>& targets, const std::string& id);

inline ImVec2 toIm(core::Vec2 v) {
    return {static_cast<float>(v.x), static_cast<float>(v.y)};
}
inline ImVec2 minOf(const core::Rect& r) {
    return {static_cast<float>(r.x), static_cast<float>(r.y)};
}
inline ImVec2 maxOf(const core::Rect& r) {
    return {static_cast<float>(r.x + r.w), static_cast<float>(r.y + r.h)};
}

} // namespace lantai::kiosk

// kiosk/ui: drawing context helpers and tap-target hit testing
#include "kiosk/ui/ui_context.h"

#include "core/i18n/ui_strings.h"

namespace lantai::kiosk {

ImU32 imColor(core::Color c, float alphaScale) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(static_cast<float>(c.a) * alphaScale));
}

ImU32 UiContext::color(core::ColorRole role, float alphaScale) const {
    return imColor(theme->color(role), alphaScale);
}

const std::string& UiContext::ui(std::string_view key) const {
    return core::uiText(key, language);
}

void UiContext::addTarget(std::string id, const core::Rect& rect, std::function<void()> action) {
    targets.push_back({std::move(id), rect, std::move(action)});
}

bool UiContext::pressed(const core::Rect& rect) const {
    return pressPosition && rect.contains(*pressPosition);
}

const TapTarget* hitTest(const std::vector<TapTarget>& targets, core::Vec2 point) {
    for (auto it = targets.rbegin(); it != targets.rend(); ++it)
        if (it->rect.contains(point)) return &*it;
    return nullptr;
}

const TapTarget* findTarget(const std::vector<TapTarget>& targets, const std::string& id) {
    for (auto it = targets.rbegin(); it != targets.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

} // namespace lantai::kiosk

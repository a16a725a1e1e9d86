// kiosk/ui: touch buttons — primary, secondary and ghost, with pressed feedback and a tap target
#pragma once

#include "kiosk/ui/ui_context.h"

#include <functional>
#include <string>
#include <string_view>

namespace lantai::kiosk {

// Primary: accent fill. Secondary: secondary fill. Ghost: an outline on the background, filled
// like a secondary button while pressed.
enum class ButtonKind { Primary, Secondary, Ghost };

// A touch button: rounded fill, centred label, pressed feedback, registered as tap target `id`.
void button(UiContext& ui, const std::string& id, const core::Rect& rect, std::string_view label,
            ButtonKind kind, std::function<void()> action);

} // namespace lantai::kiosk

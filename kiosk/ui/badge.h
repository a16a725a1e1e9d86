// kiosk/ui: badges — a small pill with a label (镇馆之宝, 档案文献遗产) on cards and images
#pragma once

#include "kiosk/ui/ui_context.h"

#include <string_view>

namespace lantai::kiosk {

// Draws the badge with its top-left corner at `topLeft`; returns its width.
float drawBadge(UiContext& ui, core::Vec2 topLeft, std::string_view label);

} // namespace lantai::kiosk

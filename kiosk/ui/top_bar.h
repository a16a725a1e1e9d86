// kiosk/ui: the bar along the top of every visitor screen — back · home · title · language
#pragma once

#include "kiosk/ui/screens.h"

#include <functional>
#include <string_view>

namespace lantai::kiosk {

struct TopBarActions {
    std::function<void()> back; // empty: no back button
    std::function<void()> home; // empty: no home button
    std::function<void()> toggleLanguage;
};

// Draws the bar with the given actions; returns the content area below it.
core::Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions);

// The bar of the browsing screens: back goes one level up (or to the quiz answer the visitor
// came from), home to the home screen.
core::Rect standardTopBar(UiContext& ui, KioskState& state, std::string_view title, bool showBack);

} // namespace lantai::kiosk

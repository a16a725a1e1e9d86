// kiosk/ui: the navigation bar of every visitor screen — back · home · title · 大字/Aa · language
// (along the top, or at the bottom when the reach band leaves the top out of reach)
#pragma once

#include "kiosk/ui/buttons.h"
#include "kiosk/ui/screens.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::kiosk {

// A screen's own button in the bar, after back and home (e.g. narration's "朗读 / Listen").
struct NavButton {
    std::string id;
    std::string label;
    std::function<void()> action;
    ButtonKind kind = ButtonKind::Secondary; // Primary: a state that is on (narration playing)
};

struct TopBarActions {
    std::function<void()> back; // empty: no back button
    std::function<void()> home; // empty: no home button
    std::function<void()> toggleLanguage;
    std::function<void()> toggleLargeText; // "大字 / Aa" (target `text-size`); empty: none
    std::vector<NavButton> extra;
};

// Draws the bar with the given actions; returns the content area the bar leaves. With
// ui.navAtBottom the title stays at the top (out of reach, nothing to tap) and the buttons sit in
// a bar along the bottom edge; the content area lies between them.
core::Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions);

// The bar of the browsing screens: back goes one level up (or to the quiz answer the visitor
// came from), home to the home screen.
core::Rect standardTopBar(UiContext& ui, KioskState& state, std::string_view title, bool showBack,
                          std::vector<NavButton> extra = {});

} // namespace lantai::kiosk

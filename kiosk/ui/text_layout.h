// kiosk/ui: drawing wrapped Chinese/English text with ImGui fonts (line breaking is core::wrapText)
#pragma once

#include "kiosk/ui/ui_context.h"

#include <string_view>

namespace lantai::kiosk {

enum class TextAlign { Left, Center, Right };

struct TextBlock {
    core::FontRole role = core::FontRole::Body;
    ImU32 color = 0; // always set from the theme: ui.color(role)
    TextAlign align = TextAlign::Left;
    int maxLines = 0;          // 0 = unlimited; the last line ends with "…"
    float lineSpacing = 1.35f; // line height as a multiple of the font size
    // Names the widget in the frame's cut-off text report (UiContext::textReport); empty: the role.
    std::string_view where;
};

// Draws `text` wrapped to box.w starting at box.y; returns the height used. Lines beyond the
// box bottom are not drawn (but counted in the height, so callers can scroll). Text cut off
// (core::fitTextLines: truncated by maxLines, lines below the box, too wide) is added to
// ui.textReport; a panel that scrolls passes a box as tall as its content.
float drawTextBlock(UiContext& ui, const core::Rect& box, std::string_view text,
                    const TextBlock& style);
// Height the text would take at `width`.
float measureTextBlock(UiContext& ui, float width, std::string_view text, const TextBlock& style);
// Single line width.
float textWidth(UiContext& ui, core::FontRole role, std::string_view text);
// One run of text at `position`, as the atlas can draw it (characters beyond U+FFFF through their
// aliases, see Fonts::drawable); every pack text drawn without wrapping goes through here.
// Characters without a glyph are added to ui.textReport.
void drawText(UiContext& ui, core::FontRole role, float size, ImVec2 position, ImU32 color,
              std::string_view text);
// One line, no wrapping, vertically centred in `box`, truncated with "…" when too wide.
// `where` names it in the cut-off text report.
void drawTextLine(UiContext& ui, const core::Rect& box, std::string_view text, core::FontRole role,
                  ImU32 color, TextAlign align = TextAlign::Left, std::string_view where = {});

} // namespace lantai::kiosk

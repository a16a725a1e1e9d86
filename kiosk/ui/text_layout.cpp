// kiosk/ui: wrapped text drawing on ImDrawList
#include "kiosk/ui/text_layout.h"

#include "core/i18n/text_fit.h"
#include "core/i18n/text_wrap.h"

namespace lantai::kiosk {

namespace {

// Advances of the glyphs ImGui will draw (aliases beyond U+FFFF, nothing for invisible ones).
core::AdvanceFunction advanceFor(const Fonts& fonts, ImFont* font, float size) {
    const float scale = size / font->FontSize;
    return [&fonts, font, scale](char32_t cp) {
        const ImWchar glyph = fonts.glyphFor(cp);
        return glyph == 0 ? 0.0 : static_cast<double>(font->GetCharAdvance(glyph) * scale);
    };
}

} // namespace

float textWidth(UiContext& ui, core::FontRole role, std::string_view text) {
    ImFont* font = ui.font(role);
    std::string scratch;
    const std::string_view shown = ui.fonts->drawable(font, text, scratch);
    return font
        ->CalcTextSizeA(ui.fontSize(role), FLT_MAX, 0.0f, shown.data(), shown.data() + shown.size())
        .x;
}

void drawText(UiContext& ui, core::FontRole role, float size, ImVec2 position, ImU32 color,
              std::string_view text) {
    ImFont* font = ui.font(role);
    std::string scratch;
    std::set<char32_t> missing;
    const std::string_view shown = ui.fonts->drawable(font, text, scratch, missing);
    ui.textReport.addMissing(text, missing, ui.language);
    ui.draw->AddText(font, size, position, color, shown.data(), shown.data() + shown.size());
}

float drawTextBlock(UiContext& ui, const core::Rect& box, std::string_view text,
                    const TextBlock& style) {
    ImFont* font = ui.font(style.role);
    const float size = ui.fontSize(style.role);
    const float lineHeight = size * style.lineSpacing;
    std::string ellipsized;
    const auto lines =
        core::wrapText(text, box.w, advanceFor(*ui.fonts, font, size), style.maxLines, &ellipsized);
    const core::TextFit fit = core::fitTextLines(lines, !ellipsized.empty(), box.w, box.y,
                                                 box.bottom(), size, lineHeight);
    if (!fit.cutOff())
        ui.textReport.addWhole(text);
    else
        ui.textReport.addCut(style.where.empty() ? core::fontRoleName(style.role) : style.where,
                             text, fit, ui.language);
    float y = static_cast<float>(box.y);
    for (std::size_t i = 0; i < fit.linesShown; ++i) {
        const auto& line = lines[i];
        const bool last = i + 1 == lines.size() && !ellipsized.empty();
        std::string_view part =
            last ? std::string_view(ellipsized) : text.substr(line.begin, line.end - line.begin);
        float x = static_cast<float>(box.x);
        if (style.align == TextAlign::Center) x += static_cast<float>((box.w - line.width) / 2);
        if (style.align == TextAlign::Right) x += static_cast<float>(box.w - line.width);
        drawText(ui, style.role, size, ImVec2(x, y + (lineHeight - size) * 0.3f), style.color,
                 part);
        y += lineHeight;
    }
    return static_cast<float>(fit.height);
}

float measureTextBlock(UiContext& ui, float width, std::string_view text, const TextBlock& style) {
    const float size = ui.fontSize(style.role);
    const auto lines = core::wrapText(text, width, advanceFor(*ui.fonts, ui.font(style.role), size),
                                      style.maxLines);
    return static_cast<float>(lines.size()) * size * style.lineSpacing;
}

void drawTextLine(UiContext& ui, const core::Rect& box, std::string_view text, core::FontRole role,
                  ImU32 color, TextAlign align, std::string_view where) {
    const float size = ui.fontSize(role);
    TextBlock style;
    style.role = role;
    style.color = color;
    style.align = align;
    style.maxLines = 1;
    style.lineSpacing = 1.0f;
    style.where = where;
    const core::Rect line{box.x, box.y + (box.h - size) / 2 - size * 0.05, box.w, size * 1.2};
    drawTextBlock(ui, line, text, style);
}

} // namespace lantai::kiosk

// kiosk/ui: quiz answer buttons (theme roles answer_N, text_on_answer, answer_mark,
// answer_pressed; shapes and marks drawn as ImGui primitives)
#include "kiosk/ui/answer_button.h"

#include "kiosk/ui/text_layout.h"

#include <algorithm>
#include <array>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

namespace {

enum class Shape { Triangle, Diamond, Circle, Square, Hexagon, Star };

// The shape of each answer A–H: told apart without colour.
constexpr std::array<Shape, core::kAnswerColorCount> kShapes = {
    Shape::Triangle, Shape::Diamond, Shape::Circle,   Shape::Square,
    Shape::Hexagon,  Shape::Star,    Shape::Triangle, Shape::Diamond};

std::size_t styleIndex(int index) {
    return static_cast<std::size_t>(((index % core::kAnswerColorCount) + core::kAnswerColorCount) %
                                    core::kAnswerColorCount);
}

void drawShape(ImDrawList* d, Shape shape, ImVec2 c, float r, ImU32 col) {
    switch (shape) {
    case Shape::Triangle:
        d->AddTriangleFilled({c.x, c.y - r}, {c.x + r * 0.95f, c.y + r * 0.75f},
                             {c.x - r * 0.95f, c.y + r * 0.75f}, col);
        break;
    case Shape::Diamond:
        d->AddQuadFilled({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, col);
        break;
    case Shape::Circle:
        d->AddCircleFilled(c, r * 0.9f, col, 32);
        break;
    case Shape::Square:
        d->AddRectFilled({c.x - r * 0.8f, c.y - r * 0.8f}, {c.x + r * 0.8f, c.y + r * 0.8f}, col);
        break;
    case Shape::Hexagon:
        d->AddNgonFilled(c, r * 0.95f, col, 6);
        break;
    case Shape::Star: // two triangles
        d->AddTriangleFilled({c.x, c.y - r}, {c.x + r * 0.87f, c.y + r * 0.5f},
                             {c.x - r * 0.87f, c.y + r * 0.5f}, col);
        d->AddTriangleFilled({c.x, c.y + r}, {c.x - r * 0.87f, c.y - r * 0.5f},
                             {c.x + r * 0.87f, c.y - r * 0.5f}, col);
        break;
    }
}

// True/false: ○ for 对/true, × for 错/false (the usual marks on Chinese answer sheets).
void drawTrueFalseMark(ImDrawList* d, bool trueMark, ImVec2 c, float r, ImU32 col) {
    if (trueMark) {
        d->AddCircle(c, r * 0.8f, col, 32, r * 0.28f);
    } else {
        const float k = r * 0.7f;
        d->AddLine({c.x - k, c.y - k}, {c.x + k, c.y + k}, col, r * 0.3f);
        d->AddLine({c.x - k, c.y + k}, {c.x + k, c.y - k}, col, r * 0.3f);
    }
}

// A check mark centred at `c`, so the result does not rely on colour.
void drawCheckMark(ImDrawList* d, ImVec2 c, float r, ImU32 col) {
    d->AddLine({c.x - r * 0.6f, c.y}, {c.x - r * 0.1f, c.y + r * 0.5f}, col, r * 0.3f);
    d->AddLine({c.x - r * 0.1f, c.y + r * 0.5f}, {c.x + r * 0.7f, c.y - r * 0.6f}, col, r * 0.3f);
}

} // namespace

char answerLetter(int index) {
    return static_cast<char>('A' + styleIndex(index));
}

void drawAnswerButton(UiContext& ui, const Rect& r, const AnswerButtonState& s,
                      std::string_view label) {
    const ColorRole fillRole = core::answerColorRole(s.index);
    // After the answer, the options that were neither correct nor chosen step back.
    const float dim = s.answered && !s.correct && !s.chosen ? 0.35f : 1.0f;
    const float rounding = ui.px(ui.theme->layout.rounding);
    ui.draw->AddRectFilled(minOf(r), maxOf(r), ui.color(fillRole, dim), rounding);
    if (ui.pressed(r) && !s.answered)
        ui.draw->AddRectFilled(minOf(r), maxOf(r), ui.color(ColorRole::AnswerPressed), rounding);
    if (s.selected && !s.answered)
        ui.draw->AddRect(minOf(r), maxOf(r), ui.color(ColorRole::Focus), rounding, 0, ui.px(0.6f));
    if (s.answered && s.correct)
        ui.draw->AddRect(minOf(r), maxOf(r), ui.color(ColorRole::Success), rounding, 0,
                         ui.px(0.8f));

    const ImU32 onAnswer = ui.color(ColorRole::TextOnAnswer);
    const float r0 = std::min(static_cast<float>(r.h) * 0.28f, ui.px(4));
    const ImVec2 mark{static_cast<float>(r.x) + r0 * 1.8f, static_cast<float>(r.y + r.h / 2)};
    if (s.trueFalse) {
        drawTrueFalseMark(ui.draw, s.index == 0, mark, r0, onAnswer);
    } else {
        drawShape(ui.draw, kShapes[styleIndex(s.index)], mark, r0, ui.color(ColorRole::AnswerMark));
        // The letter in the answer's own colour, on its shape.
        const char letter[2] = {answerLetter(s.index), 0};
        const float ls = ui.fontSize(FontRole::Button);
        ui.draw->AddText(ui.font(FontRole::Button), ls * 0.8f,
                         ImVec2(mark.x - ls * 0.24f, mark.y - ls * 0.35f), ui.color(fillRole),
                         letter);
    }
    TextBlock text;
    text.role = FontRole::Body;
    text.color = onAnswer;
    text.maxLines = 3;
    const std::string where = "answer:" + std::to_string(s.index);
    text.where = where;
    const float tx = mark.x + r0 * 1.8f;
    const float tw = static_cast<float>(r.right()) - tx - ui.px(1);
    const float th = measureTextBlock(ui, tw, label, text);
    drawTextBlock(ui, {tx, r.y + (r.h - th) / 2, tw, th}, label, text);
    if (s.answered && s.correct)
        drawCheckMark(
            ui.draw, {static_cast<float>(r.right()) - r0 * 1.6f, static_cast<float>(r.y + r.h / 2)},
            r0, onAnswer);
}

} // namespace lantai::kiosk

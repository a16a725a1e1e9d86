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

// A cross centred at `c`: the visitor's answer that was not right.
void drawCrossMark(ImDrawList* d, ImVec2 c, float r, ImU32 col) {
    const float k = r * 0.55f;
    d->AddLine({c.x - k, c.y - k}, {c.x + k, c.y + k}, col, r * 0.3f);
    d->AddLine({c.x - k, c.y + k}, {c.x + k, c.y - k}, col, r * 0.3f);
}

// After the answer: a label at the button's right end — "✓ 正确答案 / Correct answer" on the
// right answers, "✗ 你的选择 / Your answer" on the visitor's wrong one, "✓ 你的选择" on a right
// one the visitor chose — so the result is told in words and marks, not by colour alone.
// Returns the label's left edge (the answer's text stops there).
float drawResultLabel(UiContext& ui, const Rect& r, const AnswerButtonState& s) {
    const float right = static_cast<float>(r.right());
    if (!s.answered || (!s.correct && !s.chosen)) return right;
    const std::string& text = ui.ui(s.chosen ? "quiz.your_answer" : "quiz.correct_answer");
    const float fs = ui.fontSize(FontRole::Caption);
    const float h = fs * 1.7f;
    const float icon = h * 0.45f;
    const float pad = fs * 0.5f;
    const float w = pad + icon * 2 + pad * 0.5f + textWidth(ui, FontRole::Caption, text) + pad;
    const float x = right - ui.px(1) - w;
    const float y = static_cast<float>(r.y + (r.h - h) / 2);
    ui.draw->AddRectFilled({x, y}, {x + w, y + h}, ui.color(ColorRole::Surface), h / 2);
    const ImU32 ink = ui.color(ColorRole::Text);
    const ImVec2 c{x + pad + icon, y + h / 2};
    if (s.correct)
        drawCheckMark(ui.draw, c, icon, ink);
    else
        drawCrossMark(ui.draw, c, icon, ink);
    drawTextLine(ui, {x + pad + icon * 2 + pad * 0.5f, y, w - pad * 2 - icon * 2, h}, text,
                 FontRole::Caption, ink, TextAlign::Left,
                 s.chosen ? "answer:your-answer" : "answer:correct-answer");
    return x;
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
    const float labelLeft = drawResultLabel(ui, r, s);
    const float tw = labelLeft - tx - ui.px(1);
    const float th = measureTextBlock(ui, tw, label, text);
    drawTextBlock(ui, {tx, r.y + (r.h - th) / 2, tw, th}, label, text);
}

} // namespace lantai::kiosk

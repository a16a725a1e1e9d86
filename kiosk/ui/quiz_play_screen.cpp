// kiosk/ui: quiz question and feedback — big answer buttons told apart by shape, letter and colour
#include "core/i18n/ui_strings.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

namespace {

// Answer styles: colour-blind safe because every answer also has its own shape and letter.
// Dark fills so white labels keep ≥ 4.5:1 contrast.
struct AnswerStyle {
    ImU32 fill;
    char letter;
    int shape; // 0 triangle, 1 diamond, 2 circle, 3 square, 4 hexagon, 5 star-ish (two triangles)
};
constexpr AnswerStyle kStyles[] = {
    {IM_COL32(178, 34, 34, 255), 'A', 0},  {IM_COL32(21, 101, 192, 255), 'B', 1},
    {IM_COL32(133, 100, 4, 255), 'C', 2},  {IM_COL32(46, 125, 50, 255), 'D', 3},
    {IM_COL32(106, 27, 154, 255), 'E', 4}, {IM_COL32(0, 105, 92, 255), 'F', 5},
    {IM_COL32(93, 64, 55, 255), 'G', 0},   {IM_COL32(55, 71, 79, 255), 'H', 1},
};

void drawShape(ImDrawList* d, int shape, ImVec2 c, float r, ImU32 col) {
    switch (shape) {
    case 0:
        d->AddTriangleFilled({c.x, c.y - r}, {c.x + r * 0.95f, c.y + r * 0.75f},
                             {c.x - r * 0.95f, c.y + r * 0.75f}, col);
        break;
    case 1:
        d->AddQuadFilled({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, col);
        break;
    case 2:
        d->AddCircleFilled(c, r * 0.9f, col, 32);
        break;
    case 3:
        d->AddRectFilled({c.x - r * 0.8f, c.y - r * 0.8f}, {c.x + r * 0.8f, c.y + r * 0.8f}, col);
        break;
    case 4:
        d->AddNgonFilled(c, r * 0.95f, col, 6);
        break;
    default:
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

} // namespace

void drawQuizPlay(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    const auto* drawn = quiz.question();
    if (!drawn) return;
    const auto& q = drawn->question;
    const auto now = state.clock();
    const bool answered = quiz.phase() == core::QuizPhase::Answered;
    const auto* result = answered ? quiz.lastResult() : nullptr;
    const float pad = ui.px(ui.theme->layout.spacing);
    float y = static_cast<float>(area.y);

    // Team banner: whose turn it is, in the team's colour.
    if (const auto* team = quiz.team()) {
        const auto& preset = team->team(team->currentTeam());
        const ImU32 colour = IM_COL32((preset.colour >> 16) & 0xFF, (preset.colour >> 8) & 0xFF,
                                      preset.colour & 0xFF, 255);
        const float h = ui.fontSize(FontRole::Heading) * 1.6f;
        ui.draw->AddRectFilled(minOf(Rect{area.x, y, area.w, h}), maxOf(Rect{area.x, y, area.w, h}),
                               colour, ui.px(0.6f));
        TextBlock banner;
        banner.role = FontRole::Heading;
        banner.color = readableTextOn(preset.colour);
        banner.align = TextAlign::Center;
        banner.maxLines = 1;
        drawTextBlock(
            ui, {area.x, y + h * 0.12, area.w, h},
            core::uiFormat("quiz.team_turn", ui.language, {{"team", ui.text(preset.name)}}),
            banner);
        y += h + pad * 0.5f;
        // Live scoreboard: every team's colour chip and score, the team on turn outlined.
        const float chipH = ui.fontSize(FontRole::Body) * 1.6f;
        float x = static_cast<float>(area.x);
        drawTextLine(ui, {area.x, y, ui.px(16), chipH}, ui.ui("quiz.scoreboard"), FontRole::Caption,
                     ui.color(ColorRole::TextOnBackgroundMuted));
        x += ui.px(16);
        for (const auto& standing : team->standings()) {
            const auto& p = *standing.preset;
            const std::string label = ui.text(p.name) + " " + std::to_string(standing.score);
            const float w = textWidth(ui, FontRole::Body, label) + chipH;
            const ImU32 c =
                IM_COL32((p.colour >> 16) & 0xFF, (p.colour >> 8) & 0xFF, p.colour & 0xFF, 255);
            ui.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chipH), c, chipH / 2);
            if (standing.team == team->currentTeam())
                ui.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + chipH), ui.color(ColorRole::Focus),
                                 chipH / 2, 0, ui.px(0.35f));
            ui.draw->AddText(ui.font(FontRole::Body), ui.fontSize(FontRole::Body),
                             ImVec2(x + chipH / 2, y + chipH * 0.18f), readableTextOn(p.colour),
                             label.c_str());
            x += w + pad;
        }
        y += chipH + pad;
    }
    // Progress line and timer.
    TextBlock progress;
    progress.role = FontRole::Caption;
    progress.color = ui.color(ColorRole::TextOnBackgroundMuted);
    progress.maxLines = 1;
    const std::string typeKey = q.type == core::QuestionType::Multiple    ? "quiz.type.multiple"
                                : q.type == core::QuestionType::TrueFalse ? "quiz.type.true_false"
                                                                          : "quiz.type.single";
    drawTextBlock(ui, {area.x, y, area.w, ui.px(5)},
                  core::uiFormat("quiz.question_n_of", ui.language,
                                 {{"n", std::to_string(quiz.questionIndex() + 1)},
                                  {"total", std::to_string(quiz.questionCount())}}) +
                      "  ·  " + ui.ui(typeKey),
                  progress);
    y += ui.fontSize(FontRole::Caption) * 1.6f;
    if (quiz.timerRunning()) {
        const double left = quiz.secondsLeft(now);
        const float frac =
            static_cast<float>(std::clamp(left / std::max(1.0, quiz.timerSeconds()), 0.0, 1.0));
        const Rect track{area.x, y, area.w, ui.px(1.0f)};
        ui.draw->AddRectFilled(minOf(track), maxOf(track), ui.color(ColorRole::TimerTrack),
                               ui.px(0.5f));
        ui.draw->AddRectFilled(minOf(track),
                               ImVec2(static_cast<float>(track.x + track.w * frac),
                                      static_cast<float>(track.bottom())),
                               ui.color(ColorRole::Accent), ui.px(0.5f));
        TextBlock timer;
        timer.role = FontRole::Caption;
        timer.color = ui.color(ColorRole::TextOnBackground);
        timer.align = TextAlign::Right;
        drawTextBlock(
            ui, {area.x, y - ui.fontSize(FontRole::Caption) * 1.6, area.w, ui.px(5)},
            core::uiCount("quiz.time_left", static_cast<long long>(std::ceil(left)), ui.language),
            timer);
        y += ui.px(1.6f);
    }
    // The question (and its image).
    TextBlock prompt;
    prompt.role = FontRole::Heading;
    prompt.color = ui.color(ColorRole::TextOnBackground);
    prompt.maxLines = 4;
    const bool hasImage = q.image.has_value();
    const float textW =
        hasImage && !ui.portrait ? static_cast<float>(area.w) * 0.6f : static_cast<float>(area.w);
    float promptH = drawTextBlock(ui, {area.x, y, textW, ui.height}, ui.text(q.prompt), prompt);
    if (hasImage) {
        const float ih =
            ui.portrait ? std::min(ui.px(30), static_cast<float>(area.h) * 0.25f) : ui.px(24);
        const Rect img = ui.portrait ? Rect{area.x, y + promptH + pad, area.w, ih}
                                     : Rect{area.x + textW + pad, y, area.w - textW - pad, ih};
        drawImageFile(ui, q.image->file, img, ImageFit::Contain,
                      static_cast<int>(std::max(img.w, img.h)), ui.px(0.6f));
        promptH = ui.portrait ? promptH + pad + ih : std::max(promptH, ih);
    }
    y += promptH + pad * 2;

    // Answers: a 2-column grid (1 column in portrait), or two big true/false buttons.
    const bool trueFalse = q.type == core::QuestionType::TrueFalse;
    const int options = drawn->optionCount();
    const float feedbackH = answered ? ui.px(ui.portrait ? 30 : 22) : 0;
    const float bottomBar = ui.touchMin() * 1.1f + pad;
    const float available = static_cast<float>(area.bottom()) - y - feedbackH - bottomBar;
    const int columns = trueFalse ? 2 : (ui.portrait ? 1 : 2);
    const int rows = (options + columns - 1) / columns;
    const float bw = (static_cast<float>(area.w) - pad * float(columns - 1)) / float(columns);
    const float bh = std::clamp((available - pad * float(rows - 1)) / float(rows), ui.touchMin(),
                                ui.px(trueFalse ? 22 : 14));
    const auto& selected = quiz.selected();
    for (int i = 0; i < options; ++i) {
        const Rect r{area.x + float(i % columns) * (bw + pad), y + float(i / columns) * (bh + pad),
                     bw, bh};
        const AnswerStyle& style = kStyles[static_cast<std::size_t>(i) % std::size(kStyles)];
        const bool isSelected = std::find(selected.begin(), selected.end(), i) != selected.end();
        bool isCorrect = false, wasChosen = false;
        if (result) {
            isCorrect = std::find(result->correctOptions.begin(), result->correctOptions.end(),
                                  i) != result->correctOptions.end();
            wasChosen =
                std::find(result->chosen.begin(), result->chosen.end(), i) != result->chosen.end();
        }
        const float dim = result && !isCorrect && !wasChosen ? 0.35f : 1.0f;
        ImU32 fill = style.fill;
        if (dim < 1) fill = (fill & 0x00FFFFFF) | (static_cast<ImU32>(255 * dim) << 24);
        const float rounding = ui.px(ui.theme->layout.rounding);
        ui.draw->AddRectFilled(minOf(r), maxOf(r), fill, rounding);
        if (ui.pressed(r) && !result)
            ui.draw->AddRectFilled(minOf(r), maxOf(r), IM_COL32(0, 0, 0, 60), rounding);
        if (isSelected && !result)
            ui.draw->AddRect(minOf(r), maxOf(r), ui.color(ColorRole::Focus), rounding, 0,
                             ui.px(0.6f));
        if (result && isCorrect)
            ui.draw->AddRect(minOf(r), maxOf(r), ui.color(ColorRole::Success), rounding, 0,
                             ui.px(0.8f));
        const float r0 = std::min(static_cast<float>(r.h) * 0.28f, ui.px(4));
        const ImVec2 mark{static_cast<float>(r.x) + r0 * 1.8f, static_cast<float>(r.y + r.h / 2)};
        std::string label;
        if (trueFalse) {
            drawTrueFalseMark(ui.draw, i == 0, mark, r0, IM_COL32_WHITE);
            label = ui.ui(i == 0 ? "quiz.true" : "quiz.false");
        } else {
            drawShape(ui.draw, style.shape, mark, r0, IM_COL32(255, 255, 255, 230));
            const char letter[2] = {style.letter, 0};
            const float ls = ui.fontSize(FontRole::Button);
            ui.draw->AddText(ui.font(FontRole::Button), ls * 0.8f,
                             ImVec2(mark.x - ls * 0.24f, mark.y - ls * 0.35f), fill | 0xFF000000,
                             letter);
            const auto& option = drawn->displayedOption(i);
            label = !option || option->text.empty() ? std::string(1, style.letter)
                                                    : ui.text(option->text);
        }
        TextBlock text;
        text.role = FontRole::Body;
        text.color = IM_COL32_WHITE;
        text.maxLines = 3;
        const float tx = mark.x + r0 * 1.8f;
        const float tw = static_cast<float>(r.right()) - tx - ui.px(1);
        const float th = measureTextBlock(ui, tw, label, text);
        drawTextBlock(ui, {tx, r.y + (r.h - th) / 2, tw, th}, label, text);
        if (result && isCorrect) {
            // A check mark on the correct answers, so the result does not rely on colour.
            const ImVec2 c{static_cast<float>(r.right()) - r0 * 1.6f,
                           static_cast<float>(r.y + r.h / 2)};
            ui.draw->AddLine({c.x - r0 * 0.6f, c.y}, {c.x - r0 * 0.1f, c.y + r0 * 0.5f},
                             IM_COL32_WHITE, r0 * 0.3f);
            ui.draw->AddLine({c.x - r0 * 0.1f, c.y + r0 * 0.5f}, {c.x + r0 * 0.7f, c.y - r0 * 0.6f},
                             IM_COL32_WHITE, r0 * 0.3f);
        }
        if (!result) {
            if (q.type == core::QuestionType::Multiple)
                ui.addTarget("answer:" + std::to_string(i), r,
                             [&state, i] { state.quiz->toggleOption(i); });
            else
                ui.addTarget("answer:" + std::to_string(i), r,
                             [&state, i] { state.quiz->answer(i, state.clock()); });
        }
    }
    y += float(rows) * (bh + pad);

    if (result) {
        // Feedback: verdict, points, feedback/explanation, "see the archive".
        const bool partial = !result->correct && result->partialCredit > 0;
        const std::string verdict = result->timedOut  ? ui.ui("quiz.timed_out")
                                    : result->correct ? ui.ui("quiz.correct")
                                    : partial         ? ui.ui("quiz.partial")
                                                      : ui.ui("quiz.wrong");
        const Rect box{area.x, y, area.w, static_cast<float>(area.bottom()) - y - bottomBar};
        ui.draw->AddRectFilled(minOf(box), maxOf(box), ui.color(ColorRole::Surface),
                               ui.px(ui.theme->layout.rounding));
        const float ip = ui.px(ui.theme->layout.padding) * 0.7f;
        float fy = static_cast<float>(box.y) + ip;
        TextBlock v;
        v.role = FontRole::Heading;
        v.color = ui.color(result->correct ? ColorRole::Success : ColorRole::Danger);
        v.maxLines = 1;
        std::string headline = verdict;
        if (result->points > 0)
            headline += "   " + core::uiCount("quiz.points", result->points, ui.language);
        fy += drawTextBlock(ui, {box.x + ip, fy, box.w - ip * 2, box.h}, headline, v);
        std::string body = ui.text(result->feedback);
        if (!result->explanation.empty())
            body += (body.empty() ? "" : "  ") + ui.ui("quiz.explanation") + "：" +
                    ui.text(result->explanation);
        TextBlock e;
        e.role = FontRole::Body;
        e.color = ui.color(ColorRole::Text);
        e.maxLines = ui.portrait ? 6 : 3;
        drawTextBlock(ui, {box.x + ip, fy, box.w - ip * 2, box.bottom() - fy}, body, e);
    }
    // Bottom bar: submit (multiple choice) or next / see the archive.
    const float bbh = ui.touchMin() * 1.1f;
    const float by = static_cast<float>(area.bottom()) - bbh;
    const float bbw = std::min(static_cast<float>(area.w) * 0.45f, ui.px(60));
    if (!result && q.type == core::QuestionType::Multiple && !selected.empty())
        button(ui, "submit", {area.right() - bbw, by, bbw, bbh}, ui.ui("quiz.submit"),
               ButtonKind::Primary, [&state] { state.quiz->submit(state.clock()); });
    if (result) {
        const bool last = quiz.questionIndex() + 1 >= quiz.questionCount();
        button(ui, "next", {area.right() - bbw, by, bbw, bbh},
               ui.ui(last ? "quiz.finish" : "quiz.next"), ButtonKind::Primary,
               [&state] { state.quiz->next(state.clock()); });
        if (!q.item.empty() && state.pack->findItem(q.item)) {
            const std::string item = q.item;
            button(ui, "see-archive", {area.x, by, bbw, bbh}, ui.ui("quiz.see_archive"),
                   ButtonKind::Secondary, [&state, item] {
                       if (state.nav.openItemById(item)) state.returnToQuiz = true;
                   });
        }
    }
}

} // namespace lantai::kiosk

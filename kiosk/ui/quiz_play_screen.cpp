// kiosk/ui: quiz question and feedback — whose turn (class contests), progress and timer, the
// question, big answer buttons told apart by shape, letter and colour, the verdict, next
#include "core/i18n/ui_strings.h"
#include "kiosk/ui/answer_button.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/images.h"
#include "kiosk/ui/listen_button.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

namespace {

// Team banner (whose turn it is, in the team's colour) and the live scoreboard: every team's
// chip and score, the team on turn outlined. Returns the y below them.
float drawTeamTurn(UiContext& ui, const core::TeamSession& team, const Rect& area, float y) {
    const float pad = ui.px(ui.theme->layout.spacing);
    const int turn = team.currentTeam();
    const auto& preset = team.team(turn);
    const float h = ui.fontSize(FontRole::Heading) * 1.6f;
    ui.draw->AddRectFilled(minOf(Rect{area.x, y, area.w, h}), maxOf(Rect{area.x, y, area.w, h}),
                           ui.color(core::teamColorRole(turn)), ui.px(0.6f));
    TextBlock banner;
    banner.role = FontRole::Heading;
    banner.color = ui.color(core::textOnTeamRole(turn));
    banner.align = TextAlign::Center;
    banner.maxLines = 1;
    drawTextBlock(ui, {area.x, y + h * 0.12, area.w, h},
                  core::uiFormat("quiz.team_turn", ui.language, {{"team", ui.text(preset.name)}}),
                  banner);
    y += h + pad * 0.5f;
    const float chipH = ui.fontSize(FontRole::Body) * 1.6f;
    float x = static_cast<float>(area.x);
    drawTextLine(ui, {area.x, y, ui.px(16), chipH}, ui.ui("quiz.scoreboard"), FontRole::Caption,
                 ui.color(ColorRole::TextOnBackgroundMuted));
    x += ui.px(16);
    for (const auto& standing : team.standings()) {
        const std::string label =
            ui.text(standing.preset->name) + " " + std::to_string(standing.score);
        const float w = textWidth(ui, FontRole::Body, label) + chipH;
        ui.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chipH),
                               ui.color(core::teamColorRole(standing.team)), chipH / 2);
        if (standing.team == turn)
            ui.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + chipH), ui.color(ColorRole::Focus),
                             chipH / 2, 0, ui.px(0.35f));
        ui.draw->AddText(ui.font(FontRole::Body), ui.fontSize(FontRole::Body),
                         ImVec2(x + chipH / 2, y + chipH * 0.18f),
                         ui.color(core::textOnTeamRole(standing.team)), label.c_str());
        x += w + pad;
    }
    return y + chipH + pad;
}

// "Question n of total · type", and the timer bar with the seconds left. Returns the y below.
float drawProgress(UiContext& ui, const QuizController& quiz, const core::Question& q,
                   const Rect& area, float y, QuizController::TimePoint now) {
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
    if (!quiz.timerRunning()) return y;
    const double left = quiz.secondsLeft(now);
    const float frac =
        static_cast<float>(std::clamp(left / std::max(1.0, quiz.timerSeconds()), 0.0, 1.0));
    const Rect track{area.x, y, area.w, ui.px(1.0f)};
    ui.draw->AddRectFilled(minOf(track), maxOf(track), ui.color(ColorRole::TimerTrack),
                           ui.px(0.5f));
    ui.draw->AddRectFilled(
        minOf(track),
        ImVec2(static_cast<float>(track.x + track.w * frac), static_cast<float>(track.bottom())),
        ui.color(ColorRole::Accent), ui.px(0.5f));
    TextBlock timer;
    timer.role = FontRole::Caption;
    timer.color = ui.color(ColorRole::TextOnBackground);
    timer.align = TextAlign::Right;
    drawTextBlock(
        ui, {area.x, y - ui.fontSize(FontRole::Caption) * 1.6, area.w, ui.px(5)},
        core::uiCount("quiz.time_left", static_cast<long long>(std::ceil(left)), ui.language),
        timer);
    return y + ui.px(1.6f);
}

TextBlock promptStyle(UiContext& ui) {
    TextBlock prompt;
    prompt.role = FontRole::Heading;
    prompt.color = ui.color(ColorRole::TextOnBackground);
    prompt.maxLines = 4;
    prompt.where = "quiz:prompt";
    return prompt;
}

// Where the question goes: its text, and its image beside it (landscape) or below it
// (portrait). Without `withImage` the image is left out: once answered, when the feedback would
// not fit beside it (large text, a team's turn) — the visitor has seen it while answering.
struct PromptLayout {
    Rect text;
    Rect image;       // empty: no image shown
    float bottom = 0; // the y below the question
};

PromptLayout layoutPrompt(UiContext& ui, const core::Question& q, const Rect& area, float y,
                          bool withImage) {
    const float pad = ui.px(ui.theme->layout.spacing);
    const bool hasImage = withImage && q.image.has_value();
    const float textW =
        hasImage && !ui.portrait ? static_cast<float>(area.w) * 0.6f : static_cast<float>(area.w);
    PromptLayout layout;
    float promptH = measureTextBlock(ui, textW, ui.text(q.prompt), promptStyle(ui));
    layout.text = {area.x, y, textW, promptH};
    if (hasImage) {
        const float ih =
            ui.portrait ? std::min(ui.px(30), static_cast<float>(area.h) * 0.25f) : ui.px(24);
        layout.image = ui.portrait ? Rect{area.x, y + promptH + pad, area.w, ih}
                                   : Rect{area.x + textW + pad, y, area.w - textW - pad, ih};
        promptH = ui.portrait ? promptH + pad + ih : std::max(promptH, ih);
    }
    layout.bottom = y + promptH + pad * 2;
    return layout;
}

void drawPrompt(UiContext& ui, const core::Question& q, const PromptLayout& layout) {
    drawTextBlock(ui, {layout.text.x, layout.text.y, layout.text.w, ui.height}, ui.text(q.prompt),
                  promptStyle(ui));
    if (!layout.image.empty())
        drawImageFile(ui, q.image->file, layout.image, ImageFit::Contain,
                      static_cast<int>(std::max(layout.image.w, layout.image.h)), ui.px(0.6f));
}

bool contains(const std::vector<int>& v, int i) {
    return std::find(v.begin(), v.end(), i) != v.end();
}

// The answers: a 2-column grid (1 column in portrait), or two big true/false buttons, in the
// height `available`. Before the answer each is a tap target. Once answered, when the feedback
// leaves too little room for all of them (large text, a team's turn), only the visitor's choice
// and the correct answers stay. Returns the y below.
float drawAnswers(UiContext& ui, KioskState& state, const core::DrawnQuestion& drawn,
                  const core::AnswerResult* result, const Rect& area, float y, float available) {
    const auto& q = drawn.question;
    const float pad = ui.px(ui.theme->layout.spacing);
    const bool trueFalse = q.type == core::QuestionType::TrueFalse;
    // True/false side by side, except in portrait large text: one above the other, so "False"
    // and its "Correct answer" label fit on one line.
    const int columns = trueFalse && !(ui.portrait && ui.largeText) ? 2 : (ui.portrait ? 1 : 2);
    const auto rowsOf = [columns](std::size_t n) {
        return (static_cast<int>(n) + columns - 1) / columns;
    };
    std::vector<int> shown;
    for (int i = 0; i < drawn.optionCount(); ++i)
        shown.push_back(i);
    if (result && !trueFalse &&
        available < float(rowsOf(shown.size())) * (ui.touchMin() + pad) - pad) {
        std::erase_if(shown, [result](int i) {
            return !contains(result->correctOptions, i) && !contains(result->chosen, i);
        });
    }
    const int rows = rowsOf(shown.size());
    const float bw = (static_cast<float>(area.w) - pad * float(columns - 1)) / float(columns);
    const float bh = std::clamp((available - pad * float(rows - 1)) / float(rows), ui.touchMin(),
                                ui.px(trueFalse ? 22 : 14));
    for (std::size_t slot = 0; slot < shown.size(); ++slot) {
        const int i = shown[slot];
        const int at = static_cast<int>(slot);
        const Rect r{area.x + float(at % columns) * (bw + pad),
                     y + float(at / columns) * (bh + pad), bw, bh};
        AnswerButtonState look;
        look.index = i;
        look.trueFalse = trueFalse;
        look.selected = contains(state.quiz->selected(), i);
        look.answered = result != nullptr;
        look.correct = result && contains(result->correctOptions, i);
        look.chosen = result && contains(result->chosen, i);
        std::string label;
        if (trueFalse) {
            label = ui.ui(i == 0 ? "quiz.true" : "quiz.false");
        } else {
            const auto& option = drawn.displayedOption(i);
            label = !option || option->text.empty() ? std::string(1, answerLetter(i))
                                                    : ui.text(option->text);
        }
        drawAnswerButton(ui, r, look, label);
        if (result) continue;
        if (q.type == core::QuestionType::Multiple)
            ui.addTarget("answer:" + std::to_string(i), r,
                         [&state, i] { state.quiz->toggleOption(i); });
        else
            ui.addTarget("answer:" + std::to_string(i), r,
                         [&state, i] { state.quiz->answer(i, state.clock()); });
    }
    return y + float(rows) * (bh + pad);
}

std::string feedbackBody(UiContext& ui, const core::AnswerResult& result) {
    std::string body = ui.text(result.feedback);
    if (!result.explanation.empty())
        body += (body.empty() ? "" : "  ") + ui.ui("quiz.explanation") + "：" +
                ui.text(result.explanation);
    return body;
}

TextBlock feedbackBodyStyle(UiContext& ui, int maxLines) {
    TextBlock e;
    e.role = FontRole::Body;
    e.color = ui.color(ColorRole::Text);
    e.maxLines = maxLines;
    return e;
}

// The feedback panel: how many lines its body may take and its height for its text (so it is
// never a large empty box).
struct FeedbackSize {
    int bodyLines = 0;
    float height = 0;
    bool whole = true; // the whole body fits in `room`
};

// Usually at most 3 lines (6 in portrait); a longer explanation (large text) takes more lines
// while `room` — the height the answers that must stay leave — has them, so it is not cut off.
FeedbackSize feedbackSize(UiContext& ui, const core::AnswerResult& result, float width,
                          float room) {
    const float ip = ui.px(ui.theme->layout.padding) * 0.7f;
    const float headingH = ui.fontSize(FontRole::Heading) * 1.35f;
    const std::string body = feedbackBody(ui, result);
    FeedbackSize size;
    size.bodyLines = ui.portrait ? 6 : 3;
    TextBlock e = feedbackBodyStyle(ui, size.bodyLines);
    const float lineH = ui.fontSize(FontRole::Body) * e.lineSpacing;
    const float wholeH = body.empty() ? 0 : measureTextBlock(ui, width - ip * 2, body, e);
    const int roomLines = static_cast<int>(std::floor((room - ip * 2 - headingH) / lineH));
    const int wholeLines = static_cast<int>(std::ceil(wholeH / lineH - 0.01f));
    size.bodyLines = std::max(size.bodyLines, std::min(wholeLines, roomLines));
    size.whole = wholeLines <= std::max(0, roomLines);
    size.height = ip * 2 + headingH + std::min(wholeH, lineH * float(size.bodyLines));
    return size;
}

// The verdict (correct / partly right / wrong / time is up) with the points, then the feedback
// and the explanation, on a panel.
void drawFeedback(UiContext& ui, const core::AnswerResult& result, const Rect& box, int bodyLines) {
    const bool partial = !result.correct && result.partialCredit > 0;
    const std::string verdict = result.timedOut  ? ui.ui("quiz.timed_out")
                                : result.correct ? ui.ui("quiz.correct")
                                : partial        ? ui.ui("quiz.partial")
                                                 : ui.ui("quiz.wrong");
    ui.draw->AddRectFilled(minOf(box), maxOf(box), ui.color(ColorRole::Surface),
                           ui.px(ui.theme->layout.rounding));
    const float ip = ui.px(ui.theme->layout.padding) * 0.7f;
    float fy = static_cast<float>(box.y) + ip;
    TextBlock v;
    v.role = FontRole::Heading;
    v.color = ui.color(result.correct ? ColorRole::Success : ColorRole::Danger);
    v.maxLines = 1;
    std::string headline = verdict;
    if (result.points > 0)
        headline += "   " + core::uiCount("quiz.points", result.points, ui.language);
    fy += drawTextBlock(ui, {box.x + ip, fy, box.w - ip * 2, box.h}, headline, v);
    drawTextBlock(ui, {box.x + ip, fy, box.w - ip * 2, box.bottom() - fy}, feedbackBody(ui, result),
                  feedbackBodyStyle(ui, bodyLines));
}

// Bottom bar: submit (multiple choice, something ticked) before the answer; next (or finish)
// and "see the archive" (when the question links an item of the pack) after it.
void drawBottomBar(UiContext& ui, KioskState& state, const core::Question& q, bool answered,
                   const Rect& area) {
    auto& quiz = *state.quiz;
    const float bbh = ui.touchMin() * 1.1f;
    const float by = static_cast<float>(area.bottom()) - bbh;
    const float bbw = std::min(static_cast<float>(area.w) * 0.45f, ui.px(60));
    if (!answered) {
        if (q.type == core::QuestionType::Multiple && !quiz.selected().empty())
            button(ui, "submit", {area.right() - bbw, by, bbw, bbh}, ui.ui("quiz.submit"),
                   ButtonKind::Primary, [&state] { state.quiz->submit(state.clock()); });
        // The question read aloud, where "see the archive" goes after the answer.
        if (!narrationFile(state, q.narration).empty())
            drawListenButton(ui, state, "question:" + q.id, q.narration, {area.x, by, bbw, bbh});
        return;
    }
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

} // namespace

void drawQuizPlay(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    const auto* drawn = quiz.question();
    if (!drawn) return;
    const auto& q = drawn->question;
    const bool answered = quiz.phase() == core::QuizPhase::Answered;
    const auto* result = answered ? quiz.lastResult() : nullptr;
    const float pad = ui.px(ui.theme->layout.spacing);
    float y = static_cast<float>(area.y);
    if (const auto* team = quiz.team()) y = drawTeamTurn(ui, *team, area, y);
    y = drawProgress(ui, quiz, q, area, y, state.clock());
    // The answers take what the feedback panel (once answered, as tall as its text) and the
    // bottom bar leave.
    const float bottomBar = ui.touchMin() * 1.1f + pad;
    const auto feedbackBelow = [&](float answersTop) {
        // The answers that must stay (the visitor's choice, the correct ones) at their smallest.
        int mustStay = 0;
        for (int i = 0; i < drawn->optionCount(); ++i)
            mustStay += contains(result->correctOptions, i) || contains(result->chosen, i);
        const int columns = ui.portrait ? 1 : 2;
        const float answersMin =
            float((std::max(mustStay, 1) + columns - 1) / columns) * (ui.touchMin() + pad);
        const float room =
            static_cast<float>(area.bottom()) - answersTop - bottomBar - answersMin - pad;
        return feedbackSize(ui, *result, static_cast<float>(area.w), room);
    };
    PromptLayout prompt = layoutPrompt(ui, q, area, y, true);
    y = quizReachTop(ui, prompt.bottom); // the answers are tapped: inside the reach band
    FeedbackSize feedback;
    if (result) {
        feedback = feedbackBelow(y);
        if (!feedback.whole && !prompt.image.empty()) {
            prompt = layoutPrompt(ui, q, area, static_cast<float>(prompt.text.y), false);
            y = quizReachTop(ui, prompt.bottom);
            feedback = feedbackBelow(y);
        }
    }
    drawPrompt(ui, q, prompt);
    const float feedbackH = result ? feedback.height + pad : 0;
    y = drawAnswers(ui, state, *drawn, result, area, y,
                    static_cast<float>(area.bottom()) - y - feedbackH - bottomBar);
    if (result)
        drawFeedback(ui, *result,
                     {area.x, y, area.w,
                      std::min(feedbackH - pad, static_cast<float>(area.bottom()) - y - bottomBar)},
                     feedback.bodyLines);
    drawBottomBar(ui, state, q, result != nullptr, area);
}

} // namespace lantai::kiosk

// kiosk/runtime: state JSON for tests — screen, item, zoom, session, video, narration, quiz,
// measurements
#include "kiosk/runtime/state_report.h"

#include "kiosk/ui/narration_controller.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/video_controller.h"

namespace lantai::kiosk {

nlohmann::json kioskStateJson(const KioskState& state, const KioskMetrics& m) {
    const auto* exhibition = state.nav.currentExhibition();
    const auto* chapter = state.nav.currentChapter();
    const auto* item = state.nav.currentItem();
    const bool onItem = state.nav.screen() == core::KioskScreen::Item;
    nlohmann::json j = {
        {"screen", core::kioskScreenName(state.nav.screen())},
        {"exhibition", exhibition ? exhibition->id : ""},
        {"chapter", chapter ? chapter->id : ""},
        {"item", item ? item->id : ""},
        {"image", onItem ? state.nav.image() : -1},
        {"zoom", onItem ? state.viewport.zoomLevelFraction() : 0.0},
        {"zoom_scale", onItem ? state.viewport.zoom() : 0.0},
        {"zoom_level", onItem ? state.zoomScaleFactor : 0},
        {"zoom_sharp", onItem && state.zoomSharp},
        {"image_failed", onItem && state.zoomImageFailed},
        {"image_error", onItem ? state.zoomImageError : std::string()},
        {"language", core::languageCode(state.language)},
        {"theme", state.themeName},
        {"pack", state.pack ? state.pack->id : ""},
        {"pack_title", state.pack ? state.pack->title.get(state.language) : ""},
        {"reload_pending", m.reloadPending},
        {"session", m.session},
        {"still_there", state.stillThere},
        {"still_there_seconds", state.stillThereSeconds},
        {"out_of_service_reason", state.serviceReason},
        {"out_of_service_reason_zh", state.serviceReasonZh},
        {"frames", m.frames},
        {"script_step", m.scriptStep},
        {"script_errors", m.scriptErrors},
        {"startup_ms", m.startupMs},
        {"font_atlas_ms", m.fontAtlasMs},
        {"glyphs", m.glyphs},
        {"missing_glyphs", m.missingGlyphs},
        {"texture_bytes", m.textureBytes},
        {"textures", m.textureCount},
        {"textures_pending", m.texturesPending},
        {"grid_scroll", m.gridScroll},
        {"grid_max_scroll", m.gridMaxScroll},
        {"frame_build_p99_ms", m.frameBuildP99Ms},
        {"frame_build_max_ms", m.frameBuildMaxMs},
        {"frame_build_samples", m.frameBuildSamples},
        {"sharp_after_zoom_ms", state.sharpAfterZoomMs},
        {"attract_slide", m.attractSlide},
        {"stats",
         {{"available", m.statsAvailable},
          {"pending", m.statsPending},
          {"problem", m.statsProblem},
          {"disk_low", m.statsDiskLow},
          {"events_pending", m.eventsPending},
          {"events_written", m.eventsWritten},
          {"events_problem", m.eventsProblem}}},
        {"targets", m.targets},
        {"width", m.width},
        {"height", m.height},
        {"gl_renderer", m.glRenderer},
    };
    if (state.video && !state.video->videoId().empty()) {
        const VideoController& video = *state.video;
        const MediaStatus& s = video.status();
        nlohmann::json v = {{"id", video.videoId()},
                            {"attract", video.inAttract()},
                            {"state", mediaStateName(s.state)},
                            {"position", s.position},
                            {"duration", s.duration},
                            {"subtitle", s.subtitleLang},
                            {"subtitle_text", s.subtitleText},
                            {"volume", video.volume()},
                            {"max_volume", video.maxVolume()},
                            {"muted", s.muted},
                            {"seek_target", video.lastSeekTarget()},
                            {"video_width", s.videoWidth},
                            {"video_height", s.videoHeight},
                            {"frames_rendered", s.framesRendered},
                            {"dropped_frames", s.droppedFrames},
                            {"decoder_dropped_frames", s.decoderDroppedFrames},
                            {"first_frame_ms", s.firstFrameMs}};
        if (const auto problem = video.problem()) {
            v["error"] = problem->en;
            v["error_zh"] = problem->zh;
            v["error_file"] = problem->file;
            v["error_detail"] = problem->detail;
        }
        j["video"] = std::move(v);
    }
    nlohmann::json rects = nlohmann::json::object();
    for (const auto& [id, r] : m.targetRects)
        rects[id] = {r.x, r.y, r.w, r.h};
    j["target_rects"] = std::move(rects);
    j["reach_band"] = {m.reachBand.x, m.reachBand.y, m.reachBand.w, m.reachBand.h};
    j["large_text"] = state.largeText;
    if (state.narration) {
        // What is being read aloud: always present, so a script can wait for "playing".
        const NarrationController& narration = *state.narration;
        const MediaStatus& s = narration.status();
        const bool current = !narration.target().empty();
        nlohmann::json n = {{"available", narration.available()},
                            {"playing", narration.playing()},
                            {"state", current ? mediaStateName(s.state) : "idle"},
                            {"target", narration.target()},
                            {"file", narration.file()},
                            {"position", current ? s.position : 0.0},
                            {"duration", current ? s.duration : 0.0},
                            {"volume", current ? s.volume : 0}};
        if (const auto problem = narration.problem()) {
            n["error"] = problem->en;
            n["error_zh"] = problem->zh;
            n["error_file"] = problem->file;
            n["error_detail"] = problem->detail;
        }
        j["narration"] = std::move(n);
    }
    j["qr_url"] = state.nav.screen() == core::KioskScreen::Item ? state.qrUrl : "";
    j["video_backend"] = state.video ? state.video->backendName() : "none";
    j["blocking_activity"] = state.video && state.video->visitorWatching();
    if (state.quiz && state.nav.screen() == core::KioskScreen::Quiz) {
        const auto& quiz = *state.quiz;
        nlohmann::json q = {{"stage", quizStageName(quiz.stage())},
                            {"mode", quiz.teamMode() ? "team" : "solo"},
                            {"index", quiz.questionIndex()},
                            {"count", quiz.questionCount()},
                            {"score", quiz.score()},
                            {"nickname", quiz.nickname()},
                            {"rank", quiz.rank()},
                            {"ranking_available", quiz.rankingAvailable()},
                            {"answered", quiz.phase() == core::QuizPhase::Answered}};
        if (const auto* d = quiz.question()) {
            q["question"] = d->question.id;
            q["type"] = core::questionTypeName(d->question.type);
            q["correct_displayed"] = d->correctDisplayed(); // for tests: which buttons are right
        }
        if (const auto* r = quiz.lastResult()) {
            q["last_correct"] = r->correct;
            q["last_points"] = r->points;
        }
        if (quiz.stage() == QuizStage::Result && !quiz.teamMode()) {
            q["correct_count"] = quiz.summary().correctCount;
            q["final_score"] = quiz.summary().score;
            q["leaderboard_size"] = quiz.leaderboard().size();
        }
        if (const auto* team = quiz.team()) {
            q["team"] = team->team(team->currentTeam()).id;
            nlohmann::json scores = nlohmann::json::object();
            for (const auto& s : team->standings())
                scores[s.preset->id] = s.score;
            q["team_scores"] = scores;
            q["team_finished"] = team->finished();
            if (team->finished()) q["winner"] = team->scoreboard().front().preset->id;
        }
        j["quiz"] = q;
    }
    nlohmann::json cut = nlohmann::json::array();
    for (const CutText& c : m.text.cut)
        cut.push_back({{"where", c.where},
                       {"text", c.text},
                       {"how", c.how},
                       {"language", core::languageCode(c.language)},
                       {"lines", c.lines},
                       {"lines_shown", c.linesShown},
                       {"shown_whole_elsewhere", c.shownWholeElsewhere}});
    j["cut_text"] = std::move(cut);
    nlohmann::json gaps = nlohmann::json::array();
    for (const GlyphGap& g : m.text.missingGlyphs) {
        nlohmann::json characters = nlohmann::json::array();
        for (char32_t cp : g.characters)
            characters.push_back(codePointName(cp));
        gaps.push_back({{"text", g.text},
                        {"characters", std::move(characters)},
                        {"language", core::languageCode(g.language)}});
    }
    j["missing_glyph_texts"] = std::move(gaps);
    if (m.pssKb >= 0) j["pss_kb"] = m.pssKb;
    return j;
}

} // namespace lantai::kiosk

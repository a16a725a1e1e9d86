// core/stats: a visit as interaction events — snapshots of what the kiosk shows turned into
// session, screen, item, zoom, video, language and QR events, plus the quiz's
#include "core/stats/visit_recorder.h"

#include "core/stats/event_kinds.h"

#include <algorithm>
#include <cmath>

namespace lantai::core {

namespace ek = event_kind;

std::int64_t EventClock::unixAt(double hostSeconds) const {
    return static_cast<std::int64_t>(std::floor(unix - (now - hostSeconds)));
}

void VisitRecorder::emit(const char* kind, std::int64_t timestamp, std::string subject,
                         std::optional<double> value, std::string detail) {
    const EventStamp stamp{m_context.boothId, m_context.packId, m_context.packVersion, m_session};
    m_events.push_back(
        stampedEvent(stamp, timestamp, kind, std::move(subject), value, std::move(detail)));
}

std::vector<StatsEvent> VisitRecorder::takeEvents() {
    std::vector<StatsEvent> out;
    out.swap(m_events);
    return out;
}

void VisitRecorder::observe(const VisitSnapshot& s, const EventClock& clock) {
    if (!s.active) {
        if (m_active) finishVisit(s.lastActivity, clock);
        return;
    }
    const std::int64_t t = clock.unixAt(clock.now);
    if (!m_active) { // the visit began with the touch that woke the kiosk
        m_active = true;
        m_start = std::min(clock.now, s.lastActivity);
        m_session =
            static_cast<std::int64_t>(std::floor((clock.unix - (clock.now - m_start)) * 1000.0));
        m_language = s.language;
        m_screen.clear();
        m_exhibition.clear();
        m_chapter.clear();
        emit(ek::kSessionStart, clock.unixAt(m_start), {}, {}, s.language);
    }
    m_lastActivity = s.lastActivity;
    if (s.language != m_language) {
        m_language = s.language;
        emit(ek::kLanguage, t, s.language);
    }
    if (s.screen != m_screen) {
        m_screen = s.screen;
        emit(ek::kScreen, t, s.screen);
        if (s.screen != "exhibition") m_exhibition.clear();
        if (s.screen != "chapter") m_chapter.clear();
    }
    if (!s.exhibition.empty() && s.exhibition != m_exhibition) {
        m_exhibition = s.exhibition;
        emit(ek::kExhibitionView, t, s.exhibition);
    }
    if (!s.chapter.empty() && s.chapter != m_chapter) {
        m_chapter = s.chapter;
        emit(ek::kChapterView, t, s.chapter);
    }
    if (s.item != m_item) {
        endItemView(clock.now, clock);
        m_item = s.item; // the item_view is written when it ends, with its dwell time
        m_itemStart = clock.now;
    }
    if (!m_item.empty()) {
        if (s.zoomed && !m_itemZoomed) {
            m_itemZoomed = true;
            emit(ek::kZoom, t, m_item);
        }
        if (s.qrShown && !m_itemQr) {
            m_itemQr = true;
            emit(ek::kQrShown, t, m_item);
        }
    }
    sampleVideo(s, clock);
}

void VisitRecorder::sampleVideo(const VisitSnapshot& s, const EventClock& clock) {
    if (s.video != m_video) {
        endVideo(clock);
        if (s.video.empty()) return;
        m_video = s.video;
        m_videoPosition = s.videoPosition;
        m_videoSampled = clock.now;
        m_videoWatched = 0;
        m_videoCompleted = false;
    }
    if (m_video.empty()) return;
    const double step = s.videoPosition - m_videoPosition;
    const double elapsed = std::max(0.0, clock.now - m_videoSampled);
    if (step > 0) m_videoWatched += std::min(step, elapsed + 1.0);
    m_videoPosition = s.videoPosition;
    m_videoSampled = clock.now;
    if (s.videoEnded || (s.videoDuration > 0 && s.videoPosition >= s.videoDuration - 1.0))
        m_videoCompleted = true;
}

void VisitRecorder::endItemView(double at, const EventClock& clock) {
    if (m_item.empty()) return;
    const double dwell = std::max(0.0, at - m_itemStart);
    emit(ek::kItemView, clock.unixAt(m_itemStart), m_item, dwell);
    m_item.clear();
    m_itemZoomed = false;
    m_itemQr = false;
}

void VisitRecorder::endVideo(const EventClock& clock) {
    if (m_video.empty()) return;
    if (m_videoWatched > 0 || m_videoCompleted)
        emit(ek::kVideoPlay, clock.unixAt(clock.now), m_video, m_videoWatched,
             m_videoCompleted ? ek::kCompleted : "");
    m_video.clear();
}

void VisitRecorder::finishVisit(double lastActivity, const EventClock& clock) {
    // The visit ends at the visitor's last activity, never before it started.
    const double end = std::clamp(std::max(lastActivity, m_lastActivity), m_start, clock.now);
    endItemView(end, clock);
    endVideo(clock);
    emit(ek::kSessionEnd, clock.unixAt(end), {}, end - m_start);
    m_active = false;
    m_session = 0;
    m_screen.clear();
}

void VisitRecorder::endVisit(const EventClock& clock) {
    if (m_active) finishVisit(m_lastActivity, clock);
}

void VisitRecorder::quizStarted(const std::string& mode, const std::string& ageBand,
                                const EventClock& clock) {
    emit(ek::kQuizStart, clock.unixAt(clock.now), mode, {}, ageBand);
}

void VisitRecorder::quizAnswered(const std::string& questionId, bool correct,
                                 const std::string& ageBand, const EventClock& clock) {
    emit(ek::kQuizAnswer, clock.unixAt(clock.now), questionId, correct ? 1.0 : 0.0, ageBand);
}

void VisitRecorder::quizFinished(double score, const std::string& ageBand,
                                 const EventClock& clock) {
    emit(ek::kQuizFinish, clock.unixAt(clock.now), "solo", score, ageBand);
}

void VisitRecorder::contestFinished(int teams, const std::string& winner, const EventClock& clock) {
    emit(ek::kContest, clock.unixAt(clock.now), "team", static_cast<double>(teams), winner);
}

} // namespace lantai::core

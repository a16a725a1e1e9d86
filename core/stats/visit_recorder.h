// core/stats: a visit as interaction events — what the kiosk shows, sampled after each update,
// turned into session, screen, item, zoom, video, language and QR events, plus the quiz's
#pragma once

#include "core/stats/events.h"

#include <string>
#include <vector>

namespace lantai::core {

// What the kiosk shows at one moment, in plain ids (the runtime fills it from its navigation,
// viewport, video and session; empty strings where nothing applies).
struct VisitSnapshot {
    bool active = false;     // a visit is under way (the "still there?" countdown included)
    double lastActivity = 0; // host seconds of the visitor's last touch, or the end of a video
                             // they watched (VisitorSession::activeUntil)
    std::string screen;      // kioskScreenName: "home", "exhibition", "chapter", "item", …
    std::string exhibition;  // on the exhibition screen
    std::string chapter;     // on the chapter screen
    std::string item;        // on the item screen, and on the player of a video opened from it
    bool zoomed = false;     // the item's image is zoomed in past "fit"
    bool qrShown = false;    // the item screen shows a QR code
    std::string language;    // "zh" | "en"
    std::string video;       // a video a visitor opened (not the attract loop's)
    double videoPosition = 0;
    double videoDuration = 0; // 0: not known yet
    bool videoEnded = false;
};

// The booth and pack every event is stamped with.
struct VisitContext {
    std::string boothId;
    std::string packId;
    std::string packVersion;
};

// A moment on the host's clock: `now` (host seconds) and the wall-clock time it stands for
// (unix seconds), so times earlier than now can be converted too.
struct EventClock {
    double now = 0;
    double unix = 0;
    std::int64_t unixAt(double hostSeconds) const;
};

// Turns snapshots into events (core/stats/event_kinds.h). A visit starts when a snapshot is
// active after one that was not (at its lastActivity: the touch that woke the kiosk), and ends when
// one is not active again (the reset to the attract loop) or endVisit() is called (the kiosk
// stops). A visit that ends by the idle timeout ends at the visitor's last activity: the wait for
// the timeout counts for neither the visit nor the item on screen. An item view lasts while the
// item screen shows that item (a video opened from it included); zoom and QR code are counted once
// per item view. A video's seconds watched are the position's forward steps while it is open, each
// at most the host time that passed plus a second (a seek forward is not watching); it is
// "completed" when it ended or reached its last second.
//
// Threading: one thread (the kiosk's main thread). Reads no clock: time comes with each call.
class VisitRecorder {
  public:
    void setContext(VisitContext context) { m_context = std::move(context); }
    const VisitContext& context() const { return m_context; }

    void observe(const VisitSnapshot& snapshot, const EventClock& clock);
    // The kiosk stops during a visit: it ends at the visitor's last activity.
    void endVisit(const EventClock& clock);
    bool visitActive() const { return m_active; }

    // The quiz, as the quiz controller reports it. `mode` "solo" | "team"; `ageBand` "primary",
    // "secondary", "adult".
    void quizStarted(const std::string& mode, const std::string& ageBand, const EventClock& clock);
    void quizAnswered(const std::string& questionId, bool correct, const std::string& ageBand,
                      const EventClock& clock);
    void quizFinished(double score, const std::string& ageBand, const EventClock& clock);
    void contestFinished(int teams, const std::string& winner, const EventClock& clock);

    // The events since the last call, oldest first.
    std::vector<StatsEvent> takeEvents();

  private:
    void emit(const char* kind, std::int64_t timestamp, std::string subject = {},
              std::optional<double> value = {}, std::string detail = {});
    void endItemView(double at, const EventClock& clock);
    void endVideo(const EventClock& clock);
    void sampleVideo(const VisitSnapshot& s, const EventClock& clock);
    void finishVisit(double lastActivity, const EventClock& clock);

    VisitContext m_context;
    std::vector<StatsEvent> m_events;

    bool m_active = false;
    std::int64_t m_session = 0; // unix milliseconds of the visit's first touch
    double m_start = 0;         // host seconds
    double m_lastActivity = 0;
    std::string m_screen;
    std::string m_exhibition;
    std::string m_chapter;
    std::string m_language;

    std::string m_item; // the item view under way
    double m_itemStart = 0;
    bool m_itemZoomed = false;
    bool m_itemQr = false;

    std::string m_video; // the video open
    double m_videoPosition = 0;
    double m_videoSampled = 0; // host seconds of the last sample
    double m_videoWatched = 0;
    bool m_videoCompleted = false;
};

} // namespace lantai::core

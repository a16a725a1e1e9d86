// core/stats: the kinds of interaction event the kiosk records — what each one's subject, value
// and detail mean (the kiosk writes them, `lantai report` reads them; tools/report/REPORT.md)
#pragma once

namespace lantai::core::event_kind {

// Every event also carries its time (unix seconds), the booth, the pack id and version and the
// visit it belongs to (`session`: the unix milliseconds of the visit's first touch).
//
//   kind             subject                 value                          detail
//   session_start    —                       —                              language at start
//   session_end      —                       seconds, first to last touch   —
//   screen           screen name             —                              —
//   exhibition_view  exhibition id           —                              —
//   chapter_view     chapter id              —                              —
//   item_view        item id                 dwell seconds                  —
//   zoom             item id (once a view)   —                              —
//   qr_shown         item id (once a view)   —                              —
//   video_play       video id                seconds watched                "completed" or ""
//   language         language switched to    —                              —
//   quiz_start       "solo", "team", "phones" —                             age band
//   quiz_answer      question id             1 right, 0 wrong               age band
//   quiz_finish      "solo"                  score                          age band
//   contest          "team"                  number of teams                winner's preset id
inline constexpr const char* kSessionStart = "session_start";
inline constexpr const char* kSessionEnd = "session_end";
inline constexpr const char* kScreen = "screen";
inline constexpr const char* kExhibitionView = "exhibition_view";
inline constexpr const char* kChapterView = "chapter_view";
inline constexpr const char* kItemView = "item_view";
inline constexpr const char* kZoom = "zoom";
inline constexpr const char* kQrShown = "qr_shown";
inline constexpr const char* kVideoPlay = "video_play";
inline constexpr const char* kLanguage = "language";
inline constexpr const char* kQuizStart = "quiz_start";
inline constexpr const char* kQuizAnswer = "quiz_answer";
inline constexpr const char* kQuizFinish = "quiz_finish";
inline constexpr const char* kContest = "contest";

// The detail of a video_play watched to the end.
inline constexpr const char* kCompleted = "completed";

} // namespace lantai::core::event_kind

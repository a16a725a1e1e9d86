// tools/editor: "check every screen" — every screen of the pack drawn by a kiosk runtime of its
// own, off screen, in both orientations and both languages, listing what a visitor could not
// read or see: text cut off, characters no font has, untranslated text, images that fail
#pragma once

#include "core/edit/translation_status.h"
#include "core/pack/model.h"
#include "kiosk/runtime/kiosk_runtime.h"
#include "tools/editor/offscreen_target.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lantai::editor {

enum class CheckProblem { CutText, MissingGlyphs, Untranslated, ImageFailed };
const char* checkProblemName(CheckProblem problem); // cut_text, missing_glyphs, ...

// One row of the results: what, on which node's screen, at which size and language.
struct CheckFinding {
    CheckProblem problem = CheckProblem::CutText;
    core::edit::NodeRef node; // selected when the row is clicked
    std::string pointer;      // the field (untranslated text), else ""
    int sizeIndex = -1;       // previewSizes(): 0 = 1920x1080, 1 = 1080x1920; -1: any
    core::Language language = core::Language::Zh;
    std::string screen; // the kiosk screen ("item", "chapter", …)
    std::string where;  // the widget, the field or the image file
    std::string text;   // the text (excerpt), the characters, or why the image failed
    // Cut text drawn whole elsewhere on the same screen (a title truncated in the top bar,
    // whole in the caption panel): listed apart, it can be read.
    bool shownElsewhere = false;
};

struct CheckCounts {
    std::size_t cutText = 0; // cut off and nowhere whole on its screen
    std::size_t cutTextShownElsewhere = 0;
    std::size_t missingGlyphs = 0, untranslated = 0, imageFailed = 0;
};

// Why a runtime of its own: the curator's preview stays where it is, and the check draws a
// snapshot of the pack (edits made meanwhile are checked next time).
//
// Ownership: owns the runtime and its offscreen target while a check runs.
// Threading: the main thread with the editor's GL context current. step() draws a few screens
// within a time budget per editor frame, so the editor stays responsive; the runtime's font
// atlas is rasterised on a worker before the first screen.
class ScreenCheck {
  public:
    ScreenCheck(std::vector<std::filesystem::path> themeDirs, std::function<void()> wake);
    ~ScreenCheck();
    ScreenCheck(const ScreenCheck&) = delete;
    ScreenCheck& operator=(const ScreenCheck&) = delete;

    // Starts checking `pack` (a copy) in `theme`; `translations` lists the untranslated texts.
    void start(const core::Pack& pack, const core::edit::TranslationReport& translations,
               const std::string& theme);
    void cancel();
    // Draws screens for about `budgetMs` (at least one step). True when something changed.
    bool step(double budgetMs);

    bool running() const { return m_runtime != nullptr || m_starting; }
    bool cancelled() const { return m_cancelled; }
    bool finished() const { return m_finished; }
    std::size_t done() const { return m_next; }
    std::size_t total() const { return m_jobs.size(); }
    const std::vector<CheckFinding>& findings() const { return m_findings; }
    CheckCounts counts() const;
    double elapsedMs() const { return m_elapsedMs; }
    nlohmann::json state() const;

  private:
    struct Job {
        kiosk::PreviewTarget target;
        core::edit::NodeRef node;
        int sizeIndex = 0;
        core::Language language = core::Language::Zh;
        bool checkImage = false; // wait for the item's image and report when it fails
        std::string imageFile;
    };
    double now() const;
    void planJobs(const core::Pack& pack);
    bool startRuntime();
    bool makeTarget(int sizeIndex, std::string& error);
    void render();
    // The job's size, language and screen; false when the kiosk cannot show it.
    bool beginJob(const Job& job);
    void collect(const Job& job);
    void add(CheckFinding finding);
    void finish(bool cancelled);

    std::vector<std::filesystem::path> m_themeDirs;
    std::function<void()> m_wake;
    OffscreenTarget m_target; // declared before the runtime: destroyed after it
    std::unique_ptr<kiosk::KioskRuntime> m_runtime;
    bool m_starting = false; // fonts rasterising before the runtime's graphics start
    std::vector<Job> m_jobs;
    std::size_t m_next = 0;
    bool m_jobShown = false;  // the current job's screen is up, waiting for its image
    double m_jobDeadline = 0; // give up waiting for the image then
    int m_sizeIndex = -1;
    int m_width = 0, m_height = 0;
    std::vector<CheckFinding> m_findings;
    bool m_cancelled = false, m_finished = false;
    std::chrono::steady_clock::time_point m_epoch = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_started;
    double m_elapsedMs = 0;
};

} // namespace lantai::editor

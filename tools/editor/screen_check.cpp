// tools/editor: "check every screen" — a kiosk runtime of its own drawing each screen off screen
// at both sizes and in both languages, a few per editor frame, and what it could not show
#include "tools/editor/screen_check.h"

#include "core/base/log.h"
#include "kiosk/ui/text_report.h"
#include "tools/editor/kiosk_preview.h"

#include <algorithm>
#include <map>

namespace lantai::editor {

namespace {

using Kind = kiosk::PreviewTarget::Kind;
using core::edit::NodeRef;

constexpr int kNeverIdleS = 24 * 3600; // the check's kiosk never resets to the attract loop
constexpr std::size_t kTextureBudget = std::size_t(64) << 20;
constexpr double kImageWaitS = 5.0; // an image still loading after this is not reported
constexpr int kCheckedSizes = 2;    // previewSizes() 0 and 1: landscape and portrait
constexpr std::size_t kStateFindings = 200;

bool sameFinding(const CheckFinding& a, const CheckFinding& b) {
    // Missing characters do not depend on the size: once per node, language and text.
    const bool sizeMatters = a.problem != CheckProblem::MissingGlyphs;
    return a.problem == b.problem && a.node == b.node && a.pointer == b.pointer &&
           (!sizeMatters || a.sizeIndex == b.sizeIndex) && a.language == b.language &&
           a.where == b.where && a.text == b.text;
}

} // namespace

const char* checkProblemName(CheckProblem problem) {
    switch (problem) {
    case CheckProblem::CutText:
        return "cut_text";
    case CheckProblem::MissingGlyphs:
        return "missing_glyphs";
    case CheckProblem::Untranslated:
        return "untranslated";
    case CheckProblem::ImageFailed:
        return "image_failed";
    }
    return "";
}

ScreenCheck::ScreenCheck(std::vector<std::filesystem::path> themeDirs, std::function<void()> wake)
    : m_themeDirs(std::move(themeDirs)), m_wake(std::move(wake)) {}

ScreenCheck::~ScreenCheck() {
    m_runtime.reset(); // with the GL context current (the editor's window outlives us)
}

double ScreenCheck::now() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_epoch).count();
}

void ScreenCheck::planJobs(const core::Pack& pack) {
    m_jobs.clear();
    for (int size = 0; size < kCheckedSizes; ++size)
        for (core::Language language : {core::Language::Zh, core::Language::En}) {
            const bool first = size == 0 && language == core::Language::Zh;
            auto plan = [&](Kind kind, NodeRef node, int image = 0, std::string file = {}) {
                m_jobs.push_back(
                    {{kind, node.id, image}, node, size, language, !file.empty(), std::move(file)});
            };
            plan(Kind::Attract, NodeRef::pack());
            plan(Kind::Home, NodeRef::pack());
            for (const auto& exhibition : pack.exhibitions) {
                plan(Kind::Exhibition, NodeRef::exhibition(exhibition.id));
                for (const auto& chapter : exhibition.chapters) {
                    plan(Kind::Chapter, NodeRef::chapter(chapter.id));
                    for (const auto& item : chapter.items) {
                        if (item.images.empty()) continue; // the kiosk shows no page for it
                        // Each image once (the first size and language), for its decoding.
                        const std::size_t images = first ? item.images.size() : 1;
                        for (std::size_t i = 0; i < images; ++i)
                            plan(Kind::Item, NodeRef::item(item.id), static_cast<int>(i),
                                 first ? item.images[i].file : std::string());
                    }
                }
            }
            for (const auto& bank : pack.quizBanks)
                for (const auto& question : bank.questions)
                    plan(Kind::Question, NodeRef::question(question.id));
        }
}

void ScreenCheck::start(const core::Pack& pack, const core::edit::TranslationReport& translations,
                        const std::string& theme) {
    if (running()) cancel();
    m_findings.clear();
    m_next = 0;
    m_jobShown = false;
    m_cancelled = m_finished = false;
    m_sizeIndex = -1;
    m_started = std::chrono::steady_clock::now();

    // Untranslated text does not need drawing: English that is empty shows the Chinese.
    std::map<std::string, std::string> chinese;
    core::edit::forEachText(
        pack, [&](const core::edit::FieldRef& field, const core::LocalizedText& text) {
            chinese[core::edit::toString(field)] = text.zh;
        });
    for (const auto& status : translations.fields)
        if (status.missingEnglish)
            add({CheckProblem::Untranslated, status.field.node, status.field.pointer, -1,
                 core::Language::En, "", status.field.pointer,
                 kiosk::textExcerpt(chinese[core::edit::toString(status.field)]), false});

    planJobs(pack);
    kiosk::KioskRuntimeOptions options;
    options.config.packPath = pack.root;
    options.config.idleTimeoutS = kNeverIdleS;
    options.config.classIdleTimeoutS = kNeverIdleS;
    options.config.theme = theme;
    options.themeDirs = m_themeDirs;
    options.wake = m_wake;
    core::PackLoadResult loaded;
    loaded.pack = pack;
    loaded.parsed = true;
    options.pack = std::move(loaded);
    m_runtime = std::make_unique<kiosk::KioskRuntime>(std::move(options));
    const PreviewSize& size = previewSizes()[0];
    m_runtime->prepareFonts(size.width, size.height); // on a worker: step() waits for it
    m_starting = true;
}

void ScreenCheck::cancel() {
    if (running()) finish(true);
}

void ScreenCheck::finish(bool cancelled) {
    m_runtime.reset();
    m_starting = false;
    m_cancelled = cancelled;
    m_finished = !cancelled;
    m_elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started)
            .count();
    m_target.release();
    core::logInfo("check every screen: " + std::to_string(m_next) + "/" +
                  std::to_string(m_jobs.size()) + " screens, " + std::to_string(m_findings.size()) +
                  " findings, " + std::to_string(static_cast<int>(m_elapsedMs)) + " ms" +
                  (cancelled ? " (cancelled)" : ""));
}

bool ScreenCheck::startRuntime() {
    if (!m_runtime->fontsPrepared()) return false;
    m_starting = false;
    std::string error;
    if (!makeTarget(0, error) ||
        !m_runtime->startGraphics(m_width, m_height, kTextureBudget, error)) {
        core::logError("check every screen cannot start: " + error);
        finish(true);
        return false;
    }
    return true;
}

bool ScreenCheck::makeTarget(int sizeIndex, std::string& error) {
    const PreviewSize& size = previewSizes()[static_cast<std::size_t>(sizeIndex)];
    m_sizeIndex = sizeIndex;
    m_width = size.width;
    m_height = size.height;
    return m_target.resize(m_width, m_height, error);
}

void ScreenCheck::render() {
    const double t = now();
    m_runtime->update(t);
    m_target.draw([&] { m_runtime->renderFrame(t); });
    m_runtime->framePresented();
}

bool ScreenCheck::beginJob(const Job& job) {
    if (job.sizeIndex != m_sizeIndex) {
        std::string error;
        if (!makeTarget(job.sizeIndex, error)) {
            core::logError("check every screen: " + error);
            return false;
        }
        m_runtime->setViewport(m_width, m_height);
    }
    m_runtime->previewLanguage(job.language);
    return m_runtime->previewShow(job.target);
}

void ScreenCheck::add(CheckFinding finding) {
    for (const auto& known : m_findings)
        if (sameFinding(known, finding)) return;
    m_findings.push_back(std::move(finding));
}

void ScreenCheck::collect(const Job& job) {
    const nlohmann::json state = m_runtime->stateJson({});
    const std::string screen = state.value("screen", "");
    const kiosk::TextReport& text = m_runtime->frameText();
    for (const auto& cut : text.cut)
        add({CheckProblem::CutText, job.node, "", job.sizeIndex, cut.language, screen,
             cut.where + " (" + cut.how + ")", cut.text, cut.shownWholeElsewhere});
    for (const auto& gap : text.missingGlyphs) {
        std::string characters;
        for (char32_t cp : gap.characters)
            characters += (characters.empty() ? "" : " ") + kiosk::codePointName(cp);
        add({CheckProblem::MissingGlyphs, job.node, "", job.sizeIndex, gap.language, screen,
             characters, gap.text, false});
    }
    if (job.checkImage && state.value("image_failed", false))
        add({CheckProblem::ImageFailed, job.node, "/images/" + std::to_string(job.target.image),
             job.sizeIndex, job.language, screen, job.imageFile,
             state.value("image_error", std::string("cannot be shown")), false});
}

bool ScreenCheck::step(double budgetMs) {
    if (!m_runtime) return false;
    if (m_starting && !startRuntime()) return false;
    const auto begun = std::chrono::steady_clock::now();
    auto spent = [&] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun)
            .count();
    };
    bool progressed = false;
    while (m_next < m_jobs.size() && (!progressed || spent() < budgetMs)) {
        const Job& job = m_jobs[m_next];
        if (!m_jobShown) {
            if (!beginJob(job)) { // a node the kiosk does not show
                ++m_next;
                progressed = true;
                continue;
            }
            render();
            progressed = true;
            if (job.checkImage && !m_runtime->isIdle()) {
                m_jobShown = true; // the image decodes on the runtime's workers
                m_jobDeadline = now() + kImageWaitS;
                continue;
            }
        } else {
            m_runtime->update(now());
            if (!m_runtime->wantsFrame() && !m_runtime->isIdle() && now() < m_jobDeadline)
                break; // waiting for a decoder: it wakes the editor
            render();
            progressed = true;
            if (!m_runtime->isIdle() && now() < m_jobDeadline) continue;
        }
        collect(job);
        m_jobShown = false;
        ++m_next;
    }
    if (m_next >= m_jobs.size()) {
        finish(false);
        return true;
    }
    return progressed;
}

CheckCounts ScreenCheck::counts() const {
    CheckCounts c;
    for (const auto& f : m_findings) {
        switch (f.problem) {
        case CheckProblem::CutText:
            ++(f.shownElsewhere ? c.cutTextShownElsewhere : c.cutText);
            break;
        case CheckProblem::MissingGlyphs:
            ++c.missingGlyphs;
            break;
        case CheckProblem::Untranslated:
            ++c.untranslated;
            break;
        case CheckProblem::ImageFailed:
            ++c.imageFailed;
            break;
        }
    }
    return c;
}

nlohmann::json ScreenCheck::state() const {
    const CheckCounts c = counts();
    nlohmann::json findings = nlohmann::json::array();
    for (std::size_t i = 0; i < m_findings.size() && i < kStateFindings; ++i) {
        const CheckFinding& f = m_findings[i];
        findings.push_back(
            {{"problem", checkProblemName(f.problem)},
             {"node", core::edit::toString(f.node)},
             {"pointer", f.pointer},
             {"size", f.sizeIndex < 0 ? "" : previewSizes()[std::size_t(f.sizeIndex)].label},
             {"size_index", f.sizeIndex},
             {"language", core::languageCode(f.language)},
             {"screen", f.screen},
             {"where", f.where},
             {"text", f.text},
             {"shown_elsewhere", f.shownElsewhere}});
    }
    return {{"running", running()},
            {"finished", m_finished},
            {"cancelled", m_cancelled},
            {"done", m_next},
            {"total", m_jobs.size()},
            {"elapsed_ms", m_elapsedMs},
            {"counts",
             {{"cut_text", c.cutText},
              {"cut_text_shown_elsewhere", c.cutTextShownElsewhere},
              {"missing_glyphs", c.missingGlyphs},
              {"untranslated", c.untranslated},
              {"image_failed", c.imageFailed}}},
            {"findings", findings}};
}

} // namespace lantai::editor

// kiosk/runtime: the editor's live preview — the edited pack shown at once, a chosen screen, the
// language and theme, the font atlas growing on a worker as characters are typed
#include "core/base/utf8.h"
#include "kiosk/runtime/imgui_context_scope.h"
#include "kiosk/runtime/kiosk_runtime.h"

#include <chrono>
#include <unordered_set>

namespace lantai::kiosk {

namespace {

using Kind = PreviewTarget::Kind;

// Whether `now` needs a character `before` lacks (per font role).
bool bringsNewCharacters(const RoleCharacters& before, const RoleCharacters& now) {
    for (std::size_t role = 0; role < now.size(); ++role) {
        if (now[role] == before[role]) continue;
        std::unordered_set<char32_t> known;
        for (std::size_t pos = 0; pos < before[role].size();)
            known.insert(core::nextCodePoint(before[role], pos));
        for (std::size_t pos = 0; pos < now[role].size();)
            if (!known.count(core::nextCodePoint(now[role], pos))) return true;
    }
    return false;
}

} // namespace

void KioskRuntime::previewPack(core::PackLoadResult loaded) {
    previewContent(previewContentFrom(std::move(loaded), m_content));
}

void KioskRuntime::previewContent(KioskContent content) {
    ImGuiContextScope scope(m_imgui);
    const PreviewTarget where = previewWhere();
    const core::Language language = m_state.language;
    const RoleCharacters before = m_content.characters;
    // Where to go when the node shown goes: an item's chapter (from the pack shown until now).
    PreviewTarget up{Kind::Home, {}, 0};
    if (const auto* chapter = m_state.nav.currentChapter(); chapter && where.kind == Kind::Item)
        up = {Kind::Chapter, chapter->id, 0};

    forgetVisit();
    m_video.configure(nullptr, nullptr, {});
    applyContent(std::move(content));
    m_state.language = language;
    configureQuiz();
    configureNarration();
    configureVideo();

    if (m_imgui && m_state.pack && bringsNewCharacters(before, m_content.characters)) {
        // Typing must not wait for a whole atlas: the worker builds it, update() installs it.
        if (m_previewFonts.valid()) m_previewFonts.wait();
        m_previewFonts = std::async(std::launch::async, [unit = m_fonts.unitPx(), theme = m_theme,
                                                         characters = m_content.characters] {
            return buildFonts(unit, theme, characters);
        });
    }
    if (m_state.pack && !previewShow(where)) {
        // The node went (deleted, or its id changed): one level up, else home.
        if (up.kind == Kind::Home || !previewShow(up)) previewShow({Kind::Home, {}, 0});
    }
    m_redraw = true;
}

void KioskRuntime::installPreviewFonts() {
    if (!m_previewFonts.valid() ||
        m_previewFonts.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    std::unique_ptr<BuiltFonts> built = m_previewFonts.get();
    // A viewport change since the worker started: its size is stale, build for the new one.
    if (built && std::abs(built->unitPx - core::referenceUnitPx(m_width, m_height)) > 0.5f)
        rebuildFonts();
    else
        installFonts(std::move(built));
    m_redraw = true;
}

PreviewTarget KioskRuntime::previewWhere() const {
    const core::KioskNavigation& nav = m_state.nav;
    switch (nav.screen()) {
    case core::KioskScreen::Attract:
        return {Kind::Attract, {}, 0};
    case core::KioskScreen::Exhibition:
        if (const auto* e = nav.currentExhibition()) return {Kind::Exhibition, e->id, 0};
        break;
    case core::KioskScreen::Chapter:
        if (const auto* c = nav.currentChapter()) return {Kind::Chapter, c->id, 0};
        break;
    case core::KioskScreen::Item:
        if (const auto* i = nav.currentItem()) return {Kind::Item, i->id, nav.image()};
        break;
    case core::KioskScreen::Quiz:
        if (!m_previewQuestion.empty()) return {Kind::Question, m_previewQuestion, 0};
        break;
    case core::KioskScreen::Videos:
        return {Kind::Videos, {}, 0};
    case core::KioskScreen::Video:
        return {Kind::Video, nav.video(), 0};
    default:
        break;
    }
    return {Kind::Home, {}, 0};
}

bool KioskRuntime::previewShow(const PreviewTarget& target) {
    if (!m_state.pack) return false;
    ImGuiContextScope scope(m_imgui);
    core::KioskNavigation& nav = m_state.nav;
    const core::Pack& pack = *m_state.pack;
    m_redraw = true;
    if (target.kind != Kind::Question) m_previewQuestion.clear();
    if (nav.screen() == core::KioskScreen::Video && target.kind != Kind::Video) m_video.stop();
    switch (target.kind) {
    case Kind::Attract:
        nav.showAttract();
        return true;
    case Kind::Home:
        nav.showHome();
        return true;
    case Kind::Videos:
        nav.showVideos();
        return true;
    case Kind::Video:
        return nav.openVideo(target.id);
    case Kind::Item:
        if (!nav.openItemById(target.id)) return false;
        nav.selectImage(target.image);
        m_state.viewport.resetToFit();
        m_state.viewportKey.clear();
        return true;
    case Kind::Question:
        nav.showQuiz();
        if (!m_quiz.previewQuestion(target.id, at(m_now))) {
            nav.showHome();
            return false;
        }
        m_previewQuestion = target.id;
        return true;
    case Kind::Exhibition:
    case Kind::Chapter:
        for (std::size_t e = 0; e < pack.exhibitions.size(); ++e) {
            const auto& chapters = pack.exhibitions[e].chapters;
            if (target.kind == Kind::Exhibition && pack.exhibitions[e].id == target.id) {
                nav.openExhibition(static_cast<int>(e));
                return true;
            }
            for (std::size_t c = 0; c < chapters.size(); ++c)
                if (target.kind == Kind::Chapter && chapters[c].id == target.id) {
                    nav.openExhibition(static_cast<int>(e));
                    nav.openChapter(static_cast<int>(c));
                    return true;
                }
        }
        return false;
    }
    return false;
}

bool KioskRuntime::previewPlayVideo(const std::string& videoId) {
    if (!m_state.pack) return false;
    const core::Video* video = m_state.pack->findVideo(videoId);
    if (!video || !previewShow({Kind::Video, videoId, 0})) return false;
    if (!m_media) startVideoBackend();
    m_video.play(*video, m_state.language);
    m_redraw = true;
    return true;
}

void KioskRuntime::previewLanguage(core::Language language) {
    if (m_state.language == language) return;
    m_state.language = language;
    m_video.languageChanged(language);
    m_redraw = true;
}

void KioskRuntime::previewTheme(core::Theme theme) {
    ImGuiContextScope scope(m_imgui);
    m_options.theme = std::move(theme);
    m_theme = *m_options.theme;
    m_state.themeName = m_theme.name;
    if (m_imgui) rebuildFonts(); // themes name their own fonts and sizes
    m_redraw = true;
}

} // namespace lantai::kiosk

// tools/editor: the live kiosk preview — the runtime drawing into a framebuffer object
#include "tools/editor/kiosk_preview.h"

#include "core/base/log.h"
#include "core/pack/charset.h"
#include "kiosk/platform/mpv_media_player.h"
#include "tools/editor/background_thread.h"

#include <GL/gl.h>
#include <algorithm>
#include <cmath>

namespace lantai::editor {

namespace {
// A preview never resets to the attract loop while the curator looks at it.
constexpr int kPreviewIdleTimeoutS = 24 * 3600;
constexpr std::size_t kPreviewTextureBudget = std::size_t(256) << 20;
} // namespace

const std::vector<PreviewSize>& previewSizes() {
    static const std::vector<PreviewSize> sizes = {
        {"1920×1080", 1920, 1080}, {"1080×1920", 1080, 1920}, {"3840×2160", 3840, 2160}};
    return sizes;
}

KioskPreview::KioskPreview(std::vector<std::filesystem::path> themeDirs, std::function<void()> wake)
    : m_themeDirs(std::move(themeDirs)), m_wake(std::move(wake)), m_content(m_wake) {}

KioskPreview::~KioskPreview() {
    m_runtime.reset(); // with the GL context current (the editor's window outlives us)
}

double KioskPreview::now() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_epoch).count();
}

void KioskPreview::makeTarget() {
    const PreviewSize& size = previewSizes()[static_cast<std::size_t>(m_sizeIndex)];
    m_width = size.width;
    m_height = size.height;
    std::string error;
    if (!m_target.resize(static_cast<int>(std::ceil(static_cast<float>(m_width) * m_scale)),
                         static_cast<int>(std::ceil(static_cast<float>(m_height) * m_scale)),
                         error))
        m_error = "the preview: " + error;
}

float KioskPreview::framebufferScale(float panelScale) {
    if (!(panelScale > 0)) return 1.0f;
    return std::clamp(std::ceil(panelScale * 8.0f) / 8.0f, 0.125f, 1.0f);
}

void KioskPreview::start(core::PackLoadResult pack) {
    kiosk::KioskRuntimeOptions options;
    options.config.packPath = pack.pack.root;
    options.config.idleTimeoutS = kPreviewIdleTimeoutS;
    options.config.classIdleTimeoutS = kPreviewIdleTimeoutS;
    options.config.theme = m_themeName;
    options.themeDirs = m_themeDirs;
    options.wake = m_wake;
    // The preview's image decodes (a dropped folder of scans shown in its chapter) run on CPU
    // time the editor's UI leaves, like the thumbnails.
    options.decodeThreadStart = makeThisThreadBackground;
    options.pack = std::move(pack);
    // Videos play through the kiosk's own libmpv player: what the preview shows is the booth's.
    options.mediaPlayer = [wake = m_wake]() -> std::unique_ptr<kiosk::MediaPlayer> {
        kiosk::MpvSettings settings;
        const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        const std::string name = renderer ? renderer : "";
        settings.softwareRender = name.find("llvmpipe") != std::string::npos ||
                                  name.find("softpipe") != std::string::npos;
        std::string error;
        if (auto player = kiosk::createMpvMediaPlayer(wake, settings, error)) return player;
        core::logError("preview: libmpv could not start: " + error);
        return kiosk::createNullMediaPlayer("libmpv could not start: " + error);
    };
    makeTarget();
    m_runtime = std::make_unique<kiosk::KioskRuntime>(std::move(options));
    m_runtime->setFramebufferScale(m_scale);
    std::string error;
    if (!m_runtime->startGraphics(m_width, m_height, kPreviewTextureBudget, error)) {
        m_error = "the preview cannot start: " + error;
        core::logError(m_error);
        m_runtime.reset();
        return;
    }
    m_runtime->previewShow({kiosk::PreviewTarget::Kind::Home, {}, 0});
}

void KioskPreview::showPack(core::PackLoadResult pack) {
    m_pendingSince = std::chrono::steady_clock::now();
    if (m_runtime) {
        m_content.submit(std::move(pack));
        return;
    }
    m_packCharacters += core::charactersToUtf8(core::collectPackCharacters(pack.pack));
    start(std::move(pack));
    if (m_unshown && m_runtime && m_runtime->previewShow(*m_unshown)) m_unshown.reset();
}

void KioskPreview::show(const kiosk::PreviewTarget& target) {
    m_unshown.reset();
    // A node just added is not in the preview's pack yet: shown when the next pack brings it.
    if (!m_runtime || !m_runtime->previewShow(target)) m_unshown = target;
}

void KioskPreview::setSize(int index) {
    if (index < 0 || index >= static_cast<int>(previewSizes().size()) || index == m_sizeIndex)
        return;
    m_sizeIndex = index;
    if (!m_runtime) return;
    makeTarget();
    m_runtime->setViewport(m_width, m_height);
}

void KioskPreview::setLanguage(core::Language language) {
    if (m_runtime) m_runtime->previewLanguage(language);
}

core::Language KioskPreview::language() const {
    return m_runtime ? m_runtime->language() : core::Language::Zh;
}

void KioskPreview::setTheme(const std::string& name) {
    m_themeName = name;
    if (m_runtime) m_runtime->previewTheme(kiosk::loadKioskTheme(name, m_themeDirs));
}

bool KioskPreview::playVideo(const std::string& videoId) {
    return m_runtime && m_runtime->previewPlayVideo(videoId);
}

void KioskPreview::toggleVideoPause() {
    if (m_runtime) m_runtime->previewToggleVideoPause();
}

void KioskPreview::seekVideo(double fraction) {
    if (m_runtime) m_runtime->previewSeekVideo(fraction);
}

nlohmann::json KioskPreview::videoState() const {
    if (!m_runtime || m_runtime->video().videoId().empty()) return nullptr;
    const kiosk::VideoController& video = m_runtime->video();
    const kiosk::MediaStatus& s = video.status();
    nlohmann::json out = {{"id", video.videoId()},
                          {"state", kiosk::mediaStateName(s.state)},
                          {"position", s.position},
                          {"duration", s.duration},
                          {"subtitle", s.subtitleLang},
                          {"subtitle_text", s.subtitleText},
                          {"frames_rendered", s.framesRendered}};
    if (const auto problem = video.problem()) out["error"] = problem->zh + " " + problem->en;
    return out;
}

void KioskPreview::pointer(kiosk::InputEvent::Type type, float x, float y) {
    if (!m_runtime) return;
    kiosk::InputEvent event;
    event.type = type;
    event.position = {x, y};
    event.time = now();
    m_runtime->handleInput(event, event.time);
}

void KioskPreview::wheel(float x, float y, float notches) {
    if (!m_runtime) return;
    kiosk::InputEvent event;
    event.type = kiosk::InputEvent::Type::Wheel;
    event.position = {x, y};
    event.wheel = notches;
    event.time = now();
    m_runtime->handleInput(event, event.time);
}

bool KioskPreview::update() {
    if (!m_runtime) return false;
    if (auto made = m_content.take()) {
        m_packCharacters += made->characters;
        m_runtime->previewContent(std::move(made->content));
        if (m_unshown && m_runtime->previewShow(*m_unshown)) m_unshown.reset();
    }
    const double t = now();
    if (const float scale = framebufferScale(m_wantedScale); scale != m_scale) {
        m_scale = scale;
        makeTarget();
        m_runtime->setFramebufferScale(m_scale);
    }
    m_runtime->update(t);
    if (!m_runtime->wantsFrame()) return false;
    m_target.draw([&] { m_runtime->renderFrame(t); });
    m_runtime->framePresented();
    if (m_pendingSince) {
        m_lastUpdateMs = std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - *m_pendingSince)
                             .count();
        m_pendingSince.reset();
        if (m_updateMs.size() >= 200) m_updateMs.erase(m_updateMs.begin());
        m_updateMs.push_back(m_lastUpdateMs);
    }
    return true;
}

double KioskPreview::updateP95Ms() const {
    if (m_updateMs.empty()) return 0;
    std::vector<double> sorted = m_updateMs;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
}

double KioskPreview::secondsUntilWork() const {
    return m_runtime ? m_runtime->secondsUntilWork(now()) : 1e9;
}

nlohmann::json KioskPreview::state() const {
    if (!m_runtime) return nlohmann::json{{"started", false}, {"error", m_error}};
    nlohmann::json s = m_runtime->stateJson({});
    nlohmann::json out = {{"started", true},
                          {"screen", s["screen"]},
                          {"item", s["item"]},
                          {"language", s["language"]},
                          {"theme", m_themeName},
                          {"width", m_width},
                          {"height", m_height},
                          {"glyphs", s["glyphs"]},
                          {"frames", s["frames"]},
                          {"last_update_ms", m_lastUpdateMs},
                          {"update_p95_ms", updateP95Ms()},
                          {"updates", m_updateMs.size()}};
    if (s.contains("quiz")) out["quiz_stage"] = s["quiz"]["stage"];
    out["video"] = videoState();
    return out;
}

std::optional<core::Vec2> KioskPreview::targetCenter(const std::string& id) const {
    return m_runtime ? m_runtime->targetCenter(id) : std::nullopt;
}

} // namespace lantai::editor

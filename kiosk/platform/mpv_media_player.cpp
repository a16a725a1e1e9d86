// kiosk/platform: the libmpv media player — render API into an OpenGL texture, every mpv call on
// the main thread. Over 500 lines in one file because the mpv handle, its render context and the
// FBO and software-upload paths share one object's state and threading rules.
#include "kiosk/platform/mpv_media_player.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/config/kiosk_config.h"
#include "core/media/subtitles.h"

#include <GL/gl.h>
#include <SDL.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mpv/client.h>
#include <mpv/render_gl.h>
#include <utility>

#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_COLOR_ATTACHMENT0 0x8CE0
#define GL_FRAMEBUFFER_COMPLETE 0x8CD5
#define GL_FRAMEBUFFER_BINDING 0x8CA6
#endif

namespace lantai::kiosk {

namespace {

// A subtitle as core reads it (broken cues skipped, tags removed: what the validator and the
// editor describe), handed to mpv as WebVTT in memory — mpv's own SRT reader would run a broken
// cue's lines into the cue before it. The file itself when it cannot be read or has no cue.
std::string subtitleSource(const std::filesystem::path& file) {
    const auto format = core::subtitleFormatOf(file.string());
    if (!format) return file.string();
    auto text = core::readFile(file);
    if (!text) return file.string();
    const core::SubtitleParseResult parsed =
        core::parseSubtitles(*text, file.filename().string(), *format);
    if (parsed.cues.empty()) return file.string();
    return "memory://" + core::toWebVtt(parsed.cues);
}

using Clock = std::chrono::steady_clock;

// The few GL 3 entry points the player needs, from the context's own loader.
struct FramebufferFunctions {
    void (*genFramebuffers)(GLsizei, GLuint*) = nullptr;
    void (*deleteFramebuffers)(GLsizei, const GLuint*) = nullptr;
    void (*bindFramebuffer)(GLenum, GLuint) = nullptr;
    void (*framebufferTexture2D)(GLenum, GLenum, GLenum, GLuint, GLint) = nullptr;
    GLenum (*checkFramebufferStatus)(GLenum) = nullptr;

    bool load() {
        genFramebuffers =
            reinterpret_cast<decltype(genFramebuffers)>(SDL_GL_GetProcAddress("glGenFramebuffers"));
        deleteFramebuffers = reinterpret_cast<decltype(deleteFramebuffers)>(
            SDL_GL_GetProcAddress("glDeleteFramebuffers"));
        bindFramebuffer =
            reinterpret_cast<decltype(bindFramebuffer)>(SDL_GL_GetProcAddress("glBindFramebuffer"));
        framebufferTexture2D = reinterpret_cast<decltype(framebufferTexture2D)>(
            SDL_GL_GetProcAddress("glFramebufferTexture2D"));
        checkFramebufferStatus = reinterpret_cast<decltype(checkFramebufferStatus)>(
            SDL_GL_GetProcAddress("glCheckFramebufferStatus"));
        return genFramebuffers && deleteFramebuffers && bindFramebuffer && framebufferTexture2D &&
               checkFramebufferStatus;
    }
};

void* glProcAddress(void*, const char* name) {
    return SDL_GL_GetProcAddress(name);
}

std::string nodeString(const mpv_node& map, const char* key) {
    if (map.format != MPV_FORMAT_NODE_MAP) return {};
    for (int i = 0; i < map.u.list->num; ++i)
        if (std::strcmp(map.u.list->keys[i], key) == 0) {
            const mpv_node& v = map.u.list->values[i];
            if (v.format == MPV_FORMAT_STRING) return v.u.string;
            if (v.format == MPV_FORMAT_INT64) return std::to_string(v.u.int64);
        }
    return {};
}

// Property ids for mpv_observe_property (reply_userdata).
enum Observed : std::uint64_t {
    TimePos = 1,
    Duration,
    Pause,
    SubText,
    FrameDrops,
    DecoderDrops,
    Width,
    Height
};

class MpvMediaPlayer final : public MediaPlayer {
  public:
    explicit MpvMediaPlayer(std::function<void()> wake) : m_wake(std::move(wake)) {}

    ~MpvMediaPlayer() override {
        // The render context goes first (it needs the GL context, which is still current),
        // then the core.
        if (m_render) mpv_render_context_free(m_render);
        if (m_mpv) mpv_terminate_destroy(m_mpv);
        if (m_fbo) m_gl.deleteFramebuffers(1, &m_fbo);
        if (m_texture) glDeleteTextures(1, &m_texture);
    }

    bool start(const MpvSettings& settings, std::string& error) {
        m_audioOnly = settings.audioOnly;
        if (!m_audioOnly && !m_gl.load()) {
            error = "the OpenGL context has no framebuffer objects";
            return false;
        }
        m_mpv = mpv_create();
        if (!m_mpv) {
            error = "mpv_create failed (is LC_NUMERIC \"C\"?)";
            return false;
        }
        const std::pair<const char*, std::string> options[] = {
            {"vo", m_audioOnly ? "null" : "libmpv"},
            {"vid", m_audioOnly ? "no" : ""},
            {"hwdec", settings.hwdec},
            {"idle", "yes"},
            {"keep-open", "no"},
            {"config", "no"},
            {"terminal", "no"},
            {"input-default-bindings", "no"},
            {"input-vo-keyboard", "no"},
            {"osc", "no"},
            {"ytdl", "no"},
            {"sub-auto", "no"},
            {"audio-file-auto", "no"},
            {"sub-font", settings.subtitleFont},
            {"sub-font-size", "44"},
            {"sub-border-size", "3"},
            {"sub-margin-y", "36"},
            {"ao", settings.audioOutput},
            // A booth PC without a working sound device still shows the video (silently).
            {"audio-fallback-to-null", "yes"},
        };
        for (const auto& [name, value] : options) {
            if (value.empty()) continue;
            if (const int rc = mpv_set_option_string(m_mpv, name, value.c_str()); rc < 0)
                core::logDebug(std::string("mpv: option ") + name + "=" + value + ": " +
                               mpv_error_string(rc));
        }
        // mpv's own warnings go to the kiosk log; LANTAI_MPV_LOG=v (or debug) shows more when
        // staff chase a playback problem.
        const char* mpvLog = std::getenv("LANTAI_MPV_LOG");
        mpv_request_log_messages(m_mpv, mpvLog && *mpvLog ? mpvLog : "warn");
        if (const int rc = mpv_initialize(m_mpv); rc < 0) {
            error = std::string("mpv_initialize: ") + mpv_error_string(rc);
            return false;
        }
        mpv_observe_property(m_mpv, TimePos, "time-pos", MPV_FORMAT_DOUBLE);
        mpv_observe_property(m_mpv, Duration, "duration", MPV_FORMAT_DOUBLE);
        mpv_observe_property(m_mpv, Pause, "pause", MPV_FORMAT_FLAG);
        mpv_observe_property(m_mpv, SubText, "sub-text", MPV_FORMAT_STRING);
        mpv_observe_property(m_mpv, FrameDrops, "frame-drop-count", MPV_FORMAT_INT64);
        mpv_observe_property(m_mpv, DecoderDrops, "decoder-frame-drop-count", MPV_FORMAT_INT64);
        mpv_observe_property(m_mpv, Width, "dwidth", MPV_FORMAT_INT64);
        mpv_observe_property(m_mpv, Height, "dheight", MPV_FORMAT_INT64);

        if (m_audioOnly) {
            mpv_set_wakeup_callback(m_mpv, &MpvMediaPlayer::onWakeup, this);
            core::logInfo("narration: mpv audio player started (no video output)");
            return true;
        }
        m_software = settings.softwareRender;
        mpv_opengl_init_params glInit{glProcAddress, nullptr};
        int advanced = 0;
        mpv_render_param glParams[] = {
            {MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_OPENGL)},
            {MPV_RENDER_PARAM_OPENGL_INIT_PARAMS, &glInit},
            {MPV_RENDER_PARAM_ADVANCED_CONTROL, &advanced},
            {MPV_RENDER_PARAM_INVALID, nullptr},
        };
        mpv_render_param swParams[] = {
            {MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_SW)},
            {MPV_RENDER_PARAM_ADVANCED_CONTROL, &advanced},
            {MPV_RENDER_PARAM_INVALID, nullptr},
        };
        mpv_render_param* params = m_software ? swParams : glParams;
        if (const int rc = mpv_render_context_create(&m_render, m_mpv, params); rc < 0) {
            error = std::string("mpv_render_context_create: ") + mpv_error_string(rc);
            m_render = nullptr;
            return false;
        }
        // Both callbacks may run on any mpv thread: they only set a flag and wake the loop.
        mpv_set_wakeup_callback(m_mpv, &MpvMediaPlayer::onWakeup, this);
        mpv_render_context_set_update_callback(m_render, &MpvMediaPlayer::onRenderUpdate, this);
        const char* version = mpv_get_property_string(m_mpv, "mpv-version");
        core::logInfo(std::string("video: ") + (version ? version : "mpv") + ", hwdec " +
                      settings.hwdec +
                      (m_software ? ", frames converted on the CPU (software OpenGL)"
                                  : ", OpenGL render API"));
        mpv_free(const_cast<char*>(version));
        return true;
    }

    bool available() const override { return true; }
    const char* backendName() const override { return "mpv"; }

    void open(const MediaOpenRequest& request) override {
        m_status = {};
        m_status.file = request.file;
        m_status.state = MediaState::Loading;
        m_status.volume = request.volume;
        m_status.muted = request.muted;
        m_subtitles = request.subtitles;
        m_status.subtitleLang = request.subtitleLang;
        m_started = false;
        m_entryId = -1;
        m_haveFrame = false;
        m_firstFramePending = false;
        m_openedAt = Clock::now();
        ++m_generation;
        m_subTracks.clear();
        m_pendingSubAdds = 0;
        setFlag("pause", false);
        setFlag("mute", request.muted);
        setDouble("volume", request.volume);
        const std::string path = request.file.string();
        const char* command[] = {"loadfile", path.c_str(), "replace", nullptr};
        commandAsync(command, Reply::LoadFile);
        m_changed = true;
    }

    void close() override {
        const char* command[] = {"stop", nullptr};
        ++m_generation;
        commandAsync(command, Reply::None);
        m_status = {};
        m_haveFrame = false;
        m_changed = true;
    }

    void setPaused(bool paused) override {
        if (m_status.state != MediaState::Playing && m_status.state != MediaState::Paused) return;
        setFlag("pause", paused);
        m_status.state = paused ? MediaState::Paused : MediaState::Playing;
        m_changed = true;
    }

    void seekTo(double seconds) override {
        if (m_status.state != MediaState::Playing && m_status.state != MediaState::Paused) return;
        if (m_status.duration > 0) seconds = std::min(seconds, m_status.duration - 0.1);
        seconds = std::max(0.0, seconds);
        const std::string target = std::to_string(seconds);
        // Exact seeks: a seek bar must land where the finger let go, not on the previous keyframe.
        const char* command[] = {"seek", target.c_str(), "absolute+exact", nullptr};
        commandAsync(command, Reply::None);
        m_status.position = seconds;
        m_changed = true;
    }

    void setSubtitleLanguage(const std::string& lang) override {
        m_status.subtitleLang = lang;
        if (m_started && m_pendingSubAdds == 0) selectSubtitle();
        m_changed = true;
    }

    void setVolume(int percent) override {
        m_status.volume = percent;
        setDouble("volume", percent);
        m_changed = true;
    }

    void setMuted(bool muted) override {
        m_status.muted = muted;
        setFlag("mute", muted);
        m_changed = true;
    }

    bool update() override {
        bool changed = std::exchange(m_changed, false);
        while (true) {
            mpv_event* event = mpv_wait_event(m_mpv, 0);
            if (event->event_id == MPV_EVENT_NONE) break;
            changed = handle(*event) || changed;
        }
        if (m_renderWanted.exchange(false) && m_render) {
            if (mpv_render_context_update(m_render) & MPV_RENDER_UPDATE_FRAME) m_frameDue = true;
        }
        return changed || m_frameDue;
    }

    unsigned renderFrame(int width, int height) override {
        if (!m_render || width <= 0 || height <= 0) return 0;
        if (!m_frameDue && m_haveFrame && width == m_texWidth && height == m_texHeight)
            return m_texture;
        if (m_status.state != MediaState::Playing && m_status.state != MediaState::Paused &&
            !m_haveFrame)
            return 0;
        if (!ensureTarget(width, height)) return 0;
        if (m_software)
            renderSoftware(width, height);
        else
            renderOpenGl(width, height);
        if (m_frameDue) {
            ++m_status.framesRendered;
            if (m_status.firstFrameMs < 0 && m_status.videoWidth > 0) m_firstFramePending = true;
            if (m_status.videoWidth > 0) m_haveFrame = true;
        }
        m_frameDue = false;
        return m_haveFrame ? m_texture : 0;
    }

    void frameSwapped() override {
        if (m_render) mpv_render_context_report_swap(m_render);
        if (m_firstFramePending) { // open() -> the first frame is on screen
            m_firstFramePending = false;
            m_status.firstFrameMs =
                std::chrono::duration<double, std::milli>(Clock::now() - m_openedAt).count();
            core::logInfo("video: first frame of " + m_status.file.filename().string() +
                          " on screen after " +
                          std::to_string(static_cast<int>(m_status.firstFrameMs)) + " ms");
        }
    }

    const MediaStatus& status() const override { return m_status; }

  private:
    static void onWakeup(void* self) { static_cast<MpvMediaPlayer*>(self)->m_wake(); }
    static void onRenderUpdate(void* self) {
        auto* player = static_cast<MpvMediaPlayer*>(self);
        player->m_renderWanted = true;
        player->m_wake();
    }

    // Every call into mpv from the main thread is asynchronous: the main thread also renders,
    // and a synchronous call waits for the core, which may be waiting for that render (the
    // first frame of a file came ~200 ms late that way).
    enum class Reply : std::uint64_t { None = 0, LoadFile = 1, SubAdd = 2, TrackList = 3 };
    std::uint64_t replyId(Reply kind) const {
        return m_generation << 8 | static_cast<std::uint64_t>(kind);
    }
    void commandAsync(const char** command, Reply kind) {
        if (const int rc = mpv_command_async(m_mpv, replyId(kind), command); rc < 0)
            core::logWarning(std::string("mpv: ") + command[0] + ": " + mpv_error_string(rc));
    }
    void setFlag(const char* name, bool value) {
        int flag = value ? 1 : 0;
        mpv_set_property_async(m_mpv, 0, name, MPV_FORMAT_FLAG, &flag);
    }
    void setDouble(const char* name, double value) {
        mpv_set_property_async(m_mpv, 0, name, MPV_FORMAT_DOUBLE, &value);
    }

    void fail(std::string reason) {
        m_status.state = MediaState::Failed;
        m_status.error = std::move(reason);
        core::logWarning((m_audioOnly ? "narration " : "video ") + m_status.file.string() +
                         " cannot be played: " + m_status.error);
    }

    bool handle(const mpv_event& event) {
        switch (event.event_id) {
        case MPV_EVENT_START_FILE:
            m_entryId = static_cast<const mpv_event_start_file*>(event.data)->playlist_entry_id;
            return false;
        case MPV_EVENT_FILE_LOADED:
            if (m_status.state != MediaState::Loading) return false;
            m_started = true;
            m_status.state = MediaState::Playing;
            // Subtitles: added without selecting; once all are in, the track list says which id
            // each language got (selectSubtitle).
            for (const auto& sub : m_subtitles) {
                const std::string path = subtitleSource(sub.file);
                const char* command[] = {"sub-add",        path.c_str(),     "auto",
                                         sub.lang.c_str(), sub.lang.c_str(), nullptr};
                commandAsync(command, Reply::SubAdd);
                ++m_pendingSubAdds;
            }
            if (m_subtitles.empty()) selectSubtitle();
            return true;
        case MPV_EVENT_COMMAND_REPLY: {
            if (event.reply_userdata >> 8 != m_generation) return false; // for an earlier file
            const auto kind = static_cast<Reply>(event.reply_userdata & 0xff);
            if (event.error < 0 && kind == Reply::LoadFile) {
                fail(std::string("loadfile: ") + mpv_error_string(event.error));
                return true;
            }
            if (kind == Reply::SubAdd) {
                if (event.error < 0)
                    core::logWarning(std::string("video: a subtitle file could not be added: ") +
                                     mpv_error_string(event.error));
                if (--m_pendingSubAdds == 0)
                    mpv_get_property_async(m_mpv, replyId(Reply::TrackList), "track-list",
                                           MPV_FORMAT_NODE);
            }
            return false;
        }
        case MPV_EVENT_GET_PROPERTY_REPLY: {
            if (event.reply_userdata != replyId(Reply::TrackList) || event.error < 0) return false;
            const auto* p = static_cast<const mpv_event_property*>(event.data);
            if (p->format == MPV_FORMAT_NODE) {
                const auto* tracks = static_cast<const mpv_node*>(p->data);
                if (tracks->format == MPV_FORMAT_NODE_ARRAY)
                    for (int i = 0; i < tracks->u.list->num; ++i) {
                        const mpv_node& t = tracks->u.list->values[i];
                        if (nodeString(t, "type") == "sub" && !nodeString(t, "lang").empty())
                            m_subTracks.emplace(nodeString(t, "lang"), nodeString(t, "id"));
                    }
            }
            selectSubtitle();
            return true;
        }
        case MPV_EVENT_END_FILE: {
            const auto* end = static_cast<const mpv_event_end_file*>(event.data);
            if (end->playlist_entry_id != m_entryId || m_entryId < 0)
                return false; // an earlier file
            if (end->reason == MPV_END_FILE_REASON_EOF) {
                if (!m_started)
                    fail(m_audioOnly ? "the file ended before any sound could be played"
                                     : "the file ended before any video could be shown");
                else
                    m_status.state = MediaState::Ended;
            } else if (end->reason == MPV_END_FILE_REASON_ERROR &&
                       end->error == MPV_ERROR_AO_INIT_FAILED && m_started) {
                m_status.state =
                    MediaState::Ended; // the picture played; only the sound device failed
            } else if (end->reason == MPV_END_FILE_REASON_ERROR) {
                fail(mpv_error_string(end->error));
            } else {
                return false;
            }
            m_entryId = -1;
            return true;
        }
        case MPV_EVENT_PROPERTY_CHANGE:
            return property(*static_cast<const mpv_event_property*>(event.data),
                            event.reply_userdata);
        case MPV_EVENT_LOG_MESSAGE: {
            const auto* msg = static_cast<const mpv_event_log_message*>(event.data);
            std::string text = msg->text ? msg->text : "";
            while (!text.empty() && text.back() == '\n')
                text.pop_back();
            core::logMessage(msg->log_level <= MPV_LOG_LEVEL_WARN ? core::LogLevel::Warning
                                                                  : core::LogLevel::Info,
                             std::string("mpv [") + (msg->prefix ? msg->prefix : "") + "] " + text);
            return false;
        }
        default:
            return false;
        }
    }

    bool property(const mpv_event_property& p, std::uint64_t id) {
        const bool none = p.format == MPV_FORMAT_NONE || !p.data;
        switch (id) {
        case TimePos:
            m_status.position = none ? m_status.position : *static_cast<double*>(p.data);
            return true;
        case Duration:
            m_status.duration = none ? 0 : *static_cast<double*>(p.data);
            return true;
        case Pause:
            if (!none &&
                (m_status.state == MediaState::Playing || m_status.state == MediaState::Paused))
                m_status.state =
                    *static_cast<int*>(p.data) ? MediaState::Paused : MediaState::Playing;
            return true;
        case SubText:
            m_status.subtitleText = none ? "" : *static_cast<char**>(p.data);
            return true;
        case FrameDrops:
            m_status.droppedFrames = none ? 0 : *static_cast<std::int64_t*>(p.data);
            return false;
        case DecoderDrops:
            m_status.decoderDroppedFrames = none ? 0 : *static_cast<std::int64_t*>(p.data);
            return false;
        case Width:
            m_status.videoWidth = none ? 0 : static_cast<int>(*static_cast<std::int64_t*>(p.data));
            return true;
        case Height:
            m_status.videoHeight = none ? 0 : static_cast<int>(*static_cast<std::int64_t*>(p.data));
            return true;
        default:
            return false;
        }
    }

    void renderOpenGl(int width, int height) {
        GLint previous = 0;
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
        mpv_opengl_fbo fbo{static_cast<int>(m_fbo), width, height, 0};
        int flipY = 0; // rows top to bottom, like every other texture the UI draws
        mpv_render_param params[] = {
            {MPV_RENDER_PARAM_OPENGL_FBO, &fbo},
            {MPV_RENDER_PARAM_FLIP_Y, &flipY},
            {MPV_RENDER_PARAM_INVALID, nullptr},
        };
        mpv_render_context_render(m_render, params);
        m_gl.bindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    }

    void renderSoftware(int width, int height) {
        int size[2] = {width, height};
        std::size_t stride = static_cast<std::size_t>(width) * 4;
        m_pixels.resize(stride * static_cast<std::size_t>(height));
        mpv_render_param params[] = {
            {MPV_RENDER_PARAM_SW_SIZE, size},
            {MPV_RENDER_PARAM_SW_FORMAT, const_cast<char*>("rgb0")},
            {MPV_RENDER_PARAM_SW_STRIDE, &stride},
            {MPV_RENDER_PARAM_SW_POINTER, m_pixels.data()},
            {MPV_RENDER_PARAM_INVALID, nullptr},
        };
        if (mpv_render_context_render(m_render, params) < 0) return;
        glBindTexture(GL_TEXTURE_2D, m_texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        // The padding byte is dropped: the texture is RGB, so it samples opaque.
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE,
                        m_pixels.data());
    }

    // Shows the subtitle track added for the requested language, or none.
    void selectSubtitle() {
        std::string sid = "no";
        if (auto it = m_subTracks.find(m_status.subtitleLang); it != m_subTracks.end())
            sid = it->second;
        else
            m_status.subtitleLang.clear(); // no such track
        const char* value = sid.c_str();   // copied by mpv before the call returns
        mpv_set_property_async(m_mpv, 0, "sid", MPV_FORMAT_STRING, &value);
    }

    bool ensureTarget(int width, int height) {
        if (m_texture && width == m_texWidth && height == m_texHeight) return true;
        if (!m_texture) glGenTextures(1, &m_texture);
        glBindTexture(GL_TEXTURE_2D, m_texture);
        glTexImage2D(GL_TEXTURE_2D, 0, m_software ? GL_RGB8 : GL_RGBA8, width, height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        if (m_software) {
            m_texWidth = width;
            m_texHeight = height;
            m_haveFrame = false;
            m_frameDue = true;
            return true;
        }
        GLint previous = 0;
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
        if (!m_fbo) m_gl.genFramebuffers(1, &m_fbo);
        m_gl.bindFramebuffer(GL_FRAMEBUFFER, m_fbo);
        m_gl.framebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture,
                                  0);
        const bool complete =
            m_gl.checkFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
        m_gl.bindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
        if (!complete) {
            core::logError("video: the render target framebuffer is incomplete");
            return false;
        }
        m_texWidth = width;
        m_texHeight = height;
        m_haveFrame = false; // the new texture is empty until mpv draws into it
        m_frameDue = true;
        return true;
    }

    std::function<void()> m_wake; // thread-safe: ends the kiosk loop's wait
    FramebufferFunctions m_gl;
    mpv_handle* m_mpv = nullptr;
    mpv_render_context* m_render = nullptr;
    std::atomic<bool> m_renderWanted{false};
    bool m_frameDue = false;
    bool m_changed = false;
    bool m_started = false; // FILE_LOADED seen for the current file
    bool m_haveFrame = false;
    bool m_firstFramePending = false;
    std::int64_t m_entryId = -1;
    Clock::time_point m_openedAt;
    std::vector<MediaSubtitle> m_subtitles;
    std::map<std::string, std::string>
        m_subTracks; // language -> mpv track id, for the current file
    int m_pendingSubAdds = 0;
    std::uint64_t m_generation = 1; // the file replies belong to (open/close start a new one)
    MediaStatus m_status;
    bool m_software = false;
    bool m_audioOnly = false;
    std::vector<unsigned char> m_pixels; // software rendering: the converted frame
    GLuint m_fbo = 0;
    GLuint m_texture = 0;
    int m_texWidth = 0;
    int m_texHeight = 0;
};

} // namespace

std::unique_ptr<MediaPlayer> createMpvMediaPlayer(std::function<void()> wake,
                                                  const MpvSettings& settings, std::string& error) {
    auto player = std::make_unique<MpvMediaPlayer>(std::move(wake));
    if (!player->start(settings, error)) return nullptr;
    return player;
}

} // namespace lantai::kiosk

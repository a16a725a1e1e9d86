// tools/editor: script replay as per-frame ImGui input
#include "tools/editor/editor_script.h"

#include <SDL.h>
#include <algorithm>
#include <imgui.h>

namespace lantai::editor {

namespace {

constexpr double kSettleSeconds = 0.15; // after input: let the UI and the preview catch up
constexpr int kFramesToReveal = 30;     // frames a tap waits for its target to scroll into view

int scancodeOf(const std::string& name) {
    if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])))
        return SDL_SCANCODE_A + (std::tolower(static_cast<unsigned char>(name[0])) - 'a');
    if (name == "enter" || name == "return") return SDL_SCANCODE_RETURN;
    if (name == "escape") return SDL_SCANCODE_ESCAPE;
    if (name == "tab") return SDL_SCANCODE_TAB;
    if (name == "backspace") return SDL_SCANCODE_BACKSPACE;
    if (name == "delete") return SDL_SCANCODE_DELETE;
    if (name == "up") return SDL_SCANCODE_UP;
    if (name == "down") return SDL_SCANCODE_DOWN;
    if (name == "left") return SDL_SCANCODE_LEFT;
    if (name == "right") return SDL_SCANCODE_RIGHT;
    if (name == "home") return SDL_SCANCODE_HOME;
    if (name == "end") return SDL_SCANCODE_END;
    return -1;
}

} // namespace

EditorScriptPlayer::EditorScriptPlayer(core::KioskScript script, ScriptHost host)
    : m_script(std::move(script)), m_host(std::move(host)) {}

std::optional<std::pair<float, float>> EditorScriptPlayer::resolve(const core::ScriptPoint& point,
                                                                   int line) {
    if (!point.target.empty()) {
        auto centre = m_host.targetCenter(point.target);
        if (!centre) {
            ++m_errors;
            m_host.error("script line " + std::to_string(line) + ": no target \"" + point.target +
                         "\" on screen");
        }
        return centre;
    }
    const auto [w, h] = m_host.windowSize();
    return std::make_pair(static_cast<float>(point.x.resolve(w)),
                          static_cast<float>(point.y.resolve(h)));
}

bool EditorScriptPlayer::start(const core::ScriptCommand& c, double now) {
    using T = core::ScriptCommandType;
    m_doneAt = now;
    switch (c.type) {
    case T::Wait:
    case T::WaitIdle:
        m_doneAt = now + c.number / 1000.0;
        return true;
    case T::Tap:
    case T::DoubleTap: {
        FrameInput move;
        if (!c.points[0].target.empty())
            move.target = c.points[0].target;
        else if (auto p = resolve(c.points[0], c.line))
            move.mouse = p;
        else
            return false;
        const int taps = c.type == T::DoubleTap ? 2 : 1;
        m_frames.push_back(move);
        for (int i = 0; i < taps; ++i) {
            FrameInput press = move;
            press.down = true;
            FrameInput release = move;
            release.down = false;
            m_frames.push_back(press);
            m_frames.push_back(release);
        }
        m_frames.push_back(FrameInput{});
        return true;
    }
    case T::Drag: {
        auto a = resolve(c.points[0], c.line);
        auto b = resolve(c.points[1], c.line);
        if (!a || !b) return false;
        FrameInput f;
        f.mouse = a;
        m_frames.push_back(f);
        f.down = true;
        m_frames.push_back(f);
        for (int s = 1; s <= 12; ++s) {
            f.mouse =
                std::make_pair(a->first + (b->first - a->first) * static_cast<float>(s) / 12.0f,
                               a->second + (b->second - a->second) * static_cast<float>(s) / 12.0f);
            m_frames.push_back(f);
        }
        m_frames.push_back(f); // hover the drop target for a frame
        f.down = false;
        m_frames.push_back(f);
        m_frames.push_back(FrameInput{});
        return true;
    }
    case T::Wheel:
    case T::LongPress:
    case T::Swipe:
    case T::Pinch:
    case T::RightClick:
    case T::Fingers:
    case T::CloseWindow:
    case T::SdlTap:
    case T::Advance:
    case T::Resize:
    case T::QuizAnswer:
        ++m_errors;
        m_host.error("script line " + std::to_string(c.line) + ": \"" +
                     core::scriptCommandName(c.type) +
                     "\" is a kiosk command; the editor plays "
                     "tap, doubletap, drag, key, type, drop, wait, wait-idle, screenshot, quit");
        return false;
    case T::Key: {
        FrameInput f;
        f.key = scancodeOf(c.text);
        if (f.key < 0) {
            ++m_errors;
            m_host.error("script line " + std::to_string(c.line) + ": unknown key \"" + c.text +
                         "\"");
            return false;
        }
        f.ctrl = c.ctrl;
        f.shift = c.shift;
        f.alt = c.alt;
        m_frames.push_back(f);
        m_frames.push_back(FrameInput{});
        return true;
    }
    case T::Type: {
        FrameInput f;
        f.text = c.text;
        m_frames.push_back(f);
        m_frames.push_back(FrameInput{});
        return true;
    }
    case T::Drop: {
        std::vector<std::filesystem::path> paths(c.paths.begin(), c.paths.end());
        const auto at = m_mouse.value_or(std::make_pair(0.0f, 0.0f));
        m_host.drop(std::move(paths), at.first, at.second);
        return true;
    }
    case T::Screenshot:
        m_host.screenshot(c.text);
        return true;
    case T::Quit:
        m_quit = true;
        return true;
    }
    return true;
}

void EditorScriptPlayer::finish() {
    m_host.stepCompleted(static_cast<int>(m_index), m_script.commands[m_index]);
    ++m_index;
    m_started = false;
}

void EditorScriptPlayer::applyInput(double now) {
    ImGuiIO& io = ImGui::GetIO();
    // Scripted input owns the mouse while a script plays (the real pointer of an Xvfb display
    // sits wherever it was).
    if (m_mouse) io.MousePos = ImVec2(m_mouse->first, m_mouse->second);
    while (!finished()) {
        const auto& c = m_script.commands[m_index];
        if (!m_started) {
            m_started = true;
            if (!start(c, now)) {
                m_frames.clear();
                finish();
                continue;
            }
            if (c.type == core::ScriptCommandType::Quit) return;
        }
        if (!m_frames.empty()) {
            FrameInput f = std::move(m_frames.front());
            m_frames.pop_front();
            if (!f.target.empty()) {
                if (auto centre = m_host.targetCenter(f.target)) {
                    f.mouse = centre;
                } else if (f.waited < kFramesToReveal) {
                    // Not on screen (scrolled away, or the panel is still appearing): scroll it
                    // into view and try again next frame.
                    ++f.waited;
                    m_host.reveal(f.target);
                    m_frames.push_front(std::move(f));
                    return;
                } else {
                    ++m_errors;
                    m_host.error("script line " + std::to_string(c.line) + ": no target \"" +
                                 f.target + "\" on screen");
                    m_frames.clear();
                }
            }
            if (f.mouse) {
                m_mouse = f.mouse;
                io.MousePos = ImVec2(f.mouse->first, f.mouse->second);
            }
            if (f.down) io.MouseDown[0] = *f.down;
            if (f.key >= 0) {
                io.KeysDown[f.key] = true;
                io.KeyCtrl = f.ctrl;
                io.KeyShift = f.shift;
                io.KeyAlt = f.alt;
            } else {
                for (int k : {SDL_SCANCODE_A, SDL_SCANCODE_Z, SDL_SCANCODE_Y, SDL_SCANCODE_S,
                              SDL_SCANCODE_RETURN, SDL_SCANCODE_ESCAPE, SDL_SCANCODE_TAB,
                              SDL_SCANCODE_BACKSPACE, SDL_SCANCODE_DELETE})
                    io.KeysDown[k] = false;
                for (int k = SDL_SCANCODE_A; k <= SDL_SCANCODE_Z; ++k)
                    io.KeysDown[k] = false;
            }
            if (!f.text.empty()) io.AddInputCharactersUTF8(f.text.c_str());
            m_doneAt = now + kSettleSeconds;
            return;
        }
        using T = core::ScriptCommandType;
        if ((c.type == T::Wait && now < m_doneAt) ||
            (c.type == T::WaitIdle && !m_host.isIdle() && now < m_doneAt))
            return;
        // A drop ends once it is handed over (the copies run on): frames drawn while they run
        // belong to the next step, the `wait-idle` a script puts after a drop.
        if (c.type != T::Wait && c.type != T::WaitIdle && now < m_doneAt) return;
        // The screenshot is taken at the end of this frame: the next step's input waits for the
        // next one (a key pressed now would already show in the picture).
        const bool screenshot = c.type == T::Screenshot;
        finish();
        if (m_quit || screenshot) return;
    }
}

double EditorScriptPlayer::secondsUntilWork(double now) const {
    if (finished()) return 1e9;
    if (!m_frames.empty()) return 0;
    // A plain wait sleeps until it ends; anything else polls (wait-idle, settling after input).
    if (m_started && m_script.commands[m_index].type == core::ScriptCommandType::Wait)
        return std::max(0.0, m_doneAt - now);
    return std::clamp(m_doneAt - now, 0.0, 0.05);
}

} // namespace lantai::editor

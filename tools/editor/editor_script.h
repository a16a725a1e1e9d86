// tools/editor: replaying a script (kiosk/SCRIPTS.md's format: tap, drag, key, type, drop, wait,
// wait-idle, screenshot, quit) through the editor's ImGui input, frame by frame
#pragma once

#include "core/script/kiosk_script.h"

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct ImVec2;

namespace lantai::editor {

// What the editor gives the player.
struct ScriptHost {
    std::function<std::optional<std::pair<float, float>>(const std::string& target)> targetCenter;
    std::function<std::pair<float, float>()> windowSize;
    std::function<bool()> isIdle;
    // Asks the UI to scroll `target` into view (it exists but is not visible).
    std::function<void(const std::string& target)> reveal;
    std::function<void(std::vector<std::filesystem::path> paths, float x, float y)> drop;
    std::function<void(const std::string& name)> screenshot;
    std::function<void(int step, const core::ScriptCommand& command)> stepCompleted;
    std::function<void(const std::string& message)> error;
};

// Feeds the commands as ImGui input: between ImGui_ImplSDL2_NewFrame (which reads the real
// mouse and keyboard) and ImGui::NewFrame, applyInput() overrides the mouse position and button,
// keys, modifiers and typed text for this frame. A tap is three frames (move, press, release),
// a drag moves in steps, a key is pressed for one frame. Threading: the main thread.
class EditorScriptPlayer {
  public:
    EditorScriptPlayer(core::KioskScript script, ScriptHost host);
    // Before ImGui::NewFrame, with the editor's context current.
    void applyInput(double now);
    bool finished() const { return m_index >= m_script.commands.size() || m_quit; }
    bool quit() const { return m_quit; }
    int errors() const { return m_errors; }
    int step() const { return static_cast<int>(m_index); }
    // Seconds until the player needs a frame (0: every frame while input plays).
    double secondsUntilWork(double now) const;

  private:
    struct FrameInput {
        std::optional<std::pair<float, float>> mouse;
        std::optional<bool> down;
        int key = -1;
        bool ctrl = false, shift = false, alt = false;
        std::string text;
        std::string target; // resolved when the frame plays (the layout may have moved)
        int waited = 0;     // frames spent waiting for the target to come into view
    };
    bool start(const core::ScriptCommand& command, double now);
    void finish();
    std::optional<std::pair<float, float>> resolve(const core::ScriptPoint& point, int line);

    core::KioskScript m_script;
    ScriptHost m_host;
    std::size_t m_index = 0;
    bool m_started = false;
    bool m_quit = false;
    int m_errors = 0;
    double m_doneAt = 0;
    std::deque<FrameInput> m_frames;
    std::optional<std::pair<float, float>> m_mouse;
};

} // namespace lantai::editor

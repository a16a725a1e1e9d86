// tools/editor: the editor's desktop window — SDL2, an OpenGL 3.3 context, Dear ImGui with its
// SDL2 and OpenGL3 backends, the input method's candidate window at the text cursor, file drops
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct SDL_Window;
struct ImGuiContext;
typedef void* SDL_GLContext;

namespace lantai::editor {

struct WindowOptions {
    int width = 1600;
    int height = 1000;
    std::string title = "兰台编辑器 Lantai Editor";
};

// Where the input method's candidate window was last told to open (the active text field's
// cursor, window pixels): what SDL_SetTextInputRect got.
struct InputMethodSpot {
    int x = 0, y = 0, height = 0;
};

// What one pump of the event queue brought besides ImGui's input.
struct WindowEvents {
    bool quitRequested = false;
    bool textTyped = false;                     // text came in (the atlas may need glyphs)
    std::string typedText;                      // everything typed, to add to the atlas
    std::vector<std::filesystem::path> dropped; // files and folders dropped this pump
    bool woken = false;                         // wake() from another thread
    bool any = false;                           // any event at all (input, window, wake)
    bool input = false;                         // an event other than wake()
};

// Owns the SDL window, the GL context and the editor's ImGui context (current while the window
// lives). Threading: every call on the main thread, except wake().
class EditorWindow {
  public:
    EditorWindow() = default;
    ~EditorWindow();
    EditorWindow(const EditorWindow&) = delete;
    EditorWindow& operator=(const EditorWindow&) = delete;

    bool open(const WindowOptions& options, std::string& error);
    // Waits up to `timeoutMs` for events (0: just poll), feeds ImGui, and returns the rest.
    WindowEvents pump(int timeoutMs);
    // Starts a frame in two steps: the backends read the real input and display size, then
    // ImGui::NewFrame. Between them the caller may override input (a script's pointer).
    void newBackendFrame();
    void newImGuiFrame();
    // Renders ImGui's draw data into the window (the caller swaps with present()).
    void render();
    void present();
    // Reads back what render() drew and writes it as PNG.
    bool screenshot(const std::filesystem::path& file, std::string& error) const;
    void wake(); // any thread
    void resize(int width, int height);
    int width() const { return m_width; }
    int height() const { return m_height; }
    SDL_Window* window() const { return m_window; }
    ImGuiContext* imgui() const { return m_imgui; }
    const std::string& glRenderer() const { return m_glRenderer; }
    // Where the candidate window goes (nullopt until a text field was active).
    static std::optional<InputMethodSpot> inputMethodSpot();

  private:
    SDL_Window* m_window = nullptr;
    SDL_GLContext m_gl = nullptr;
    ImGuiContext* m_imgui = nullptr;
    bool m_backends = false;
    unsigned m_wakeEvent = 0;
    int m_width = 0;
    int m_height = 0;
    std::string m_glRenderer;
};

} // namespace lantai::editor

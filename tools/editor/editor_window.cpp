// tools/editor: the editor's window, GL context, ImGui backends, input method position and drops
#include "tools/editor/editor_window.h"

#include "kiosk/platform/screenshot.h"

#include <GL/gl.h>
#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

namespace lantai::editor {

namespace {

// Dear ImGui 1.86's SDL2 backend never tells SDL where the text cursor is, so the input
// method's candidate window (fcitx5, IBus) opens at a corner of the screen (ImGui PR #6071).
// ImGui calls this with the cursor of the active text field; SDL passes it to the IME.
std::optional<InputMethodSpot> g_inputMethodSpot; // main thread only

void placeInputMethod(int x, int y) {
    SDL_Rect rect{x, y, 1, static_cast<int>(ImGui::GetTextLineHeight())};
    SDL_SetTextInputRect(&rect);
    g_inputMethodSpot = InputMethodSpot{x, y, rect.h};
}

} // namespace

EditorWindow::~EditorWindow() {
    if (m_backends) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    if (m_imgui) ImGui::DestroyContext(m_imgui);
    if (m_gl) SDL_GL_DeleteContext(m_gl);
    if (m_window) SDL_DestroyWindow(m_window);
    if (m_window || m_wakeEvent) SDL_Quit();
}

bool EditorWindow::open(const WindowOptions& options, std::string& error) {
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL video: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    m_window = SDL_CreateWindow(
        options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
        options.height, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!m_window) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return false;
    }
    m_gl = SDL_GL_CreateContext(m_window);
    if (!m_gl) {
        error = std::string("cannot create an OpenGL 3.3 context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(m_window, m_gl);
    SDL_GL_SetSwapInterval(1);
    if (const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER)))
        m_glRenderer = renderer;
    m_wakeEvent = SDL_RegisterEvents(1);
    SDL_EventState(SDL_DROPFILE, SDL_ENABLE);

    IMGUI_CHECKVERSION();
    m_imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout is the editor's, not a file in the working directory
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ImeSetInputScreenPosFn = placeInputMethod;
    ImGui_ImplSDL2_InitForOpenGL(m_window, m_gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_backends = true;
    SDL_StartTextInput();
    SDL_GL_GetDrawableSize(m_window, &m_width, &m_height);
    return true;
}

WindowEvents EditorWindow::pump(int timeoutMs) {
    WindowEvents out;
    SDL_Event event;
    bool have =
        timeoutMs > 0 ? SDL_WaitEventTimeout(&event, timeoutMs) != 0 : SDL_PollEvent(&event) != 0;
    while (have) {
        out.any = true;
        out.input = out.input || event.type != m_wakeEvent;
        if (event.type == m_wakeEvent) {
            out.woken = true;
        } else if (event.type == SDL_DROPFILE) {
            if (event.drop.file) {
                out.dropped.emplace_back(event.drop.file);
                SDL_free(event.drop.file);
            }
        } else {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) out.quitRequested = true;
            if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE)
                out.quitRequested = true;
            if (event.type == SDL_TEXTINPUT) {
                out.textTyped = true;
                out.typedText += event.text.text;
            }
            if (event.type == SDL_TEXTEDITING) out.typedText += event.edit.text;
        }
        have = SDL_PollEvent(&event) != 0;
    }
    SDL_GL_GetDrawableSize(m_window, &m_width, &m_height);
    return out;
}

void EditorWindow::newBackendFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

void EditorWindow::newImGuiFrame() {
    ImGui::NewFrame();
}

std::optional<InputMethodSpot> EditorWindow::inputMethodSpot() {
    return g_inputMethodSpot;
}

void EditorWindow::render() {
    ImGui::Render();
    glViewport(0, 0, m_width, m_height);
    // The top-level window draws no background of its own: its colour is the clear colour
    // (as it looked blended over the former one).
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const auto over = [&](float colour, float below) { return colour * bg.w + below * (1 - bg.w); };
    glClearColor(over(bg.x, 0.12f), over(bg.y, 0.12f), over(bg.z, 0.13f), 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void EditorWindow::present() {
    SDL_GL_SwapWindow(m_window);
}

bool EditorWindow::screenshot(const std::filesystem::path& file, std::string& error) const {
    return kiosk::writeScreenshotPng(file, m_width, m_height, error);
}

void EditorWindow::wake() {
    if (!m_wakeEvent) return;
    SDL_Event event{};
    event.type = m_wakeEvent;
    SDL_PushEvent(&event);
}

void EditorWindow::resize(int width, int height) {
    SDL_SetWindowSize(m_window, width, height);
    SDL_GL_GetDrawableSize(m_window, &m_width, &m_height);
}

} // namespace lantai::editor

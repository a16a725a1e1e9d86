// tests: the kiosk runtime embedded as the editor's preview will embed it — in a host's GL
// context, drawing into the host's framebuffer object, beside the host's own ImGui context
// (needs a display: runs under xvfb-run as kiosk/runtime_embedded, skipped otherwise)
#include "kiosk/runtime/kiosk_runtime.h"

#include <GL/gl.h>
#include <SDL.h>
#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <imgui.h>
#include <vector>

using namespace lantai;
using namespace lantai::kiosk;

namespace {

#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_COLOR_ATTACHMENT0 0x8CE0
#define GL_FRAMEBUFFER_COMPLETE 0x8CD5
#define GL_FRAMEBUFFER_BINDING 0x8CA6
#endif

// The host: a hidden SDL window with a GL 3.3 core context, and a framebuffer object with a
// texture to render the preview into (as an editor shows it in an ImGui::Image).
struct Host {
    SDL_Window* window = nullptr;
    SDL_GLContext context = nullptr;
    std::string skip;
    void (*genFramebuffers)(GLsizei, GLuint*) = nullptr;
    void (*deleteFramebuffers)(GLsizei, const GLuint*) = nullptr;
    void (*bindFramebuffer)(GLenum, GLuint) = nullptr;
    void (*framebufferTexture2D)(GLenum, GLenum, GLenum, GLuint, GLint) = nullptr;
    GLenum (*checkFramebufferStatus)(GLenum) = nullptr;
    GLuint fbo = 0;
    GLuint texture = 0;

    Host() {
        if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
            skip = "no display";
            return;
        }
        if (SDL_Init(SDL_INIT_VIDEO) != 0) {
            skip = std::string("SDL video: ") + SDL_GetError();
            return;
        }
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
        window = SDL_CreateWindow("lantai runtime host", 0, 0, 64, 64,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
        context = window ? SDL_GL_CreateContext(window) : nullptr;
        if (!context) {
            skip = std::string("no OpenGL 3.3 core context: ") + SDL_GetError();
            return;
        }
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
        if (!genFramebuffers || !deleteFramebuffers || !bindFramebuffer || !framebufferTexture2D ||
            !checkFramebufferStatus)
            skip = "no framebuffer objects";
    }
    ~Host() {
        if (fbo) deleteFramebuffers(1, &fbo);
        if (texture) glDeleteTextures(1, &texture);
        if (context) SDL_GL_DeleteContext(context);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
    bool makeTarget(int width, int height) {
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        const std::vector<unsigned char> transparent(std::size_t(width) * height * 4, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     transparent.data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glBindTexture(GL_TEXTURE_2D, 0);
        genFramebuffers(1, &fbo);
        bindFramebuffer(GL_FRAMEBUFFER, fbo);
        framebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        return checkFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    GLint boundFramebuffer() const {
        GLint bound = -1;
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &bound);
        return bound;
    }
};

bool hasTarget(const nlohmann::json& state, const std::string& id) {
    const auto& targets = state["targets"];
    return std::find(targets.begin(), targets.end(), id) != targets.end();
}

TEST(RuntimeEmbedded, DrawsIntoTheHostsFramebufferBesideTheHostsImGuiContext) {
    Host host;
    if (!host.skip.empty()) GTEST_SKIP() << host.skip;
    constexpr int kWidth = 480, kHeight = 320;
    ASSERT_TRUE(host.makeTarget(kWidth, kHeight));
    ImGuiContext* editor = ImGui::CreateContext(); // the host's own ImGui context, current
    ImGui::SetCurrentContext(editor);
    ImGui::GetIO().IniFilename = nullptr; // no imgui.ini in the working directory
    {
        KioskRuntimeOptions options;
        options.config.packPath = std::string(LANTAI_TEST_PACKS_DIR) + "/valid-minimal";
        options.themeDirs = {std::string(LANTAI_SOURCE_DIR) + "/themes"};
        KioskRuntime runtime(std::move(options));
        runtime.prepareFonts(kWidth, kHeight);
        std::string error;
        ASSERT_TRUE(runtime.startGraphics(kWidth, kHeight, std::size_t(16) << 20, error)) << error;
        EXPECT_EQ(ImGui::GetCurrentContext(), editor);

        double now = 1.0;
        runtime.update(now);
        ASSERT_TRUE(runtime.wantsFrame());
        runtime.renderFrame(now);
        runtime.framePresented();
        EXPECT_EQ(ImGui::GetCurrentContext(), editor);
        EXPECT_EQ(host.boundFramebuffer(), GLint(host.fbo)); // still the host's target
        // Every pixel of the target was drawn (cleared to an opaque background, then the
        // attract screen): the transparent texture is covered.
        std::vector<unsigned char> pixels(std::size_t(kWidth) * kHeight * 4);
        glReadPixels(0, 0, kWidth, kHeight, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        std::size_t opaque = 0;
        for (std::size_t i = 3; i < pixels.size(); i += 4)
            opaque += pixels[i] == 255;
        EXPECT_EQ(opaque, std::size_t(kWidth) * kHeight);
        EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));

        nlohmann::json state = runtime.stateJson({});
        EXPECT_EQ(state["frames"], 1);
        EXPECT_EQ(state["screen"], "attract");
        EXPECT_EQ(state["width"], kWidth);
        EXPECT_TRUE(hasTarget(state, "attract"));

        // A tap on the preview, in preview pixels, starts a visit.
        const auto centre = runtime.targetCenter("attract");
        ASSERT_TRUE(centre.has_value());
        InputEvent e;
        e.type = InputEvent::Type::PointerDown;
        e.position = *centre;
        runtime.handleInput(e, now += 0.1);
        e.type = InputEvent::Type::PointerUp;
        runtime.handleInput(e, now += 0.06);
        runtime.update(now += 0.01);
        runtime.renderFrame(now);
        state = runtime.stateJson({});
        EXPECT_EQ(state["screen"], "home");
        EXPECT_TRUE(hasTarget(state, "exhibition:letters"));

        // The host's context works on while the runtime lives: its own atlas, its own frame.
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(200, 100);
        unsigned char* atlas = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&atlas, &w, &h);
        for (int frame = 0; frame < 2; ++frame) { // a new window shows from its second frame
            ImGui::NewFrame();
            ImGui::Begin("Preview");
            ImGui::Text("kiosk frames: %lld", runtime.frames());
            ImGui::End();
            ImGui::Render();
        }
        EXPECT_GT(ImGui::GetDrawData()->CmdListsCount, 0);
        EXPECT_EQ(runtime.frames(), 2);
        EXPECT_EQ(ImGui::GetCurrentContext(), editor);

        // A resized preview: the next frame uses the new size.
        runtime.setViewport(kWidth / 2, kHeight / 2);
        runtime.renderFrame(now += 0.1);
        EXPECT_EQ(runtime.stateJson({})["width"], kWidth / 2);
        EXPECT_EQ(ImGui::GetCurrentContext(), editor);
    } // the runtime goes with the GL context still current; the host's ImGui context stays
    EXPECT_EQ(ImGui::GetCurrentContext(), editor);
    ImGui::DestroyContext(editor);
}

} // namespace

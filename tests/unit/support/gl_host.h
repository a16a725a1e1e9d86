// tests/unit/support: a hidden SDL window with a GL 3.3 core context and a framebuffer object to
// render into, as the editor hosts the kiosk runtime's preview (tests that need a display)
#pragma once

#include <GL/gl.h>
#include <SDL.h>
#include <cstdlib>
#include <string>
#include <vector>

namespace lantai::test {

#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_COLOR_ATTACHMENT0 0x8CE0
#define GL_FRAMEBUFFER_COMPLETE 0x8CD5
#define GL_FRAMEBUFFER_BINDING 0x8CA6
#endif

// The host: a hidden SDL window with a GL 3.3 core context, and a framebuffer object with a
// texture to render the preview into (as an editor shows it in an ImGui::Image).
struct GlHost {
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

    GlHost() {
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
    ~GlHost() {
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

} // namespace lantai::test

// kiosk/platform: the logical frame in a framebuffer object, drawn turned onto the window
#include "kiosk/platform/rotated_frame.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

namespace lantai::kiosk {

namespace {

// A full-window quad as a 4-vertex strip made from gl_VertexID (no vertex buffer); each corner
// samples the frame where display.rotation puts it.
constexpr const char* kVertexShader = R"(#version 330 core
const vec2 kCorners[4] = vec2[4](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0), vec2(1.0, 1.0));
uniform vec2 uTexCoords[4];
out vec2 vTexCoord;
void main() {
    vTexCoord = uTexCoords[gl_VertexID];
    gl_Position = vec4(kCorners[gl_VertexID], 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(#version 330 core
uniform sampler2D uFrame;
in vec2 vTexCoord;
out vec4 outColor;
void main() { outColor = vec4(texture(uFrame, vTexCoord).rgb, 1.0); }
)";

GLuint compile(GLenum kind, const char* source, std::string& error) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    error = std::string("the rotation shader does not compile: ") + log;
    glDeleteShader(shader);
    return 0;
}

} // namespace

RotatedFrame::~RotatedFrame() {
    if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
    if (m_texture) glDeleteTextures(1, &m_texture);
    if (m_vertexArray) glDeleteVertexArrays(1, &m_vertexArray);
    if (m_program) glDeleteProgram(m_program);
}

bool RotatedFrame::buildProgram(std::string& error) {
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader, error);
    const GLuint fragment = vertex ? compile(GL_FRAGMENT_SHADER, kFragmentShader, error) : 0;
    if (!fragment) {
        if (vertex) glDeleteShader(vertex);
        return false;
    }
    m_program = glCreateProgram();
    glAttachShader(m_program, vertex);
    glAttachShader(m_program, fragment);
    glLinkProgram(m_program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(m_program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        error = "the rotation shader does not link";
        return false;
    }
    m_texCoordsUniform = glGetUniformLocation(m_program, "uTexCoords");
    glGenVertexArrays(1, &m_vertexArray);
    return true;
}

bool RotatedFrame::resize(const core::DisplayRotation& rotation, std::string& error) {
    if (!m_program && !buildProgram(error)) return false;
    m_rotation = rotation;
    const int width = static_cast<int>(rotation.logicalWidth());
    const int height = static_cast<int>(rotation.logicalHeight());
    if (!m_texture) glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    if (!m_fbo) glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        error = "the rotation's framebuffer (" + std::to_string(width) + "x" +
                std::to_string(height) + ") is incomplete";
        return false;
    }
    // The window's corners, in the strip's order (bottom-left, bottom-right, top-left,
    // top-right), mapped into the logical frame by the same maths as touch input. The texture's
    // row 0 is the frame's bottom row (GL), hence t = 1 - y / height.
    const double w = rotation.physicalWidth(), h = rotation.physicalHeight();
    const core::Vec2 corners[4] = {{0, h}, {w, h}, {0, 0}, {w, 0}};
    for (int i = 0; i < 4; ++i) {
        const core::Vec2 logical = rotation.toLogical(corners[i]);
        m_texCoords[2 * i] = static_cast<float>(logical.x / rotation.logicalWidth());
        m_texCoords[2 * i + 1] = static_cast<float>(1.0 - logical.y / rotation.logicalHeight());
    }
    return true;
}

void RotatedFrame::begin() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
}

void RotatedFrame::present() const {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, static_cast<GLsizei>(m_rotation.physicalWidth()),
               static_cast<GLsizei>(m_rotation.physicalHeight()));
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glUseProgram(m_program);
    glUniform2fv(m_texCoordsUniform, 4, m_texCoords);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glBindVertexArray(m_vertexArray);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
}

} // namespace lantai::kiosk

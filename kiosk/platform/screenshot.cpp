// kiosk/platform: framebuffer to PNG via stb_image_write
#include "kiosk/platform/screenshot.h"

#include <GL/gl.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#include <vector>

namespace lantai::kiosk {

bool writeScreenshotPng(const std::filesystem::path& file, int width, int height,
                        std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "empty framebuffer";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                      static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (!stbi_write_png(file.c_str(), width, height, 3, pixels.data(), width * 3)) {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

} // namespace lantai::kiosk

// tests: the kiosk runtime embedded as the editor's preview will embed it — in a host's GL
// context, drawing into the host's framebuffer object, beside the host's own ImGui context
// (needs a display: runs under xvfb-run as kiosk/runtime_embedded, skipped otherwise)
#include "kiosk/runtime/kiosk_runtime.h"
#include "tests/unit/support/gl_host.h"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <imgui.h>
#include <vector>

using namespace lantai;
using namespace lantai::kiosk;
using lantai::test::GlHost;

namespace {

bool hasTarget(const nlohmann::json& state, const std::string& id) {
    const auto& targets = state["targets"];
    return std::find(targets.begin(), targets.end(), id) != targets.end();
}

TEST(RuntimeEmbedded, DrawsIntoTheHostsFramebufferBesideTheHostsImGuiContext) {
    GlHost host;
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

// kiosk/runtime: makes the runtime's own Dear ImGui context current for one call, then restores
// the host's
#pragma once

#include <imgui.h>

namespace lantai::kiosk {

// Dear ImGui 1.86 keeps one current context per process (a global); the runtime's public calls
// switch to its own context with this guard so that a host's context (the editor's) is left as
// it was. Threading: the runtime's thread only.
class ImGuiContextScope {
  public:
    explicit ImGuiContextScope(ImGuiContext* context) : m_previous(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ImGuiContextScope() { ImGui::SetCurrentContext(m_previous); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

  private:
    ImGuiContext* m_previous;
};

} // namespace lantai::kiosk

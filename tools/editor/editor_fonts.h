// tools/editor: the editor's font atlas — Noto Sans CJK with only the characters the editor has
// shown or been typed, grown between frames (no 64 MB atlas of all of CJK at start)
#pragma once

#include <set>
#include <string>
#include <string_view>

struct ImFont;

namespace lantai::editor {

// Collects characters as the editor meets them (its UI strings, the pack's text, what the
// curator types or the input method composes) and rebuilds the atlas before the next frame when
// any is new. Typing a new character costs one rebuild of a few thousand glyphs (~20–60 ms),
// not a 20k-glyph atlas at start. Threading: the main thread, with the editor's ImGui context
// current; rebuild() outside NewFrame/Render.
class EditorFonts {
  public:
    // Adds the characters of `text`; true when one was new (the atlas needs a rebuild).
    bool add(std::string_view text);
    bool needsRebuild() const { return m_dirty; }
    // Builds the atlas (ImGui's io.Fonts) and its GL texture. False with `error` when Noto Sans
    // CJK is not installed or the atlas cannot be built.
    bool rebuild(std::string& error);
    std::size_t glyphCount() const { return m_glyphs; }
    std::size_t characterCount() const { return m_characters.size(); }
    double lastBuildMs() const { return m_buildMs; }
    ImFont* regular() const { return m_regular; }
    ImFont* heading() const { return m_heading; }
    float size() const { return m_size; }

  private:
    std::set<char32_t> m_characters;
    bool m_dirty = true;
    std::size_t m_glyphs = 0;
    double m_buildMs = 0;
    float m_size = 17.0f;
    ImFont* m_regular = nullptr;
    ImFont* m_heading = nullptr;
};

} // namespace lantai::editor

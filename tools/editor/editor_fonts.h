// tools/editor: the editor's font atlas — Noto Sans CJK with only the characters the editor has
// shown or been typed, grown on a worker between frames (no 64 MB atlas of all of CJK at start)
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <string_view>

struct ImFont;
struct ImFontAtlas;

namespace lantai::editor {

// Collects characters as the editor meets them (its UI strings, the pack's text, what the
// curator types or the input method composes). The first atlas is built at once (there is
// nothing to draw with before it); later ones, when a character is new, are built on a worker
// (a few thousand glyphs take ~20–60 ms of FreeType, more than a frame) and swapped in by
// update() before a frame: until then a new character draws as ImGui's fallback glyph.
// Threading: every member on the main thread, with the editor's ImGui context current; update()
// outside NewFrame/Render. The worker only rasterises into an atlas of its own and calls `wake`.
class EditorFonts {
  public:
    explicit EditorFonts(std::function<void()> wake = {});
    ~EditorFonts();
    EditorFonts(const EditorFonts&) = delete;
    EditorFonts& operator=(const EditorFonts&) = delete;

    void setWake(std::function<void()> wake) { m_wake = std::move(wake); }
    // Adds the characters of `text`; true when one was new (the atlas needs a rebuild).
    bool add(std::string_view text);
    // A new character is not in the installed atlas yet (a build waits or runs).
    bool needsRebuild() const { return m_dirty || m_building.valid(); }
    // New characters and no build under way: update() starts one.
    bool wantsBuild() const { return m_dirty && !m_building.valid(); }
    // Installs a finished build, starts one for new characters; the first atlas is built here
    // and now. True when an atlas was installed (the next frame looks different). False with
    // `error` when Noto Sans CJK is not installed or the atlas cannot be built.
    bool update(std::string& error);
    std::size_t glyphCount() const { return m_glyphs; }
    std::size_t characterCount() const { return m_characters.size(); }
    // The last build's milliseconds (on the worker, or at start).
    double lastBuildMs() const { return m_buildMs; }
    ImFont* regular() const { return m_regular; }
    ImFont* heading() const { return m_heading; }
    float size() const { return m_size; }

    struct Built; // an atlas with its two fonts, built on any thread

  private:
    bool install(std::unique_ptr<Built> built, std::string& error);

    std::function<void()> m_wake;
    std::set<char32_t> m_characters;
    bool m_dirty = true; // characters the installed atlas (or the build under way) lacks
    bool m_installed = false;
    std::future<std::unique_ptr<Built>> m_building;
    std::size_t m_glyphs = 0;
    double m_buildMs = 0;
    float m_size = 17.0f;
    ImFont* m_regular = nullptr;
    ImFont* m_heading = nullptr;
};

} // namespace lantai::editor

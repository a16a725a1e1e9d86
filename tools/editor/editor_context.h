// tools/editor: what every panel draws from — the document, the preview, the fonts, the tap
// targets scripts address, and the panels' shared helpers
#pragma once

#include "tools/editor/editor_document.h"
#include "tools/editor/editor_fonts.h"
#include "tools/editor/kiosk_preview.h"
#include "tools/editor/publish_job.h"

#include <imgui.h>
#include <map>
#include <optional>
#include <string>

namespace lantai::editor {

// Named screen rectangles of the last frame ("tree:item:letter-1931", "toolbar:undo"), so
// scripts and tests tap what the curator would tap, wherever the layout puts it.
class TapTargets {
  public:
    void beginFrame() { m_current.clear(); }
    void endFrame() { m_last.swap(m_current); }
    // The last ImGui item gets the name `id` (and is scrolled into view when a script asked).
    // `shown`: drawn even though ImGui calls it clipped (a menu bar's menu header).
    void mark(const std::string& id, bool shown = false) {
        if (id == m_wanted) {
            ImGui::SetScrollHereY(0.5f);
            m_wanted.clear();
        }
        m_current[id] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                         shown || ImGui::IsItemVisible()};
    }
    // The centre of a target that was visible in the last frame.
    std::optional<ImVec2> center(const std::string& id) const;
    // Whether the last frame drew `id` at all (perhaps scrolled out of view).
    bool known(const std::string& id) const { return m_last.count(id) > 0; }
    // Scrolls `id` into view when it is drawn next.
    void want(const std::string& id) { m_wanted = id; }
    // The target a script asked to see (empty: none): a clipped list draws its row.
    const std::string& wanted() const { return m_wanted; }
    std::vector<std::string> names() const;
    // The name of the last frame's target under `point` whose name starts with `prefix`.
    std::optional<std::string> at(ImVec2 point, const std::string& prefix) const;

  private:
    struct Rect {
        ImVec2 min, max;
        bool visible = true;
    };
    std::map<std::string, Rect> m_current, m_last;
    std::string m_wanted;
};

class ScreenCheck;

// A dialog the toolbar opened that needs a folder or a file (typed, or from the system's file
// chooser).
enum class PathPrompt {
    None,
    NewPack,
    OpenPack,
    SaveAs,
    CopyToUsb,
    ExportGallery,
    VideoFile,
    ReplaceImage,
    NarrationFile
};

class VideoFiles;
class ThumbnailCache;

struct EditorContext {
    EditorDocument& doc;
    KioskPreview& preview;
    EditorFonts& fonts;
    TapTargets& targets;
    PublishJob& publish;
    // Set by the UI, carried out by the app between frames.
    PathPrompt prompt = PathPrompt::None;
    std::string promptPath;
    bool quitRequested = false;
    std::string status;           // the status line (the last action's outcome)
    ScreenCheck* check = nullptr; // "check every screen" (the app's)
    bool checkWindowOpen = false;
    VideoFiles* videoFiles = nullptr; // the video panel's copies and subtitle checks
    bool showPathPrompt = false;      // open the built-in browser in the next drawDialogs
    ThumbnailCache* thumbnails = nullptr;
    // PathPrompt::ReplaceImage: which image the chosen file replaces.
    std::string replaceItem = {};
    std::size_t replaceImage = 0;
    // PathPrompt::NarrationFile: whose narration, in which language ("zh", "en"), gets the file.
    core::edit::NodeRef narrationNode = {};
    std::string narrationLang = {};
};

// "中文 English": every label in both languages (the curator's colleague may read only one).
std::string bilingual(const char* zh, const char* en);
// Shows a Status's problem in the status line and the document's messages; true when ok.
bool report(EditorContext& ctx, const core::Status& status);
// Selects a node (and shows it in the preview).
void selectNode(EditorContext& ctx, const core::edit::NodeRef& node, std::string pointer = {});
// The title of a node as the tree shows it (zh, else en, else its id).
std::string nodeTitle(const core::Pack& pack, const core::edit::NodeRef& node);

void drawMenuAndToolbar(EditorContext& ctx);
void drawTreePanel(EditorContext& ctx);
void drawFieldsPanel(EditorContext& ctx);
void drawDiagnosticsPanel(EditorContext& ctx);
void drawPreviewPanel(EditorContext& ctx);
void drawQuizTools(EditorContext& ctx);
void drawVideoFiles(EditorContext& ctx);
// Files dropped on one of the video panel's file fields go into it; false when not dropped there.
bool dropOnVideoField(EditorContext& ctx, const std::vector<std::filesystem::path>& paths,
                      ImVec2 at);
// Asks for a path: the desktop's chooser when there is one, else the built-in browser; the app
// carries out `prompt` with ctx.promptPath.
void askPath(EditorContext& ctx, PathPrompt prompt, bool file);
void drawDialogs(EditorContext& ctx);
// "Check every screen": starts it on the open pack, and its window (panel_check.cpp).
void startScreenCheck(EditorContext& ctx);
void drawCheckPanel(EditorContext& ctx);

} // namespace lantai::editor

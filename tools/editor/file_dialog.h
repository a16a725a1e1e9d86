// tools/editor: choosing files and folders — the desktop's own chooser: the xdg-desktop-portal
// FileChooser when a session bus and the portal answer, else zenity (GNOME/Xfce) or kdialog (KDE)
// when installed and a display is there, else the built-in browser
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lantai::editor {

enum class ChooserKind { OpenFolder, SaveFolder, OpenFile };

// What decides the chooser, so the order can be tested without a desktop.
struct ChooserProbe {
    bool display = false;              // $DISPLAY or $WAYLAND_DISPLAY
    std::optional<std::string> forced; // $LANTAI_FILE_CHOOSER ("" = the built-in browser)
    std::function<bool()> portal;      // the portal answers on the session bus
    std::function<bool(const std::string&)> installed; // a program on $PATH
};
// The first chooser of: the forced one, "portal", "zenity", "kdialog"; empty for the built-in
// browser (also without a display). The portal is asked only when no chooser is forced.
std::string pickChooser(const ChooserProbe& probe);

// Which external chooser this desktop has ("portal", "zenity", "kdialog"), or empty. The portal
// is probed once per process.
std::string externalChooser();

// Runs the external chooser (blocking: it is a modal window of its own); a portal that fails
// (e.g. cannot choose folders) hands over to zenity/kdialog. nullopt when the user cancelled or
// there is none.
std::optional<std::filesystem::path> runExternalChooser(ChooserKind kind, const std::string& title);

// The built-in browser's listing of `dir`: folders first, then files, by name; hidden entries
// left out.
struct BrowserEntry {
    std::string name;
    bool folder = false;
};
std::vector<BrowserEntry> listFolder(const std::filesystem::path& dir);

} // namespace lantai::editor

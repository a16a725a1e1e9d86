// tools/editor: choosing files and folders — the desktop's own chooser (zenity on GNOME/Xfce,
// kdialog on KDE) when one is installed and a display is there, else the built-in browser
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lantai::editor {

enum class ChooserKind { OpenFolder, SaveFolder, OpenFile };

// Which external chooser this desktop has ("zenity", "kdialog"), or empty.
std::string externalChooser();

// Runs the external chooser (blocking: it is a modal window of its own). nullopt when the user
// cancelled or there is none.
std::optional<std::filesystem::path> runExternalChooser(ChooserKind kind, const std::string& title);

// The built-in browser's listing of `dir`: folders first, then files, by name; hidden entries
// left out.
struct BrowserEntry {
    std::string name;
    bool folder = false;
};
std::vector<BrowserEntry> listFolder(const std::filesystem::path& dir);

} // namespace lantai::editor

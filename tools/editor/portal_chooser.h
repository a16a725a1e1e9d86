// tools/editor: the xdg-desktop-portal FileChooser over D-Bus (GIO's GDBus) — the desktop's own
// file dialog, also inside Flatpak and on Wayland; only when a session bus and the portal answer
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace lantai::editor {

// The session bus address: $DBUS_SESSION_BUS_ADDRESS, else $XDG_RUNTIME_DIR/bus when that socket
// exists. Never starts a bus (GLib's own lookup may autolaunch one through X11).
std::optional<std::string> sessionBusAddress();

// The FileChooser portal's interface version when the bus and the portal service answer within
// `timeoutMs` (the portal may be started by D-Bus activation); nullopt otherwise. Safe without a
// bus (libportal 0.6 would crash there: why it is not used, see README.md).
std::optional<unsigned> portalFileChooserVersion(int timeoutMs = 2000);

struct PortalChoice {
    enum class Outcome { Chosen, Cancelled, Failed } outcome = Outcome::Failed;
    std::filesystem::path path;
    std::string error; // Failed: why
};

// Shows the portal's OpenFile dialog (a folder when `folder`, which needs version 3) and waits
// for the answer, blocking like a modal dialog.
PortalChoice runPortalChooser(bool folder, const std::string& title);

} // namespace lantai::editor

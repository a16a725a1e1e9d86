// tools/editor: the FileChooser portal through GDBus — probe, OpenFile, the Response signal
#include "tools/editor/portal_chooser.h"

#include <atomic>
#include <cstdlib>
#include <gio/gio.h>
#include <unistd.h>

namespace lantai::editor {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPortal = "org.freedesktop.portal.Desktop";
constexpr const char* kPortalPath = "/org/freedesktop/portal/desktop";

struct Connecting {
    GMainLoop* loop = nullptr;
    GDBusConnection* bus = nullptr;
    std::string error;
    bool finished = false;
};

void onConnected(GObject*, GAsyncResult* result, gpointer data) {
    auto* connecting = static_cast<Connecting*>(data);
    GError* e = nullptr;
    connecting->bus = g_dbus_connection_new_for_address_finish(result, &e);
    if (e) {
        connecting->error = e->message;
        g_error_free(e);
    }
    connecting->finished = true;
    g_main_loop_quit(connecting->loop);
}

gboolean onConnectTimeout(gpointer data) {
    g_cancellable_cancel(static_cast<GCancellable*>(data));
    return G_SOURCE_REMOVE;
}

// A GDBus connection of our own (not GLib's shared session bus singleton), made within
// `timeoutMs` (a bus that accepts the socket but never answers must not freeze the editor).
// Call with a thread-default main context pushed.
struct Connection {
    GDBusConnection* bus = nullptr;
    std::string error;
    explicit Connection(int timeoutMs) {
        const auto address = sessionBusAddress();
        if (!address) {
            error = "no session bus";
            return;
        }
        GMainContext* context = g_main_context_get_thread_default();
        Connecting connecting;
        connecting.loop = g_main_loop_new(context, FALSE);
        GCancellable* cancel = g_cancellable_new();
        GSource* timeout = g_timeout_source_new(static_cast<guint>(timeoutMs));
        g_source_set_callback(timeout, onConnectTimeout, cancel, nullptr);
        g_source_attach(timeout, context);
        g_dbus_connection_new_for_address(
            address->c_str(),
            static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
            nullptr, cancel, onConnected, &connecting);
        while (!connecting.finished) // cancelled on time-out, the callback still comes
            g_main_loop_run(connecting.loop);
        g_source_destroy(timeout);
        g_source_unref(timeout);
        g_object_unref(cancel);
        g_main_loop_unref(connecting.loop);
        bus = connecting.bus;
        if (!bus)
            error =
                connecting.error.empty() ? "cannot connect to the session bus" : connecting.error;
    }
    ~Connection() {
        if (bus) {
            g_dbus_connection_close_sync(bus, nullptr, nullptr);
            g_object_unref(bus);
        }
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
};

// A main context of our own for the calls and signals of one probe or dialog.
struct OwnContext {
    GMainContext* context = g_main_context_new();
    OwnContext() { g_main_context_push_thread_default(context); }
    ~OwnContext() {
        g_main_context_pop_thread_default(context);
        g_main_context_unref(context);
    }
    OwnContext(const OwnContext&) = delete;
    OwnContext& operator=(const OwnContext&) = delete;
};

std::optional<unsigned> versionOn(GDBusConnection* bus, int timeoutMs) {
    GError* e = nullptr;
    GVariant* reply = g_dbus_connection_call_sync(
        bus, kPortal, kPortalPath, "org.freedesktop.DBus.Properties", "Get",
        g_variant_new("(ss)", "org.freedesktop.portal.FileChooser", "version"),
        G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NONE, timeoutMs, nullptr, &e);
    if (!reply) {
        if (e) g_error_free(e);
        return std::nullopt;
    }
    GVariant* value = nullptr;
    g_variant_get(reply, "(v)", &value);
    std::optional<unsigned> version;
    if (value && g_variant_is_of_type(value, G_VARIANT_TYPE_UINT32))
        version = g_variant_get_uint32(value);
    if (value) g_variant_unref(value);
    g_variant_unref(reply);
    return version;
}

struct Wait {
    GMainLoop* loop = nullptr;
    bool answered = false;
    guint32 response = 2;
    std::string uri;
};

void onResponse(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                GVariant* parameters, gpointer data) {
    auto* wait = static_cast<Wait*>(data);
    GVariant* results = nullptr;
    g_variant_get(parameters, "(u@a{sv})", &wait->response, &results);
    if (results) {
        const gchar** uris = nullptr;
        if (g_variant_lookup(results, "uris", "^a&s", &uris) && uris && uris[0])
            wait->uri = uris[0];
        g_free(uris);
        g_variant_unref(results);
    }
    wait->answered = true;
    g_main_loop_quit(wait->loop);
}

gboolean onTimeout(gpointer data) {
    g_main_loop_quit(static_cast<Wait*>(data)->loop);
    return G_SOURCE_REMOVE;
}

} // namespace

std::optional<std::string> sessionBusAddress() {
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS"); address && *address)
        return std::string(address);
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime) {
        std::error_code ec;
        const fs::path socket = fs::path(runtime) / "bus";
        if (fs::is_socket(socket, ec)) return "unix:path=" + socket.string();
    }
    return std::nullopt;
}

std::optional<unsigned> portalFileChooserVersion(int timeoutMs) {
    OwnContext context;
    Connection connection(timeoutMs);
    if (!connection.bus) return std::nullopt;
    return versionOn(connection.bus, timeoutMs);
}

PortalChoice runPortalChooser(bool folder, const std::string& title) {
    PortalChoice choice;
    OwnContext own; // the Response signal is delivered in this context
    GMainContext* context = own.context;
    {
        Connection connection(2000);
        const auto version = connection.bus ? versionOn(connection.bus, 2000) : std::nullopt;
        if (!connection.bus) {
            choice.error = connection.error;
        } else if (!version) {
            choice.error = "the FileChooser portal does not answer";
        } else if (folder && *version < 3) {
            choice.error = "the FileChooser portal (version " + std::to_string(*version) +
                           ") cannot choose folders";
        } else {
            // The request's object path is known before the call (handle_token), so the
            // Response signal cannot be missed.
            static std::atomic<int> counter{0};
            const std::string token =
                "lantai" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
            std::string sender = g_dbus_connection_get_unique_name(connection.bus) + 1;
            for (char& c : sender)
                if (c == '.') c = '_';
            const std::string handle =
                std::string(kPortalPath) + "/request/" + sender + "/" + token;
            Wait wait;
            wait.loop = g_main_loop_new(context, FALSE);
            const guint subscription = g_dbus_connection_signal_subscribe(
                connection.bus, kPortal, "org.freedesktop.portal.Request", "Response",
                handle.c_str(), nullptr, G_DBUS_SIGNAL_FLAGS_NONE, onResponse, &wait, nullptr);
            GVariantBuilder options;
            g_variant_builder_init(&options, G_VARIANT_TYPE_VARDICT);
            g_variant_builder_add(&options, "{sv}", "handle_token",
                                  g_variant_new_string(token.c_str()));
            g_variant_builder_add(&options, "{sv}", "modal", g_variant_new_boolean(TRUE));
            if (folder)
                g_variant_builder_add(&options, "{sv}", "directory", g_variant_new_boolean(TRUE));
            GError* e = nullptr;
            GVariant* reply = g_dbus_connection_call_sync(
                connection.bus, kPortal, kPortalPath, "org.freedesktop.portal.FileChooser",
                "OpenFile", g_variant_new("(ssa{sv})", "", title.c_str(), &options),
                G_VARIANT_TYPE("(o)"), G_DBUS_CALL_FLAGS_NONE, 10000, nullptr, &e);
            if (!reply) {
                choice.error = e ? e->message : "OpenFile failed";
                if (e) g_error_free(e);
            } else {
                g_variant_unref(reply);
                // The curator may take a while; an hour without an answer means the portal died.
                GSource* timeout = g_timeout_source_new_seconds(3600);
                g_source_set_callback(timeout, onTimeout, &wait, nullptr);
                g_source_attach(timeout, context);
                g_main_loop_run(wait.loop);
                g_source_destroy(timeout);
                g_source_unref(timeout);
                if (!wait.answered) {
                    choice.error = "the FileChooser portal did not answer";
                } else if (wait.response != 0) {
                    choice.outcome = PortalChoice::Outcome::Cancelled;
                } else if (gchar* path = g_filename_from_uri(wait.uri.c_str(), nullptr, nullptr)) {
                    choice.outcome = PortalChoice::Outcome::Chosen;
                    choice.path = path;
                    g_free(path);
                } else {
                    choice.error =
                        "the portal answered a URI that is not a local file: " + wait.uri;
                }
            }
            g_dbus_connection_signal_unsubscribe(connection.bus, subscription);
            g_main_loop_unref(wait.loop);
        }
    }
    return choice;
}

} // namespace lantai::editor

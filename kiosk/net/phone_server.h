// kiosk/net: the phone game's embedded HTTP + WebSocket server (civetweb) — the phone page, the
// captive-portal probes, and WebSocket frames queued for the kiosk's frame loop
#pragma once

#include "core/base/result.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct mg_context;
struct mg_connection;

namespace lantai::kiosk {

// Something that happened on a phone's WebSocket, for the frame loop.
struct PhoneNetEvent {
    enum class Kind { Opened, Frame, Closed };
    Kind kind = Kind::Frame;
    int connection = 0;
    std::string data; // Frame: the payload, cut after 4 KB (the game drops anything over 512 B)
    bool binary = false;
};

struct PhoneServerOptions {
    std::string listen; // address; empty: every interface
    int port = 8080;
    // The phone page (index.html, phone.js), read once at start: only these and the game's
    // WebSocket (/ws) are served.
    std::filesystem::path pageDir;
    // Called on a server thread after an event was queued (the kiosk's wakes its loop).
    std::function<void()> wake;
};

struct PhoneServerCounters {
    long long httpRequests = 0;
    long long probesAnswered = 0; // connectivity checks (core/phones/captive_probes)
    long long notFound = 0;
    long long queueDropped = 0; // events beyond the queue's cap (a flood)
    long long sendFailed = 0;
};

// Threading. civetweb's worker threads (one per open WebSocket, up to 128) run the handlers:
// they only append to the inbound queue under its mutex and call `wake`. The owner's thread
// (the kiosk's main thread) calls take() — it never waits for the network: the mutex is held
// only to swap a vector — and send()/close(), which append to the outbound queue; a sender
// thread of the server writes them (mg_websocket_write may block on a slow phone; the frame loop
// never does). Construct and destroy on the owner's thread; the destructor stops civetweb and
// the sender.
class PhoneServer {
  public:
    // Reads the page and starts listening; an error names the address or the missing file.
    static core::Result<std::unique_ptr<PhoneServer>> start(PhoneServerOptions options);
    ~PhoneServer();
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    std::vector<PhoneNetEvent> take();
    void send(int connection, std::string text);
    void close(int connection);
    PhoneServerCounters counters() const;
    int port() const { return m_options.port; }

  private:
    struct Connection {
        std::mutex mutex; // held while writing; the close handler takes it before forgetting
        mg_connection* conn = nullptr;
        bool open = true;
    };
    struct Outgoing {
        int connection = 0;
        std::string text;
        bool close = false;
    };
    struct Page {
        std::string contentType;
        std::string body;
    };

    explicit PhoneServer(PhoneServerOptions options);
    static int onRequest(mg_connection* conn, void* self);
    static int onWsConnect(const mg_connection* conn, void* self);
    static void onWsReady(mg_connection* conn, void* self);
    static int onWsData(mg_connection* conn, int bits, char* data, std::size_t length, void* self);
    static void onWsClose(const mg_connection* conn, void* self);
    int serve(mg_connection* conn);
    void push(PhoneNetEvent event);
    void sendLoop();

    PhoneServerOptions m_options;
    std::map<std::string, Page> m_pages; // by path
    mg_context* m_context = nullptr;

    std::mutex m_inMutex;
    std::vector<PhoneNetEvent> m_inbound;

    std::mutex m_connectionsMutex;
    std::map<int, std::shared_ptr<Connection>> m_connections;
    std::atomic<int> m_nextConnection{1};

    std::mutex m_outMutex;
    std::condition_variable m_outReady;
    std::deque<Outgoing> m_outbound;
    bool m_stopping = false;
    std::thread m_sender;

    mutable std::mutex m_countersMutex;
    PhoneServerCounters m_counters;
};

} // namespace lantai::kiosk

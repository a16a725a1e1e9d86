// kiosk/net: the civetweb server — pages from memory, probes, WebSocket frames into the inbound
// queue, a sender thread for the outbound one
#include "kiosk/net/phone_server.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/phones/captive_probes.h"

#include <civetweb.h>
#include <cstring>

namespace lantai::kiosk {

namespace {

constexpr std::size_t kMaxQueuedEvents = 20000; // a flood beyond this is dropped and counted
constexpr std::size_t kFrameKeepBytes = 4096;   // longer frames are cut (then dropped as oversized)

struct ConnectionTag {
    int id = 0;
};

int connectionId(const mg_connection* conn) {
    const auto* tag = static_cast<const ConnectionTag*>(mg_get_user_connection_data(conn));
    return tag ? tag->id : 0;
}

// The whole response, headers built here (not mg_printf: civetweb's worker threads have small
// stacks and glibc's vsnprintf overran one in the kiosk).
void writeResponse(mg_connection* conn, int status, const char* reason, const std::string& type,
                   const std::string& body, bool head, const char* cache) {
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                      "\r\nContent-Length: " + std::to_string(body.size()) +
                      "\r\nCache-Control: " + cache + "\r\nX-Content-Type-Options: nosniff\r\n";
    if (!type.empty()) out += "Content-Type: " + type + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (!head) out += body;
    mg_write(conn, out.data(), out.size());
}

} // namespace

PhoneServer::PhoneServer(PhoneServerOptions options) : m_options(std::move(options)) {}

core::Result<std::unique_ptr<PhoneServer>> PhoneServer::start(PhoneServerOptions options) {
    std::unique_ptr<PhoneServer> server(new PhoneServer(std::move(options)));
    const std::pair<const char*, const char*> files[] = {
        {"index.html", "text/html; charset=utf-8"}, {"phone.js", "text/javascript; charset=utf-8"}};
    for (const auto& [name, type] : files) {
        const auto path = server->m_options.pageDir / name;
        auto text = core::readFile(path, 1 << 20);
        if (!text)
            return core::operationalError("phones.page_missing", path.string(),
                                          "The phone page's file " + path.string() +
                                              " cannot be read: " + text.error().message,
                                          "手机答题页面文件 " + path.string() + " 无法读取：" +
                                              text.error().messageZh);
        server->m_pages["/" + std::string(name)] = {type, std::move(text).value()};
    }
    server->m_pages["/"] = server->m_pages["/index.html"];

    const std::string ports =
        (server->m_options.listen.empty() ? std::string()
                                          : (server->m_options.listen.find(':') != std::string::npos
                                                 ? "[" + server->m_options.listen + "]:"
                                                 : server->m_options.listen + ":")) +
        std::to_string(server->m_options.port);
    // One worker thread per open WebSocket: a class of 50 plus page loads and probes.
    const char* config[] = {"listening_ports",
                            ports.c_str(),
                            "num_threads",
                            "128",
                            "request_timeout_ms",
                            "10000",
                            "websocket_timeout_ms",
                            "600000",
                            "enable_keep_alive",
                            "no",
                            nullptr};
    mg_callbacks callbacks{};
    server->m_context = mg_start(&callbacks, server.get(), config);
    if (!server->m_context)
        return core::operationalError(
            "phones.listen_failed", ports,
            "The phone game cannot listen on " + ports +
                " (is another program using the port, or is the address not this computer's?)",
            "手机答题无法在 " + ports + " 上监听（端口是否被其他程序占用，或地址不属于本机？）");
    mg_set_request_handler(server->m_context, "/", &PhoneServer::onRequest, server.get());
    mg_set_websocket_handler(server->m_context, "/ws", &PhoneServer::onWsConnect,
                             &PhoneServer::onWsReady, &PhoneServer::onWsData,
                             &PhoneServer::onWsClose, server.get());
    server->m_sender = std::thread([s = server.get()] { s->sendLoop(); });
    core::logInfo("phones: serving the phone page on port " + ports);
    return server;
}

PhoneServer::~PhoneServer() {
    {
        std::lock_guard lock(m_outMutex);
        m_stopping = true;
    }
    m_outReady.notify_all();
    if (m_sender.joinable()) m_sender.join();
    if (m_context) mg_stop(m_context);
}

int PhoneServer::onRequest(mg_connection* conn, void* self) {
    return static_cast<PhoneServer*>(self)->serve(conn);
}

int PhoneServer::serve(mg_connection* conn) {
    const mg_request_info* ri = mg_get_request_info(conn);
    const char* hostHeader = mg_get_header(conn, "Host");
    const std::string path = ri->local_uri ? ri->local_uri : "/";
    const bool head = std::strcmp(ri->request_method, "HEAD") == 0;
    {
        std::lock_guard lock(m_countersMutex);
        ++m_counters.httpRequests;
    }
    if (!head && std::strcmp(ri->request_method, "GET") != 0) {
        writeResponse(conn, 405, "Method Not Allowed", "text/plain", "GET only\n", false,
                      "no-store");
        return 405;
    }
    if (const auto probe = core::captivePortalReply(hostHeader ? hostHeader : "", path)) {
        {
            std::lock_guard lock(m_countersMutex);
            ++m_counters.probesAnswered;
        }
        writeResponse(conn, probe->status, probe->status == 204 ? "No Content" : "OK",
                      probe->contentType, probe->body, head, "no-store");
        return probe->status;
    }
    const auto page = m_pages.find(path);
    if (page == m_pages.end()) {
        {
            std::lock_guard lock(m_countersMutex);
            ++m_counters.notFound;
        }
        writeResponse(conn, 404, "Not Found", "text/plain", "not found\n", head, "no-store");
        return 404;
    }
    writeResponse(conn, 200, "OK", page->second.contentType, page->second.body, head, "no-cache");
    return 200;
}

int PhoneServer::onWsConnect(const mg_connection* conn, void* self) {
    auto* server = static_cast<PhoneServer*>(self);
    mg_set_user_connection_data(conn, new ConnectionTag{server->m_nextConnection++});
    return 0;
}

void PhoneServer::onWsReady(mg_connection* conn, void* self) {
    auto* server = static_cast<PhoneServer*>(self);
    const int id = connectionId(conn);
    auto entry = std::make_shared<Connection>();
    entry->conn = conn;
    {
        std::lock_guard lock(server->m_connectionsMutex);
        server->m_connections[id] = std::move(entry);
    }
    server->push({PhoneNetEvent::Kind::Opened, id, {}, false});
}

int PhoneServer::onWsData(mg_connection* conn, int bits, char* data, std::size_t length,
                          void* self) {
    auto* server = static_cast<PhoneServer*>(self);
    const int opcode = bits & 0x0f;
    if (opcode == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE) return 0;
    if (opcode == MG_WEBSOCKET_OPCODE_PING || opcode == MG_WEBSOCKET_OPCODE_PONG) return 1;
    PhoneNetEvent event{PhoneNetEvent::Kind::Frame, connectionId(conn),
                        std::string(data, std::min(length, kFrameKeepBytes)),
                        opcode != MG_WEBSOCKET_OPCODE_TEXT};
    server->push(std::move(event));
    return 1;
}

void PhoneServer::onWsClose(const mg_connection* conn, void* self) {
    auto* server = static_cast<PhoneServer*>(self);
    auto* tag = static_cast<ConnectionTag*>(mg_get_user_connection_data(conn));
    if (!tag) return;
    const int id = tag->id;
    std::shared_ptr<Connection> entry;
    {
        std::lock_guard lock(server->m_connectionsMutex);
        auto it = server->m_connections.find(id);
        if (it != server->m_connections.end()) {
            entry = it->second;
            server->m_connections.erase(it);
        }
    }
    if (entry) {
        std::lock_guard lock(entry->mutex); // waits for a write under way
        entry->open = false;
        entry->conn = nullptr;
    }
    mg_set_user_connection_data(conn, nullptr);
    delete tag;
    server->push({PhoneNetEvent::Kind::Closed, id, {}, false});
}

void PhoneServer::push(PhoneNetEvent event) {
    {
        std::lock_guard lock(m_inMutex);
        if (m_inbound.size() >= kMaxQueuedEvents && event.kind == PhoneNetEvent::Kind::Frame) {
            std::lock_guard counters(m_countersMutex);
            ++m_counters.queueDropped;
            return;
        }
        m_inbound.push_back(std::move(event));
    }
    if (m_options.wake) m_options.wake();
}

std::vector<PhoneNetEvent> PhoneServer::take() {
    std::vector<PhoneNetEvent> out;
    std::lock_guard lock(m_inMutex);
    out.swap(m_inbound);
    return out;
}

void PhoneServer::send(int connection, std::string text) {
    {
        std::lock_guard lock(m_outMutex);
        m_outbound.push_back({connection, std::move(text), false});
    }
    m_outReady.notify_one();
}

void PhoneServer::close(int connection) {
    {
        std::lock_guard lock(m_outMutex);
        m_outbound.push_back({connection, {}, true});
    }
    m_outReady.notify_one();
}

PhoneServerCounters PhoneServer::counters() const {
    std::lock_guard lock(m_countersMutex);
    return m_counters;
}

void PhoneServer::sendLoop() {
    for (;;) {
        std::deque<Outgoing> batch;
        {
            std::unique_lock lock(m_outMutex);
            m_outReady.wait(lock, [this] { return m_stopping || !m_outbound.empty(); });
            if (m_stopping) return;
            batch.swap(m_outbound);
        }
        for (const Outgoing& out : batch) {
            std::shared_ptr<Connection> entry;
            {
                std::lock_guard lock(m_connectionsMutex);
                auto it = m_connections.find(out.connection);
                if (it != m_connections.end()) entry = it->second;
            }
            if (!entry) continue; // closed meanwhile
            std::lock_guard lock(entry->mutex);
            if (!entry->open || !entry->conn) continue;
            const int written =
                out.close
                    ? mg_websocket_write(entry->conn, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, "", 0)
                    : mg_websocket_write(entry->conn, MG_WEBSOCKET_OPCODE_TEXT, out.text.data(),
                                         out.text.size());
            if (written <= 0) {
                std::lock_guard counters(m_countersMutex);
                ++m_counters.sendFailed;
            }
        }
    }
}

} // namespace lantai::kiosk

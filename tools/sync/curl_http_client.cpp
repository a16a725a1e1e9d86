// tools/sync: core::HttpClient on libcurl (one easy handle: the connection is reused)
#include "tools/sync/curl_http_client.h"

#include "core/fleet/object_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <curl/curl.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace lantai::sync {

namespace fs = std::filesystem;
using core::Diagnostic;
using core::HttpReply;
using core::Result;

namespace {

CURL* handle(void* curl) {
    return static_cast<CURL*>(curl);
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* reply = static_cast<HttpReply*>(user);
    const std::string line(data, size * count);
    constexpr std::string_view name = "etag:";
    if (line.size() > name.size()) {
        bool match = true;
        for (std::size_t i = 0; i < name.size() && match; ++i)
            match = std::tolower(static_cast<unsigned char>(line[i])) == name[i];
        if (match) {
            std::string value = line.substr(name.size());
            const auto first = value.find_first_not_of(" \t");
            const auto last = value.find_last_not_of(" \t\r\n");
            reply->etag = first == std::string::npos ? "" : value.substr(first, last - first + 1);
        }
    }
    // A new response (a redirect or 100 Continue) starts over.
    if (line.rfind("HTTP/", 0) == 0) reply->etag.clear();
    return size * count;
}

struct MemorySink {
    HttpReply* reply;
    std::size_t maxBytes;
    bool tooLarge = false;
};

std::size_t onMemoryBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<MemorySink*>(user);
    const std::size_t n = size * count;
    if (sink->reply->body.size() + n > sink->maxBytes) {
        sink->tooLarge = true;
        return 0;
    }
    sink->reply->body.append(data, n);
    sink->reply->received += n;
    return n;
}

// Paces a download to `rate` bytes per second by sleeping in the write callback (curl 7.88's
// CURLOPT_MAX_RECV_SPEED_LARGE let a 480 KB object through at full speed on loopback); with the
// small receive buffer below, TCP then slows the sender down too.
struct Pacer {
    std::int64_t rate = 0;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::uint64_t bytes = 0;
    void account(std::size_t n) {
        if (rate <= 0) return;
        bytes += n;
        const auto due = start + std::chrono::microseconds(static_cast<std::int64_t>(
                                     static_cast<double>(bytes) * 1e6 / static_cast<double>(rate)));
        std::this_thread::sleep_until(due);
    }
};

struct FileSink {
    CURL* curl;
    std::FILE* file;
    std::uint64_t offset; // bytes already in the file when the request started
    HttpReply* reply;
    Pacer pacer;
    bool decided = false;
    bool keep = false; // a 2xx body: written; anything else: discarded
    bool writeError = false;
};

std::size_t onFileBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<FileSink*>(user);
    const std::size_t n = size * count;
    if (!sink->decided) {
        long status = 0;
        curl_easy_getinfo(sink->curl, CURLINFO_RESPONSE_CODE, &status);
        sink->decided = true;
        sink->keep = status == 200 || status == 206;
        if (status == 200 && sink->offset > 0) { // the server ignored the range: start over
            std::fflush(sink->file);
            if (::ftruncate(::fileno(sink->file), 0) != 0 || std::fseek(sink->file, 0, SEEK_SET))
                sink->writeError = true;
        }
    }
    sink->reply->received += n;
    if (!sink->keep) return n;
    if (std::fwrite(data, 1, n, sink->file) != n) {
        sink->writeError = true;
        return 0;
    }
    sink->pacer.account(n);
    return n;
}

// With a bandwidth limit, a small socket receive buffer: otherwise the kernel takes a burst of
// several megabytes at the start of a transfer (loopback, a fast LAN) before the limit applies.
int onSocket(void* user, curl_socket_t socket, curlsocktype purpose) {
    if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKOPT_OK;
    const auto rate = *static_cast<const std::int64_t*>(user);
    const int bytes = static_cast<int>(std::clamp<std::int64_t>(rate / 4, 8 * 1024, 1024 * 1024));
    ::setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
    return CURL_SOCKOPT_OK;
}

Diagnostic unreachable(const std::string& address, const std::string& why) {
    const std::string url = core::redactUrl(address);
    return core::operationalError(core::kFleetUnreachable, url, "Cannot reach " + url + ": " + why,
                                  "无法连接 " + url + "：" + why);
}

} // namespace

CurlHttpClient::CurlHttpClient(CurlOptions options) : m_options(std::move(options)) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    m_curl = curl_easy_init();
}

CurlHttpClient::~CurlHttpClient() {
    curl_easy_cleanup(handle(m_curl));
    curl_global_cleanup();
}

// Back to defaults (the connection cache stays), then what every request shares.
void CurlHttpClient::reset() {
    CURL* curl = handle(m_curl);
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, m_options.connectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, m_options.lowSpeedSeconds);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, m_options.userAgent.c_str());
    if (m_options.maxRecvBytesPerSecond > 0) {
        curl_easy_setopt(curl, CURLOPT_MAX_RECV_SPEED_LARGE,
                         static_cast<curl_off_t>(m_options.maxRecvBytesPerSecond));
        curl_easy_setopt(curl, CURLOPT_SOCKOPTFUNCTION, onSocket);
        curl_easy_setopt(curl, CURLOPT_SOCKOPTDATA, &m_options.maxRecvBytesPerSecond);
    }
}

Result<HttpReply> CurlHttpClient::get(const std::string& url, const std::string& ifNoneMatch,
                                      std::size_t maxBytes) {
    reset();
    CURL* curl = handle(m_curl);
    HttpReply reply;
    MemorySink sink{&reply, maxBytes};
    char error[CURL_ERROR_SIZE] = {0};
    curl_slist* headers = nullptr;
    if (!ifNoneMatch.empty())
        headers = curl_slist_append(headers, ("If-None-Match: " + ifNoneMatch).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); // gzip when the server offers it
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onMemoryBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (sink.tooLarge)
        return core::operationalError(core::kFleetHttpError, url,
                                      url + " is larger than " + std::to_string(maxBytes) +
                                          " bytes",
                                      url + " 大于 " + std::to_string(maxBytes) + " 字节");
    if (code != CURLE_OK) return unreachable(url, error[0] ? error : curl_easy_strerror(code));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_off_t onWire = 0; // the body as sent (gzip), not as decoded
    if (curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &onWire) == CURLE_OK)
        reply.received = static_cast<std::uint64_t>(onWire);
    return reply;
}

Result<HttpReply> CurlHttpClient::download(const std::string& url, const fs::path& part) {
    reset();
    CURL* curl = handle(m_curl);
    std::error_code ec;
    const std::uint64_t offset = fs::exists(part, ec) ? fs::file_size(part, ec) : 0;
    std::FILE* file = std::fopen(part.c_str(), "ab");
    if (!file) return core::fleetWriteError(part, "cannot open for writing");
    HttpReply reply;
    FileSink sink{curl, file, offset, &reply, Pacer{m_options.maxRecvBytesPerSecond}};
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onFileBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    // CURLOPT_RANGE, not RESUME_FROM: a server that answers 200 to a range is then no error (the
    // body replaces the part file).
    const std::string range = std::to_string(offset) + "-";
    if (offset > 0) curl_easy_setopt(curl, CURLOPT_RANGE, range.c_str());
    const CURLcode code = curl_easy_perform(curl);
    const bool closed = std::fclose(file) == 0;
    if (sink.writeError || !closed) return core::fleetWriteError(part, "the disk may be full");
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    if (code != CURLE_OK) return unreachable(url, error[0] ? error : curl_easy_strerror(code));
    return reply;
}

Result<HttpReply> CurlHttpClient::put(const std::string& url, const fs::path& file) {
    reset();
    CURL* curl = handle(m_curl);
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    std::FILE* in = ec ? nullptr : std::fopen(file.c_str(), "rb");
    if (!in)
        return core::operationalError("fleet.read_failed", file.string(),
                                      "Cannot read \"" + file.string() + "\" to send it",
                                      "无法读取要发送的“" + file.string() + "”");
    HttpReply reply;
    MemorySink sink{&reply, 64 * 1024};
    char error[CURL_ERROR_SIZE] = {0};
    curl_slist* headers = curl_slist_append(nullptr, "Expect:"); // no 100-continue round trip
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READDATA, in);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(size));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onMemoryBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    std::fclose(in);
    if (code != CURLE_OK) return unreachable(url, error[0] ? error : curl_easy_strerror(code));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

} // namespace lantai::sync
